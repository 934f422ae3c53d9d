// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IexecLibOrders_v5} from "../types/IexecLibOrders_v5.sol";
import {LibConfig} from "./LibConfig.sol";

/**
 * @title LibOrders
 * @notice EIP-712 hashing of the four orders and their operations. An order's hash (the key of
 * every per-order mapping and the value of every order event) is the full EIP-712 digest
 * `keccak256(0x1901 ‖ domainSeparator ‖ structHash)`.
 * @dev Domain separator: computed for the current chain id and hub address ({domainSeparator}),
 * i.e. always the separator of the domain `domain()` reports and clients sign with. The reference
 * hashes with the separator stored by `configure` / `updateDomainSeparator`, which is the same value
 * except (a) before `configure` (never observable here: the hub is configured by its first cut) and
 * (b) on a chain fork, until someone calls `updateDomainSeparator`, when the reference still accepts
 * the other chain's signatures. Computing it closes that replay window and saves a cold SLOAD
 * (2,100 gas) per call; the stored value remains what `eip712domain_separator()` reports. Every
 * facet that hashes orders must use {domainSeparator} (or {hashTypedData}), so that all agree.
 *
 * Struct hashes follow EIP-712 exactly: `keccak256(typeHash ‖ enc(field) ‖ ...)`, each field one
 * 32-byte word, `params` replaced by `keccak256(bytes(params))`, `sign` excluded. Operations hash as
 * `keccak256(operationTypeHash ‖ structHash(order) ‖ uint256(operation))`.
 *
 * Technique (gas: `matchOrders` hashes four orders per call): the static fields of an order are
 * laid out in calldata exactly as EIP-712 encodes them (one word each, in type-string order, `sign`'s
 * offset last), so a struct hash is one `calldatacopy` of the head behind the type hash and one
 * `keccak256`, instead of a Solidity read, validation and `mstore` per field. To keep Solidity's
 * semantics, the address fields are checked in one go: dirty upper bits revert without data, as the
 * ABI decoder does. `test/libraries/LibOrders.test.ts` checks these hashes against a plain
 * `abi.encode` implementation (`LibOrdersMock`), against ethers' `TypedDataEncoder` on random
 * orders, and that they cost less gas.
 */
library LibOrders {
    /// @dev `keccak256` of `LibConfig.DOMAIN_NAME` and `LibConfig.DOMAIN_VERSION`, written as literals
    /// so that the compiler folds them (`keccak256(bytes(constant))` is evaluated at run time).
    /// `test/libraries/LibOrders.test.ts` checks the separator against the one `LibConfig` stores.
    bytes32 private constant DOMAIN_NAME_HASH = keccak256("iExecODB");
    bytes32 private constant DOMAIN_VERSION_HASH = keccak256("5.0.0");

    /// @notice `keccak256` of the EIP-712 type of `AppOrder`.
    bytes32 internal constant APP_ORDER_TYPEHASH = keccak256(
        "AppOrder(address app,uint256 appprice,uint256 volume,bytes32 tag,address datasetrestrict,address workerpoolrestrict,address requesterrestrict,bytes32 salt)"
    );
    /// @notice `keccak256` of the EIP-712 type of `DatasetOrder`.
    bytes32 internal constant DATASET_ORDER_TYPEHASH = keccak256(
        "DatasetOrder(address dataset,uint256 datasetprice,uint256 volume,bytes32 tag,address apprestrict,address workerpoolrestrict,address requesterrestrict,bytes32 salt)"
    );
    /// @notice `keccak256` of the EIP-712 type of `WorkerpoolOrder`.
    bytes32 internal constant WORKERPOOL_ORDER_TYPEHASH = keccak256(
        "WorkerpoolOrder(address workerpool,uint256 workerpoolprice,uint256 volume,bytes32 tag,uint256 category,uint256 trust,address apprestrict,address datasetrestrict,address requesterrestrict,bytes32 salt)"
    );
    /// @notice `keccak256` of the EIP-712 type of `RequestOrder`.
    bytes32 internal constant REQUEST_ORDER_TYPEHASH = keccak256(
        "RequestOrder(address app,uint256 appmaxprice,address dataset,uint256 datasetmaxprice,address workerpool,uint256 workerpoolmaxprice,address requester,uint256 volume,bytes32 tag,uint256 category,uint256 trust,address beneficiary,address callback,string params,bytes32 salt)"
    );
    /// @notice `keccak256` of the EIP-712 type of `AppOrderOperation` (the order type appended).
    bytes32 internal constant APP_ORDER_OPERATION_TYPEHASH = keccak256(
        "AppOrderOperation(AppOrder order,uint256 operation)"
        "AppOrder(address app,uint256 appprice,uint256 volume,bytes32 tag,address datasetrestrict,address workerpoolrestrict,address requesterrestrict,bytes32 salt)"
    );
    /// @notice `keccak256` of the EIP-712 type of `DatasetOrderOperation`.
    bytes32 internal constant DATASET_ORDER_OPERATION_TYPEHASH = keccak256(
        "DatasetOrderOperation(DatasetOrder order,uint256 operation)"
        "DatasetOrder(address dataset,uint256 datasetprice,uint256 volume,bytes32 tag,address apprestrict,address workerpoolrestrict,address requesterrestrict,bytes32 salt)"
    );
    /// @notice `keccak256` of the EIP-712 type of `WorkerpoolOrderOperation`.
    bytes32 internal constant WORKERPOOL_ORDER_OPERATION_TYPEHASH = keccak256(
        "WorkerpoolOrderOperation(WorkerpoolOrder order,uint256 operation)"
        "WorkerpoolOrder(address workerpool,uint256 workerpoolprice,uint256 volume,bytes32 tag,uint256 category,uint256 trust,address apprestrict,address datasetrestrict,address requesterrestrict,bytes32 salt)"
    );
    /// @notice `keccak256` of the EIP-712 type of `RequestOrderOperation`.
    bytes32 internal constant REQUEST_ORDER_OPERATION_TYPEHASH = keccak256(
        "RequestOrderOperation(RequestOrder order,uint256 operation)"
        "RequestOrder(address app,uint256 appmaxprice,address dataset,uint256 datasetmaxprice,address workerpool,uint256 workerpoolmaxprice,address requester,uint256 volume,bytes32 tag,uint256 category,uint256 trust,address beneficiary,address callback,string params,bytes32 salt)"
    );

    /// @notice EIP-712 struct hash of an app order.
    function hash(IexecLibOrders_v5.AppOrder calldata order) internal pure returns (bytes32) {
        uint256 offset;
        assembly ("memory-safe") {
            offset := order
        }
        return _hashAssetOrder(APP_ORDER_TYPEHASH, offset);
    }

    /// @notice EIP-712 struct hash of a dataset order.
    function hash(IexecLibOrders_v5.DatasetOrder calldata order) internal pure returns (bytes32) {
        uint256 offset;
        assembly ("memory-safe") {
            offset := order
        }
        return _hashAssetOrder(DATASET_ORDER_TYPEHASH, offset);
    }

    /// @dev Struct hash of an app or a dataset order, which share one layout: words 0-7 of the head
    /// (asset ... salt), addresses at words 0, 4, 5, 6 (dirty upper bits revert, as Solidity's decoder).
    /// @param typeHash The order's EIP-712 type hash.
    /// @param order The calldata offset of the order.
    function _hashAssetOrder(bytes32 typeHash, uint256 order) private pure returns (bytes32 structHash) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, typeHash)
            calldatacopy(add(ptr, 0x20), order, 0x100)
            if shr(
                160,
                or(or(mload(add(ptr, 0x20)), mload(add(ptr, 0xa0))), or(mload(add(ptr, 0xc0)), mload(add(ptr, 0xe0))))
            ) {
                revert(0, 0)
            }
            structHash := keccak256(ptr, 0x120)
        }
    }

    /// @notice EIP-712 struct hash of a workerpool order.
    /// @dev Words 0-9 (workerpool ... salt); addresses at words 0, 6, 7, 8.
    function hash(IexecLibOrders_v5.WorkerpoolOrder calldata order) internal pure returns (bytes32 structHash) {
        bytes32 typeHash = WORKERPOOL_ORDER_TYPEHASH;
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, typeHash)
            calldatacopy(add(ptr, 0x20), order, 0x140)
            if shr(
                160,
                or(or(mload(add(ptr, 0x20)), mload(add(ptr, 0xe0))), or(mload(add(ptr, 0x100)), mload(add(ptr, 0x120))))
            ) {
                revert(0, 0)
            }
            structHash := keccak256(ptr, 0x160)
        }
    }

    /// @notice EIP-712 struct hash of a request order.
    /// @dev Words 0-12 (app ... callback) are copied as they are; word 13 (the offset of `params`)
    /// becomes `keccak256(bytes(params))`; word 14 is the salt. Addresses at words 0, 2, 4, 6, 11, 12.
    function hash(IexecLibOrders_v5.RequestOrder calldata order) internal pure returns (bytes32 structHash) {
        bytes32 typeHash = REQUEST_ORDER_TYPEHASH;
        // Solidity's own access: bounds-checks the string's offset and length.
        string calldata params = order.params;
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            // The string is hashed first, in the memory the struct encoding then overwrites.
            calldatacopy(ptr, params.offset, params.length)
            let paramsHash := keccak256(ptr, params.length)
            mstore(ptr, typeHash)
            calldatacopy(add(ptr, 0x20), order, 0x1a0)
            mstore(add(ptr, 0x1c0), paramsHash)
            mstore(add(ptr, 0x1e0), calldataload(add(order, 0x1c0)))
            let addresses := or(
                or(or(mload(add(ptr, 0x20)), mload(add(ptr, 0x60))), or(mload(add(ptr, 0xa0)), mload(add(ptr, 0xe0)))),
                or(mload(add(ptr, 0x180)), mload(add(ptr, 0x1a0)))
            )
            if shr(160, addresses) {
                revert(0, 0)
            }
            structHash := keccak256(ptr, 0x200)
        }
    }

    /// @notice EIP-712 struct hash of an order operation, from the struct hash of its order.
    /// @param operationTypeHash One of the `*_ORDER_OPERATION_TYPEHASH` constants.
    /// @param orderStructHash The struct hash of the operation's order (`hash(order)`).
    /// @param operation The operation, hashed as a `uint256`.
    function hashOperation(
        bytes32 operationTypeHash,
        bytes32 orderStructHash,
        IexecLibOrders_v5.OrderOperationEnum operation
    ) internal pure returns (bytes32 structHash) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, operationTypeHash)
            mstore(add(ptr, 0x20), orderStructHash)
            mstore(add(ptr, 0x40), operation)
            structHash := keccak256(ptr, 0x60)
        }
    }

    /// @notice EIP-712 struct hash of an app order operation.
    function hash(IexecLibOrders_v5.AppOrderOperation calldata op) internal pure returns (bytes32) {
        return hashOperation(APP_ORDER_OPERATION_TYPEHASH, hash(op.order), op.operation);
    }

    /// @notice EIP-712 struct hash of a dataset order operation.
    function hash(IexecLibOrders_v5.DatasetOrderOperation calldata op) internal pure returns (bytes32) {
        return hashOperation(DATASET_ORDER_OPERATION_TYPEHASH, hash(op.order), op.operation);
    }

    /// @notice EIP-712 struct hash of a workerpool order operation.
    function hash(IexecLibOrders_v5.WorkerpoolOrderOperation calldata op) internal pure returns (bytes32) {
        return hashOperation(WORKERPOOL_ORDER_OPERATION_TYPEHASH, hash(op.order), op.operation);
    }

    /// @notice EIP-712 struct hash of a request order operation.
    function hash(IexecLibOrders_v5.RequestOrderOperation calldata op) internal pure returns (bytes32) {
        return hashOperation(REQUEST_ORDER_OPERATION_TYPEHASH, hash(op.order), op.operation);
    }

    /// @notice The hub's EIP-712 domain separator, computed for the current chain id and hub address
    /// (what `domain()` describes).
    function domainSeparator() internal view returns (bytes32 separator) {
        bytes32 typeHash = LibConfig.DOMAIN_TYPEHASH;
        bytes32 nameHash = DOMAIN_NAME_HASH;
        bytes32 versionHash = DOMAIN_VERSION_HASH;
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, typeHash)
            mstore(add(ptr, 0x20), nameHash)
            mstore(add(ptr, 0x40), versionHash)
            mstore(add(ptr, 0x60), chainid())
            mstore(add(ptr, 0x80), address())
            separator := keccak256(ptr, 0xa0)
        }
    }

    /// @notice The EIP-712 digest of a struct under the hub's domain: an order's hash, or the digest
    /// its owner signs for an operation.
    function hashTypedData(bytes32 structHash) internal view returns (bytes32) {
        return toTypedDataHash(domainSeparator(), structHash);
    }

    /// @notice The EIP-712 digest of a struct under a domain: `keccak256(0x1901 ‖ separator ‖ structHash)`.
    /// @param separator The domain separator.
    /// @param structHash The struct hash.
    function toTypedDataHash(bytes32 separator, bytes32 structHash) internal pure returns (bytes32 digest) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, "\x19\x01")
            mstore(add(ptr, 0x02), separator)
            mstore(add(ptr, 0x22), structHash)
            digest := keccak256(ptr, 0x42)
        }
    }
}
