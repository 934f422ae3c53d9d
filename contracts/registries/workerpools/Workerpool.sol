// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {RegistryEntry} from "../RegistryEntry.sol";
import {IWorkerpool} from "./IWorkerpool.sol";

/**
 * @title Workerpool
 * @notice A workerpool asset: a description, set once at creation, and a policy the owner may change.
 * Its owner (the scheduler's owner) is the owner of its token in the WorkerpoolRegistry.
 */
contract Workerpool is IWorkerpool, RegistryEntry {
    /// @dev Worker stake ratio of a new pool, in % of the per-task workerpool price (reference value).
    uint256 private constant INITIAL_WORKER_STAKE_RATIO = 30;
    /// @dev Scheduler reward ratio of a new pool, in % of the per-task workerpool reward (reference value).
    uint256 private constant INITIAL_SCHEDULER_REWARD_RATIO = 1;
    /// @dev Upper bound of the scheduler reward ratio: a percentage.
    uint256 private constant MAX_SCHEDULER_REWARD_RATIO = 100;

    /// @inheritdoc IWorkerpool
    string public override m_workerpoolDescription;
    /// @inheritdoc IWorkerpool
    uint256 public override m_workerStakeRatioPolicy;
    /// @inheritdoc IWorkerpool
    uint256 public override m_schedulerRewardRatioPolicy;

    /// @inheritdoc IWorkerpool
    function initialize(string calldata _workerpoolDescription) external override onlyRegistry {
        m_workerpoolDescription = _workerpoolDescription;
        m_workerStakeRatioPolicy = INITIAL_WORKER_STAKE_RATIO;
        m_schedulerRewardRatioPolicy = INITIAL_SCHEDULER_REWARD_RATIO;
    }

    /// @inheritdoc IWorkerpool
    function changePolicy(
        uint256 _newWorkerStakeRatioPolicy,
        uint256 _newSchedulerRewardRatioPolicy
    ) external override onlyOwner {
        // "At most 100" reads best as written.
        // solhint-disable-next-line gas-strict-inequalities
        require(_newSchedulerRewardRatioPolicy <= MAX_SCHEDULER_REWARD_RATIO);
        emit PolicyUpdate(
            m_workerStakeRatioPolicy,
            _newWorkerStakeRatioPolicy,
            m_schedulerRewardRatioPolicy,
            _newSchedulerRewardRatioPolicy
        );
        m_workerStakeRatioPolicy = _newWorkerStakeRatioPolicy;
        m_schedulerRewardRatioPolicy = _newSchedulerRewardRatioPolicy;
    }
}
