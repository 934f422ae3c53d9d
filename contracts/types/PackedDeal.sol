// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/**
 * @notice A deal as stored: the `IexecLibCore_v5.Deal` of the ABI packed into 6 slots always
 * written, plus slots written only when their value is not the default (no dataset: slots 6–7 stay
 * empty; beneficiary, callback, tag, params only when set; sponsor only when it is not the
 * requester). `LibDeal` is the only code that writes it and turns it back into a `Deal`; hot paths
 * of the task side read the packed fields they need directly.
 * @dev Field widths: prices, stakes and volumes fit 96 bits because no amount above the total
 * supply (itself capped at 2^96 − 1 nRLC, see `LibEscrow.SUPPLY_CAP`) can ever be locked; the
 * Clerk rejects larger values with an error instead of truncating. Timestamps fit 40 bits,
 * categories 32, ratios 8 (≤ 100), trust 64.
 */
struct PackedDeal {
    // slot 0
    address app;
    uint96 appPrice;
    // slot 1
    address appOwner;
    uint40 startTime;
    uint32 category;
    uint8 schedulerRewardRatio;
    // slot 2
    address workerpool;
    uint96 workerpoolPrice;
    // slot 3
    address workerpoolOwner;
    uint96 workerStake;
    // slot 4
    address requester;
    uint64 trust;
    // slot 5
    uint128 botFirst;
    uint128 botSize;
    // slot 6: only with a dataset
    address dataset;
    uint96 datasetPrice;
    // slot 7: only with a dataset
    address datasetOwner;
    // slots 8–12: only when set (params: its length slot, and its data slots when 32 bytes or more)
    address beneficiary;
    address callback;
    /// Zero when the sponsor is the requester.
    address sponsor;
    bytes32 tag;
    string params;
}
