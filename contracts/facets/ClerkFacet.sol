// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IClerk} from "../interfaces/IClerk.sol";
import {IERC734} from "../interfaces/external/IERC734.sol";
import {LibAssets} from "../libraries/LibAssets.sol";
import {LibCategory} from "../libraries/LibCategory.sol";
import {LibDeal} from "../libraries/LibDeal.sol";
import {LibEscrow} from "../libraries/LibEscrow.sol";
import {LibOrders} from "../libraries/LibOrders.sol";
import {LibSignature} from "../libraries/LibSignature.sol";
import {LibTask} from "../libraries/LibTask.sol";
import {IWorkerpool} from "../registries/workerpools/IWorkerpool.sol";
import {ClerkStorage} from "../storage/ClerkStorage.sol";
import {ConfigStorage} from "../storage/ConfigStorage.sol";
import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";
import {IexecLibOrders_v5} from "../types/IexecLibOrders_v5.sol";
import {PackedDeal} from "../types/PackedDeal.sol";

/**
 * @title ClerkFacet
 * @notice Matches an app, a dataset (or none), a workerpool and a request order into a deal:
 * compatibility, restrictions, registrations, signatures and volumes are checked in the reference
 * order (see {IClerk}), the deal is recorded, the orders' volumes booked and the price locked.
 * @dev Gas, against the reference's 812,621 for a fresh match with a dataset:
 * - the deal is written once, a whole packed slot per `SSTORE`, its default fields never
 *   (`LibDeal.store`, `PackedDeal`);
 * - each order's consumed volume is read once and written once, the null dataset order's never;
 * - each asset's owner and registration come from one call to its registry instead of
 *   `owner()` through the asset's clone and master plus `isRegistered` (`LibAssets`);
 * - an EOA's well-formed signature is checked before its presignature, which is then not read
 *   (`LibSignature`); order hashes are computed from calldata with the domain separator computed
 *   once (`LibOrders`).
 * Every external call (registries, assets, ERC-1271 wallets, ERC-734 identities, the workerpool's
 * policy) is a STATICCALL made before any state changes.
 * @custom:version 0.1.0
 */
contract ClerkFacet is IClerk {
    /// @dev Tag bit 0: trusted execution.
    uint256 private constant TEE_BIT = 1;
    /// @dev A dataset order's tag without its TEE-framework bits 1–3 (Scone, Gramine, TDX), which
    /// PoCo 6.2 ignores so that datasets of one framework can run on another's workerpools.
    bytes32 private constant DATASET_TAG_MASK = ~bytes32(uint256(0x0e));

    /// @dev What the checks learn about the orders, for the deal and the bookkeeping.
    struct Matching {
        bytes32 appHash;
        bytes32 datasetHash;
        bytes32 workerpoolHash;
        bytes32 requestHash;
        address appOwner;
        address datasetOwner;
        address workerpoolOwner;
        bool hasDataset;
        bytes32 tag;
        uint256 volume;
        uint256 appConsumed;
        uint256 datasetConsumed;
        uint256 workerpoolConsumed;
        uint256 requestConsumed;
    }

    /// @inheritdoc IClerk
    function matchOrders(
        IexecLibOrders_v5.AppOrder calldata appOrder,
        IexecLibOrders_v5.DatasetOrder calldata datasetOrder,
        IexecLibOrders_v5.WorkerpoolOrder calldata workerpoolOrder,
        IexecLibOrders_v5.RequestOrder calldata requestOrder
    ) external override returns (bytes32) {
        return _matchOrders(appOrder, datasetOrder, workerpoolOrder, requestOrder, requestOrder.requester);
    }

    /// @inheritdoc IClerk
    function sponsorMatchOrders(
        IexecLibOrders_v5.AppOrder calldata appOrder,
        IexecLibOrders_v5.DatasetOrder calldata datasetOrder,
        IexecLibOrders_v5.WorkerpoolOrder calldata workerpoolOrder,
        IexecLibOrders_v5.RequestOrder calldata requestOrder
    ) external override returns (bytes32 dealId) {
        dealId = _matchOrders(appOrder, datasetOrder, workerpoolOrder, requestOrder, msg.sender);
        emit DealSponsored(dealId, msg.sender);
    }

    /// @inheritdoc IClerk
    function computeDealVolume(
        IexecLibOrders_v5.AppOrder calldata appOrder,
        IexecLibOrders_v5.DatasetOrder calldata datasetOrder,
        IexecLibOrders_v5.WorkerpoolOrder calldata workerpoolOrder,
        IexecLibOrders_v5.RequestOrder calldata requestOrder
    ) external view override returns (uint256 volume) {
        bytes32 separator = LibOrders.domainSeparator();
        mapping(bytes32 => uint256) storage consumed = ClerkStorage.layout().consumed;
        volume = _remaining(appOrder.volume, consumed[LibOrders.toTypedDataHash(separator, LibOrders.hash(appOrder))]);
        if (datasetOrder.dataset != address(0)) {
            volume = _min(
                volume,
                _remaining(
                    datasetOrder.volume,
                    consumed[LibOrders.toTypedDataHash(separator, LibOrders.hash(datasetOrder))]
                )
            );
        }
        volume = _min(
            volume,
            _remaining(
                workerpoolOrder.volume,
                consumed[LibOrders.toTypedDataHash(separator, LibOrders.hash(workerpoolOrder))]
            )
        );
        volume = _min(
            volume,
            _remaining(
                requestOrder.volume,
                consumed[LibOrders.toTypedDataHash(separator, LibOrders.hash(requestOrder))]
            )
        );
    }

    /// @inheritdoc IClerk
    function assertDatasetDealCompatibility(
        IexecLibOrders_v5.DatasetOrder calldata datasetOrder,
        bytes32 dealId
    ) external view override {
        bytes32 datasetHash = LibOrders.hashTypedData(LibOrders.hash(datasetOrder));
        if (ClerkStorage.layout().consumed[datasetHash] >= datasetOrder.volume) {
            revert IncompatibleDatasetOrder("Dataset order is revoked or fully consumed");
        }
        address owner = LibAssets.ownerOf(ConfigStorage.layout().datasetRegistry, datasetOrder.dataset);
        if (!LibSignature.verifyPresignatureOrSignature(owner, datasetHash, datasetOrder.sign)) {
            revert IncompatibleDatasetOrder("Invalid dataset order signature");
        }
        PackedDeal storage deal = LibDeal.packed(dealId);
        address requester = deal.requester;
        if (requester == address(0)) revert IncompatibleDatasetOrder("Deal not found");
        if (deal.dataset != address(0)) revert IncompatibleDatasetOrder("Deal already has a dataset");
        if (!_accepts(datasetOrder.apprestrict, deal.app)) {
            revert IncompatibleDatasetOrder("App restriction not satisfied");
        }
        if (!_accepts(datasetOrder.workerpoolrestrict, deal.workerpool)) {
            revert IncompatibleDatasetOrder("Workerpool restriction not satisfied");
        }
        if (!_accepts(datasetOrder.requesterrestrict, requester)) {
            revert IncompatibleDatasetOrder("Requester restriction not satisfied");
        }
        bytes32 datasetTag = datasetOrder.tag & DATASET_TAG_MASK;
        if (deal.tag & datasetTag != datasetTag) revert IncompatibleDatasetOrder("Tag compatibility not satisfied");
    }

    /**
     * @dev The whole match, paid by `payer`: checks, deal, bookkeeping, locks, events.
     * @return dealId The new deal's id.
     */
    function _matchOrders(
        IexecLibOrders_v5.AppOrder calldata appOrder,
        IexecLibOrders_v5.DatasetOrder calldata datasetOrder,
        IexecLibOrders_v5.WorkerpoolOrder calldata workerpoolOrder,
        IexecLibOrders_v5.RequestOrder calldata requestOrder,
        address payer
    ) private returns (bytes32 dealId) {
        Matching memory m;
        m.tag = _checkCompatibility(appOrder, datasetOrder, workerpoolOrder, requestOrder);
        _checkRestrictions(appOrder, datasetOrder, workerpoolOrder, requestOrder);
        _authenticate(m, appOrder, datasetOrder, workerpoolOrder, requestOrder);
        _computeVolume(m, appOrder.volume, datasetOrder.volume, workerpoolOrder.volume, requestOrder.volume);

        dealId = _dealId(m.requestHash, m.requestConsumed);
        IexecLibCore_v5.Deal memory deal = _deal(m, appOrder, datasetOrder, workerpoolOrder, requestOrder, payer);
        LibDeal.store(dealId, deal);
        _consume(m);

        // Order matters: the requester's (or sponsor's) lock first, the scheduler's second. Prices
        // fit 96 bits and the volume 128 (`LibDeal.store` checked them): no product overflows.
        LibEscrow.lock(payer, (deal.app.price + deal.dataset.price + deal.workerpool.price) * m.volume);
        LibEscrow.lock(m.workerpoolOwner, ((deal.workerpool.price * LibTask.WORKERPOOL_STAKE_RATIO) / 100) * m.volume);

        emit SchedulerNotice(workerpoolOrder.workerpool, dealId);
        emit OrdersMatched(dealId, m.appHash, m.datasetHash, m.workerpoolHash, m.requestHash, m.volume);
    }

    /// @dev Checks 1–10: category, trust, prices, tags, the request's app and dataset. Returns the
    /// deal's tag.
    function _checkCompatibility(
        IexecLibOrders_v5.AppOrder calldata appOrder,
        IexecLibOrders_v5.DatasetOrder calldata datasetOrder,
        IexecLibOrders_v5.WorkerpoolOrder calldata workerpoolOrder,
        IexecLibOrders_v5.RequestOrder calldata requestOrder
    ) private view returns (bytes32 tag) {
        uint256 category = requestOrder.category;
        if (category != workerpoolOrder.category) revert ClerkCategoryMismatch(category, workerpoolOrder.category);
        uint256 count = LibCategory.count();
        if (category >= count) revert ClerkCategoryUnknown(category, count);
        if (requestOrder.trust > workerpoolOrder.trust) {
            revert ClerkTrustTooHigh(requestOrder.trust, workerpoolOrder.trust);
        }
        if (appOrder.appprice > requestOrder.appmaxprice) {
            revert ClerkAppPriceTooHigh(appOrder.appprice, requestOrder.appmaxprice);
        }
        if (datasetOrder.datasetprice > requestOrder.datasetmaxprice) {
            revert ClerkDatasetPriceTooHigh(datasetOrder.datasetprice, requestOrder.datasetmaxprice);
        }
        if (workerpoolOrder.workerpoolprice > requestOrder.workerpoolmaxprice) {
            revert ClerkWorkerpoolPriceTooHigh(workerpoolOrder.workerpoolprice, requestOrder.workerpoolmaxprice);
        }
        bytes32 appTag = appOrder.tag;
        tag = appTag | (datasetOrder.tag & DATASET_TAG_MASK) | requestOrder.tag;
        if (tag & ~workerpoolOrder.tag != 0) revert ClerkTagNotOffered(tag, workerpoolOrder.tag);
        if (uint256(tag ^ appTag) & TEE_BIT != 0) revert ClerkTeeNotInAppOrder(tag, appTag);
        if (requestOrder.app != appOrder.app) revert ClerkAppMismatch(requestOrder.app, appOrder.app);
        if (requestOrder.dataset != datasetOrder.dataset) {
            revert ClerkDatasetMismatch(requestOrder.dataset, datasetOrder.dataset);
        }
    }

    /// @dev Checks 11–20: every restriction admits its candidate (the null dataset is `address(0)`).
    function _checkRestrictions(
        IexecLibOrders_v5.AppOrder calldata appOrder,
        IexecLibOrders_v5.DatasetOrder calldata datasetOrder,
        IexecLibOrders_v5.WorkerpoolOrder calldata workerpoolOrder,
        IexecLibOrders_v5.RequestOrder calldata requestOrder
    ) private view {
        address app = appOrder.app;
        address dataset = datasetOrder.dataset;
        address workerpool = workerpoolOrder.workerpool;
        address requester = requestOrder.requester;
        _checkRestriction(requestOrder.workerpool, workerpool, ClerkRequestRestrictsWorkerpool.selector);
        _checkRestriction(appOrder.datasetrestrict, dataset, ClerkAppRestrictsDataset.selector);
        _checkRestriction(appOrder.workerpoolrestrict, workerpool, ClerkAppRestrictsWorkerpool.selector);
        _checkRestriction(appOrder.requesterrestrict, requester, ClerkAppRestrictsRequester.selector);
        _checkRestriction(datasetOrder.apprestrict, app, ClerkDatasetRestrictsApp.selector);
        _checkRestriction(datasetOrder.workerpoolrestrict, workerpool, ClerkDatasetRestrictsWorkerpool.selector);
        _checkRestriction(datasetOrder.requesterrestrict, requester, ClerkDatasetRestrictsRequester.selector);
        _checkRestriction(workerpoolOrder.apprestrict, app, ClerkWorkerpoolRestrictsApp.selector);
        _checkRestriction(workerpoolOrder.datasetrestrict, dataset, ClerkWorkerpoolRestrictsDataset.selector);
        _checkRestriction(workerpoolOrder.requesterrestrict, requester, ClerkWorkerpoolRestrictsRequester.selector);
    }

    /// @dev Checks 21–28: order hashes, owners, registrations and signatures, into `m`.
    function _authenticate(
        Matching memory m,
        IexecLibOrders_v5.AppOrder calldata appOrder,
        IexecLibOrders_v5.DatasetOrder calldata datasetOrder,
        IexecLibOrders_v5.WorkerpoolOrder calldata workerpoolOrder,
        IexecLibOrders_v5.RequestOrder calldata requestOrder
    ) private view {
        bytes32 separator = LibOrders.domainSeparator();
        ConfigStorage.Layout storage config = ConfigStorage.layout();

        bytes32 orderHash = LibOrders.toTypedDataHash(separator, LibOrders.hash(appOrder));
        address owner = _registeredOwner(config.appRegistry, appOrder.app, ClerkAppNotRegistered.selector);
        if (!LibSignature.verifyPresignatureOrSignature(owner, orderHash, appOrder.sign)) {
            revert ClerkInvalidAppOrderSignature(orderHash, owner);
        }
        (m.appHash, m.appOwner) = (orderHash, owner);

        if (datasetOrder.dataset != address(0)) {
            orderHash = LibOrders.toTypedDataHash(separator, LibOrders.hash(datasetOrder));
            owner = _registeredOwner(config.datasetRegistry, datasetOrder.dataset, ClerkDatasetNotRegistered.selector);
            if (!LibSignature.verifyPresignatureOrSignature(owner, orderHash, datasetOrder.sign)) {
                revert ClerkInvalidDatasetOrderSignature(orderHash, owner);
            }
            (m.datasetHash, m.datasetOwner, m.hasDataset) = (orderHash, owner, true);
        }

        orderHash = LibOrders.toTypedDataHash(separator, LibOrders.hash(workerpoolOrder));
        owner = _registeredOwner(
            config.workerpoolRegistry,
            workerpoolOrder.workerpool,
            ClerkWorkerpoolNotRegistered.selector
        );
        if (!LibSignature.verifyPresignatureOrSignature(owner, orderHash, workerpoolOrder.sign)) {
            revert ClerkInvalidWorkerpoolOrderSignature(orderHash, owner);
        }
        (m.workerpoolHash, m.workerpoolOwner) = (orderHash, owner);

        orderHash = LibOrders.toTypedDataHash(separator, LibOrders.hash(requestOrder));
        owner = requestOrder.requester;
        if (!LibSignature.verifyPresignatureOrSignature(owner, orderHash, requestOrder.sign)) {
            revert ClerkInvalidRequestOrderSignature(orderHash, owner);
        }
        m.requestHash = orderHash;
    }

    /// @dev Checks 29–30: the deal's volume, the least volume left in the orders (the null dataset
    /// order's is unlimited), reading each consumed volume once into `m`.
    function _computeVolume(
        Matching memory m,
        uint256 appVolume,
        uint256 datasetVolume,
        uint256 workerpoolVolume,
        uint256 requestVolume
    ) private view {
        mapping(bytes32 => uint256) storage consumed = ClerkStorage.layout().consumed;
        m.appConsumed = consumed[m.appHash];
        m.workerpoolConsumed = consumed[m.workerpoolHash];
        m.requestConsumed = consumed[m.requestHash];
        uint256 appRemaining = _remaining(appVolume, m.appConsumed);
        uint256 datasetRemaining = type(uint256).max;
        if (m.hasDataset) {
            m.datasetConsumed = consumed[m.datasetHash];
            datasetRemaining = _remaining(datasetVolume, m.datasetConsumed);
        }
        uint256 workerpoolRemaining = _remaining(workerpoolVolume, m.workerpoolConsumed);
        uint256 requestRemaining = _remaining(requestVolume, m.requestConsumed);
        uint256 volume = _min(_min(appRemaining, datasetRemaining), _min(workerpoolRemaining, requestRemaining));
        if (volume == 0) revert ClerkNoVolume(appRemaining, datasetRemaining, workerpoolRemaining, requestRemaining);
        m.volume = volume;
    }

    /// @dev The deal the orders make, paid by `payer`.
    function _deal(
        Matching memory m,
        IexecLibOrders_v5.AppOrder calldata appOrder,
        IexecLibOrders_v5.DatasetOrder calldata datasetOrder,
        IexecLibOrders_v5.WorkerpoolOrder calldata workerpoolOrder,
        IexecLibOrders_v5.RequestOrder calldata requestOrder,
        address payer
    ) private view returns (IexecLibCore_v5.Deal memory deal) {
        deal.app = IexecLibCore_v5.Resource(appOrder.app, m.appOwner, appOrder.appprice);
        if (m.hasDataset) {
            deal.dataset = IexecLibCore_v5.Resource(datasetOrder.dataset, m.datasetOwner, datasetOrder.datasetprice);
        }
        address workerpool = workerpoolOrder.workerpool;
        uint256 price = workerpoolOrder.workerpoolprice;
        deal.workerpool = IexecLibCore_v5.Resource(workerpool, m.workerpoolOwner, price);
        uint256 trust = requestOrder.trust;
        deal.trust = trust == 0 ? 1 : trust;
        deal.category = requestOrder.category;
        deal.tag = m.tag;
        deal.requester = requestOrder.requester;
        deal.beneficiary = requestOrder.beneficiary;
        deal.callback = requestOrder.callback;
        deal.params = requestOrder.params;
        deal.startTime = block.timestamp;
        deal.botFirst = m.requestConsumed;
        deal.botSize = m.volume;
        deal.workerStake = _workerStake(price, IWorkerpool(workerpool).m_workerStakeRatioPolicy());
        deal.schedulerRewardRatio = IWorkerpool(workerpool).m_schedulerRewardRatioPolicy();
        deal.sponsor = payer;
    }

    /// @dev Book the deal's volume in every order (not in the null dataset order).
    function _consume(Matching memory m) private {
        mapping(bytes32 => uint256) storage consumed = ClerkStorage.layout().consumed;
        uint256 volume = m.volume;
        // Each sum is at most the order's volume: no overflow.
        unchecked {
            consumed[m.appHash] = m.appConsumed + volume;
            if (m.hasDataset) consumed[m.datasetHash] = m.datasetConsumed + volume;
            consumed[m.workerpoolHash] = m.workerpoolConsumed + volume;
            consumed[m.requestHash] = m.requestConsumed + volume;
        }
    }

    /**
     * @dev The current owner of `asset` if `registry` registers it; else revert with the error
     * `notRegistered(asset)`.
     */
    function _registeredOwner(
        address registry,
        address asset,
        bytes4 notRegistered
    ) private view returns (address owner) {
        bool registered;
        (owner, registered) = LibAssets.registeredOwnerOf(registry, asset);
        if (!registered) {
            assembly ("memory-safe") {
                mstore(0x00, notRegistered)
                mstore(0x04, asset)
                revert(0x00, 0x24)
            }
        }
    }

    /// @dev Revert with the error `restricts(restriction, candidate)` unless the restriction admits the candidate.
    function _checkRestriction(address restriction, address candidate, bytes4 restricts) private view {
        if (!_accepts(restriction, candidate)) {
            assembly ("memory-safe") {
                let ptr := mload(0x40)
                mstore(ptr, restricts)
                mstore(add(ptr, 0x04), restriction)
                mstore(add(ptr, 0x24), candidate)
                revert(ptr, 0x44)
            }
        }
    }

    /**
     * @dev Whether `restriction` admits `candidate`: no restriction, the candidate itself, or an
     * ERC-734 identity in which the candidate's key has the group-member purpose. The identity is
     * asked with a STATICCALL; a revert, no answer or any answer but `true` refuses.
     */
    function _accepts(address restriction, address candidate) private view returns (bool accepted) {
        if (restriction == address(0) || restriction == candidate) return true;
        if (restriction.code.length == 0) return false;
        bytes4 selector = IERC734.keyHasPurpose.selector;
        uint256 purpose = LibTask.GROUPMEMBER_PURPOSE;
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, selector)
            mstore(add(ptr, 0x04), candidate)
            mstore(add(ptr, 0x24), purpose)
            let success := staticcall(gas(), restriction, ptr, 0x44, 0x00, 0x20)
            accepted := and(and(success, gt(returndatasize(), 0x1f)), eq(mload(0x00), 1))
        }
    }

    /// @dev What each worker stakes per task: `price * ratio / 100`; `type(uint256).max` when the
    /// product overflows (then rejected by `LibDeal.store` as too large).
    function _workerStake(uint256 price, uint256 ratio) private pure returns (uint256) {
        unchecked {
            uint256 product = price * ratio;
            if (ratio != 0 && product / ratio != price) return type(uint256).max;
            return product / 100;
        }
    }

    /// @dev keccak256(requestHash ‖ uint256(botFirst)).
    function _dealId(bytes32 requestHash, uint256 botFirst) private pure returns (bytes32 id) {
        assembly ("memory-safe") {
            mstore(0x00, requestHash)
            mstore(0x20, botFirst)
            id := keccak256(0x00, 0x40)
        }
    }

    /// @dev What is left of an order of `volume` of which `consumed` is used (never negative).
    function _remaining(uint256 volume, uint256 consumed) private pure returns (uint256) {
        unchecked {
            return consumed >= volume ? 0 : volume - consumed;
        }
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }
}
