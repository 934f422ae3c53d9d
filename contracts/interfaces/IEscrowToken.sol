// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IEscrow} from "./IEscrow.sol";

/**
 * @title IEscrowToken
 * @notice The escrow of the token flavour (Ethereum mainnet): SRLC is minted 1:1 against RLC
 * pulled from the depositor (who approved the hub first, or deposits in one transaction with
 * `RLC.approveAndCall(hub, amount, "")`).
 */
interface IEscrowToken is IEscrow {
    /// @notice `receiveApproval` was called by `caller`, which is not the hub's token.
    error EscrowCallerNotToken(address caller);
    /// @notice `receiveApproval` names `token`, which is not the hub's token.
    error EscrowWrongToken(address token);
    /// @notice The hub's `token` returned false when asked to move `amount` from `from` to `to`.
    error EscrowTokenTransferFailed(address token, address from, address to, uint256 amount);

    /**
     * @notice Pull `amount` RLC from the caller and credit it to the caller.
     * @dev Requirements: the caller approved the hub for `amount`. Emits a {Transfer} event from
     * the zero address.
     * @param amount The amount, in nRLC.
     * @return True.
     */
    function deposit(uint256 amount) external returns (bool);

    /**
     * @notice Pull `amount` RLC from the caller and credit it to `target`.
     * @dev Requirements: `target` is neither zero, nor the hub, nor the kitty.
     * @param amount The amount, in nRLC.
     * @param target Who is credited.
     * @return True.
     */
    function depositFor(uint256 amount, address target) external returns (bool);

    /**
     * @notice Pull the sum of `amounts` from the caller (one transfer) and credit `amounts[i]`
     * to `targets[i]`.
     * @dev Requirements: the arrays have the same length; each target is valid as in
     * {depositFor}. Empty arrays do nothing.
     * @param amounts The amounts, in nRLC.
     * @param targets Who is credited.
     * @return True.
     */
    function depositForArray(uint256[] calldata amounts, address[] calldata targets) external returns (bool);
}
