// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IConsensus} from "../interfaces/IConsensus.sol";
import {IFinalization} from "../interfaces/IFinalization.sol";
import {ITaskManager} from "../interfaces/ITaskManager.sol";
import {ConfigStorage} from "../storage/ConfigStorage.sol";
import {TaskStorage} from "../storage/TaskStorage.sol";
import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";
import {PackedDeal} from "../types/PackedDeal.sol";
import {LibCategory} from "./LibCategory.sol";
import {LibDeal} from "./LibDeal.sol";
import {LibEscrow} from "./LibEscrow.sol";
import {LibSignature} from "./LibSignature.sol";

/**
 * @title LibTask
 * @notice What the task facets share: the protocol constants of the execution side, deadlines,
 * the signed messages of a contribution, the contributors list, the payment of a completed
 * task's providers, and the result callback.
 */
library LibTask {
    /// @notice Contribution deadline: deal start + 7 work-clock references.
    uint256 internal constant CONTRIBUTION_DEADLINE_RATIO = 7;
    /// @notice Reveal window: consensus time + 2 work-clock references.
    uint256 internal constant REVEAL_DEADLINE_RATIO = 2;
    /// @notice Final deadline: deal start + 10 work-clock references.
    uint256 internal constant FINAL_DEADLINE_RATIO = 10;
    /// @notice The scheduler stakes 30 % of the workerpool price per task (the Clerk locks it).
    uint256 internal constant WORKERPOOL_STAKE_RATIO = 30;
    /// @notice ERC-734 key purpose of restriction-group members (the Clerk uses it).
    uint256 internal constant GROUPMEMBER_PURPOSE = 4;
    /// @notice Stored deadlines saturate here (2^40 - 1 s, year 36812): a later deadline never comes anyway.
    uint256 internal constant MAX_DEADLINE = type(uint40).max;

    /// @dev `receiveResult(bytes32,bytes)`, the ERC-1154 oracle consumer's entry point.
    bytes4 private constant RECEIVE_RESULT_SELECTOR = 0x5dd80855;
    /// @dev EIP-191 prefix of a personal-signed 32-byte message.
    bytes32 private constant ETH_SIGNED_MESSAGE_PREFIX = "\x19Ethereum Signed Message:\n32";

    // ------------------------------------------------------------------ tasks

    /// @notice The stored task `taskId` (all zero if there is none).
    function task(bytes32 taskId) internal view returns (TaskStorage.Task storage) {
        return TaskStorage.layout().tasks[taskId];
    }

    /// @notice Revert with `TaskInvalidStatus` unless the task is in `expected`.
    function requireStatus(
        TaskStorage.Task storage $,
        bytes32 taskId,
        IexecLibCore_v5.TaskStatusEnum expected
    ) internal view {
        IexecLibCore_v5.TaskStatusEnum status = $.status;
        if (status != expected) revert ITaskManager.TaskInvalidStatus(taskId, status);
    }

    /// @notice Revert with `TaskCallerNotScheduler` unless the sender is the deal's scheduler.
    function requireScheduler(bytes32 taskId, PackedDeal storage deal) internal view {
        address scheduler = deal.workerpoolOwner;
        if (msg.sender != scheduler) revert ITaskManager.TaskCallerNotScheduler(taskId, msg.sender, scheduler);
    }

    /// @notice Revert with `TaskFinalDeadlineReached` once the task's final deadline has come.
    function requireBeforeFinalDeadline(TaskStorage.Task storage $, bytes32 taskId) internal view {
        uint256 finalDeadline = $.finalDeadline;
        if (block.timestamp >= finalDeadline) revert ITaskManager.TaskFinalDeadlineReached(taskId, finalDeadline);
    }

    /// @notice Revert with `ConsensusContributionDeadlineReached` once the contribution deadline has come.
    function requireBeforeContributionDeadline(TaskStorage.Task storage $, bytes32 taskId) internal view {
        uint256 contributionDeadline = $.contributionDeadline;
        if (block.timestamp >= contributionDeadline) {
            revert IConsensus.ConsensusContributionDeadlineReached(taskId, contributionDeadline);
        }
    }

    /// @notice `start + ratio × clock` (a work-clock reference), saturated at {MAX_DEADLINE} (`start` must not exceed it).
    function deadline(uint256 start, uint256 clock, uint256 ratio) internal pure returns (uint40) {
        uint256 room = MAX_DEADLINE - start;
        if (clock > room / ratio) return uint40(MAX_DEADLINE);
        // start + clock × ratio <= start + room == MAX_DEADLINE
        return uint40(start + clock * ratio);
    }

    /**
     * @notice The work-clock reference of the task's category: `(final - contribution) / 3`
     * while the deadlines are exact, else read from the category (categories never change).
     */
    function timeref(TaskStorage.Task storage $) internal view returns (uint256) {
        uint256 finalDeadline = $.finalDeadline;
        if (finalDeadline < MAX_DEADLINE) {
            return (finalDeadline - $.contributionDeadline) / (FINAL_DEADLINE_RATIO - CONTRIBUTION_DEADLINE_RATIO);
        }
        return LibCategory.get(LibDeal.packed($.dealId).category).workClockTimeRef;
    }

    /// @notice Store the reveal deadline of a consensus reached now.
    function setRevealDeadline(TaskStorage.Task storage $) internal {
        $.revealDeadline = deadline(block.timestamp, timeref($), REVEAL_DEADLINE_RATIO);
    }

    /**
     * @notice The contributors in contribution order (the list is stored from its tail).
     * @dev Reads each contribution's first slot, which the callers read again (warm) for its
     * status and weight.
     */
    function contributors(TaskStorage.Task storage $) internal view returns (address[] memory list) {
        uint256 count = $.contributorCount;
        list = new address[](count);
        address worker = $.lastContributor;
        for (uint256 i = count; i > 0;) {
            unchecked {
                --i;
            }
            list[i] = worker;
            worker = $.contributions[worker].previous;
        }
    }

    /**
     * @notice The result hash of `worker`'s contribution: stored, except for a PROVED one, whose
     * hash is keccak256(taskId ‖ the task's digest) (`contributeAndFinalize` does not store it).
     */
    function resultHashOf(TaskStorage.Task storage $, bytes32 taskId, address worker) internal view returns (bytes32) {
        TaskStorage.Contribution storage contribution = $.contributions[worker];
        if (contribution.status == IexecLibCore_v5.ContributionStatusEnum.PROVED) {
            return resultHash(taskId, $.resultDigest);
        }
        return contribution.resultHash;
    }

    /// @notice The consensus value: zero without a standing consensus, else the result hash of
    /// the contribution that reached it (the last one).
    function consensusValue(TaskStorage.Task storage $, bytes32 taskId) internal view returns (bytes32) {
        if ($.revealDeadline == 0) return bytes32(0);
        return resultHashOf($, taskId, $.lastContributor);
    }

    // --------------------------------------------------------------- messages

    /// @notice keccak256(taskId ‖ resultDigest): the vote.
    function resultHash(bytes32 taskId, bytes32 resultDigest) internal pure returns (bytes32) {
        return _hashPair(taskId, resultDigest);
    }

    /// @notice keccak256(worker ‖ taskId ‖ resultDigest): the proof the worker knows the digest.
    function resultSeal(address worker, bytes32 taskId, bytes32 resultDigest) internal pure returns (bytes32 seal) {
        assembly ("memory-safe") {
            // 84 bytes at the free memory pointer, which is left where it is (scratch use).
            let ptr := mload(0x40)
            mstore(ptr, shl(96, worker))
            mstore(add(ptr, 0x14), taskId)
            mstore(add(ptr, 0x34), resultDigest)
            seal := keccak256(ptr, 0x54)
        }
    }

    /// @notice keccak256(worker ‖ taskId ‖ enclaveChallenge): what the scheduler (or broker) authorizes.
    function authorizationMessage(
        address worker,
        bytes32 taskId,
        address enclaveChallenge
    ) internal pure returns (bytes32 message) {
        assembly ("memory-safe") {
            // 72 bytes at the free memory pointer, which is left where it is (scratch use).
            let ptr := mload(0x40)
            mstore(ptr, shl(96, worker))
            mstore(add(ptr, 0x14), taskId)
            mstore(add(ptr, 0x34), shl(96, enclaveChallenge))
            message := keccak256(ptr, 0x48)
        }
    }

    /// @notice The EIP-191 personal-sign digest of a 32-byte message.
    function toEthSignedMessageHash(bytes32 message) internal pure returns (bytes32 digest) {
        assembly ("memory-safe") {
            mstore(0x00, ETH_SIGNED_MESSAGE_PREFIX)
            mstore(0x1c, message)
            digest := keccak256(0x00, 0x3c)
        }
    }

    /**
     * @notice Revert unless the contribution may go ahead: a TEE deal (tag bit 0) needs an enclave
     * challenge; the authorization must be signed for (sender, task, challenge) by the TEE broker
     * (challenge set and broker set) or the scheduler; a challenge must sign
     * keccak256(resultHash ‖ resultSeal) with ECDSA.
     */
    function checkContribution(
        bytes32 taskId,
        PackedDeal storage deal,
        bytes32 hash,
        bytes32 seal,
        address enclaveChallenge,
        bytes calldata enclaveSign,
        bytes calldata authorizationSign
    ) internal view {
        bytes32 tag = deal.tag;
        if (enclaveChallenge == address(0) && uint256(tag) & 1 == 1) {
            revert IConsensus.ConsensusEnclaveChallengeRequired(taskId, tag);
        }
        address signer = deal.workerpoolOwner;
        if (enclaveChallenge != address(0)) {
            address broker = ConfigStorage.layout().teeBroker;
            if (broker != address(0)) signer = broker;
        }
        bytes32 authorization = authorizationMessage(msg.sender, taskId, enclaveChallenge);
        if (!LibSignature.verify(signer, toEthSignedMessageHash(authorization), authorizationSign)) {
            revert IConsensus.ConsensusUnauthorizedContribution(taskId, msg.sender, enclaveChallenge, signer);
        }
        if (enclaveChallenge != address(0)) {
            bytes32 message = toEthSignedMessageHash(_hashPair(hash, seal));
            if (!LibSignature.verifyECDSA(enclaveChallenge, message, enclaveSign)) {
                revert IConsensus.ConsensusInvalidEnclaveSignature(taskId, enclaveChallenge);
            }
        }
    }

    // ------------------------------------------------------------------ money

    /// @notice The price of one task of the deal: app + dataset + workerpool prices.
    function taskPrice(PackedDeal storage deal) internal view returns (uint256) {
        return uint256(deal.appPrice) + deal.datasetPrice + deal.workerpoolPrice;
    }

    /// @notice The scheduler's stake for one task: `workerpoolPrice × 30 / 100`.
    function schedulerStake(uint256 workerpoolPrice) internal pure returns (uint256) {
        return (workerpoolPrice * WORKERPOOL_STAKE_RATIO) / 100;
    }

    /**
     * @notice Settle what a completed task owes outside the workerpool: charge the sponsor the
     * task price, pay the app and dataset owners (when their price is not zero), give the
     * scheduler its stake back and its share of the kitty.
     * @return scheduler The deal's scheduler.
     * @return workerpoolPrice The workerpool price, which the caller distributes.
     */
    function payProviders(
        bytes32 taskId,
        PackedDeal storage deal
    ) internal returns (address scheduler, uint256 workerpoolPrice) {
        uint256 appPrice = deal.appPrice;
        uint256 datasetPrice = deal.datasetPrice;
        workerpoolPrice = deal.workerpoolPrice;
        LibEscrow.seize(LibDeal.sponsorOf(deal), appPrice + datasetPrice + workerpoolPrice, taskId);
        if (appPrice != 0) LibEscrow.reward(deal.appOwner, appPrice, taskId);
        // The Clerk stores no dataset price without a dataset.
        if (datasetPrice != 0) LibEscrow.reward(deal.datasetOwner, datasetPrice, taskId);
        scheduler = deal.workerpoolOwner;
        LibEscrow.unlock(scheduler, schedulerStake(workerpoolPrice));
        LibEscrow.payKitty(scheduler, taskId);
    }

    // --------------------------------------------------------------- callback

    /**
     * @notice Revert with `FinalizationInvalidCallbackData` unless `resultsCallback` hashes to
     * `resultDigest`, or is empty on a deal without callback.
     */
    function checkCallbackData(
        bytes32 taskId,
        address callback,
        bytes32 resultDigest,
        bytes calldata resultsCallback
    ) internal pure {
        if (callback == address(0) && resultsCallback.length == 0) return;
        bytes32 dataHash = keccak256(resultsCallback);
        if (dataHash != resultDigest) {
            revert IFinalization.FinalizationInvalidCallbackData(taskId, resultDigest, dataHash);
        }
    }

    /**
     * @notice Call `receiveResult(taskId, resultsCallback)` on `callback` (if not zero) with the
     * configured callback gas; its success, revert or return data are ignored (the return data is
     * not copied). Then require more than `callbackGas / 63` gas left: with less, the call may
     * have been given less than `callbackGas` (EIP-150), so a scheduler could starve it.
     */
    function pushResult(address callback, bytes32 taskId, bytes calldata resultsCallback) internal {
        if (callback == address(0)) return;
        uint256 callbackGas = ConfigStorage.layout().callbackGas;
        bytes memory payload = abi.encodeWithSelector(RECEIVE_RESULT_SELECTOR, taskId, resultsCallback);
        assembly ("memory-safe") {
            pop(call(callbackGas, callback, 0, add(payload, 0x20), mload(payload), 0, 0))
        }
        uint256 gasLeft = gasleft();
        if (gasLeft <= callbackGas / 63) revert IFinalization.FinalizationCallbackGasTooLow(gasLeft, callbackGas);
    }

    // ---------------------------------------------------------------- private

    /// @dev keccak256(a ‖ b), in scratch space.
    function _hashPair(bytes32 a, bytes32 b) private pure returns (bytes32 hash) {
        assembly ("memory-safe") {
            mstore(0x00, a)
            mstore(0x20, b)
            hash := keccak256(0x00, 0x40)
        }
    }
}
