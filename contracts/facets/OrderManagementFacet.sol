// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IOrderManagement} from "../interfaces/IOrderManagement.sol";
import {LibAssets} from "../libraries/LibAssets.sol";
import {LibOrders} from "../libraries/LibOrders.sol";
import {LibSignature} from "../libraries/LibSignature.sol";
import {ClerkStorage} from "../storage/ClerkStorage.sol";
import {IexecLibOrders_v5} from "../types/IexecLibOrders_v5.sol";

/**
 * @title OrderManagementFacet
 * @notice Presign and close orders, by their owner or with their owner's signature of the
 * operation; signature and presignature checks as views.
 * @dev An asset's owner is read from a registry of its kind when that registry holds the asset,
 * else asked to the asset (`LibAssets.ownerOf`): the same answer, for one cold account instead of
 * three. The registries asked are the deployment's, given at construction: immutables, so that
 * finding them costs no storage read (2,100 gas, 3 % of a presign). They are only hints: any
 * genuine registry gives the asset's true owner (it holds only tokens of the assets it created,
 * whose `owner()` reads that very registry), so the answer does not depend on them being the
 * registries the hub is configured with (`changeRegistries` does not affect them) — but they must
 * be registry contracts of this repository (`Registry`), which the deployer guarantees.
 * @custom:version 0.1.0
 */
contract OrderManagementFacet is IOrderManagement {
    /// @dev The app registry asked first for an app's owner.
    address private immutable APP_REGISTRY;
    /// @dev The dataset registry asked first for a dataset's owner.
    address private immutable DATASET_REGISTRY;
    /// @dev The workerpool registry asked first for a workerpool's owner.
    address private immutable WORKERPOOL_REGISTRY;

    /**
     * @param appRegistry The deployment's app registry (zero: none, assets are asked directly).
     * @param datasetRegistry The deployment's dataset registry.
     * @param workerpoolRegistry The deployment's workerpool registry.
     */
    constructor(address appRegistry, address datasetRegistry, address workerpoolRegistry) {
        APP_REGISTRY = appRegistry;
        DATASET_REGISTRY = datasetRegistry;
        WORKERPOOL_REGISTRY = workerpoolRegistry;
    }

    /// @inheritdoc IOrderManagement
    function manageAppOrder(IexecLibOrders_v5.AppOrderOperation calldata operation) external override {
        IexecLibOrders_v5.OrderOperationEnum action = operation.operation;
        bytes32 orderHash = _manage(
            LibAssets.ownerOf(APP_REGISTRY, operation.order.app),
            LibOrders.hash(operation.order),
            LibOrders.APP_ORDER_OPERATION_TYPEHASH,
            action,
            operation.order.volume,
            operation.sign
        );
        if (action == IexecLibOrders_v5.OrderOperationEnum.SIGN) emit SignedAppOrder(orderHash);
        else emit ClosedAppOrder(orderHash);
    }

    /// @inheritdoc IOrderManagement
    function manageDatasetOrder(IexecLibOrders_v5.DatasetOrderOperation calldata operation) external override {
        IexecLibOrders_v5.OrderOperationEnum action = operation.operation;
        bytes32 orderHash = _manage(
            LibAssets.ownerOf(DATASET_REGISTRY, operation.order.dataset),
            LibOrders.hash(operation.order),
            LibOrders.DATASET_ORDER_OPERATION_TYPEHASH,
            action,
            operation.order.volume,
            operation.sign
        );
        if (action == IexecLibOrders_v5.OrderOperationEnum.SIGN) emit SignedDatasetOrder(orderHash);
        else emit ClosedDatasetOrder(orderHash);
    }

    /// @inheritdoc IOrderManagement
    function manageWorkerpoolOrder(IexecLibOrders_v5.WorkerpoolOrderOperation calldata operation) external override {
        IexecLibOrders_v5.OrderOperationEnum action = operation.operation;
        bytes32 orderHash = _manage(
            LibAssets.ownerOf(WORKERPOOL_REGISTRY, operation.order.workerpool),
            LibOrders.hash(operation.order),
            LibOrders.WORKERPOOL_ORDER_OPERATION_TYPEHASH,
            action,
            operation.order.volume,
            operation.sign
        );
        if (action == IexecLibOrders_v5.OrderOperationEnum.SIGN) emit SignedWorkerpoolOrder(orderHash);
        else emit ClosedWorkerpoolOrder(orderHash);
    }

    /// @inheritdoc IOrderManagement
    function manageRequestOrder(IexecLibOrders_v5.RequestOrderOperation calldata operation) external override {
        IexecLibOrders_v5.OrderOperationEnum action = operation.operation;
        bytes32 orderHash = _manage(
            operation.order.requester,
            LibOrders.hash(operation.order),
            LibOrders.REQUEST_ORDER_OPERATION_TYPEHASH,
            action,
            operation.order.volume,
            operation.sign
        );
        if (action == IexecLibOrders_v5.OrderOperationEnum.SIGN) emit SignedRequestOrder(orderHash);
        else emit ClosedRequestOrder(orderHash);
    }

    /// @inheritdoc IOrderManagement
    function viewPresigned(bytes32 orderHash) external view override returns (address signer) {
        return ClerkStorage.layout().presigned[orderHash];
    }

    /// @inheritdoc IOrderManagement
    function viewConsumed(bytes32 orderHash) external view override returns (uint256 consumed) {
        return ClerkStorage.layout().consumed[orderHash];
    }

    /// @inheritdoc IOrderManagement
    function verifySignature(
        address account,
        bytes32 digest,
        bytes calldata signature
    ) external view override returns (bool) {
        return LibSignature.verify(account, digest, signature);
    }

    /// @inheritdoc IOrderManagement
    function verifyPresignature(address account, bytes32 digest) external view override returns (bool) {
        return LibSignature.verifyPresignature(account, digest);
    }

    /// @inheritdoc IOrderManagement
    function verifyPresignatureOrSignature(
        address account,
        bytes32 digest,
        bytes calldata signature
    ) external view override returns (bool) {
        return LibSignature.verifyPresignatureOrSignature(account, digest, signature);
    }

    /**
     * @dev The body shared by the four `manage*Order`: unless the sender is the owner, check that
     * `signature` is the owner's signature of the operation (EIP-712 digest of the
     * `<Kind>OrderOperation` under the hub's domain); then SIGN records `owner` as the order's
     * presigner and CLOSE sets its consumed volume to `volume`.
     * @param owner The order's owner.
     * @param orderStructHash The order's EIP-712 struct hash.
     * @param operationTypeHash The EIP-712 type hash of the kind's operation.
     * @param action SIGN or CLOSE.
     * @param volume The order's volume.
     * @param signature The owner's signature of the operation (ignored when the owner sends it).
     * @return orderHash The order's EIP-712 digest.
     */
    function _manage(
        address owner,
        bytes32 orderStructHash,
        bytes32 operationTypeHash,
        IexecLibOrders_v5.OrderOperationEnum action,
        uint256 volume,
        bytes calldata signature
    ) private returns (bytes32 orderHash) {
        bytes32 separator = LibOrders.domainSeparator();
        if (msg.sender != owner) {
            bytes32 operationHash = LibOrders.toTypedDataHash(
                separator,
                LibOrders.hashOperation(operationTypeHash, orderStructHash, action)
            );
            if (!LibSignature.verify(owner, operationHash, signature)) revert OrderUnauthorized(msg.sender, owner);
        }
        orderHash = LibOrders.toTypedDataHash(separator, orderStructHash);
        ClerkStorage.Layout storage $ = ClerkStorage.layout();
        if (action == IexecLibOrders_v5.OrderOperationEnum.SIGN) {
            $.presigned[orderHash] = owner;
        } else {
            // Assignment, not increment: closing twice, or after partial matches, consumes it all.
            $.consumed[orderHash] = volume;
        }
    }
}
