// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {LibOrders} from "../libraries/LibOrders.sol";
import {IexecLibOrders_v5} from "../types/IexecLibOrders_v5.sol";

/**
 * @notice Test-only: `LibOrders` as external functions, next to a plain `abi.encode` implementation
 * of the same hashes (`reference*`), and the gas each one costs (`gas*`), so that tests can show
 * the calldata-copy hashing equal to and cheaper than the obvious one.
 */
contract LibOrdersMock {
    /// @notice The eight type hashes, in the order: app, dataset, workerpool, request orders, then
    /// their operations.
    function typeHashes() external pure returns (bytes32[8] memory) {
        return
            [
                LibOrders.APP_ORDER_TYPEHASH,
                LibOrders.DATASET_ORDER_TYPEHASH,
                LibOrders.WORKERPOOL_ORDER_TYPEHASH,
                LibOrders.REQUEST_ORDER_TYPEHASH,
                LibOrders.APP_ORDER_OPERATION_TYPEHASH,
                LibOrders.DATASET_ORDER_OPERATION_TYPEHASH,
                LibOrders.WORKERPOOL_ORDER_OPERATION_TYPEHASH,
                LibOrders.REQUEST_ORDER_OPERATION_TYPEHASH
            ];
    }

    /// @notice `LibOrders.hash(AppOrder)`.
    function hashAppOrder(IexecLibOrders_v5.AppOrder calldata order) external pure returns (bytes32) {
        return LibOrders.hash(order);
    }

    /// @notice `LibOrders.hash(DatasetOrder)`.
    function hashDatasetOrder(IexecLibOrders_v5.DatasetOrder calldata order) external pure returns (bytes32) {
        return LibOrders.hash(order);
    }

    /// @notice `LibOrders.hash(WorkerpoolOrder)`.
    function hashWorkerpoolOrder(IexecLibOrders_v5.WorkerpoolOrder calldata order) external pure returns (bytes32) {
        return LibOrders.hash(order);
    }

    /// @notice `LibOrders.hash(RequestOrder)`.
    function hashRequestOrder(IexecLibOrders_v5.RequestOrder calldata order) external pure returns (bytes32) {
        return LibOrders.hash(order);
    }

    /// @notice `LibOrders.hash(AppOrderOperation)`.
    function hashAppOrderOperation(
        IexecLibOrders_v5.AppOrderOperation calldata operation
    ) external pure returns (bytes32) {
        return LibOrders.hash(operation);
    }

    /// @notice `LibOrders.hash(DatasetOrderOperation)`.
    function hashDatasetOrderOperation(
        IexecLibOrders_v5.DatasetOrderOperation calldata operation
    ) external pure returns (bytes32) {
        return LibOrders.hash(operation);
    }

    /// @notice `LibOrders.hash(WorkerpoolOrderOperation)`.
    function hashWorkerpoolOrderOperation(
        IexecLibOrders_v5.WorkerpoolOrderOperation calldata operation
    ) external pure returns (bytes32) {
        return LibOrders.hash(operation);
    }

    /// @notice `LibOrders.hash(RequestOrderOperation)`.
    function hashRequestOrderOperation(
        IexecLibOrders_v5.RequestOrderOperation calldata operation
    ) external pure returns (bytes32) {
        return LibOrders.hash(operation);
    }

    /// @notice `LibOrders.toTypedDataHash`.
    function toTypedDataHash(bytes32 separator, bytes32 structHash) external pure returns (bytes32) {
        return LibOrders.toTypedDataHash(separator, structHash);
    }

    /// @notice `LibOrders.domainSeparator`, with the gas it costs.
    function domainSeparator() external view returns (bytes32 separator, uint256 gasUsed) {
        uint256 start = gasleft();
        separator = LibOrders.domainSeparator();
        gasUsed = start - gasleft();
    }

    /// @notice Plain `abi.encode` struct hash of an app order.
    function referenceAppOrder(IexecLibOrders_v5.AppOrder calldata order) public pure returns (bytes32) {
        return
            keccak256(
                abi.encode(
                    LibOrders.APP_ORDER_TYPEHASH,
                    order.app,
                    order.appprice,
                    order.volume,
                    order.tag,
                    order.datasetrestrict,
                    order.workerpoolrestrict,
                    order.requesterrestrict,
                    order.salt
                )
            );
    }

    /// @notice Plain `abi.encode` struct hash of a dataset order.
    function referenceDatasetOrder(IexecLibOrders_v5.DatasetOrder calldata order) public pure returns (bytes32) {
        return
            keccak256(
                abi.encode(
                    LibOrders.DATASET_ORDER_TYPEHASH,
                    order.dataset,
                    order.datasetprice,
                    order.volume,
                    order.tag,
                    order.apprestrict,
                    order.workerpoolrestrict,
                    order.requesterrestrict,
                    order.salt
                )
            );
    }

    /// @notice Plain `abi.encode` struct hash of a workerpool order.
    function referenceWorkerpoolOrder(IexecLibOrders_v5.WorkerpoolOrder calldata order) public pure returns (bytes32) {
        return
            keccak256(
                abi.encode(
                    LibOrders.WORKERPOOL_ORDER_TYPEHASH,
                    order.workerpool,
                    order.workerpoolprice,
                    order.volume,
                    order.tag,
                    order.category,
                    order.trust,
                    order.apprestrict,
                    order.datasetrestrict,
                    order.requesterrestrict,
                    order.salt
                )
            );
    }

    /// @notice Plain `abi.encode` struct hash of a request order (two steps: too many fields for
    /// one `abi.encode` on the legacy pipeline's stack).
    function referenceRequestOrder(IexecLibOrders_v5.RequestOrder calldata order) public pure returns (bytes32) {
        bytes memory head = abi.encode(
            LibOrders.REQUEST_ORDER_TYPEHASH,
            order.app,
            order.appmaxprice,
            order.dataset,
            order.datasetmaxprice,
            order.workerpool,
            order.workerpoolmaxprice,
            order.requester
        );
        bytes memory tail = abi.encode(
            order.volume,
            order.tag,
            order.category,
            order.trust,
            order.beneficiary,
            order.callback,
            keccak256(bytes(order.params)),
            order.salt
        );
        return keccak256(bytes.concat(head, tail));
    }

    /// @notice Gas used (and hashes computed) by `LibOrders.hash` and by the `abi.encode` version for
    /// an app order.
    function gasAppOrder(
        IexecLibOrders_v5.AppOrder calldata order
    ) external view returns (uint256 library_, uint256 reference_, bytes32 libraryHash, bytes32 referenceHash) {
        uint256 start = gasleft();
        libraryHash = LibOrders.hash(order);
        library_ = start - gasleft();
        start = gasleft();
        referenceHash = referenceAppOrder(order);
        reference_ = start - gasleft();
    }

    /// @notice Gas used (and hashes computed) by both versions for a dataset order.
    function gasDatasetOrder(
        IexecLibOrders_v5.DatasetOrder calldata order
    ) external view returns (uint256 library_, uint256 reference_, bytes32 libraryHash, bytes32 referenceHash) {
        uint256 start = gasleft();
        libraryHash = LibOrders.hash(order);
        library_ = start - gasleft();
        start = gasleft();
        referenceHash = referenceDatasetOrder(order);
        reference_ = start - gasleft();
    }

    /// @notice Gas used (and hashes computed) by both versions for a workerpool order.
    function gasWorkerpoolOrder(
        IexecLibOrders_v5.WorkerpoolOrder calldata order
    ) external view returns (uint256 library_, uint256 reference_, bytes32 libraryHash, bytes32 referenceHash) {
        uint256 start = gasleft();
        libraryHash = LibOrders.hash(order);
        library_ = start - gasleft();
        start = gasleft();
        referenceHash = referenceWorkerpoolOrder(order);
        reference_ = start - gasleft();
    }

    /// @notice Gas used (and hashes computed) by both versions for a request order.
    function gasRequestOrder(
        IexecLibOrders_v5.RequestOrder calldata order
    ) external view returns (uint256 library_, uint256 reference_, bytes32 libraryHash, bytes32 referenceHash) {
        uint256 start = gasleft();
        libraryHash = LibOrders.hash(order);
        library_ = start - gasleft();
        start = gasleft();
        referenceHash = referenceRequestOrder(order);
        reference_ = start - gasleft();
    }
}
