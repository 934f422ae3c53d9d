// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";

/**
 * @title CategoryStorage
 * @notice The computation categories, indexed from 0 in creation order (ERC-7201 namespace
 * `poco.storage.Category`). Categories are only ever appended: never updated, never removed.
 */
library CategoryStorage {
    /// @custom:storage-location erc7201:poco.storage.Category
    struct Layout {
        IexecLibCore_v5.Category[] categories;
    }

    /// keccak256(abi.encode(uint256(keccak256("poco.storage.Category")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 internal constant SLOT = 0x63ea51b84ad259d4069ca4f0bd649e797c71564bec500ae730f9892989fb5d00;

    /// @notice The namespace's storage pointer.
    function layout() internal pure returns (Layout storage $) {
        assembly {
            $.slot := SLOT
        }
    }
}
