// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IRegistry} from "./IRegistry.sol";

/**
 * @title IRegistryEntry
 * @notice What every PoCo asset (app, dataset, workerpool) exposes: its registry and its owner, who is
 * the owner of the asset's ERC-721 token in that registry.
 */
interface IRegistryEntry {
    /**
     * @notice ENS reverse registration in PoCo v5; kept for ABI compatibility only.
     * @dev Reverts `"caller is not the owner"` for anyone but the asset owner, and
     * `"Operation not supported on this chain"` otherwise.
     */
    function setName(address, string calldata) external;

    /**
     * @notice The registry that created this asset.
     * @return The registry holding the asset's token.
     */
    function registry() external view returns (IRegistry);

    /**
     * @notice The owner of this asset.
     * @dev Reverts `"ERC721: invalid token ID"` on a contract that is not a registered asset (the master).
     * @return `registry().ownerOf(uint256(uint160(address(this))))`.
     */
    function owner() external view returns (address);
}
