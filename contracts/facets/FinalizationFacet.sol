// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IConsensus} from "../interfaces/IConsensus.sol";
import {IFinalization} from "../interfaces/IFinalization.sol";
import {LibDeal} from "../libraries/LibDeal.sol";
import {LibEscrow} from "../libraries/LibEscrow.sol";
import {LibTask} from "../libraries/LibTask.sol";
import {TaskStorage} from "../storage/TaskStorage.sol";
import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";
import {LibPackedBytes} from "../types/PackedBytes.sol";
import {PackedDeal} from "../types/PackedDeal.sol";

/**
 * @title FinalizationFacet
 * @notice Completes tasks: stores the result, settles every stake and reward, updates scores,
 * and pushes the result to the request's callback contract.
 */
contract FinalizationFacet is IFinalization {
    /// @inheritdoc IFinalization
    function finalize(bytes32 taskId, bytes calldata results, bytes calldata resultsCallback) external override {
        TaskStorage.Task storage task = LibTask.task(taskId);
        PackedDeal storage deal = LibDeal.packed(task.dealId);
        LibTask.requireScheduler(taskId, deal);
        LibTask.requireStatus(task, taskId, IexecLibCore_v5.TaskStatusEnum.REVEALING);
        LibTask.requireBeforeFinalDeadline(task, taskId);
        uint256 revealCounter = task.revealCounter;
        uint256 winnerCounter = task.winnerCounter;
        if (revealCounter != winnerCounter) {
            uint256 revealDeadline = task.revealDeadline;
            if (revealCounter == 0 || block.timestamp < revealDeadline) {
                revert FinalizationRevealsPending(taskId, revealCounter, winnerCounter, revealDeadline);
            }
        }
        address callback = deal.callback;
        if (callback != address(0) || resultsCallback.length != 0) {
            LibTask.checkCallbackData(taskId, callback, task.resultDigest, resultsCallback);
        }

        task.status = IexecLibCore_v5.TaskStatusEnum.COMPLETED;
        LibPackedBytes.store(task.results, results);
        LibPackedBytes.store(task.resultsCallback, resultsCallback);

        (address scheduler, uint256 workerpoolPrice) = LibTask.payProviders(taskId, deal);
        _distributeRewards(task, deal, taskId, scheduler, workerpoolPrice);

        emit TaskFinalize(taskId, results);
        LibTask.pushResult(callback, taskId, resultsCallback);
    }

    /// @inheritdoc IFinalization
    function contributeAndFinalize(
        bytes32 taskId,
        bytes32 resultDigest,
        bytes calldata results,
        bytes calldata resultsCallback,
        address enclaveChallenge,
        bytes calldata enclaveSign,
        bytes calldata authorizationSign
    ) external override {
        PackedDeal storage deal = _checkFastPath(taskId);
        _checkFastContribution(
            taskId,
            deal,
            resultDigest,
            resultsCallback,
            enclaveChallenge,
            enclaveSign,
            authorizationSign
        );
        _recordFastResult(taskId, resultDigest, results, resultsCallback, enclaveChallenge);
        _payFast(taskId, deal);
        _emitFast(taskId, resultDigest, results);
        LibTask.pushResult(deal.callback, taskId, resultsCallback);
    }

    /// @dev The conditions of `contributeAndFinalize` on the task and the deal, in order: ACTIVE,
    /// before the contribution deadline, no contributor, trust 1.
    function _checkFastPath(bytes32 taskId) private view returns (PackedDeal storage deal) {
        TaskStorage.Task storage task = LibTask.task(taskId);
        LibTask.requireStatus(task, taskId, IexecLibCore_v5.TaskStatusEnum.ACTIVE);
        LibTask.requireBeforeContributionDeadline(task, taskId);
        if (task.lastContributor != address(0)) revert FinalizationContributorsExist(taskId, task.contributorCount);
        deal = LibDeal.packed(task.dealId);
        uint256 trust = deal.trust;
        if (trust != 1) revert FinalizationReplicationRequired(taskId, trust);
    }

    /// @dev The callback data and the signatures of `contributeAndFinalize`, over the result hash
    /// and seal computed from the digest and the sender.
    function _checkFastContribution(
        bytes32 taskId,
        PackedDeal storage deal,
        bytes32 resultDigest,
        bytes calldata resultsCallback,
        address enclaveChallenge,
        bytes calldata enclaveSign,
        bytes calldata authorizationSign
    ) private view {
        LibTask.checkCallbackData(taskId, deal.callback, resultDigest, resultsCallback);
        LibTask.checkContribution(
            taskId,
            deal,
            LibTask.resultHash(taskId, resultDigest),
            LibTask.resultSeal(msg.sender, taskId, resultDigest),
            enclaveChallenge,
            enclaveSign,
            authorizationSign
        );
    }

    /// @dev Record the sender's PROVED contribution (its hash and seal derive from the task's
    /// digest: not stored) and the completed task.
    function _recordFastResult(
        bytes32 taskId,
        bytes32 resultDigest,
        bytes calldata results,
        bytes calldata resultsCallback,
        address enclaveChallenge
    ) private {
        TaskStorage.Task storage task = LibTask.task(taskId);
        TaskStorage.Contribution storage contribution = task.contributions[msg.sender];
        contribution.status = IexecLibCore_v5.ContributionStatusEnum.PROVED;
        if (enclaveChallenge != address(0)) contribution.enclaveChallenge = enclaveChallenge;
        task.status = IexecLibCore_v5.TaskStatusEnum.COMPLETED;
        LibTask.setRevealDeadline(task);
        task.lastContributor = msg.sender;
        task.contributorCount = 1;
        task.winnerCounter = 1;
        task.revealCounter = 1;
        task.resultDigest = resultDigest;
        LibPackedBytes.store(task.results, results);
        LibPackedBytes.store(task.resultsCallback, resultsCallback);
    }

    /// @dev The fast split: the worker gets `(100 - ratio) %` of the workerpool price, the
    /// scheduler the rest; both are paid even when zero.
    function _payFast(bytes32 taskId, PackedDeal storage deal) private {
        (address scheduler, uint256 workerpoolPrice) = LibTask.payProviders(taskId, deal);
        uint256 workerReward = (workerpoolPrice * (100 - deal.schedulerRewardRatio)) / 100;
        LibEscrow.reward(msg.sender, workerReward, taskId);
        LibEscrow.reward(scheduler, workerpoolPrice - workerReward, taskId);
    }

    /// @dev The events of a contribution, a consensus, a reveal and a finalization, in that order.
    function _emitFast(bytes32 taskId, bytes32 resultDigest, bytes calldata results) private {
        bytes32 resultHash = LibTask.resultHash(taskId, resultDigest);
        emit IConsensus.TaskContribute(taskId, msg.sender, resultHash);
        emit IConsensus.TaskConsensus(taskId, resultHash);
        emit IConsensus.TaskReveal(taskId, msg.sender, resultDigest);
        emit TaskFinalize(taskId, results);
    }

    /// @dev How a finalized task's pot is shared.
    struct Split {
        /// The deal's worker stake.
        uint256 workerStake;
        /// Σ log-weight of the PROVED contributions (>= 1: at least one reveal, log-weight >= 1).
        uint256 totalLogWeight;
        /// `(100 - ratio) %` of the pot, for the PROVED contributions.
        uint256 workersReward;
        /// What is left for the scheduler (its ratio and the rounding dust), once the shares are paid.
        uint256 remainder;
        /// Whether the task had several contributors (only then do scores grow).
        bool replicated;
    }

    /**
     * @dev Share the workerpool price and the stakes of the contributions that are not PROVED:
     * `(100 - ratio) %` of it between the PROVED contributions by log-weight, the rest (and the
     * rounding dust) to the scheduler; score policy 2/3 (+1 for a PROVED contribution to a
     * replicated task) and 3/3 (× 2/3 for any other contribution).
     */
    function _distributeRewards(
        TaskStorage.Task storage task,
        PackedDeal storage deal,
        bytes32 taskId,
        address scheduler,
        uint256 workerpoolPrice
    ) private {
        address[] memory workers = LibTask.contributors(task);
        Split memory split;
        split.workerStake = deal.workerStake;
        split.remainder = workerpoolPrice;
        split.replicated = workers.length > 1;
        for (uint256 i = 0; i < workers.length; ++i) {
            TaskStorage.Contribution storage contribution = task.contributions[workers[i]];
            if (contribution.status == IexecLibCore_v5.ContributionStatusEnum.PROVED) {
                split.totalLogWeight += contribution.logWeight;
            } else {
                split.remainder += split.workerStake;
            }
        }
        split.workersReward = (split.remainder * (100 - deal.schedulerRewardRatio)) / 100;
        for (uint256 i = 0; i < workers.length; ++i) {
            _settle(task, taskId, workers[i], split);
        }
        LibEscrow.reward(scheduler, split.remainder, taskId);
    }

    /// @dev Reward and unlock a PROVED contribution, or seize any other; update the score.
    function _settle(TaskStorage.Task storage task, bytes32 taskId, address worker, Split memory split) private {
        TaskStorage.Worker storage record = TaskStorage.layout().workers[worker];
        TaskStorage.Contribution storage contribution = task.contributions[worker];
        if (contribution.status == IexecLibCore_v5.ContributionStatusEnum.PROVED) {
            // workersReward < 2^96 × (contributors + 1) and logWeight < 2^7: no overflow, exact floor.
            uint256 share = (split.workersReward * contribution.logWeight) / split.totalLogWeight;
            split.remainder -= share;
            LibEscrow.unlock(worker, split.workerStake);
            LibEscrow.reward(worker, share, taskId);
            if (split.replicated) {
                ++record.score;
                emit AccurateContribution(worker, taskId);
            }
        } else {
            LibEscrow.seize(worker, split.workerStake, taskId);
            // score × 2 / 3 < 2^128
            record.score = uint128((uint256(record.score) * 2) / 3);
            emit FaultyContribution(worker, taskId);
        }
    }
}
