// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IEscrowLedger} from "./IEscrowLedger.sol";

/**
 * @title IEscrow
 * @notice What both escrow flavours share: withdrawing, recovering what was sent to the hub
 * without a deposit, and the ERC-677 approval hook. The deposit functions differ per flavour
 * ({IEscrowToken}, {IEscrowNative}).
 * @dev Amounts are in nRLC (10^-9 RLC); on the native flavour 1 nRLC is 10^9 wei.
 */
interface IEscrow is IEscrowLedger {
    /// @notice The operation requested through `receiveApproval` data (its first four bytes,
    /// `selector`) is not supported. Error of the PoCo v6.2 ABI.
    error UnsupportedOperation(bytes4 selector);
    /// @notice The operation requested through `receiveApproval` failed without a reason. Error of
    /// the PoCo v6.2 ABI.
    error OperationFailed();
    /// @notice The request order passed to `receiveApproval` is not the approver's. Error of the
    /// PoCo v6.2 ABI.
    error CallerIsNotTheRequester();
    /// @notice A batch deposit got `amounts` amounts for `targets` targets.
    error EscrowArrayLengthMismatch(uint256 amounts, uint256 targets);

    /**
     * @notice Burn `amount` of the caller's free balance and send the caller the same value in
     * RLC (token flavour) or `amount * 10^9` wei (native flavour).
     * @dev Requirements: the caller's free balance covers `amount` (frozen value never can be
     * withdrawn). Emits a {Transfer} event to the zero address.
     * @param amount The amount, in nRLC.
     * @return True.
     */
    function withdraw(uint256 amount) external returns (bool);

    /**
     * @notice Like {withdraw}, but send the value to `target`.
     * @dev Requirements: `target` is neither zero nor the hub. Emits a {Transfer} event to the
     * zero address.
     * @param amount The amount, in nRLC.
     * @param target Who receives the RLC or the coins.
     * @return True.
     */
    function withdrawTo(uint256 amount, address target) external returns (bool);

    /**
     * @notice Credit the owner with what the hub holds beyond the total supply (RLC or coins sent
     * to the hub without a deposit). Owner only.
     * @dev Emits a {Transfer} event from the zero address (with 0 when there is nothing to recover).
     * @return The amount minted to the owner, in nRLC.
     */
    function recover() external returns (uint256);

    /**
     * @notice ERC-677 hook called by the RLC token from `approveAndCall`: pull the approved
     * `amount` from `sender` and credit it to `sender`; with non-empty `data`, then match the
     * orders it carries (`matchOrders` calldata whose request order is `sender`'s), atomically.
     * @dev Token flavour only: the native flavour reverts `UnsupportedOperation`.
     * @param sender The account that approved the hub.
     * @param amount The approved amount, in nRLC.
     * @param token The token that calls; must be the hub's token.
     * @param data Empty, or `matchOrders` calldata.
     * @return True.
     */
    function receiveApproval(
        address sender,
        uint256 amount,
        address token,
        bytes calldata data
    ) external returns (bool);
}
