// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/**
 * @title IDiamondLoupe
 * @notice EIP-2535 introspection: which facets the diamond has and which selectors each serves.
 */
interface IDiamondLoupe {
    /// @notice A facet and the selectors it serves.
    struct Facet {
        address facetAddress;
        bytes4[] functionSelectors;
    }

    /// @notice Every facet with its selectors.
    /// @return facets_ The facets, in the order their first selector was added.
    function facets() external view returns (Facet[] memory facets_);

    /// @notice The selectors served by a facet.
    /// @param _facet The facet address.
    /// @return facetFunctionSelectors_ Its selectors (empty for an unknown facet).
    function facetFunctionSelectors(address _facet) external view returns (bytes4[] memory facetFunctionSelectors_);

    /// @notice Every facet address.
    /// @return facetAddresses_ The facet addresses.
    function facetAddresses() external view returns (address[] memory facetAddresses_);

    /// @notice The facet that serves a selector.
    /// @param _functionSelector The selector.
    /// @return facetAddress_ The facet, or zero if no facet serves it.
    function facetAddress(bytes4 _functionSelector) external view returns (address facetAddress_);
}
