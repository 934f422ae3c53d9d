// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";

/**
 * @title ITaskViews
 * @notice Read-only accessors of tasks, contributions and scores, and the protocol constants of
 * the execution side. Names and signatures are those of the PoCo v6.2 ABI.
 */
interface ITaskViews {
    /// @notice The task is not COMPLETED: it has no result yet.
    error TaskResultPending(bytes32 taskId, IexecLibCore_v5.TaskStatusEnum status);

    /**
     * @notice A task (all zero for an unknown id). `resultsTimestamp` is always zero.
     * @param id The task id.
     * @return The task.
     */
    function viewTask(bytes32 id) external view returns (IexecLibCore_v5.Task memory);

    /**
     * @notice The task's 12 first fields, as PoCo v3 returned them: status, dealid, idx, timeref,
     * contributionDeadline, revealDeadline, finalDeadline, consensusValue, revealCounter,
     * winnerCounter, contributors, results.
     * @param _taskid The task id.
     */
    function viewTaskABILegacy(
        bytes32 _taskid
    )
        external
        view
        returns (
            IexecLibCore_v5.TaskStatusEnum,
            bytes32,
            uint256,
            uint256,
            uint256,
            uint256,
            uint256,
            bytes32,
            uint256,
            uint256,
            address[] memory,
            bytes memory
        );

    /**
     * @notice A worker's contribution to a task (all zero if there is none).
     * @param _taskid The task id.
     * @param _worker The worker.
     * @return The contribution.
     */
    function viewContribution(
        bytes32 _taskid,
        address _worker
    ) external view returns (IexecLibCore_v5.Contribution memory);

    /**
     * @notice A contribution without its weight, as PoCo v3 returned it: status, resultHash,
     * resultSeal, enclaveChallenge.
     * @param _taskid The task id.
     * @param _worker The worker.
     */
    function viewContributionABILegacy(
        bytes32 _taskid,
        address _worker
    ) external view returns (IexecLibCore_v5.ContributionStatusEnum, bytes32, bytes32, address);

    /**
     * @notice A worker's score.
     * @param _worker The worker.
     * @return The score.
     */
    function viewScore(address _worker) external view returns (uint256);

    /**
     * @notice The callback data of a COMPLETED task (ERC-1154 pull interface); reverts with
     * {TaskResultPending} otherwise.
     * @param id The task id.
     * @return The task's `resultsCallback`.
     */
    function resultFor(bytes32 id) external view returns (bytes memory);

    /// @notice The kitty's account (0x99c2268479b93fDe36232351229815DF80837e23).
    /// @return The address.
    function kitty_address() external view returns (address);

    /// @notice Percentage of the kitty paid to the scheduler of a completed task (10).
    /// @return The ratio.
    function kitty_ratio() external view returns (uint256);

    /// @notice Least kitty payout, in nRLC (1 RLC), unless the kitty holds less.
    /// @return The amount.
    function kitty_min() external view returns (uint256);

    /// @notice Percentage of the workerpool price the scheduler stakes per task (30).
    /// @return The ratio.
    function workerpool_stake_ratio() external view returns (uint256);

    /// @notice Contribution deadline, in work-clock references from the deal's start (7).
    /// @return The ratio.
    function contribution_deadline_ratio() external view returns (uint256);

    /// @notice Reveal window, in work-clock references from the consensus (2).
    /// @return The ratio.
    function reveal_deadline_ratio() external view returns (uint256);

    /// @notice Final deadline, in work-clock references from the deal's start (10).
    /// @return The ratio.
    function final_deadline_ratio() external view returns (uint256);

    /// @notice ERC-734 key purpose that makes an identity's key a member of a restriction group (4).
    /// @return The purpose.
    function groupmember_purpose() external view returns (uint256);
}
