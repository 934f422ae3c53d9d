// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IDiamond} from "./IDiamond.sol";

/**
 * @title IDiamondCut
 * @notice EIP-2535 cut function, with the errors of this repository's diamond core.
 */
interface IDiamondCut is IDiamond {
    /// @notice A call reached the diamond with a selector no facet implements.
    error DiamondFunctionNotFound(bytes4 selector);
    /// @notice A cut entry names no selector.
    error DiamondNoSelectorsInFacetCut(address facet);
    /// @notice An Add or Replace entry names an address without code.
    error DiamondFacetHasNoCode(address facet);
    /// @notice An Add entry names a selector the diamond already routes.
    error DiamondSelectorAlreadyExists(bytes4 selector, address currentFacet);
    /// @notice A Replace or Remove entry names a selector the diamond does not route.
    error DiamondSelectorNotFound(bytes4 selector);
    /// @notice A Replace entry points a selector at the facet that already serves it.
    error DiamondReplaceWithSameFacet(bytes4 selector, address facet);
    /// @notice A Remove entry names a non-zero facet address.
    error DiamondRemoveFacetAddressMustBeZero(address facet);
    /// @notice The initializer of a cut has no code.
    error DiamondInitHasNoCode(address init);
    /// @notice The initializer of a cut reverted without a reason.
    error DiamondInitFailed(address init, bytes data);

    /**
     * @notice Add, replace or remove any number of functions, then optionally delegatecall
     * `_init` with `_calldata` (reverting the whole cut if it fails). Owner only.
     * @param _diamondCut The facet addresses, actions and selectors.
     * @param _init The contract to delegatecall after the cut, or zero.
     * @param _calldata The calldata of that delegatecall (function selector and arguments).
     */
    function diamondCut(FacetCut[] calldata _diamondCut, address _init, bytes calldata _calldata) external;
}
