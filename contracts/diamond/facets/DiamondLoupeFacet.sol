// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IDiamondLoupe} from "../../interfaces/diamond/IDiamondLoupe.sol";
import {DiamondStorage} from "../../storage/DiamondStorage.sol";

/**
 * @title DiamondLoupeFacet
 * @notice Introspection of the hub (EIP-2535 loupe) and its ERC-165 answers.
 * @dev Views only, meant for off-chain callers: `facets()` walks the whole selector list.
 */
contract DiamondLoupeFacet is IDiamondLoupe, IERC165 {
    /// @inheritdoc IDiamondLoupe
    function facets() external view override returns (Facet[] memory facets_) {
        DiamondStorage.Layout storage $ = DiamondStorage.layout();
        uint256 selectorCount = $.selectors.length;
        facets_ = new Facet[](selectorCount);
        uint256[] memory counts = new uint256[](selectorCount);
        uint256 facetCount = 0;
        for (uint256 i = 0; i < selectorCount; ++i) {
            bytes4 selector = $.selectors[i];
            address facet = $.routes[selector].facet;
            uint256 f = 0;
            while (f < facetCount && facets_[f].facetAddress != facet) ++f;
            if (f == facetCount) {
                facets_[f].facetAddress = facet;
                facets_[f].functionSelectors = new bytes4[](selectorCount);
                ++facetCount;
            }
            facets_[f].functionSelectors[counts[f]++] = selector;
        }
        for (uint256 f = 0; f < facetCount; ++f) {
            bytes4[] memory selectors = facets_[f].functionSelectors;
            uint256 count = counts[f];
            assembly {
                mstore(selectors, count)
            }
        }
        assembly {
            mstore(facets_, facetCount)
        }
    }

    /// @inheritdoc IDiamondLoupe
    function facetFunctionSelectors(
        address _facet
    ) external view override returns (bytes4[] memory facetFunctionSelectors_) {
        DiamondStorage.Layout storage $ = DiamondStorage.layout();
        uint256 selectorCount = $.selectors.length;
        facetFunctionSelectors_ = new bytes4[](selectorCount);
        uint256 count = 0;
        for (uint256 i = 0; i < selectorCount; ++i) {
            bytes4 selector = $.selectors[i];
            if ($.routes[selector].facet == _facet) facetFunctionSelectors_[count++] = selector;
        }
        assembly {
            mstore(facetFunctionSelectors_, count)
        }
    }

    /// @inheritdoc IDiamondLoupe
    function facetAddresses() external view override returns (address[] memory facetAddresses_) {
        DiamondStorage.Layout storage $ = DiamondStorage.layout();
        uint256 selectorCount = $.selectors.length;
        facetAddresses_ = new address[](selectorCount);
        uint256 count = 0;
        for (uint256 i = 0; i < selectorCount; ++i) {
            address facet = $.routes[$.selectors[i]].facet;
            uint256 f = 0;
            while (f < count && facetAddresses_[f] != facet) ++f;
            if (f == count) facetAddresses_[count++] = facet;
        }
        assembly {
            mstore(facetAddresses_, count)
        }
    }

    /// @inheritdoc IDiamondLoupe
    function facetAddress(bytes4 _functionSelector) external view override returns (address facetAddress_) {
        return DiamondStorage.layout().routes[_functionSelector].facet;
    }

    /// @notice Whether the hub implements an interface (ERC-165), as recorded by its initializers.
    /// @param interfaceId The ERC-165 interface id.
    /// @return True if the interface is supported.
    function supportsInterface(bytes4 interfaceId) external view override returns (bool) {
        return DiamondStorage.layout().supportedInterfaces[interfaceId];
    }
}
