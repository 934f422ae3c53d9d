// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/**
 * @title ConfigStorage
 * @notice The hub's configuration: the registries, the EIP-712 domain separator, the TEE broker
 * and the result-callback gas (ERC-7201 namespace `poco.storage.Config`).
 * @dev The escrowed token is in `EscrowStorage`, packed with the total supply it backs: every
 * deposit and withdrawal reads both.
 */
library ConfigStorage {
    /// @custom:storage-location erc7201:poco.storage.Config
    struct Layout {
        /// Stored EIP-712 domain separator of the orders; zero until the hub is configured.
        bytes32 domainSeparator;
        /// Decimals of the escrow's ERC-20 view (9, as RLC).
        uint8 decimals;
        address appRegistry;
        address datasetRegistry;
        address workerpoolRegistry;
        /// The PoCo v3 hub scores may be imported from (zero when there is none).
        address v3Hub;
        /// When set, signs TEE authorizations instead of the scheduler.
        address teeBroker;
        /// Gas forwarded to a request's result callback on finalize.
        uint256 callbackGas;
        /// Name and symbol of the escrow's ERC-20 view ("Staked RLC", "SRLC").
        string name;
        string symbol;
    }

    /// keccak256(abi.encode(uint256(keccak256("poco.storage.Config")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 internal constant SLOT = 0x4af488c2862b80cebd17f70728a5a722173725941b3d8d93731fd29817725f00;

    /// @notice The namespace's storage pointer.
    function layout() internal pure returns (Layout storage $) {
        assembly {
            $.slot := SLOT
        }
    }
}
