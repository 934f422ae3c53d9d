// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// @notice Test-only asset (app, dataset or workerpool): just an `owner()` that anyone can change,
/// standing for the registries' NFT ownership (an NFT transfer = `setOwner`).
contract OwnableAssetMock {
    /// @notice The asset's owner, as the registries' assets report it.
    address public owner;

    /// @param owner_ The first owner.
    constructor(address owner_) {
        owner = owner_;
    }

    /// @notice Change the owner (what an NFT transfer does to a registry asset).
    /// @param newOwner The new owner.
    function setOwner(address newOwner) external {
        owner = newOwner;
    }
}
