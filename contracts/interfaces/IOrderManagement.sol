// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IexecLibOrders_v5} from "../types/IexecLibOrders_v5.sol";

/**
 * @title IOrderManagement
 * @notice Presign and close orders on chain, and check orders' signatures and presignatures.
 * Function names, signatures and events are those of the PoCo v6.2 ABI; the errors are this
 * implementation's (the reference reverts with strings).
 *
 * An order's hash is its EIP-712 digest under the hub's domain: the one `domain()` reports (name
 * `iExecODB`, version `5.0.0`, this chain's id, the hub's address), computed live (`LibOrders`).
 * The owner of an order is the asset's current `owner()` for app, dataset and workerpool orders,
 * and `requester` for request orders.
 *
 * Signature rules (`LibSignature`), for an expected signer `account`:
 * - `account == address(0)` never signs anything (the reference accepts any junk signature for it);
 * - an account with code (a contract, or an EIP-7702 delegated account) signs through ERC-1271:
 *   `isValidSignature(digest, signature)` must return exactly `0x1626ba7e`; a revert, another value
 *   or short return data is a refusal, never a revert; ECDSA is never tried for such an account;
 * - any other account signs with ECDSA over the raw digest (no personal-sign prefix): 65 bytes
 *   `r ‖ s ‖ v` or 64 bytes EIP-2098 `r ‖ vs`; `v` must be 27 or 28 and `s` in the lower half of
 *   the curve order; any other length reverts with {SignatureInvalidLength};
 * - a presignature counts when `presigned[digest] == account`, with `account != 0`.
 */
interface IOrderManagement {
    /// @notice The sender is not the order's owner and the operation carries no valid signature of it.
    error OrderUnauthorized(address sender, address owner);
    /// @notice The order names an asset (app, dataset, workerpool) that does not answer `owner()`:
    /// not a contract, or a contract without that function.
    error OrderAssetWithoutOwner(address asset);
    /// @notice An ECDSA signature that is neither 65 nor 64 (EIP-2098) bytes long.
    error SignatureInvalidLength(uint256 length);

    /// @notice An app order was presigned by its owner.
    event SignedAppOrder(bytes32 appHash);
    /// @notice A dataset order was presigned by its owner.
    event SignedDatasetOrder(bytes32 datasetHash);
    /// @notice A workerpool order was presigned by its owner.
    event SignedWorkerpoolOrder(bytes32 workerpoolHash);
    /// @notice A request order was presigned by its requester.
    event SignedRequestOrder(bytes32 requestHash);
    /// @notice An app order was closed: its whole volume is consumed.
    event ClosedAppOrder(bytes32 appHash);
    /// @notice A dataset order was closed.
    event ClosedDatasetOrder(bytes32 datasetHash);
    /// @notice A workerpool order was closed.
    event ClosedWorkerpoolOrder(bytes32 workerpoolHash);
    /// @notice A request order was closed.
    event ClosedRequestOrder(bytes32 requestHash);

    /**
     * @notice Presign (SIGN) or close (CLOSE) an app order. The sender must be the app's owner, or
     * `operation.sign` must be the owner's signature of the `AppOrderOperation` (EIP-712, same
     * domain). No other check: the app need not be registered, the order need not be valid.
     *
     * SIGN records the current owner as the order's presigner: matching accepts the order without
     * a signature as long as that account still owns the app (an NFT transfer voids it).
     * CLOSE sets the order's consumed volume to its volume: the order can never be matched again.
     * A later SIGN of a closed order records a presignature but leaves the consumed volume as it
     * is, so a closed order stays closed for good. Replaying an operation changes nothing more.
     *
     * Reverts with {OrderAssetWithoutOwner} if `operation.order.app` does not answer `owner()`,
     * {OrderUnauthorized} if the sender is not the owner and the signature is not the owner's,
     * {SignatureInvalidLength} if the owner is an EOA, the sender is not the owner and the
     * signature has a wrong length. An out-of-range operation reverts in ABI decoding.
     * Emits {SignedAppOrder} or {ClosedAppOrder} with the order's hash.
     * @param operation The order, the operation and the owner's signature of the operation.
     */
    function manageAppOrder(IexecLibOrders_v5.AppOrderOperation calldata operation) external;

    /**
     * @notice Presign or close a dataset order; as {manageAppOrder}, for the dataset's owner.
     * Emits {SignedDatasetOrder} or {ClosedDatasetOrder}.
     * @param operation The order, the operation and the owner's signature of the operation.
     */
    function manageDatasetOrder(IexecLibOrders_v5.DatasetOrderOperation calldata operation) external;

    /**
     * @notice Presign or close a workerpool order; as {manageAppOrder}, for the workerpool's owner.
     * Emits {SignedWorkerpoolOrder} or {ClosedWorkerpoolOrder}.
     * @param operation The order, the operation and the owner's signature of the operation.
     */
    function manageWorkerpoolOrder(IexecLibOrders_v5.WorkerpoolOrderOperation calldata operation) external;

    /**
     * @notice Presign or close a request order; as {manageAppOrder}, for the order's `requester`
     * (a zero requester can never be authorized). Emits {SignedRequestOrder} or {ClosedRequestOrder}.
     * @param operation The order, the operation and the requester's signature of the operation.
     */
    function manageRequestOrder(IexecLibOrders_v5.RequestOrderOperation calldata operation) external;

    /// @notice Who presigned an order: its owner at presign time, or zero.
    /// @param orderHash The order's hash.
    /// @return signer The presigner.
    function viewPresigned(bytes32 orderHash) external view returns (address signer);

    /// @notice How much of an order's volume is consumed (all of it once the order is closed). The
    /// remaining volume is `order.volume - viewConsumed(hash)`.
    /// @param orderHash The order's hash.
    /// @return consumed The consumed volume.
    function viewConsumed(bytes32 orderHash) external view returns (uint256 consumed);

    /// @notice Whether `signature` is `account`'s signature of `digest` (rules above). Reverts with
    /// {SignatureInvalidLength} for an EOA and a signature that is neither 64 nor 65 bytes long.
    /// @param account The expected signer.
    /// @param digest The signed digest (an order's hash).
    /// @param signature The signature.
    /// @return Whether the signature is valid.
    function verifySignature(address account, bytes32 digest, bytes calldata signature) external view returns (bool);

    /// @notice Whether `account` (not zero) presigned `digest`.
    /// @param account The expected presigner.
    /// @param digest The order's hash.
    /// @return Whether the presignature is `account`'s.
    function verifyPresignature(address account, bytes32 digest) external view returns (bool);

    /// @notice Whether `account` presigned `digest` or, failing that, `signature` is its signature
    /// of `digest`. The presignature is checked first, so a presigned order may carry any signature.
    /// @param account The expected signer.
    /// @param digest The order's hash.
    /// @param signature The signature, checked only without a presignature.
    /// @return Whether either is valid.
    function verifyPresignatureOrSignature(
        address account,
        bytes32 digest,
        bytes calldata signature
    ) external view returns (bool);
}
