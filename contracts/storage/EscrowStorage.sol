// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/**
 * @title EscrowStorage
 * @notice The escrow ledger: every account's free and frozen balances (nRLC), the ERC-20
 * allowances of the hub's SRLC view, the escrowed token and the total supply (ERC-7201 namespace
 * `poco.storage.Escrow`).
 * @dev Only `LibEscrow` writes here. The hub's own account holds, as its free balance, the sum of
 * every frozen balance, so `totalSupply == Σ balance` and `balance[hub] == Σ frozen`.
 */
library EscrowStorage {
    /**
     * @notice One account, packed in one slot: the primitives that freeze or release value
     * (lock, unlock, seize) and `viewAccount` touch both halves together.
     * @dev 128 bits are more than enough: every balance and every frozen amount is bounded by the
     * total supply, which is 96 bits.
     */
    struct Account {
        /// Free balance: withdrawable, transferable, lockable.
        uint128 balance;
        /// Frozen balance: backed by the hub's own free balance, released only by the protocol.
        uint128 frozen;
    }

    /// @custom:storage-location erc7201:poco.storage.Escrow
    struct Layout {
        mapping(address account => Account) accounts;
        mapping(address account => mapping(address spender => uint256 amount)) allowances;
        /// RLC token escrowed by the token flavour; zero on the native flavour. Set once, by the
        /// hub's configuration.
        address token;
        /// Minted minus burned: the RLC (or native coin / 10^9) the hub owes its users. Packed with
        /// the token (every deposit and withdrawal reads both): `LibEscrow` caps it at 2^96 - 1 nRLC,
        /// about 7.9 × 10^19 RLC, almost a trillion times RLC's supply.
        uint96 totalSupply;
    }

    /// keccak256(abi.encode(uint256(keccak256("poco.storage.Escrow")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 internal constant SLOT = 0x1f309b1df4df73ba45563ced2d0bb3bc8d43e82c1be2ebb331d514263b45ca00;

    /// @notice The namespace's storage pointer.
    function layout() internal pure returns (Layout storage $) {
        assembly {
            $.slot := SLOT
        }
    }
}
