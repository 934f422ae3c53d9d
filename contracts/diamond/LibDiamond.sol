// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IDiamond} from "../interfaces/diamond/IDiamond.sol";
import {IDiamondCut} from "../interfaces/diamond/IDiamondCut.sol";
import {IERC173} from "../interfaces/diamond/IERC173.sol";
import {DiamondStorage} from "../storage/DiamondStorage.sol";

/**
 * @title LibDiamond
 * @notice The EIP-2535 cut, used by the diamond's constructor and by the cut facet, and the owner
 * bookkeeping and check every owner-only function of the hub starts with.
 */
library LibDiamond {
    /// @notice Revert unless the caller is the hub's owner.
    function enforceIsOwner() internal view {
        address owner_ = DiamondStorage.layout().owner;
        if (msg.sender != owner_) revert IERC173.OwnableUnauthorizedAccount(msg.sender);
    }

    /// @notice Record a new owner and emit `OwnershipTransferred`.
    function setOwner(address newOwner) internal {
        DiamondStorage.Layout storage $ = DiamondStorage.layout();
        emit IERC173.OwnershipTransferred($.owner, newOwner);
        $.owner = newOwner;
    }

    /// @notice Apply a cut, emit `DiamondCut`, then run the initializer if one is given.
    function diamondCut(IDiamond.FacetCut[] memory cut, address init, bytes memory data) internal {
        for (uint256 i = 0; i < cut.length; ++i) {
            IDiamond.FacetCut memory entry = cut[i];
            if (entry.functionSelectors.length == 0) {
                revert IDiamondCut.DiamondNoSelectorsInFacetCut(entry.facetAddress);
            }
            if (entry.action == IDiamond.FacetCutAction.Add) {
                _add(entry.facetAddress, entry.functionSelectors);
            } else if (entry.action == IDiamond.FacetCutAction.Replace) {
                _replace(entry.facetAddress, entry.functionSelectors);
            } else {
                _remove(entry.facetAddress, entry.functionSelectors);
            }
        }
        emit IDiamond.DiamondCut(cut, init, data);
        _initialize(init, data);
    }

    function _add(address facet, bytes4[] memory selectors) private {
        _enforceHasCode(facet);
        DiamondStorage.Layout storage $ = DiamondStorage.layout();
        uint96 position = uint96($.selectors.length);
        for (uint256 i = 0; i < selectors.length; ++i) {
            bytes4 selector = selectors[i];
            address current = $.routes[selector].facet;
            if (current != address(0)) revert IDiamondCut.DiamondSelectorAlreadyExists(selector, current);
            $.routes[selector] = DiamondStorage.Route(facet, position++);
            $.selectors.push(selector);
        }
    }

    function _replace(address facet, bytes4[] memory selectors) private {
        _enforceHasCode(facet);
        DiamondStorage.Layout storage $ = DiamondStorage.layout();
        for (uint256 i = 0; i < selectors.length; ++i) {
            bytes4 selector = selectors[i];
            DiamondStorage.Route storage route = $.routes[selector];
            address current = route.facet;
            if (current == address(0)) revert IDiamondCut.DiamondSelectorNotFound(selector);
            if (current == facet) revert IDiamondCut.DiamondReplaceWithSameFacet(selector, facet);
            route.facet = facet;
        }
    }

    function _remove(address facet, bytes4[] memory selectors) private {
        if (facet != address(0)) revert IDiamondCut.DiamondRemoveFacetAddressMustBeZero(facet);
        DiamondStorage.Layout storage $ = DiamondStorage.layout();
        for (uint256 i = 0; i < selectors.length; ++i) {
            bytes4 selector = selectors[i];
            DiamondStorage.Route memory route = $.routes[selector];
            if (route.facet == address(0)) revert IDiamondCut.DiamondSelectorNotFound(selector);
            // Move the last selector into the freed position, then shrink the list.
            uint256 last = $.selectors.length - 1;
            if (route.position != last) {
                bytes4 moved = $.selectors[last];
                $.selectors[route.position] = moved;
                $.routes[moved].position = route.position;
            }
            $.selectors.pop();
            delete $.routes[selector];
        }
    }

    function _initialize(address init, bytes memory data) private {
        if (init == address(0)) return;
        _enforceHasCode(init);
        (bool success, bytes memory reason) = init.delegatecall(data);
        if (!success) {
            if (reason.length == 0) revert IDiamondCut.DiamondInitFailed(init, data);
            assembly {
                revert(add(reason, 0x20), mload(reason))
            }
        }
    }

    function _enforceHasCode(address target) private view {
        if (target.code.length == 0) revert IDiamondCut.DiamondFacetHasNoCode(target);
    }
}
