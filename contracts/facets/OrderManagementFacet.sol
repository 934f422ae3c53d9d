// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IERC5313} from "@openzeppelin/contracts/interfaces/IERC5313.sol";
import {IOrderManagement} from "../interfaces/IOrderManagement.sol";
import {LibOrders} from "../libraries/LibOrders.sol";
import {LibSignature} from "../libraries/LibSignature.sol";
import {ClerkStorage} from "../storage/ClerkStorage.sol";
import {ConfigStorage} from "../storage/ConfigStorage.sol";
import {IexecLibOrders_v5} from "../types/IexecLibOrders_v5.sol";

/**
 * @title OrderManagementFacet
 * @notice Presign and close orders, by their owner or with their owner's signature of the
 * operation; signature and presignature checks as views.
 * @custom:version 0.1.0
 */
contract OrderManagementFacet is IOrderManagement {
    /// @inheritdoc IOrderManagement
    function manageAppOrder(IexecLibOrders_v5.AppOrderOperation calldata operation) external override {
        IexecLibOrders_v5.OrderOperationEnum kind = operation.operation;
        bytes32 orderHash = _manage(
            _ownerOf(operation.order.app),
            LibOrders.hash(operation.order),
            LibOrders.APP_ORDER_OPERATION_TYPEHASH,
            kind,
            operation.sign,
            operation.order.volume
        );
        if (kind == IexecLibOrders_v5.OrderOperationEnum.SIGN) emit SignedAppOrder(orderHash);
        else emit ClosedAppOrder(orderHash);
    }

    /// @inheritdoc IOrderManagement
    function manageDatasetOrder(IexecLibOrders_v5.DatasetOrderOperation calldata operation) external override {
        IexecLibOrders_v5.OrderOperationEnum kind = operation.operation;
        bytes32 orderHash = _manage(
            _ownerOf(operation.order.dataset),
            LibOrders.hash(operation.order),
            LibOrders.DATASET_ORDER_OPERATION_TYPEHASH,
            kind,
            operation.sign,
            operation.order.volume
        );
        if (kind == IexecLibOrders_v5.OrderOperationEnum.SIGN) emit SignedDatasetOrder(orderHash);
        else emit ClosedDatasetOrder(orderHash);
    }

    /// @inheritdoc IOrderManagement
    function manageWorkerpoolOrder(IexecLibOrders_v5.WorkerpoolOrderOperation calldata operation) external override {
        IexecLibOrders_v5.OrderOperationEnum kind = operation.operation;
        bytes32 orderHash = _manage(
            _ownerOf(operation.order.workerpool),
            LibOrders.hash(operation.order),
            LibOrders.WORKERPOOL_ORDER_OPERATION_TYPEHASH,
            kind,
            operation.sign,
            operation.order.volume
        );
        if (kind == IexecLibOrders_v5.OrderOperationEnum.SIGN) emit SignedWorkerpoolOrder(orderHash);
        else emit ClosedWorkerpoolOrder(orderHash);
    }

    /// @inheritdoc IOrderManagement
    function manageRequestOrder(IexecLibOrders_v5.RequestOrderOperation calldata operation) external override {
        IexecLibOrders_v5.OrderOperationEnum kind = operation.operation;
        bytes32 orderHash = _manage(
            operation.order.requester,
            LibOrders.hash(operation.order),
            LibOrders.REQUEST_ORDER_OPERATION_TYPEHASH,
            kind,
            operation.sign,
            operation.order.volume
        );
        if (kind == IexecLibOrders_v5.OrderOperationEnum.SIGN) emit SignedRequestOrder(orderHash);
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
     * @dev Authorize the operation, apply it and return the order's hash. The order's struct hash
     * is computed once and used for both the operation's digest and the order's.
     * @param owner The order's owner.
     * @param orderStructHash The order's EIP-712 struct hash.
     * @param operationTypeHash The EIP-712 type hash of the operation's kind.
     * @param kind SIGN or CLOSE.
     * @param signature The owner's signature of the operation (unused when the owner sends it).
     * @param volume The order's volume.
     */
    function _manage(
        address owner,
        bytes32 orderStructHash,
        bytes32 operationTypeHash,
        IexecLibOrders_v5.OrderOperationEnum kind,
        bytes calldata signature,
        uint256 volume
    ) private returns (bytes32 orderHash) {
        bytes32 separator = ConfigStorage.layout().domainSeparator;
        if (msg.sender != owner) {
            bytes32 operationHash = LibOrders.toTypedDataHash(
                separator,
                LibOrders.hashOperation(operationTypeHash, orderStructHash, kind)
            );
            if (!LibSignature.verify(owner, operationHash, signature)) revert OrderUnauthorized(msg.sender, owner);
        }
        orderHash = LibOrders.toTypedDataHash(separator, orderStructHash);
        ClerkStorage.Layout storage $ = ClerkStorage.layout();
        if (kind == IexecLibOrders_v5.OrderOperationEnum.SIGN) {
            $.presigned[orderHash] = owner;
        } else {
            // Assignment, not increment: closing twice, or after partial matches, consumes it all.
            $.consumed[orderHash] = volume;
        }
    }

    /// @dev The current owner of an asset (`owner()`, which registry assets answer with their NFT's
    /// owner). A view call: the asset cannot change state.
    function _ownerOf(address asset) private view returns (address) {
        if (asset.code.length == 0) revert OrderAssetWithoutCode(asset);
        return IERC5313(asset).owner();
    }
}
