// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IRegistryEntry} from "../IRegistryEntry.sol";

/**
 * @title IWorkerpool
 * @notice A workerpool registered in the WorkerpoolRegistry: its description and its policy, which the
 * owner may change and which PoCo snapshots into every deal at match time.
 */
interface IWorkerpool is IRegistryEntry {
    /**
     * @notice Emitted by {changePolicy}, before the new policy is written.
     * @param oldWorkerStakeRatioPolicy Previous worker stake ratio (% of the workerpool price per task).
     * @param newWorkerStakeRatioPolicy New worker stake ratio.
     * @param oldSchedulerRewardRatioPolicy Previous scheduler reward ratio (% of the workerpool reward).
     * @param newSchedulerRewardRatioPolicy New scheduler reward ratio.
     */
    // The reference ABI indexes no field of this event.
    // solhint-disable-next-line gas-indexed-events
    event PolicyUpdate(
        uint256 oldWorkerStakeRatioPolicy,
        uint256 newWorkerStakeRatioPolicy,
        uint256 oldSchedulerRewardRatioPolicy,
        uint256 newSchedulerRewardRatioPolicy
    );

    /**
     * @notice Sets the description and the initial policy (worker stake ratio 30, scheduler reward
     * ratio 1). Called once by the registry while it creates the workerpool.
     * @dev Reverts `"already initialized"` for any other caller.
     * @param _workerpoolDescription Human-readable description.
     */
    function initialize(string calldata _workerpoolDescription) external;

    /**
     * @notice Changes the pool's policy. Workerpool owner only (`"caller is not the owner"`).
     * @dev The scheduler reward ratio is a percentage and must be at most 100 (revert without reason
     * otherwise). The worker stake ratio is deliberately unbounded, as in the reference: it is a percentage
     * of the workerpool price that each contributing worker locks, and may exceed 100. An owner can
     * therefore price workers out of its pool (a huge ratio makes every contribution unaffordable); workers
     * should check the policy before joining, and deals snapshot the ratios at match time, so a change
     * never affects deals already made. Emits {PolicyUpdate} with the old and new values before writing.
     * @param _newWorkerStakeRatioPolicy New worker stake ratio, in % of the per-task workerpool price.
     * @param _newSchedulerRewardRatioPolicy New scheduler reward ratio, in % of the workerpool reward (<= 100).
     */
    function changePolicy(uint256 _newWorkerStakeRatioPolicy, uint256 _newSchedulerRewardRatioPolicy) external;

    /**
     * @notice The pool's description.
     * @return The description given at creation.
     */
    function m_workerpoolDescription() external view returns (string memory);

    /**
     * @notice The percentage of the per-task workerpool price each contributing worker must stake.
     * @return The worker stake ratio (30 at creation).
     */
    function m_workerStakeRatioPolicy() external view returns (uint256);

    /**
     * @notice The percentage of the per-task workerpool reward kept by the scheduler.
     * @return The scheduler reward ratio (1 at creation).
     */
    function m_schedulerRewardRatioPolicy() external view returns (uint256);
}
