// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IRegistryEntry} from "../registries/IRegistryEntry.sol";
import {IWorkerpool} from "../registries/workerpools/IWorkerpool.sol";
import {LibCategory} from "../libraries/LibCategory.sol";
import {LibDeal} from "../libraries/LibDeal.sol";
import {LibEscrow} from "../libraries/LibEscrow.sol";
import {LibOrders} from "../libraries/LibOrders.sol";
import {LibTask} from "../libraries/LibTask.sol";
import {ClerkStorage} from "../storage/ClerkStorage.sol";
import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";
import {IexecLibOrders_v5} from "../types/IexecLibOrders_v5.sol";
import {PackedDeal} from "../types/PackedDeal.sol";

/**
 * @title DealHarnessFacet
 * @notice Test-only stand-in for the Clerk's `matchOrders`, so that the task side runs before the
 * Clerk lands: from four orders it writes the `PackedDeal` the Clerk writes (same id, same
 * fields, same packing rules), books the orders' volumes, locks the sponsor's price and the
 * scheduler's stake through `LibEscrow`, and emits the Clerk's events. It checks NO signature,
 * restriction, price bound, tag or trust compatibility: tests pass it compatible orders. Owners
 * and the workerpool's policy are read from the (real) assets. Never deployed by `deploy/`.
 */
contract DealHarnessFacet {
    /// @notice As the Clerk: a deal `dealid` for the workerpool contract `workerpool`.
    event SchedulerNotice(address indexed workerpool, bytes32 dealid);
    /// @notice As the Clerk.
    event OrdersMatched(
        bytes32 dealid,
        bytes32 appHash,
        bytes32 datasetHash,
        bytes32 workerpoolHash,
        bytes32 requestHash,
        uint256 volume
    );
    /// @notice As the Clerk, for a deal paid by someone else than its requester.
    event DealSponsored(bytes32 dealId, address sponsor);

    /// @notice No volume is left in one of the orders.
    error DealHarnessNoVolume();
    /// @notice The request's category does not exist.
    error DealHarnessUnknownCategory(uint256 category);

    /// @dev The order hashes of one match.
    struct Hashes {
        bytes32 app;
        bytes32 dataset;
        bytes32 workerpool;
        bytes32 request;
    }

    /**
     * @notice Create a deal from the orders as `matchOrders` (`sponsor == requester`) or
     * `sponsorMatchOrders` (`sponsor` pays) would.
     * @param appOrder The app order.
     * @param datasetOrder The dataset order (`dataset` zero: no dataset).
     * @param workerpoolOrder The workerpool order.
     * @param requestOrder The request order.
     * @param sponsor Who pays.
     * @return dealId `keccak256(requestHash ‖ botFirst)`.
     */
    function harnessMatchOrders(
        IexecLibOrders_v5.AppOrder calldata appOrder,
        IexecLibOrders_v5.DatasetOrder calldata datasetOrder,
        IexecLibOrders_v5.WorkerpoolOrder calldata workerpoolOrder,
        IexecLibOrders_v5.RequestOrder calldata requestOrder,
        address sponsor
    ) external returns (bytes32 dealId) {
        if (requestOrder.category >= LibCategory.count()) revert DealHarnessUnknownCategory(requestOrder.category);
        bool hasDataset = datasetOrder.dataset != address(0);
        Hashes memory hashes = Hashes({
            app: LibOrders.hashTypedData(LibOrders.hash(appOrder)),
            dataset: hasDataset ? LibOrders.hashTypedData(LibOrders.hash(datasetOrder)) : bytes32(0),
            workerpool: LibOrders.hashTypedData(LibOrders.hash(workerpoolOrder)),
            request: LibOrders.hashTypedData(LibOrders.hash(requestOrder))
        });
        uint256 botFirst = ClerkStorage.layout().consumed[hashes.request];
        uint256 volume = _volume(hashes, appOrder.volume, datasetOrder.volume, workerpoolOrder.volume, requestOrder);
        dealId = keccak256(abi.encodePacked(hashes.request, botFirst));
        PackedDeal storage deal = LibDeal.packed(dealId);

        deal.app = appOrder.app;
        deal.appPrice = SafeCast.toUint96(appOrder.appprice);
        deal.appOwner = IRegistryEntry(appOrder.app).owner();
        deal.startTime = SafeCast.toUint40(block.timestamp);
        deal.category = SafeCast.toUint32(requestOrder.category);
        _writeWorkerpool(deal, workerpoolOrder.workerpool, workerpoolOrder.workerpoolprice);
        deal.requester = requestOrder.requester;
        deal.trust = SafeCast.toUint64(requestOrder.trust == 0 ? 1 : requestOrder.trust);
        deal.botFirst = SafeCast.toUint128(botFirst);
        deal.botSize = SafeCast.toUint128(volume);
        if (hasDataset) {
            deal.dataset = datasetOrder.dataset;
            deal.datasetPrice = SafeCast.toUint96(datasetOrder.datasetprice);
            deal.datasetOwner = IRegistryEntry(datasetOrder.dataset).owner();
        }
        if (requestOrder.beneficiary != address(0)) deal.beneficiary = requestOrder.beneficiary;
        if (requestOrder.callback != address(0)) deal.callback = requestOrder.callback;
        if (sponsor != requestOrder.requester) deal.sponsor = sponsor;
        // 6.2: the dataset's TEE-framework bits (1-3) are ignored.
        bytes32 tag =
            appOrder.tag | (hasDataset ? datasetOrder.tag & ~bytes32(uint256(0xe)) : bytes32(0)) | requestOrder.tag;
        if (tag != bytes32(0)) deal.tag = tag;
        if (bytes(requestOrder.params).length != 0) deal.params = requestOrder.params;

        _lock(deal, sponsor, volume);
        emit SchedulerNotice(workerpoolOrder.workerpool, dealId);
        emit OrdersMatched(dealId, hashes.app, hashes.dataset, hashes.workerpool, hashes.request, volume);
        if (sponsor != requestOrder.requester) emit DealSponsored(dealId, sponsor);
    }

    /**
     * @notice The Clerk's `viewDeal`, as the PoCo ABI declares it (tests and tasks read deals with
     * it; the Clerk's own replaces this one at the merge).
     * @param dealId The deal.
     * @return The deal, all zero if unknown.
     */
    function viewDeal(bytes32 dealId) external view returns (IexecLibCore_v5.Deal memory) {
        return LibDeal.load(dealId);
    }

    /// @dev The volume of the match (the least volume left in an order), booked in every order.
    function _volume(
        Hashes memory hashes,
        uint256 appVolume,
        uint256 datasetVolume,
        uint256 workerpoolVolume,
        IexecLibOrders_v5.RequestOrder calldata requestOrder
    ) private returns (uint256 volume) {
        mapping(bytes32 => uint256) storage consumed = ClerkStorage.layout().consumed;
        volume = _left(appVolume, consumed[hashes.app]);
        if (hashes.dataset != bytes32(0)) volume = _min(volume, _left(datasetVolume, consumed[hashes.dataset]));
        volume = _min(volume, _left(workerpoolVolume, consumed[hashes.workerpool]));
        volume = _min(volume, _left(requestOrder.volume, consumed[hashes.request]));
        if (volume == 0) revert DealHarnessNoVolume();
        consumed[hashes.app] += volume;
        if (hashes.dataset != bytes32(0)) consumed[hashes.dataset] += volume;
        consumed[hashes.workerpool] += volume;
        consumed[hashes.request] += volume;
    }

    /// @dev The workerpool's fields: its owner and its policy, read now (snapshotted in the deal).
    function _writeWorkerpool(PackedDeal storage deal, address workerpool, uint256 price) private {
        deal.workerpool = workerpool;
        deal.workerpoolPrice = SafeCast.toUint96(price);
        deal.workerpoolOwner = IRegistryEntry(workerpool).owner();
        deal.workerStake = SafeCast.toUint96((price * IWorkerpool(workerpool).m_workerStakeRatioPolicy()) / 100);
        deal.schedulerRewardRatio = SafeCast.toUint8(IWorkerpool(workerpool).m_schedulerRewardRatioPolicy());
    }

    /// @dev As the Clerk: the sponsor locks the deal's price, then the scheduler its stake (the
    /// per-task stake rounded down, times the volume).
    function _lock(PackedDeal storage deal, address sponsor, uint256 volume) private {
        LibEscrow.lock(sponsor, LibTask.taskPrice(deal) * volume);
        LibEscrow.lock(deal.workerpoolOwner, LibTask.schedulerStake(deal.workerpoolPrice) * volume);
    }

    function _left(uint256 volume, uint256 consumed) private pure returns (uint256) {
        return volume > consumed ? volume - consumed : 0;
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }
}
