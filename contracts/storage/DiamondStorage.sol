// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/**
 * @title DiamondStorage
 * @notice The routing table, the owner and the ERC-165 interfaces of the hub (ERC-7201 namespace
 * `poco.storage.Diamond`).
 */
library DiamondStorage {
    /// @notice Where a selector is routed: its facet, and its position in `selectors` (for the loupe
    /// and for O(1) removal). Packed in one slot so that routing a call costs one SLOAD.
    struct Route {
        address facet;
        uint96 position;
    }

    /// @custom:storage-location erc7201:poco.storage.Diamond
    struct Layout {
        mapping(bytes4 selector => Route) routes;
        bytes4[] selectors;
        mapping(bytes4 interfaceId => bool) supportedInterfaces;
        address owner;
    }

    /// keccak256(abi.encode(uint256(keccak256("poco.storage.Diamond")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 internal constant SLOT = 0xc5d2b0f42672751ca0c38a8a4e66738702aa22c00ff372febd19a168c45a0300;

    /// @notice The namespace's storage pointer.
    function layout() internal pure returns (Layout storage $) {
        assembly {
            $.slot := SLOT
        }
    }
}
