// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/**
 * @title IEscrowLedger
 * @notice The events and errors of the escrow ledger, shared by every facet that moves escrowed
 * value (deposit/withdraw facets, the SRLC ERC-20 view, and later the Clerk and the consensus).
 * @dev The six events are those of the PoCo v6.2 ABI, parameter for parameter (nothing indexed in
 * `Lock`, `Unlock`, `Reward`, `Seize`). The errors are this implementation's: ERC-6093 shaped where
 * an ERC-20 rule is broken, `Escrow*` otherwise; the reference reverted with strings there.
 */
interface IEscrowLedger {
    /// @notice `from` has a free balance of `balance`, below the `needed` amount.
    error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed);
    /// @notice Value cannot be moved from `sender` (the zero address).
    error ERC20InvalidSender(address sender);
    /**
     * @notice Value cannot be credited to `receiver`: the zero address, the hub itself (its
     * balance backs the frozen amounts) or the kitty (it only ever holds frozen value, and
     * nobody could spend what would be credited to it).
     */
    error ERC20InvalidReceiver(address receiver);
    /// @notice `spender` is allowed `allowance`, below the `needed` amount.
    error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
    /// @notice An allowance cannot be given by `approver` (the zero address).
    error ERC20InvalidApprover(address approver);
    /// @notice An allowance cannot be given to `spender` (the zero address).
    error ERC20InvalidSpender(address spender);
    /// @notice `decreaseAllowance` would take the allowance of `spender` below zero.
    error ERC20FailedDecreaseAllowance(address spender, uint256 currentAllowance, uint256 requestedDecrease);
    /// @notice `account` has a frozen balance of `frozen`, below the `needed` amount.
    error EscrowInsufficientFrozen(address account, uint256 frozen, uint256 needed);
    /// @notice Minting `value` on top of `totalSupply` would exceed the supply cap (2^96 - 1 nRLC).
    error EscrowSupplyCapExceeded(uint256 totalSupply, uint256 value);

    /// @notice `value` nRLC of SRLC moved from `from` to `to` (zero `from`: minted, zero `to`: burned).
    event Transfer(address indexed from, address indexed to, uint256 value);
    /// @notice `owner` allows `spender` to move `value` nRLC of its free balance.
    event Approval(address indexed owner, address indexed spender, uint256 value);
    /// @notice `amount` of the free balance of `owner` was frozen (moved to the hub's account).
    event Lock(address owner, uint256 amount);
    /// @notice `amount` of the frozen balance of `owner` was released to its free balance.
    event Unlock(address owner, uint256 amount);
    /// @notice `owner` was paid `amount` by the hub for `ref` (a task id).
    event Reward(address owner, uint256 amount, bytes32 ref);
    /// @notice `amount` of the frozen balance of `owner` was taken for `ref` (a task id); the value
    /// stays in the hub until a following reward routes it.
    event Seize(address owner, uint256 amount, bytes32 ref);
}
