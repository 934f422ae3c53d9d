// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IERC173} from "../../interfaces/diamond/IERC173.sol";
import {DiamondStorage} from "../../storage/DiamondStorage.sol";
import {LibDiamond} from "../LibDiamond.sol";

/**
 * @title OwnershipFacet
 * @notice The hub's owner (ERC-173): the only account allowed to cut the diamond and to call the
 * owner-only configuration functions.
 */
contract OwnershipFacet is IERC173 {
    /// @inheritdoc IERC173
    function owner() external view override returns (address) {
        return DiamondStorage.layout().owner;
    }

    /// @inheritdoc IERC173
    function transferOwnership(address newOwner) external override {
        LibDiamond.enforceIsOwner();
        if (newOwner == address(0)) revert OwnableInvalidOwner(address(0));
        LibDiamond.setOwner(newOwner);
    }

    /// @inheritdoc IERC173
    function renounceOwnership() external override {
        LibDiamond.enforceIsOwner();
        LibDiamond.setOwner(address(0));
    }
}
