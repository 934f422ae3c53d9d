// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {ITaskManager} from "../interfaces/ITaskManager.sol";
import {LibCategory} from "../libraries/LibCategory.sol";
import {LibDeal} from "../libraries/LibDeal.sol";
import {LibEscrow} from "../libraries/LibEscrow.sol";
import {LibTask} from "../libraries/LibTask.sol";
import {TaskStorage} from "../storage/TaskStorage.sol";
import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";
import {PackedDeal} from "../types/PackedDeal.sol";

/**
 * @title TaskManagerFacet
 * @notice Initializes the tasks of a deal, and claims (fails) the tasks whose final deadline passed.
 */
contract TaskManagerFacet is ITaskManager {
    /// @inheritdoc ITaskManager
    function initialize(bytes32 dealId, uint256 index) public override returns (bytes32 taskId) {
        PackedDeal storage deal = LibDeal.packed(dealId);
        uint256 botFirst = deal.botFirst;
        uint256 botSize = deal.botSize;
        if (index < botFirst || index - botFirst >= botSize) {
            revert TaskIndexOutOfRange(dealId, index, botFirst, botSize);
        }
        taskId = LibDeal.taskId(dealId, index);
        TaskStorage.Task storage task = LibTask.task(taskId);
        LibTask.requireStatus(task, taskId, IexecLibCore_v5.TaskStatusEnum.UNSET);

        uint256 start = deal.startTime;
        uint256 timeref = LibCategory.get(deal.category).workClockTimeRef;
        task.status = IexecLibCore_v5.TaskStatusEnum.ACTIVE;
        task.contributionDeadline = LibTask.deadline(start, timeref, LibTask.CONTRIBUTION_DEADLINE_RATIO);
        task.finalDeadline = LibTask.deadline(start, timeref, LibTask.FINAL_DEADLINE_RATIO);
        // index - botFirst < botSize < 2^128
        task.offset = uint128(index - botFirst);
        task.dealId = dealId;

        emit TaskInitialize(taskId, deal.workerpool);
    }

    /// @inheritdoc ITaskManager
    function initializeArray(bytes32[] calldata dealIds, uint256[] calldata indexes) external override returns (bool) {
        if (dealIds.length != indexes.length) revert TaskArrayLengthMismatch(dealIds.length, indexes.length);
        for (uint256 i = 0; i < dealIds.length; ++i) {
            initialize(dealIds[i], indexes[i]);
        }
        return true;
    }

    /// @inheritdoc ITaskManager
    function claim(bytes32 taskId) public override {
        TaskStorage.Task storage task = LibTask.task(taskId);
        IexecLibCore_v5.TaskStatusEnum status = task.status;
        if (status != IexecLibCore_v5.TaskStatusEnum.ACTIVE && status != IexecLibCore_v5.TaskStatusEnum.REVEALING) {
            revert TaskInvalidStatus(taskId, status);
        }
        uint256 finalDeadline = task.finalDeadline;
        if (block.timestamp < finalDeadline) revert TaskFinalDeadlineNotReached(taskId, finalDeadline);

        task.status = IexecLibCore_v5.TaskStatusEnum.FAILED;

        PackedDeal storage deal = LibDeal.packed(task.dealId);
        // The sponsor gets the task's price back; the scheduler's stake for it goes to the kitty.
        LibEscrow.unlock(LibDeal.sponsorOf(deal), LibTask.taskPrice(deal));
        uint256 stake = LibTask.schedulerStake(deal.workerpoolPrice);
        LibEscrow.seize(deal.workerpoolOwner, stake, taskId);
        LibEscrow.fillKitty(stake, taskId);
        // Every contributor gets its stake back, winners and losers alike.
        address[] memory workers = LibTask.contributors(task);
        if (workers.length != 0) {
            uint256 workerStake = deal.workerStake;
            for (uint256 i = 0; i < workers.length; ++i) {
                LibEscrow.unlock(workers[i], workerStake);
            }
        }

        emit TaskClaimed(taskId);
    }

    /// @inheritdoc ITaskManager
    function claimArray(bytes32[] calldata taskIds) external override returns (bool) {
        for (uint256 i = 0; i < taskIds.length; ++i) {
            claim(taskIds[i]);
        }
        return true;
    }

    /// @inheritdoc ITaskManager
    function initializeAndClaimArray(
        bytes32[] calldata dealIds,
        uint256[] calldata indexes
    ) external override returns (bool) {
        if (dealIds.length != indexes.length) revert TaskArrayLengthMismatch(dealIds.length, indexes.length);
        for (uint256 i = 0; i < dealIds.length; ++i) {
            claim(initialize(dealIds[i], indexes[i]));
        }
        return true;
    }
}
