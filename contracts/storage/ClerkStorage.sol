// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/**
 * @title ClerkStorage
 * @notice The order book's on-chain state: presignatures and consumed volumes, keyed by order hash
 * (the order's EIP-712 digest), and later the deals (ERC-7201 namespace `poco.storage.Clerk`).
 * @dev Append-only: the Clerk adds its deals after the existing members.
 */
library ClerkStorage {
    /// @custom:storage-location erc7201:poco.storage.Clerk
    struct Layout {
        /// Who presigned an order: its owner at presign time (zero: not presigned). Matching
        /// compares it with the current owner, so an ownership change voids the presignature.
        mapping(bytes32 orderHash => address owner) presigned;
        /// Volume of an order consumed by deals, or set to the order's volume when it is closed.
        mapping(bytes32 orderHash => uint256 volume) consumed;
    }

    /// keccak256(abi.encode(uint256(keccak256("poco.storage.Clerk")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 internal constant SLOT = 0xd3ca9b04182b96e8817267e3d9254b9ebba81848ee7a7394e8dc6c73199cc400;

    /// @notice The namespace's storage pointer.
    function layout() internal pure returns (Layout storage $) {
        assembly {
            $.slot := SLOT
        }
    }
}
