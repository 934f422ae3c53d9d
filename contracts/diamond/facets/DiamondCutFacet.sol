// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IDiamondCut} from "../../interfaces/diamond/IDiamondCut.sol";
import {LibDiamond} from "../LibDiamond.sol";

/**
 * @title DiamondCutFacet
 * @notice Upgrades the hub: adds, replaces and removes facet functions (EIP-2535). Owner only.
 */
contract DiamondCutFacet is IDiamondCut {
    /// @inheritdoc IDiamondCut
    function diamondCut(FacetCut[] calldata _diamondCut, address _init, bytes calldata _calldata) external override {
        LibDiamond.enforceIsOwner();
        LibDiamond.diamondCut(_diamondCut, _init, _calldata);
    }
}
