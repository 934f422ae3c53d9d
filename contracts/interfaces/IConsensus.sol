// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";

/**
 * @title IConsensus
 * @notice The Proof-of-Contribution: workers commit to a result (contribute), the commitments are
 * weighed by the workers' scores until one result reaches the deal's trust (consensus), then the
 * winners prove they know it (reveal). Names, signatures and events are those of the PoCo v6.2
 * ABI; the errors are this implementation's (the reference reverts without a reason).
 *
 * Messages (all hashed with `abi.encodePacked`):
 * - result hash (the vote): `keccak256(taskId ‖ resultDigest)`;
 * - result seal (proof of knowledge, binds the worker): `keccak256(worker ‖ taskId ‖ resultDigest)`;
 * - authorization: `keccak256(worker ‖ taskId ‖ enclaveChallenge)`, signed (EIP-191 personal
 *   sign) by the TEE broker when the challenge is not zero and a broker is set, else by the
 *   deal's scheduler (its workerpool's owner at match time);
 * - enclave signature: `keccak256(resultHash ‖ resultSeal)`, signed (EIP-191) by the enclave
 *   challenge key, checked when the challenge is not zero.
 * A signer with code signs through ERC-1271 (`isValidSignature` on the EIP-191 digest); an EOA
 * signs with a 65-byte or 64-byte (EIP-2098) low-s ECDSA signature; another length reverts with
 * `SignatureInvalidLength`. The enclave challenge, a throw-away key, must sign with ECDSA: a
 * contract challenge is refused (the reference accepts ERC-1271 there, which lets a contract
 * that accepts anything stand for an enclave).
 *
 * Weights (score policy k = 3): `weight = max(score / 3, 3) - 1`; a vote multiplies its result's
 * group weight by `weight`; consensus on hash `h` when `group[h] × trust > total × (trust - 1)`,
 * `total` being 1 plus the sum of every group weight.
 */
interface IConsensus {
    /// @notice The task's contribution deadline has come.
    error ConsensusContributionDeadlineReached(bytes32 taskId, uint256 contributionDeadline);
    /// @notice `worker` contributed to the task already (a worker contributes once, reopen included).
    error ConsensusAlreadyContributed(bytes32 taskId, address worker, IexecLibCore_v5.ContributionStatusEnum status);
    /// @notice The deal is a TEE deal (tag bit 0) and the contribution names no enclave challenge.
    error ConsensusEnclaveChallengeRequired(bytes32 taskId, bytes32 tag);
    /// @notice The authorization is not `signer`'s signature for (`worker`, task, `enclaveChallenge`).
    error ConsensusUnauthorizedContribution(bytes32 taskId, address worker, address enclaveChallenge, address signer);
    /// @notice The enclave signature is not `enclaveChallenge`'s ECDSA signature of (result hash, result seal).
    error ConsensusInvalidEnclaveSignature(bytes32 taskId, address enclaveChallenge);
    /// @notice A group weight or the consensus threshold exceeds 2^256 - 1 (absurd trust or scores):
    /// the task can no longer reach a consensus and ends in claim.
    error ConsensusWeightOverflow(bytes32 taskId);
    /// @notice The task's reveal deadline has come.
    error ConsensusRevealDeadlineReached(bytes32 taskId, uint256 revealDeadline);
    /// @notice The task's reveal deadline has not come yet.
    error ConsensusRevealDeadlineNotReached(bytes32 taskId, uint256 revealDeadline);
    /// @notice `worker` has no pending contribution to reveal (never contributed, revealed already, or rejected).
    error ConsensusNotContributed(bytes32 taskId, address worker, IexecLibCore_v5.ContributionStatusEnum status);
    /// @notice `worker` voted `resultHash`, not the consensus value.
    error ConsensusNotInConsensus(bytes32 taskId, address worker, bytes32 resultHash, bytes32 consensusValue);
    /// @notice The revealed digest does not give the contributed result hash.
    error ConsensusResultHashMismatch(bytes32 taskId, bytes32 resultHash, bytes32 expected);
    /// @notice The revealed digest does not give the contributed result seal (it was not the worker's).
    error ConsensusResultSealMismatch(bytes32 taskId, bytes32 resultSeal, bytes32 expected);
    /// @notice Some winners revealed already: the consensus cannot be dropped.
    error ConsensusAlreadyRevealed(bytes32 taskId, uint256 revealCounter);
    /// @notice The worker's PoCo v3 score was imported already.
    error ConsensusScoreAlreadyImported(address worker);
    /// @notice The PoCo v3 hub (`v3Hub`, possibly zero) did not answer `viewScore(worker)`.
    error ConsensusScoreImportFailed(address v3Hub, address worker);

    /// @notice `worker` contributed `hash` (the result hash) to task `taskid`.
    event TaskContribute(bytes32 indexed taskid, address indexed worker, bytes32 hash);
    /// @notice Task `taskid` reached a consensus on the result hash `consensus`.
    event TaskConsensus(bytes32 indexed taskid, bytes32 consensus);
    /// @notice `worker` revealed the result digest `digest` of task `taskid`.
    event TaskReveal(bytes32 indexed taskid, address indexed worker, bytes32 digest);
    /// @notice The scheduler dropped the consensus of task `taskid`, which nobody revealed.
    event TaskReopen(bytes32 indexed taskid);
    /// @notice `worker`'s score became `score` by importing its PoCo v3 score `v3Score`.
    event ScoreImported(address indexed worker, uint256 v3Score, uint256 score);

    /**
     * @notice Commit to a result of an ACTIVE task: stake the deal's worker stake, record the
     * result hash and seal, weigh the vote, and move the task to REVEALING when a result reaches
     * the deal's trust. The hash and seal are only checked at reveal.
     * Checks, in order: task ACTIVE ({ITaskManager.TaskInvalidStatus}); before the contribution
     * deadline ({ConsensusContributionDeadlineReached}); first contribution of the sender
     * ({ConsensusAlreadyContributed}); a challenge on a TEE deal ({ConsensusEnclaveChallengeRequired});
     * the authorization ({ConsensusUnauthorizedContribution}); the enclave signature when the
     * challenge is not zero ({ConsensusInvalidEnclaveSignature}); the stake
     * (`ERC20InsufficientBalance`).
     * Emits `Transfer` and `Lock` (the stake), {TaskContribute}, and {TaskConsensus} when the
     * consensus is reached.
     * @param taskId The task.
     * @param resultHash keccak256(taskId ‖ resultDigest).
     * @param resultSeal keccak256(sender ‖ taskId ‖ resultDigest).
     * @param enclaveChallenge The enclave's key, or zero.
     * @param enclaveSign The enclave's signature (ignored when the challenge is zero).
     * @param authorizationSign The scheduler's (or TEE broker's) authorization.
     */
    function contribute(
        bytes32 taskId,
        bytes32 resultHash,
        bytes32 resultSeal,
        address enclaveChallenge,
        bytes calldata enclaveSign,
        bytes calldata authorizationSign
    ) external;

    /**
     * @notice Reveal the result digest behind the sender's winning contribution, before the reveal
     * deadline. Reverts with {ITaskManager.TaskInvalidStatus} unless the task is REVEALING,
     * {ConsensusRevealDeadlineReached}, {ConsensusNotContributed}, {ConsensusNotInConsensus},
     * {ConsensusResultHashMismatch}, {ConsensusResultSealMismatch}. Emits {TaskReveal}.
     * @param taskId The task.
     * @param resultDigest The digest whose hash the sender contributed.
     */
    function reveal(bytes32 taskId, bytes32 resultDigest) external;

    /**
     * @notice Drop a consensus nobody revealed: its contributions become REJECTED (they stay
     * staked, and are seized at finalization or refunded at claim), their weight leaves the
     * consensus, and the task is ACTIVE again with its deadlines unchanged. Scheduler only.
     * Reverts with {ITaskManager.TaskCallerNotScheduler}, {ITaskManager.TaskInvalidStatus} unless
     * REVEALING, {ITaskManager.TaskFinalDeadlineReached}, {ConsensusRevealDeadlineNotReached},
     * {ConsensusAlreadyRevealed}. Emits {TaskReopen}.
     * @param taskId The task.
     */
    function reopen(bytes32 taskId) external;

    /**
     * @notice Raise a worker's score to its PoCo v3 score, once per worker; anyone may call it.
     * Reverts with {ConsensusScoreAlreadyImported}, or {ConsensusScoreImportFailed} when no v3
     * hub is configured or it does not answer. Emits {ScoreImported}.
     * @param worker The worker.
     */
    function importScore(address worker) external;
}
