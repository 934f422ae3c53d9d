// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IEscrow} from "./IEscrow.sol";

/**
 * @title IEscrowNative
 * @notice The escrow of the native flavour (PoA sidechain): SRLC is minted against the chain's
 * coin at 1 nRLC = 10^9 wei. The part of a payment below 1 nRLC (the dust) is never kept: it is
 * sent back to the payer in the same transaction.
 */
interface IEscrowNative is IEscrow {
    /// @notice Sending `value` wei to `to` failed (a withdrawal, or a dust refund).
    error NativeTransferFailed(address to, uint256 value);
    /// @notice `value` wei do not pay for `amount` nRLC (saturated at 2^256 - 1 when the amounts
    /// of a batch add up beyond it).
    error NativeInsufficientValue(uint256 value, uint256 amount);

    /**
     * @notice Credit the caller with `msg.value / 10^9` nRLC and refund the rest (the dust) to
     * the caller.
     * @dev A caller that cannot receive coins can deposit exact multiples of 10^9 wei only (the
     * refund of a non-zero dust would fail). Emits a {Transfer} event from the zero address.
     * @return True.
     */
    function deposit() external payable returns (bool);

    /**
     * @notice Credit `target` with `msg.value / 10^9` nRLC and refund the dust to the caller.
     * @dev Requirements: `target` is neither zero, nor the hub, nor the kitty.
     * @param target Who is credited.
     * @return True.
     */
    function depositFor(address target) external payable returns (bool);

    /**
     * @notice Credit `amounts[i]` nRLC to `targets[i]`, paid by `msg.value`; refund what is left
     * to the caller.
     * @dev Requirements: the arrays have the same length; `msg.value` covers
     * `Σ amounts * 10^9` wei; each target is valid as in {depositFor}.
     * @param amounts The amounts, in nRLC.
     * @param targets Who is credited.
     * @return True.
     */
    function depositForArray(uint256[] calldata amounts, address[] calldata targets) external payable returns (bool);

    /// @notice A plain coin transfer to the hub is a {deposit}.
    receive() external payable;
}
