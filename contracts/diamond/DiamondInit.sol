// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IDiamondCut} from "../interfaces/diamond/IDiamondCut.sol";
import {IDiamondLoupe} from "../interfaces/diamond/IDiamondLoupe.sol";
import {IERC173} from "../interfaces/diamond/IERC173.sol";
import {LibCategory} from "../libraries/LibCategory.sol";
import {LibConfig} from "../libraries/LibConfig.sol";
import {DiamondStorage} from "../storage/DiamondStorage.sol";

/**
 * @title DiamondInit
 * @notice One-shot initializer delegatecalled by the hub's first cut: records the ERC-165
 * interfaces of the diamond core, configures the hub (token, registries, EIP-712 domain) and
 * creates the default categories, so that the hub is configured atomically with its deployment.
 * @dev Runs in the hub's context; a second run reverts (`ConfigAlreadyConfigured`).
 */
contract DiamondInit {
    /// @notice Name of the escrow's ERC-20 view.
    string public constant ESCROW_NAME = "Staked RLC";
    /// @notice Symbol of the escrow's ERC-20 view.
    string public constant ESCROW_SYMBOL = "SRLC";
    /// @notice Decimals of the escrow's ERC-20 view (those of RLC: 1 RLC = 10^9 nRLC).
    uint8 public constant ESCROW_DECIMALS = 9;

    /// @notice Description of the default categories: the 2-character string `""`, as the v6
    /// deployment stores it (it writes `JSON.stringify("")`).
    string public constant DEFAULT_CATEGORY_DESCRIPTION = "\x22\x22";

    /// @notice What the hub is configured with.
    struct InitArgs {
        /// RLC token (token flavour) or zero (native flavour).
        address token;
        address appRegistry;
        address datasetRegistry;
        address workerpoolRegistry;
    }

    /**
     * @notice Record the diamond core's interfaces and configure the hub.
     * @param args The token and the registries.
     */
    function init(InitArgs calldata args) external {
        DiamondStorage.Layout storage $ = DiamondStorage.layout();
        $.supportedInterfaces[type(IERC165).interfaceId] = true;
        $.supportedInterfaces[type(IDiamondCut).interfaceId] = true;
        $.supportedInterfaces[type(IDiamondLoupe).interfaceId] = true;
        $.supportedInterfaces[type(IERC173).interfaceId] = true;
        LibConfig.configure(
            args.token,
            ESCROW_NAME,
            ESCROW_SYMBOL,
            ESCROW_DECIMALS,
            args.appRegistry,
            args.datasetRegistry,
            args.workerpoolRegistry,
            address(0)
        );
        _createDefaultCategories();
    }

    /// @dev Categories 0-4 of every PoCo deployment: XS, S, M, L, XL (work-clock references in seconds).
    function _createDefaultCategories() private {
        LibCategory.create("XS", DEFAULT_CATEGORY_DESCRIPTION, 300);
        LibCategory.create("S", DEFAULT_CATEGORY_DESCRIPTION, 1_200);
        LibCategory.create("M", DEFAULT_CATEGORY_DESCRIPTION, 3_600);
        LibCategory.create("L", DEFAULT_CATEGORY_DESCRIPTION, 10_800);
        LibCategory.create("XL", DEFAULT_CATEGORY_DESCRIPTION, 36_000);
    }
}
