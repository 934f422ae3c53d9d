// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";
import {PackedBytes} from "../types/PackedBytes.sol";

/**
 * @title TaskStorage
 * @notice The execution side's state: tasks, their contributions and consensus bookkeeping, and
 * the workers' scores (ERC-7201 namespace `poco.storage.Task`).
 * @dev Laid out for the hot paths (see `LibTask` for how each field is derived into the ABI's
 * `Task` and `Contribution`):
 * - `initialize` writes exactly two new slots (`Task` slots 0 and 1);
 * - the contributors form a linked list through their contribution records (`previous`), whose
 *   tail and length live in `Task` slot 2: a contribution writes no array element;
 * - the consensus value is not stored: while a consensus stands (`revealDeadline != 0`) it is
 *   the result hash of the last contributor, the one whose vote reached it;
 * - a `PROVED` contribution's hash and seal are functions of the task's result digest, so
 *   `contributeAndFinalize` does not store them;
 * - results are `PackedBytes` (one slot fewer than `bytes` for a typical result location);
 * - the group weights are stored as they were before the vote that reaches a consensus (that
 *   vote's update is never read unless `reopen` drops the consensus, and `reopen` only needs
 *   `total - group[consensus]`, which the stored values give exactly).
 */
library TaskStorage {
    /// @notice A task.
    struct Task {
        // slot 0: read by every operation
        IexecLibCore_v5.TaskStatusEnum status;
        /// Deal start + 7 × timeref, saturated at 2^40 - 1 (year 36812).
        uint40 contributionDeadline;
        /// Deal start + 10 × timeref, saturated at 2^40 - 1.
        uint40 finalDeadline;
        /// Consensus time + 2 × timeref, saturated at 2^40 - 1; zero while there is no consensus.
        uint40 revealDeadline;
        /// `idx - deal.botFirst` (< botSize < 2^128).
        uint128 offset;
        // slot 1
        bytes32 dealId;
        // slot 2: contributors and counters, written by contribute, consensus and reveal
        /// Tail of the contributors list (zero: no contributor).
        address lastContributor;
        uint32 contributorCount;
        uint32 winnerCounter;
        uint32 revealCounter;
        // slot 3
        bytes32 resultDigest;
        // slot 4
        /// Σ of the group weights (the consensus `total` minus its prior of 1).
        uint256 groupsTotal;
        // slots 5, 6 (and their continuations)
        PackedBytes results;
        PackedBytes resultsCallback;
        mapping(address worker => Contribution) contributions;
        /// Product of the weights of the workers who voted for a result hash.
        mapping(bytes32 resultHash => uint256) groupWeights;
    }

    /// @notice A worker's contribution to a task.
    struct Contribution {
        // slot 0
        IexecLibCore_v5.ContributionStatusEnum status;
        /// floor(log2(weight)) at contribution time (≤ 127).
        uint8 logWeight;
        /// The contributor before this one (zero for the first).
        address previous;
        // slots 1, 2: not written by contributeAndFinalize (derived from the result digest)
        bytes32 resultHash;
        bytes32 resultSeal;
        // slot 3: written only when not zero
        address enclaveChallenge;
    }

    /// @notice A worker's reputation.
    struct Worker {
        uint128 score;
        /// Whether the worker's PoCo v3 score was imported (once per worker).
        bool scoreImported;
    }

    /// @custom:storage-location erc7201:poco.storage.Task
    struct Layout {
        mapping(bytes32 taskId => Task) tasks;
        mapping(address worker => Worker) workers;
    }

    /// keccak256(abi.encode(uint256(keccak256("poco.storage.Task")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 internal constant SLOT = 0x4f9eaa5f5a9ac72fdf6eb08899853478822abb3f883e16cd1ace775bbf488400;

    /// @notice The namespace's storage pointer.
    function layout() internal pure returns (Layout storage $) {
        assembly {
            $.slot := SLOT
        }
    }
}
