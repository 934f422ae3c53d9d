// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {ITaskViews} from "../interfaces/ITaskViews.sol";
import {LibCategory} from "../libraries/LibCategory.sol";
import {LibDeal} from "../libraries/LibDeal.sol";
import {LibEscrow} from "../libraries/LibEscrow.sol";
import {LibTask} from "../libraries/LibTask.sol";
import {TaskStorage} from "../storage/TaskStorage.sol";
import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";
import {LibPackedBytes} from "../types/PackedBytes.sol";
import {PackedDeal} from "../types/PackedDeal.sol";

/**
 * @title TaskViewsFacet
 * @notice Read-only accessors of tasks, contributions and scores, in the shapes of the PoCo v6.2
 * ABI (rebuilt from the packed storage, see `TaskStorage`), and the execution side's constants.
 */
contract TaskViewsFacet is ITaskViews {
    /// @inheritdoc ITaskViews
    function viewTask(bytes32 id) public view override returns (IexecLibCore_v5.Task memory view_) {
        TaskStorage.Task storage task = LibTask.task(id);
        if (task.status == IexecLibCore_v5.TaskStatusEnum.UNSET) return view_;
        PackedDeal storage deal = LibDeal.packed(task.dealId);
        view_.status = task.status;
        view_.dealid = task.dealId;
        view_.idx = uint256(deal.botFirst) + task.offset;
        view_.timeref = LibCategory.get(deal.category).workClockTimeRef;
        view_.contributionDeadline = task.contributionDeadline;
        view_.revealDeadline = task.revealDeadline;
        view_.finalDeadline = task.finalDeadline;
        view_.consensusValue = LibTask.consensusValue(task, id);
        view_.revealCounter = task.revealCounter;
        view_.winnerCounter = task.winnerCounter;
        view_.contributors = LibTask.contributors(task);
        view_.resultDigest = task.resultDigest;
        view_.results = LibPackedBytes.load(task.results);
        view_.resultsCallback = LibPackedBytes.load(task.resultsCallback);
    }

    /// @inheritdoc ITaskViews
    function viewTaskABILegacy(
        bytes32 _taskid
    )
        external
        view
        override
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
        )
    {
        IexecLibCore_v5.Task memory task = viewTask(_taskid);
        return (
            task.status,
            task.dealid,
            task.idx,
            task.timeref,
            task.contributionDeadline,
            task.revealDeadline,
            task.finalDeadline,
            task.consensusValue,
            task.revealCounter,
            task.winnerCounter,
            task.contributors,
            task.results
        );
    }

    /// @inheritdoc ITaskViews
    function viewContribution(
        bytes32 _taskid,
        address _worker
    ) public view override returns (IexecLibCore_v5.Contribution memory view_) {
        TaskStorage.Task storage task = LibTask.task(_taskid);
        TaskStorage.Contribution storage contribution = task.contributions[_worker];
        view_.status = contribution.status;
        if (view_.status == IexecLibCore_v5.ContributionStatusEnum.PROVED) {
            // Also what contributeAndFinalize would have stored.
            bytes32 digest = task.resultDigest;
            view_.resultHash = LibTask.resultHash(_taskid, digest);
            view_.resultSeal = LibTask.resultSeal(_worker, _taskid, digest);
        } else {
            view_.resultHash = contribution.resultHash;
            view_.resultSeal = contribution.resultSeal;
        }
        view_.enclaveChallenge = contribution.enclaveChallenge;
        view_.weight = contribution.logWeight;
    }

    /// @inheritdoc ITaskViews
    function viewContributionABILegacy(
        bytes32 _taskid,
        address _worker
    ) external view override returns (IexecLibCore_v5.ContributionStatusEnum, bytes32, bytes32, address) {
        IexecLibCore_v5.Contribution memory contribution = viewContribution(_taskid, _worker);
        return (contribution.status, contribution.resultHash, contribution.resultSeal, contribution.enclaveChallenge);
    }

    /// @inheritdoc ITaskViews
    function viewScore(address _worker) external view override returns (uint256) {
        return TaskStorage.layout().workers[_worker].score;
    }

    /// @inheritdoc ITaskViews
    function resultFor(bytes32 id) external view override returns (bytes memory) {
        TaskStorage.Task storage task = LibTask.task(id);
        IexecLibCore_v5.TaskStatusEnum status = task.status;
        if (status != IexecLibCore_v5.TaskStatusEnum.COMPLETED) revert TaskResultPending(id, status);
        return LibPackedBytes.load(task.resultsCallback);
    }

    /// @inheritdoc ITaskViews
    function kitty_address() external view override returns (address) {
        return _constant(LibEscrow.KITTY_ADDRESS);
    }

    /// @inheritdoc ITaskViews
    function kitty_ratio() external view override returns (uint256) {
        return _constant(LibEscrow.KITTY_RATIO);
    }

    /// @inheritdoc ITaskViews
    function kitty_min() external view override returns (uint256) {
        return _constant(LibEscrow.KITTY_MIN);
    }

    /// @inheritdoc ITaskViews
    function workerpool_stake_ratio() external view override returns (uint256) {
        return _constant(LibTask.WORKERPOOL_STAKE_RATIO);
    }

    /// @inheritdoc ITaskViews
    function contribution_deadline_ratio() external view override returns (uint256) {
        return _constant(LibTask.CONTRIBUTION_DEADLINE_RATIO);
    }

    /// @inheritdoc ITaskViews
    function reveal_deadline_ratio() external view override returns (uint256) {
        return _constant(LibTask.REVEAL_DEADLINE_RATIO);
    }

    /// @inheritdoc ITaskViews
    function final_deadline_ratio() external view override returns (uint256) {
        return _constant(LibTask.FINAL_DEADLINE_RATIO);
    }

    /// @inheritdoc ITaskViews
    function groupmember_purpose() external view override returns (uint256) {
        return _constant(LibTask.GROUPMEMBER_PURPOSE);
    }

    /**
     * @dev The reference ABI declares the constant getters `view`; reading the environment (the
     * hub's address, always non-zero) keeps them `view` without a compiler warning.
     */
    function _constant(uint256 value) private view returns (uint256) {
        return address(this) == address(0) ? 0 : value;
    }

    /// @dev {_constant} for an address.
    function _constant(address value) private view returns (address) {
        return address(this) == address(0) ? address(0) : value;
    }
}
