// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/**
 * @title IexecLibCore_v5
 * @notice The core structs of the PoCo ABI.
 * @dev The legacy library name is kept on purpose (design.md §2): ethers decodes struct results by
 * member name and TypeChain derives type names from `internalType`, so clients of the reference
 * (the `iexec` SDK, worker middleware) need exactly `IexecLibCore_v5.<Struct>` with these members.
 */
// solhint-disable-next-line contract-name-capwords
library IexecLibCore_v5 {
    /// @notice An escrow account, as `viewAccount` returns it.
    struct Account {
        /// Free balance (nRLC): what the account can withdraw, transfer or have locked.
        uint256 stake;
        /// Frozen balance (nRLC): locked by deals and contributions, released by the protocol.
        uint256 locked;
    }

    /// @notice A computation category, as `viewCategory` returns it.
    struct Category {
        /// Short name ("XS", "S", ...).
        string name;
        /// Free text (the v6 deployment stores the 2-character string `""`).
        string description;
        /// Work-clock reference in seconds; a task's deadlines are multiples of it.
        uint256 workClockTimeRef;
    }

    /// @notice An asset of a deal: its address, its owner at match time, its price per task (nRLC).
    struct Resource {
        address pointer;
        address owner;
        uint256 price;
    }

    /// @notice A deal, as `viewDeal` returns it (all zero for an unknown id).
    struct Deal {
        Resource app;
        Resource dataset;
        Resource workerpool;
        /// `max(request.trust, 1)`.
        uint256 trust;
        uint256 category;
        /// The tags of the app, dataset (6.2: TEE-framework bits 1–3 dropped) and request, OR-ed.
        bytes32 tag;
        address requester;
        address beneficiary;
        address callback;
        string params;
        /// Block timestamp of the match; the tasks' final deadline counts from it.
        uint256 startTime;
        /// Index of the deal's first task in the request order (its consumed volume before the match).
        uint256 botFirst;
        /// Number of tasks of the deal.
        uint256 botSize;
        /// What each contributing worker stakes per task (workerpool price × the pool's policy / 100).
        uint256 workerStake;
        /// Percentage of the workerpool's reward the scheduler keeps.
        uint256 schedulerRewardRatio;
        /// Who paid for the deal: the requester, or the caller of `sponsorMatchOrders`.
        address sponsor;
    }

    /// @notice An app and its metadata, as `viewApp` returns it.
    struct AppInfo {
        address owner;
        string m_appName;
        string m_appType;
        bytes m_appMultiaddr;
        bytes32 m_appChecksum;
        bytes m_appMREnclave;
    }

    /// @notice A dataset and its metadata, as `viewDataset` returns it.
    struct DatasetInfo {
        address owner;
        string m_datasetName;
        bytes m_datasetMultiaddr;
        bytes32 m_datasetChecksum;
    }

    /// @notice A workerpool, its description and its policy, as `viewWorkerpool` returns it.
    struct WorkerpoolInfo {
        address owner;
        string m_workerpoolDescription;
        uint256 m_workerStakeRatioPolicy;
        uint256 m_schedulerRewardRatioPolicy;
    }

    /// @notice Where a task stands. `FAILED` is spelled `FAILLED` in PoCo v3 (same value).
    enum TaskStatusEnum {
        /// Not initialized.
        UNSET,
        /// Initialized; accepting contributions.
        ACTIVE,
        /// Consensus reached; waiting for the winners to reveal.
        REVEALING,
        /// Finalized (terminal).
        COMPLETED,
        /// Claimed after its final deadline (terminal).
        FAILED
    }

    /// @notice Where a worker's contribution to a task stands.
    enum ContributionStatusEnum {
        /// No contribution.
        UNSET,
        /// Result hash and seal submitted, stake locked.
        CONTRIBUTED,
        /// Revealed (or contributed and finalized at once).
        PROVED,
        /// Part of a consensus that `reopen` dropped.
        REJECTED
    }

    /// @notice A task, as `viewTask` returns it (all zero for an unknown id).
    struct Task {
        TaskStatusEnum status;
        bytes32 dealid;
        /// Index of the task in its request order: `botFirst <= idx < botFirst + botSize`.
        uint256 idx;
        /// Work-clock reference of the deal's category (seconds).
        uint256 timeref;
        /// Deal start + 7 × timeref.
        uint256 contributionDeadline;
        /// Consensus time + 2 × timeref; zero before consensus and after `reopen`.
        uint256 revealDeadline;
        /// Deal start + 10 × timeref.
        uint256 finalDeadline;
        /// The winning result hash; zero before consensus and after `reopen`.
        bytes32 consensusValue;
        /// How many winners revealed.
        uint256 revealCounter;
        /// How many contributors hold the winning hash (rejected ones excluded).
        uint256 winnerCounter;
        /// Every contributor, in contribution order.
        address[] contributors;
        /// The revealed result digest.
        bytes32 resultDigest;
        /// What the scheduler finalized with (free-form, e.g. a storage location).
        bytes results;
        /// Never written (kept for the ABI).
        uint256 resultsTimestamp;
        /// The data given to the request's callback; its keccak256 is the result digest.
        bytes resultsCallback;
    }

    /// @notice A worker's contribution to a task, as `viewContribution` returns it.
    struct Contribution {
        ContributionStatusEnum status;
        /// keccak256(taskId ‖ resultDigest).
        bytes32 resultHash;
        /// keccak256(worker ‖ taskId ‖ resultDigest).
        bytes32 resultSeal;
        /// The enclave that signed the result, or zero.
        address enclaveChallenge;
        /// floor(log2(worker weight)) at contribution time; zero for `contributeAndFinalize`.
        uint256 weight;
    }
}
