// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IEscrowLedger} from "./IEscrowLedger.sol";
import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";

/**
 * @title IEscrowERC20
 * @notice The hub as an ERC-20 token ("Staked RLC", SRLC, 9 decimals) over the escrow's free
 * balances, and the views of escrow accounts. Names and signatures are those of the PoCo v6.2 ABI.
 * @dev Transfers move free balance only: frozen value cannot be transferred. Transfers to the
 * zero address, to the hub and to the kitty are rejected ({IEscrowLedger-ERC20InvalidReceiver}).
 */
interface IEscrowERC20 is IEscrowLedger {
    /// @notice `spender.receiveApproval` did not return true in `approveAndCall`.
    error EscrowApprovalRefused(address spender);

    /// @notice The token name: "Staked RLC".
    /// @return The name.
    function name() external view returns (string memory);

    /// @notice The token symbol: "SRLC".
    /// @return The symbol.
    function symbol() external view returns (string memory);

    /// @notice The token decimals: 9, as RLC.
    /// @return The decimals.
    function decimals() external view returns (uint8);

    /// @notice Minted minus burned: what the hub owes its users, in nRLC.
    /// @return The total supply.
    function totalSupply() external view returns (uint256);

    /// @notice The free balance of `account` (for the hub itself: the sum of all frozen balances).
    /// @param account The account.
    /// @return The free balance, in nRLC.
    function balanceOf(address account) external view returns (uint256);

    /// @notice The frozen balance of `account`.
    /// @param account The account.
    /// @return The frozen balance, in nRLC.
    function frozenOf(address account) external view returns (uint256);

    /// @notice The free and frozen balances of `account`.
    /// @param account The account.
    /// @return The account: `stake` (free) and `locked` (frozen), in nRLC.
    function viewAccount(address account) external view returns (IexecLibCore_v5.Account memory);

    /// @notice The free and frozen balances of `_user`, as a tuple (legacy ABI of worker middleware).
    /// @param _user The account.
    /// @return The free balance, in nRLC.
    /// @return The frozen balance, in nRLC.
    function viewAccountABILegacy(address _user) external view returns (uint256, uint256);

    /// @notice What `spender` may still move from the free balance of `account`.
    /// @param account The owner of the balance.
    /// @param spender The spender.
    /// @return The allowance, in nRLC.
    function allowance(address account, address spender) external view returns (uint256);

    /**
     * @notice Move `value` of the caller's free balance to `to`.
     * @dev Requirements: the caller's free balance covers `value`; `to` is neither zero, nor the
     * hub, nor the kitty. Emits a {Transfer} event.
     * @param to The receiver.
     * @param value The amount, in nRLC.
     * @return True.
     */
    function transfer(address to, uint256 value) external returns (bool);

    /**
     * @notice Allow `spender` to move `value` of the caller's free balance (replacing any
     * previous allowance).
     * @dev Requirements: `spender` is not zero. Emits an {Approval} event.
     * @param spender The spender.
     * @param value The allowance, in nRLC.
     * @return True.
     */
    function approve(address spender, uint256 value) external returns (bool);

    /**
     * @notice Move `value` of `from`'s free balance to `to`, spending the caller's allowance.
     * @dev Requirements: the allowance and `from`'s free balance cover `value`; `to` as in
     * {transfer}. Emits a {Transfer} event, then an {Approval} event with the decreased allowance
     * (always: there is no infinite allowance), in the reference's order.
     * @param from The owner of the balance.
     * @param to The receiver.
     * @param value The amount, in nRLC.
     * @return True.
     */
    function transferFrom(address from, address to, uint256 value) external returns (bool);

    /**
     * @notice Raise the allowance of `spender` by `addedValue`.
     * @dev Emits an {Approval} event with the new allowance.
     * @param spender The spender.
     * @param addedValue The increase, in nRLC.
     * @return True.
     */
    function increaseAllowance(address spender, uint256 addedValue) external returns (bool);

    /**
     * @notice Lower the allowance of `spender` by `subtractedValue`.
     * @dev Requirements: the allowance is at least `subtractedValue`. Emits an {Approval} event
     * with the new allowance.
     * @param spender The spender.
     * @param subtractedValue The decrease, in nRLC.
     * @return True.
     */
    function decreaseAllowance(address spender, uint256 subtractedValue) external returns (bool);

    /**
     * @notice Allow `spender` to move `value` of the caller's free balance, then call
     * `spender.receiveApproval(caller, value, hub, extraData)` in the same transaction.
     * @dev Requirements: as {approve}; the spender returns true. Emits an {Approval} event.
     * @param spender The contract approved and called.
     * @param value The allowance, in nRLC.
     * @param extraData Data passed through to the spender.
     * @return True.
     */
    function approveAndCall(address spender, uint256 value, bytes calldata extraData) external returns (bool);
}
