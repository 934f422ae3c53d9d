// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IDiamond} from "../interfaces/diamond/IDiamond.sol";
import {IDiamondCut} from "../interfaces/diamond/IDiamondCut.sol";
import {DiamondStorage} from "../storage/DiamondStorage.sol";
import {LibDiamond} from "./LibDiamond.sol";

/**
 * @title PocoDiamond
 * @notice The PoCo hub: one address, many facets (EIP-2535). The diamond itself has no function of
 * its own: every call, including plain coin transfers (routed as the zero selector `0x00000000`,
 * which the native escrow registers for its deposit-on-receive), is delegated to the facet that
 * serves its selector, and a selector no facet serves reverts with `DiamondFunctionNotFound`.
 * @dev The constructor sets the owner and applies the first cut with its initializer, so the hub
 * is never observable half-configured.
 */
contract PocoDiamond {
    /**
     * @param owner_ The first owner of the hub.
     * @param cut The facets and selectors of the first cut.
     * @param init The initializer delegatecalled after the cut (zero for none).
     * @param initCalldata The initializer's calldata.
     */
    constructor(address owner_, IDiamond.FacetCut[] memory cut, address init, bytes memory initCalldata) {
        LibDiamond.setOwner(owner_);
        LibDiamond.diamondCut(cut, init, initCalldata);
    }

    /// @notice Route a call to the facet that serves its selector.
    fallback() external payable {
        _delegate();
    }

    /// @notice Route a plain coin transfer to the facet registered under the zero selector.
    receive() external payable {
        _delegate();
    }

    function _delegate() private {
        address facet = DiamondStorage.layout().routes[msg.sig].facet;
        if (facet == address(0)) revert IDiamondCut.DiamondFunctionNotFound(msg.sig);
        assembly {
            calldatacopy(0, 0, calldatasize())
            let success := delegatecall(gas(), facet, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch success
            case 0 {
                revert(0, returndatasize())
            }
            default {
                return(0, returndatasize())
            }
        }
    }
}
