// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IRegistry} from "./IRegistry.sol";
import {IRegistryEntry} from "./IRegistryEntry.sol";

/**
 * @title RegistryEntry
 * @notice Base of every asset (App, Dataset, Workerpool). The asset has no owner of its own: its owner is
 * the owner of its ERC-721 token in the registry, so transferring the token transfers the asset.
 * @dev Each registry creates one instance of the asset contract (the master) in its constructor, then
 * deploys every asset as a minimal clone delegating to it. {registry} is an immutable of the master's
 * code, set to the master's deployer, so every clone reads the same registry without a storage slot.
 * Because only that registry may call `initialize` ({onlyRegistry}), and it calls it exactly once, on
 * the clone it has just deployed, neither the master nor an initialized clone can ever be (re)initialized,
 * with no "initialized" flag in storage. The master is not registered, has no owner, and has no
 * selfdestruct or delegatecall path.
 */
abstract contract RegistryEntry is IRegistryEntry {
    /// @inheritdoc IRegistryEntry
    IRegistry public immutable override registry = IRegistry(msg.sender);

    /// @dev Reverts `"caller is not the owner"` unless the caller owns the asset.
    modifier onlyOwner() {
        require(msg.sender == owner(), "caller is not the owner");
        _;
    }

    /// @dev Reverts `"already initialized"` unless called by the registry while it creates the asset.
    modifier onlyRegistry() {
        require(msg.sender == address(registry), "already initialized");
        _;
    }

    /// @inheritdoc IRegistryEntry
    function setName(address, string calldata) external virtual override onlyOwner {
        // The revert string of the reference.
        // solhint-disable-next-line gas-small-strings
        revert("Operation not supported on this chain");
    }

    /// @inheritdoc IRegistryEntry
    function owner() public view override returns (address) {
        return registry.ownerOf(uint256(uint160(address(this))));
    }
}
