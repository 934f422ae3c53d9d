// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ClerkStorage} from "../storage/ClerkStorage.sol";
import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";
import {PackedDeal} from "../types/PackedDeal.sol";

/**
 * @title LibDeal
 * @notice Reads of the deals the Clerk stores (`PackedDeal`), and the task ids derived from them.
 */
library LibDeal {
    /// @notice The stored deal `dealId` (all zero if there is none).
    function packed(bytes32 dealId) internal view returns (PackedDeal storage) {
        return ClerkStorage.layout().deals[dealId];
    }

    /// @notice Who pays for the deal: its sponsor, stored only when it is not the requester.
    function sponsorOf(PackedDeal storage deal) internal view returns (address) {
        address sponsor = deal.sponsor;
        return sponsor == address(0) ? deal.requester : sponsor;
    }

    /// @notice The task id of the task `idx` of deal `dealId`: keccak256(dealId ‖ uint256(idx)).
    function taskId(bytes32 dealId, uint256 idx) internal pure returns (bytes32 id) {
        assembly ("memory-safe") {
            mstore(0x00, dealId)
            mstore(0x20, idx)
            id := keccak256(0x00, 0x40)
        }
    }

    /// @notice The deal `dealId` in its ABI form (all zero for an unknown id, as `viewDeal` returns it).
    function load(bytes32 dealId) internal view returns (IexecLibCore_v5.Deal memory deal) {
        PackedDeal storage $ = packed(dealId);
        deal.app = IexecLibCore_v5.Resource($.app, $.appOwner, $.appPrice);
        deal.dataset = IexecLibCore_v5.Resource($.dataset, $.datasetOwner, $.datasetPrice);
        deal.workerpool = IexecLibCore_v5.Resource($.workerpool, $.workerpoolOwner, $.workerpoolPrice);
        deal.trust = $.trust;
        deal.category = $.category;
        deal.tag = $.tag;
        deal.requester = $.requester;
        deal.beneficiary = $.beneficiary;
        deal.callback = $.callback;
        deal.params = $.params;
        deal.startTime = $.startTime;
        deal.botFirst = $.botFirst;
        deal.botSize = $.botSize;
        deal.workerStake = $.workerStake;
        deal.schedulerRewardRatio = $.schedulerRewardRatio;
        deal.sponsor = sponsorOf($);
    }
}
