// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";

/**
 * @title ITaskManager
 * @notice Create the tasks of a deal, and claim those whose final deadline passed. Names,
 * signatures and events are those of the PoCo v6.2 ABI; the errors are this implementation's
 * (the reference reverts without a reason). The `Task*` errors are shared by every function of
 * the task lifecycle (consensus and finalization included).
 *
 * A task is the unit of work of a deal: task `idx` of deal `dealId`, for
 * `botFirst <= idx < botFirst + botSize`, has the id `keccak256(dealId ‖ uint256(idx))`.
 * Deadlines count from the deal's start (its match), with `T` the category's work-clock
 * reference: contributions until `start + 7T` (excluded), finalization until `start + 10T`
 * (excluded), claim from `start + 10T` on. Stored deadlines saturate at 2^40 - 1 (year 36812).
 */
interface ITaskManager {
    /// @notice `idx` is not a task of deal `dealId` (`botFirst <= idx < botFirst + botSize`;
    /// an unknown deal has size 0).
    error TaskIndexOutOfRange(bytes32 dealId, uint256 idx, uint256 botFirst, uint256 botSize);
    /// @notice The task is in `status`, which the operation does not accept.
    error TaskInvalidStatus(bytes32 taskId, IexecLibCore_v5.TaskStatusEnum status);
    /// @notice Two arrays that go in pairs have different lengths.
    error TaskArrayLengthMismatch(uint256 dealIds, uint256 indexes);
    /// @notice The operation is reserved to the deal's scheduler (its workerpool's owner at match time).
    error TaskCallerNotScheduler(bytes32 taskId, address caller, address scheduler);
    /// @notice The task's final deadline has come: it can only be claimed.
    error TaskFinalDeadlineReached(bytes32 taskId, uint256 finalDeadline);
    /// @notice The task's final deadline has not come yet: it cannot be claimed.
    error TaskFinalDeadlineNotReached(bytes32 taskId, uint256 finalDeadline);

    /// @notice Task `taskid` was initialized; `workerpool` is the deal's workerpool contract
    /// (not its owner), so that schedulers can filter on it.
    event TaskInitialize(bytes32 indexed taskid, address indexed workerpool);
    /// @notice Task `taskid` was claimed after its final deadline: it failed.
    event TaskClaimed(bytes32 indexed taskid);

    /**
     * @notice Initialize task `index` of deal `dealId`, so that workers can contribute to it.
     * Anyone may call it. Works for a task whose deadlines have passed too (it can then only be
     * claimed).
     * Reverts with {TaskIndexOutOfRange} for an index outside the deal, {TaskInvalidStatus} for a
     * task already initialized. Emits {TaskInitialize}.
     * @param dealId The deal.
     * @param index The task's index in the request order (`botFirst <= index < botFirst + botSize`).
     * @return The task id, `keccak256(dealId ‖ index)`.
     */
    function initialize(bytes32 dealId, uint256 index) external returns (bytes32);

    /**
     * @notice {initialize} for each `(dealIds[i], indexes[i])`, all or nothing.
     * Reverts with {TaskArrayLengthMismatch} when the lengths differ, else as {initialize}.
     * @param dealIds The deals.
     * @param indexes The task indexes, one per deal id.
     * @return Always true.
     */
    function initializeArray(bytes32[] calldata dealIds, uint256[] calldata indexes) external returns (bool);

    /**
     * @notice Close a task whose final deadline has come without finalization: the sponsor of the
     * deal gets the task's price back, the scheduler's stake for the task goes to the kitty, every
     * contributor gets its stake back; no score changes. Anyone may call it.
     * Reverts with {TaskInvalidStatus} unless the task is ACTIVE or REVEALING,
     * {TaskFinalDeadlineNotReached} before the final deadline. Emits the escrow events
     * (`Transfer`/`Unlock` to the sponsor, `Seize` of the scheduler, `Reward`/`Lock` of the kitty,
     * `Transfer`/`Unlock` per contributor in contribution order), then {TaskClaimed}.
     * @param taskId The task.
     */
    function claim(bytes32 taskId) external;

    /**
     * @notice {claim} for each task, all or nothing.
     * @param taskIds The tasks.
     * @return Always true.
     */
    function claimArray(bytes32[] calldata taskIds) external returns (bool);

    /**
     * @notice {initialize} then {claim} for each `(dealIds[i], indexes[i])`, all or nothing: the
     * way to claim tasks nobody initialized.
     * Reverts with {TaskArrayLengthMismatch} when the lengths differ, else as the two functions.
     * @param dealIds The deals.
     * @param indexes The task indexes, one per deal id.
     * @return Always true.
     */
    function initializeAndClaimArray(bytes32[] calldata dealIds, uint256[] calldata indexes) external returns (bool);
}
