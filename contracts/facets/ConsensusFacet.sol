// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeMath} from "@openzeppelin/contracts/utils/math/SafeMath.sol";
import {IConsensus} from "../interfaces/IConsensus.sol";
import {LibDeal} from "../libraries/LibDeal.sol";
import {LibEscrow} from "../libraries/LibEscrow.sol";
import {LibTask} from "../libraries/LibTask.sol";
import {ConfigStorage} from "../storage/ConfigStorage.sol";
import {TaskStorage} from "../storage/TaskStorage.sol";
import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";
import {PackedDeal} from "../types/PackedDeal.sol";

/**
 * @title ConsensusFacet
 * @notice Contributions, consensus detection, reveals and reopening; and the import of PoCo v3
 * scores, which weigh the contributions.
 */
contract ConsensusFacet is IConsensus {
    /// @dev `viewScore(address)` of the PoCo v3 hub.
    bytes4 private constant V3_VIEW_SCORE_SELECTOR = bytes4(keccak256("viewScore(address)"));

    /// @inheritdoc IConsensus
    function contribute(
        bytes32 taskId,
        bytes32 resultHash,
        bytes32 resultSeal,
        address enclaveChallenge,
        bytes calldata enclaveSign,
        bytes calldata authorizationSign
    ) external override {
        TaskStorage.Task storage task = LibTask.task(taskId);
        LibTask.requireStatus(task, taskId, IexecLibCore_v5.TaskStatusEnum.ACTIVE);
        LibTask.requireBeforeContributionDeadline(task, taskId);
        TaskStorage.Contribution storage contribution = task.contributions[msg.sender];
        IexecLibCore_v5.ContributionStatusEnum previousStatus = contribution.status;
        if (previousStatus != IexecLibCore_v5.ContributionStatusEnum.UNSET) {
            revert ConsensusAlreadyContributed(taskId, msg.sender, previousStatus);
        }
        PackedDeal storage deal = LibDeal.packed(task.dealId);
        LibTask.checkContribution(
            taskId,
            deal,
            resultHash,
            resultSeal,
            enclaveChallenge,
            enclaveSign,
            authorizationSign
        );

        // Score policy 1/3 (k = 3): weight = max(score / 3, 3) - 1, at least 2.
        uint256 weight = Math.max(TaskStorage.layout().workers[msg.sender].score / 3, 3) - 1;
        contribution.status = IexecLibCore_v5.ContributionStatusEnum.CONTRIBUTED;
        // log2(weight) < 128
        contribution.logWeight = uint8(Math.log2(weight));
        contribution.previous = task.lastContributor;
        contribution.resultHash = resultHash;
        contribution.resultSeal = resultSeal;
        if (enclaveChallenge != address(0)) contribution.enclaveChallenge = enclaveChallenge;
        task.lastContributor = msg.sender;
        ++task.contributorCount;

        LibEscrow.lock(msg.sender, deal.workerStake);
        emit TaskContribute(taskId, msg.sender, resultHash);

        if (_vote(task, taskId, deal.trust, resultHash, weight)) _reachConsensus(task, taskId, resultHash);
    }

    /// @inheritdoc IConsensus
    function reveal(bytes32 taskId, bytes32 resultDigest) external override {
        TaskStorage.Task storage task = LibTask.task(taskId);
        LibTask.requireStatus(task, taskId, IexecLibCore_v5.TaskStatusEnum.REVEALING);
        uint256 revealDeadline = task.revealDeadline;
        if (block.timestamp >= revealDeadline) revert ConsensusRevealDeadlineReached(taskId, revealDeadline);
        TaskStorage.Contribution storage contribution = task.contributions[msg.sender];
        IexecLibCore_v5.ContributionStatusEnum status = contribution.status;
        if (status != IexecLibCore_v5.ContributionStatusEnum.CONTRIBUTED) {
            revert ConsensusNotContributed(taskId, msg.sender, status);
        }
        bytes32 hash = contribution.resultHash;
        // While REVEALING, the consensus is the (stored) hash of the last contributor.
        address last = task.lastContributor;
        bytes32 consensus = last == msg.sender ? hash : task.contributions[last].resultHash;
        if (hash != consensus) revert ConsensusNotInConsensus(taskId, msg.sender, hash, consensus);
        bytes32 expectedHash = LibTask.resultHash(taskId, resultDigest);
        if (hash != expectedHash) revert ConsensusResultHashMismatch(taskId, hash, expectedHash);
        bytes32 seal = contribution.resultSeal;
        bytes32 expectedSeal = LibTask.resultSeal(msg.sender, taskId, resultDigest);
        if (seal != expectedSeal) revert ConsensusResultSealMismatch(taskId, seal, expectedSeal);

        contribution.status = IexecLibCore_v5.ContributionStatusEnum.PROVED;
        uint32 revealCounter = task.revealCounter;
        // Every reveal carries the same digest (its hash is the consensus): store it once.
        if (revealCounter == 0) task.resultDigest = resultDigest;
        task.revealCounter = revealCounter + 1;

        emit TaskReveal(taskId, msg.sender, resultDigest);
    }

    /// @inheritdoc IConsensus
    function reopen(bytes32 taskId) external override {
        TaskStorage.Task storage task = LibTask.task(taskId);
        LibTask.requireScheduler(taskId, LibDeal.packed(task.dealId));
        LibTask.requireStatus(task, taskId, IexecLibCore_v5.TaskStatusEnum.REVEALING);
        LibTask.requireBeforeFinalDeadline(task, taskId);
        uint256 revealDeadline = task.revealDeadline;
        if (block.timestamp < revealDeadline) revert ConsensusRevealDeadlineNotReached(taskId, revealDeadline);
        uint256 revealCounter = task.revealCounter;
        if (revealCounter != 0) revert ConsensusAlreadyRevealed(taskId, revealCounter);

        // Nobody revealed: every contribution is CONTRIBUTED or REJECTED, with its hash stored.
        bytes32 consensus = task.contributions[task.lastContributor].resultHash;
        address[] memory workers = LibTask.contributors(task);
        for (uint256 i = 0; i < workers.length; ++i) {
            TaskStorage.Contribution storage contribution = task.contributions[workers[i]];
            if (
                contribution.status == IexecLibCore_v5.ContributionStatusEnum.CONTRIBUTED &&
                contribution.resultHash == consensus
            ) {
                contribution.status = IexecLibCore_v5.ContributionStatusEnum.REJECTED;
            }
        }
        // The stored group weights are those from before the vote that reached the consensus, so
        // total - group[consensus] is the same with or without that vote.
        uint256 group = task.groupWeights[consensus];
        if (group != 0) {
            task.groupsTotal -= group;
            task.groupWeights[consensus] = 0;
        }
        task.status = IexecLibCore_v5.TaskStatusEnum.ACTIVE;
        task.revealDeadline = 0;
        task.winnerCounter = 0;

        emit TaskReopen(taskId);
    }

    /// @inheritdoc IConsensus
    function importScore(address worker) external override {
        TaskStorage.Worker storage record = TaskStorage.layout().workers[worker];
        if (record.scoreImported) revert ConsensusScoreAlreadyImported(worker);
        address v3Hub = ConfigStorage.layout().v3Hub;
        bytes memory payload = abi.encodeWithSelector(V3_VIEW_SCORE_SELECTOR, worker);
        bool success;
        uint256 v3Score;
        assembly ("memory-safe") {
            success := staticcall(gas(), v3Hub, add(payload, 0x20), mload(payload), 0x00, 0x20)
            success := and(success, gt(returndatasize(), 0x1f))
            v3Score := mload(0x00)
        }
        // No code at v3Hub (zero included): the call succeeds with no return data.
        if (!success) revert ConsensusScoreImportFailed(v3Hub, worker);
        uint256 score = Math.max(record.score, v3Score);
        if (score > type(uint128).max) revert ConsensusScoreImportFailed(v3Hub, worker);
        record.score = uint128(score);
        record.scoreImported = true;
        emit ScoreImported(worker, v3Score, score);
    }

    /**
     * @dev Weigh a vote for `hash` (score policy 1/3): the hash's group weight is multiplied by
     * `weight`, the total grows by the difference. Returns whether the consensus is reached:
     * `group × trust > total × (trust - 1)`, with `total = 1 + Σ group`. The weights are stored
     * only when it is not (see `TaskStorage`); with trust 1 every vote reaches it.
     */
    function _vote(
        TaskStorage.Task storage task,
        bytes32 taskId,
        uint256 trust,
        bytes32 hash,
        uint256 weight
    ) private returns (bool) {
        if (trust == 1) return true;
        uint256 group = task.groupWeights[hash];
        uint256 total = task.groupsTotal;
        (bool ok, uint256 newGroup) = SafeMath.tryMul(Math.max(group, 1), weight);
        uint256 newTotal;
        uint256 left;
        uint256 right;
        if (ok) (ok, newTotal) = SafeMath.tryAdd(total, newGroup - group);
        if (ok) (ok, left) = SafeMath.tryMul(newGroup, trust);
        if (ok) (ok, right) = SafeMath.tryAdd(newTotal, 1);
        if (ok) (ok, right) = SafeMath.tryMul(right, trust - 1);
        if (!ok) revert ConsensusWeightOverflow(taskId);
        if (left > right) return true;
        task.groupWeights[hash] = newGroup;
        task.groupsTotal = newTotal;
        return false;
    }

    /// @dev Move the task to REVEALING on `hash`, counting its CONTRIBUTED holders (the rejected
    /// ones excluded) as the winners.
    function _reachConsensus(TaskStorage.Task storage task, bytes32 taskId, bytes32 hash) private {
        // The last contributor voted `hash` just now.
        uint256 winners = 1;
        address worker = task.contributions[msg.sender].previous;
        while (worker != address(0)) {
            TaskStorage.Contribution storage contribution = task.contributions[worker];
            if (
                contribution.status == IexecLibCore_v5.ContributionStatusEnum.CONTRIBUTED &&
                contribution.resultHash == hash
            ) {
                ++winners;
            }
            worker = contribution.previous;
        }
        task.status = IexecLibCore_v5.TaskStatusEnum.REVEALING;
        LibTask.setRevealDeadline(task);
        // The reveal counter is zero: a consensus is only ever dropped (reopen) without reveals.
        task.winnerCounter = uint32(winners);
        emit TaskConsensus(taskId, hash);
    }
}
