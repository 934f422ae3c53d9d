// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/**
 * @title IFinalization
 * @notice Close a task with its result: pay the providers, reward the winners, seize the losers,
 * update scores, pay the scheduler (and a share of the kitty), then push the result to the
 * request's callback contract. Names, signatures and events are those of the PoCo v6.2 ABI; the
 * errors are this implementation's.
 *
 * Money of a completed task (nRLC, all rounding down), with `P` the workerpool price and `r` the
 * deal's scheduler reward ratio:
 * - the deal's sponsor is charged the task price (app + dataset + workerpool prices); the app
 *   and dataset owners get their prices (when not zero); the scheduler gets its stake for the
 *   task, `P × 30 / 100`, back, and a share of the kitty, `min(max(K × 10 / 100, 1 RLC), K)`;
 * - finalize: the pot is `P` plus the stake of every contribution that is not PROVED (seized);
 *   the workers' part is `pot × (100 - r) / 100`, split between the PROVED contributions in
 *   proportion to their log-weights; the scheduler gets the rest (its ratio plus the rounding
 *   dust); when the task had several contributors, each PROVED worker's score grows by 1, and
 *   each other contributor's score becomes `score × 2 / 3`;
 * - contributeAndFinalize: the worker gets `P × (100 - r) / 100`, the scheduler the rest; no
 *   stake, no score change.
 *
 * Callback: when the deal names a callback contract, after every state change and payment, the
 * hub calls `receiveResult(taskId, resultsCallback)` on it with `callbackgas()` gas, ignoring its
 * outcome and its return data, then requires more than `callbackgas() / 63` gas left (so that
 * the caller could not starve the callback).
 */
interface IFinalization {
    /// @notice Finalization needs every winner's reveal, or at least one and the reveal deadline passed.
    error FinalizationRevealsPending(
        bytes32 taskId,
        uint256 revealCounter,
        uint256 winnerCounter,
        uint256 revealDeadline
    );
    /// @notice The callback data must hash to the result digest (or be empty on a deal without callback).
    error FinalizationInvalidCallbackData(bytes32 taskId, bytes32 resultDigest, bytes32 callbackDataHash);
    /// @notice `contributeAndFinalize` is for deals of trust 1 only.
    error FinalizationReplicationRequired(bytes32 taskId, uint256 trust);
    /// @notice `contributeAndFinalize` needs a task nobody contributed to.
    error FinalizationContributorsExist(bytes32 taskId, uint256 contributorCount);
    /// @notice Too little gas was left after the result callback (it may have been starved).
    error FinalizationCallbackGasTooLow(uint256 gasLeft, uint256 callbackGas);

    /// @notice Task `taskid` was completed with `results`.
    event TaskFinalize(bytes32 indexed taskid, bytes results);
    /// @notice `worker`'s contribution to `taskid` was right (score + 1).
    event AccurateContribution(address indexed worker, bytes32 indexed taskid);
    /// @notice `worker`'s contribution to `taskid` was wrong, unrevealed or rejected (stake seized, score × 2/3).
    event FaultyContribution(address indexed worker, bytes32 indexed taskid);

    /**
     * @notice Complete a REVEALING task. Scheduler only.
     * Reverts with {ITaskManager.TaskCallerNotScheduler}, {ITaskManager.TaskInvalidStatus} unless
     * REVEALING, {ITaskManager.TaskFinalDeadlineReached}, {FinalizationRevealsPending},
     * {FinalizationInvalidCallbackData}, {FinalizationCallbackGasTooLow}.
     * Emits, in order: `Seize` of the sponsor; `Transfer`/`Reward` of the app and dataset owners;
     * `Transfer`/`Unlock` of the scheduler's stake; `Seize`/`Transfer`/`Reward` of the kitty share;
     * per contributor in contribution order, either `Transfer`/`Unlock`, `Transfer`/`Reward` and
     * {AccurateContribution} (only if several contributors), or `Seize` and {FaultyContribution};
     * `Transfer`/`Reward` of the scheduler's remainder; {TaskFinalize}.
     * @param taskId The task.
     * @param results The result (free-form, e.g. its storage location); stored and emitted.
     * @param resultsCallback The data for the callback: its keccak256 must be the revealed digest,
     * unless the deal has no callback and it is empty.
     */
    function finalize(bytes32 taskId, bytes calldata results, bytes calldata resultsCallback) external;

    /**
     * @notice Contribute, reveal and finalize in one call, for a task of a trust-1 deal nobody
     * contributed to; the worker stakes nothing. The hub computes the result hash and seal from
     * the digest and the sender.
     * Reverts as `contribute` for the status, the deadline, the TEE rule and the signatures, and
     * with {FinalizationContributorsExist}, {FinalizationReplicationRequired},
     * {FinalizationInvalidCallbackData}, {FinalizationCallbackGasTooLow}.
     * Emits the escrow events of the providers and the kitty (as {finalize}), `Transfer`/`Reward`
     * of the worker then of the scheduler, then `TaskContribute`, `TaskConsensus`, `TaskReveal`,
     * {TaskFinalize}.
     * @param taskId The task.
     * @param resultDigest The result digest (keccak256 of `resultsCallback` on a callback deal).
     * @param results The result; stored and emitted.
     * @param resultsCallback The data for the callback (see {finalize}).
     * @param enclaveChallenge The enclave's key, or zero.
     * @param enclaveSign The enclave's signature of keccak256(resultHash ‖ resultSeal).
     * @param authorizationSign The scheduler's (or TEE broker's) authorization.
     */
    function contributeAndFinalize(
        bytes32 taskId,
        bytes32 resultDigest,
        bytes calldata results,
        bytes calldata resultsCallback,
        address enclaveChallenge,
        bytes calldata enclaveSign,
        bytes calldata authorizationSign
    ) external;
}
