// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/**
 * @title IDiamond
 * @notice The types and the event of EIP-2535 (Diamonds, Multi-Facet Proxy) shared by the cut
 * facet, the diamond's constructor and the initializers.
 */
interface IDiamond {
    /// @notice What a cut does with a set of selectors: add new ones, point existing ones at another
    /// facet, or remove them (the facet address of a Remove must be zero).
    enum FacetCutAction {
        Add,
        Replace,
        Remove
    }

    /// @notice One facet's part of a cut.
    struct FacetCut {
        address facetAddress;
        FacetCutAction action;
        bytes4[] functionSelectors;
    }

    /// @notice Emitted by every cut, including the one run by the diamond's constructor.
    /// @param _diamondCut The facets and selectors added, replaced or removed.
    /// @param _init The contract delegatecalled after the cut (zero for none).
    /// @param _calldata The calldata of that delegatecall.
    event DiamondCut(FacetCut[] _diamondCut, address _init, bytes _calldata);
}
