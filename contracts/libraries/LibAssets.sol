// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IOrderManagement} from "../interfaces/IOrderManagement.sol";

/**
 * @title LibAssets
 * @notice Who owns an asset (app, dataset, workerpool), and whether it is registered, for the
 * facets that authorize its orders.
 * @dev An asset's `owner()` is `registry.ownerOf(uint256(uint160(asset)))` in the registry that
 * created it: a call to the asset goes clone → master (delegatecall) → registry, three cold
 * accounts. When the hub's registry of the asset's kind holds the asset's token, that registry
 * created the asset (a registry mints tokens only for the clones it deploys, whose master reads
 * that very registry), so asking it directly gives the same answer for one cold account instead of
 * three, and proves the registration on the way. Only otherwise (an asset of the registry's
 * `previous` one, an unregistered contract, an address without code) is the asset itself asked,
 * as the reference does, and then the registry's `isRegistered`.
 * The registry is the hub's configured one, which only the hub's owner sets.
 */
library LibAssets {
    /// @dev `owner()`.
    bytes4 private constant OWNER_SELECTOR = 0x8da5cb5b;
    /// @dev `ownerOf(uint256)` (ERC-721).
    bytes4 private constant OWNER_OF_SELECTOR = 0x6352211e;
    /// @dev `isRegistered(address)`.
    bytes4 private constant IS_REGISTERED_SELECTOR = 0xc3c5a547;

    /**
     * @notice The current owner of `asset`, an asset normally of `registry` (the registry need not
     * hold it; zero: ask the asset). Reverts like {assetOwner} when `registry` does not hold it and
     * the asset does not answer.
     */
    function ownerOf(address registry, address asset) internal view returns (address owner) {
        bool held;
        (held, owner) = _ownerInRegistry(registry, asset);
        if (!held) owner = assetOwner(asset);
    }

    /**
     * @notice The current owner of `asset` and whether `registry` (or, recursively, its previous
     * registry) registers it. Reverts like {assetOwner} when `registry` does not hold it and the
     * asset does not answer.
     */
    function registeredOwnerOf(address registry, address asset) internal view returns (address owner, bool registered) {
        (registered, owner) = _ownerInRegistry(registry, asset);
        if (!registered) {
            owner = assetOwner(asset);
            registered = _isRegistered(registry, asset);
        }
    }

    /**
     * @notice The asset's own answer to `owner()`. A STATICCALL: the asset cannot change state. No
     * answer (an address without code, or a contract without `owner()` that returns nothing)
     * reverts with `OrderAssetWithoutOwner`, a revert of the asset is bubbled up, an answer that
     * is not an address reverts without data.
     */
    function assetOwner(address asset) internal view returns (address) {
        bool success;
        uint256 size;
        uint256 word;
        assembly ("memory-safe") {
            mstore(0x00, OWNER_SELECTOR)
            success := staticcall(gas(), asset, 0x00, 0x04, 0x00, 0x20)
            size := returndatasize()
            word := mload(0x00)
        }
        if (!success) {
            assembly ("memory-safe") {
                let ptr := mload(0x40)
                returndatacopy(ptr, 0, returndatasize())
                revert(ptr, returndatasize())
            }
        }
        if (size < 0x20) revert IOrderManagement.OrderAssetWithoutOwner(asset);
        if (word >> 160 != 0) revert();
        return address(uint160(word));
    }

    /// @dev `registry.ownerOf(uint160(asset))` if the registry answers with an address (it holds the
    /// token), else `(false, 0)`; no call for a zero registry. Only the first word of the answer is copied.
    function _ownerInRegistry(address registry, address asset) private view returns (bool held, address owner) {
        if (registry == address(0)) return (false, address(0));
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, OWNER_OF_SELECTOR)
            mstore(add(ptr, 0x04), asset)
            let success := staticcall(gas(), registry, ptr, 0x24, 0x00, 0x20)
            let word := mload(0x00)
            held := and(and(success, gt(returndatasize(), 0x1f)), and(iszero(shr(160, word)), gt(word, 0)))
            owner := mul(held, word)
        }
    }

    /// @dev `registry.isRegistered(asset)`; a registry that reverts or answers anything but a bool
    /// true does not register it.
    function _isRegistered(address registry, address asset) private view returns (bool registered) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, IS_REGISTERED_SELECTOR)
            mstore(add(ptr, 0x04), asset)
            let success := staticcall(gas(), registry, ptr, 0x24, 0x00, 0x20)
            registered := and(and(success, gt(returndatasize(), 0x1f)), eq(mload(0x00), 1))
        }
    }
}
