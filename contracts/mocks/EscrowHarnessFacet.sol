// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IEscrowLedger} from "../interfaces/IEscrowLedger.sol";
import {LibEscrow} from "../libraries/LibEscrow.sol";

/**
 * @title EscrowHarnessFacet
 * @notice Test-only facet: exposes the escrow primitives of `LibEscrow` (lock, unlock, reward,
 * seize, the kitty) on a hub, as the Clerk and the consensus will call them. Never deployed by
 * `deploy/`. Anyone may call it: a hub with this facet is a test hub.
 */
contract EscrowHarnessFacet is IEscrowLedger {
    /// @notice `LibEscrow.lock`.
    function harnessLock(address account, uint256 value) external {
        LibEscrow.lock(account, value);
    }

    /// @notice `LibEscrow.unlock`.
    function harnessUnlock(address account, uint256 value) external {
        LibEscrow.unlock(account, value);
    }

    /// @notice `LibEscrow.reward` alone (leaves the hub's balance short of the frozen total unless
    /// a seize came before).
    function harnessReward(address account, uint256 value, bytes32 ref) external {
        LibEscrow.reward(account, value, ref);
    }

    /// @notice `LibEscrow.seize` alone (leaves the seized value in the hub without an owner).
    function harnessSeize(address account, uint256 value, bytes32 ref) external {
        LibEscrow.seize(account, value, ref);
    }

    /// @notice What a finalization does with a price: seize it from `from`, reward `to` with it.
    function harnessSeizeAndReward(address from, address to, uint256 value, bytes32 ref) external {
        LibEscrow.seize(from, value, ref);
        LibEscrow.reward(to, value, ref);
    }

    /// @notice What a failed task does with the scheduler's stake: seize it, put it in the kitty.
    function harnessSeizeToKitty(address from, uint256 value, bytes32 ref) external {
        LibEscrow.seize(from, value, ref);
        LibEscrow.fillKitty(value, ref);
    }

    /// @notice What a successful task does for its scheduler: `LibEscrow.payKitty`.
    /// @return payout The amount paid.
    function harnessPayKitty(address to, bytes32 ref) external returns (uint256 payout) {
        return LibEscrow.payKitty(to, ref);
    }
}
