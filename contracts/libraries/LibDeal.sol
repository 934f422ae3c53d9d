// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IClerk} from "../interfaces/IClerk.sol";
import {ClerkStorage} from "../storage/ClerkStorage.sol";
import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";
import {PackedDeal} from "../types/PackedDeal.sol";

/**
 * @title LibDeal
 * @notice The deals the Clerk stores (`PackedDeal`): written once by {store}, read back by {load}
 * (or field by field through {packed}), and the task ids derived from them.
 */
library LibDeal {
    /// @notice The stored deal `dealId` (all zero if there is none).
    function packed(bytes32 dealId) internal view returns (PackedDeal storage) {
        return ClerkStorage.layout().deals[dealId];
    }

    /**
     * @notice Write the new deal `dealId` (never written before: deal ids are unique), packed as
     * `PackedDeal` says: slots 0–5 always, each in one `SSTORE`; the dataset's slots only with a
     * dataset; `beneficiary`, `callback`, `tag`, `params` only when not zero or empty; `sponsor`
     * only when it is not the requester. A skipped slot stays zero, which {load} reads back as the
     * default.
     * @dev Reverts `ClerkDealValueOverflow(bits, value)` for a value wider than its field: prices
     * and the worker stake (96 bits), trust (64), `botFirst` and `botSize` (128), category (32),
     * scheduler reward ratio (8), start time (40).
     * @param dealId The deal id.
     * @param deal The deal, as `viewDeal` will return it (its `sponsor` is the payer).
     */
    function store(bytes32 dealId, IexecLibCore_v5.Deal memory deal) internal {
        PackedDeal storage $ = packed(dealId);
        uint256 base;
        assembly ("memory-safe") {
            base := $.slot
        }
        address requester = deal.requester;
        // slot 0: app | appPrice
        _store(base, uint160(deal.app.pointer) | (_fit(deal.app.price, 96) << 160));
        // slot 1: appOwner | startTime | category | schedulerRewardRatio
        _store(
            base + 1,
            uint160(deal.app.owner) |
                (_fit(deal.startTime, 40) << 160) |
                (_fit(deal.category, 32) << 200) |
                (_fit(deal.schedulerRewardRatio, 8) << 232)
        );
        // slot 2: workerpool | workerpoolPrice
        _store(base + 2, uint160(deal.workerpool.pointer) | (_fit(deal.workerpool.price, 96) << 160));
        // slot 3: workerpoolOwner | workerStake
        _store(base + 3, uint160(deal.workerpool.owner) | (_fit(deal.workerStake, 96) << 160));
        // slot 4: requester | trust
        _store(base + 4, uint160(requester) | (_fit(deal.trust, 64) << 160));
        // slot 5: botFirst | botSize
        _store(base + 5, _fit(deal.botFirst, 128) | (_fit(deal.botSize, 128) << 128));
        // slots 6-7: the dataset, if any
        if (deal.dataset.pointer != address(0)) {
            _store(base + 6, uint160(deal.dataset.pointer) | (_fit(deal.dataset.price, 96) << 160));
            _store(base + 7, uint160(deal.dataset.owner));
        }
        if (deal.beneficiary != address(0)) $.beneficiary = deal.beneficiary;
        if (deal.callback != address(0)) $.callback = deal.callback;
        if (deal.sponsor != requester) $.sponsor = deal.sponsor;
        if (deal.tag != bytes32(0)) $.tag = deal.tag;
        if (bytes(deal.params).length != 0) $.params = deal.params;
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

    /// @dev Write a whole slot (the deal's packed fields): one `SSTORE`, no read.
    function _store(uint256 slot, uint256 value) private {
        assembly ("memory-safe") {
            sstore(slot, value)
        }
    }

    /// @dev `value`, reverting `ClerkDealValueOverflow` unless it fits in `bits` bits.
    function _fit(uint256 value, uint8 bits) private pure returns (uint256) {
        if (value >> bits != 0) revert IClerk.ClerkDealValueOverflow(bits, value);
        return value;
    }
}
