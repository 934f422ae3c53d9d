// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IexecLibOrders_v5} from "../types/IexecLibOrders_v5.sol";

/**
 * @title IClerk
 * @notice The marketplace's matching engine: it checks that an app order, a dataset order (or none),
 * a workerpool order and a request order are compatible and authentic, books their volume, records
 * a deal and locks its price (and the scheduler's stake) in the escrow. Function names, signatures,
 * events and `IncompatibleDatasetOrder` are those of the PoCo v6.2 ABI; the other errors are this
 * implementation's (the reference reverts with `"iExecV5-matchOrders-0xNN"` strings), one per
 * check, carrying the values that failed.
 *
 * Checks, in this order (spec marketplace §5.2; the first that fails reverts):
 * 1. `request.category == workerpool.category` ({ClerkCategoryMismatch});
 * 2. the category exists ({ClerkCategoryUnknown});
 * 3. `request.trust <= workerpool.trust` ({ClerkTrustTooHigh});
 * 4.–6. each price at most the request's maximum, the dataset's even without a dataset
 *    ({ClerkAppPriceTooHigh}, {ClerkDatasetPriceTooHigh}, {ClerkWorkerpoolPriceTooHigh});
 * 7. the workerpool offers every bit of `tag = app.tag | (dataset.tag & ~0x0E) | request.tag`
 *    (PoCo 6.2: the dataset's TEE-framework bits 1–3 are ignored) ({ClerkTagNotOffered});
 * 8. if the dataset or the request asks for TEE (bit 0), the app order carries it ({ClerkTeeNotInAppOrder});
 * 9.–10. the request names the app and the dataset of the orders ({ClerkAppMismatch}, {ClerkDatasetMismatch});
 * 11.–20. every restriction admits its candidate ({ClerkRequestRestrictsWorkerpool} ...
 *    {ClerkWorkerpoolRestrictsRequester}); without a dataset, dataset restrictions are checked
 *    against `address(0)`, so a non-zero one forbids dataset-less deals;
 * 21.–27. each asset is registered in its registry and its order presigned or signed by the asset's
 *    current owner; the dataset only when there is one ({ClerkAppNotRegistered},
 *    {ClerkInvalidAppOrderSignature}, ...);
 * 28. the request order is presigned or signed by its requester, never the zero address
 *    ({ClerkInvalidRequestOrderSignature});
 * 29.–30. some volume is left in every order ({ClerkNoVolume}).
 *
 * Restriction rule: a restriction admits a candidate when it is zero, equal to the candidate, or an
 * ERC-734 identity contract whose `keyHasPurpose(bytes32(uint256(uint160(candidate))), 4)`
 * answers exactly true (a revert or any other answer refuses: fail closed).
 * Signature rules: see `IOrderManagement`. An asset that does not answer `owner()` reverts with
 * `IOrderManagement.OrderAssetWithoutOwner`.
 *
 * Front-running: `matchOrders` charges the request's requester whoever calls it. Anyone who sees a
 * request order (in an order book, or in a pending `sponsorMatchOrders`) can match it with plain
 * `matchOrders` and make the requester pay instead of a sponsor; the requester's cost stays bounded
 * by its order's maximum prices, volume and restrictions. A requester who relies on a sponsor
 * should keep the request order private until the sponsor's transaction is mined.
 */
interface IClerk {
    /// @notice The request's category is not the workerpool order's.
    error ClerkCategoryMismatch(uint256 requested, uint256 offered);
    /// @notice The category does not exist (`count` categories exist, ids from 0).
    error ClerkCategoryUnknown(uint256 category, uint256 count);
    /// @notice The request asks for more trust than the workerpool order offers.
    error ClerkTrustTooHigh(uint256 requested, uint256 offered);
    /// @notice The app order's price is above the request's maximum.
    error ClerkAppPriceTooHigh(uint256 price, uint256 maxPrice);
    /// @notice The dataset order's price is above the request's maximum.
    error ClerkDatasetPriceTooHigh(uint256 price, uint256 maxPrice);
    /// @notice The workerpool order's price is above the request's maximum.
    error ClerkWorkerpoolPriceTooHigh(uint256 price, uint256 maxPrice);
    /// @notice The app, dataset and request orders demand tag bits the workerpool order does not offer.
    error ClerkTagNotOffered(bytes32 demanded, bytes32 offered);
    /// @notice The dataset or the request demands TEE (tag bit 0) and the app order does not carry it.
    error ClerkTeeNotInAppOrder(bytes32 demanded, bytes32 appTag);
    /// @notice The request names another app than the app order's.
    error ClerkAppMismatch(address requested, address offered);
    /// @notice The request names another dataset than the dataset order's (zero for none).
    error ClerkDatasetMismatch(address requested, address offered);
    /// @notice The request's workerpool restriction excludes the workerpool.
    error ClerkRequestRestrictsWorkerpool(address restriction, address workerpool);
    /// @notice The app order's dataset restriction excludes the dataset.
    error ClerkAppRestrictsDataset(address restriction, address dataset);
    /// @notice The app order's workerpool restriction excludes the workerpool.
    error ClerkAppRestrictsWorkerpool(address restriction, address workerpool);
    /// @notice The app order's requester restriction excludes the requester.
    error ClerkAppRestrictsRequester(address restriction, address requester);
    /// @notice The dataset order's app restriction excludes the app.
    error ClerkDatasetRestrictsApp(address restriction, address app);
    /// @notice The dataset order's workerpool restriction excludes the workerpool.
    error ClerkDatasetRestrictsWorkerpool(address restriction, address workerpool);
    /// @notice The dataset order's requester restriction excludes the requester.
    error ClerkDatasetRestrictsRequester(address restriction, address requester);
    /// @notice The workerpool order's app restriction excludes the app.
    error ClerkWorkerpoolRestrictsApp(address restriction, address app);
    /// @notice The workerpool order's dataset restriction excludes the dataset.
    error ClerkWorkerpoolRestrictsDataset(address restriction, address dataset);
    /// @notice The workerpool order's requester restriction excludes the requester.
    error ClerkWorkerpoolRestrictsRequester(address restriction, address requester);
    /// @notice The app is not an asset of the hub's app registry.
    error ClerkAppNotRegistered(address app);
    /// @notice The dataset is not an asset of the hub's dataset registry.
    error ClerkDatasetNotRegistered(address dataset);
    /// @notice The workerpool is not an asset of the hub's workerpool registry.
    error ClerkWorkerpoolNotRegistered(address workerpool);
    /// @notice The app order is neither presigned nor signed by the app's current owner.
    error ClerkInvalidAppOrderSignature(bytes32 appHash, address owner);
    /// @notice The dataset order is neither presigned nor signed by the dataset's current owner.
    error ClerkInvalidDatasetOrderSignature(bytes32 datasetHash, address owner);
    /// @notice The workerpool order is neither presigned nor signed by the workerpool's current owner.
    error ClerkInvalidWorkerpoolOrderSignature(bytes32 workerpoolHash, address owner);
    /// @notice The request order is neither presigned nor signed by its requester (or the requester is zero).
    error ClerkInvalidRequestOrderSignature(bytes32 requestHash, address requester);
    /// @notice Some order has no volume left: the remaining volume of each order (the dataset's is
    /// `type(uint256).max` without a dataset).
    error ClerkNoVolume(
        uint256 appRemaining,
        uint256 datasetRemaining,
        uint256 workerpoolRemaining,
        uint256 requestRemaining
    );
    /// @notice A value of the deal does not fit the `bits` it is stored in (`PackedDeal`): a price or
    /// a stake (96 bits), the trust (64), a task index or the volume (128), the scheduler reward
    /// ratio (8). Such a deal could never be paid for anyway (the escrow's supply is below 2^96).
    error ClerkDealValueOverflow(uint8 bits, uint256 value);
    /// @notice `assertDatasetDealCompatibility`: the dataset order cannot be used with the deal
    /// (error of the PoCo 6.1 ABI; the reasons are its exact strings).
    error IncompatibleDatasetOrder(string reason);

    /// @notice A deal was recorded: schedulers watch it for their workerpool.
    event SchedulerNotice(address indexed workerpool, bytes32 dealid);
    /// @notice Four orders were matched into deal `dealid` of `volume` tasks; `datasetHash` is zero
    /// without a dataset. Off-chain order books decrement the orders' remaining volumes with it.
    event OrdersMatched(
        bytes32 dealid,
        bytes32 appHash,
        bytes32 datasetHash,
        bytes32 workerpoolHash,
        bytes32 requestHash,
        uint256 volume
    );
    /// @notice Deal `dealId` is paid for by `sponsor` (not its requester).
    event DealSponsored(bytes32 dealId, address sponsor);

    /**
     * @notice Match the four orders into a deal paid by the request's requester (whoever the caller
     * is: the function never uses `msg.sender`, which also makes it safe to run by delegatecall from
     * the token's `receiveApproval`).
     *
     * Pass a dataset order with `dataset == address(0)` (and `request.dataset == address(0)`) for a
     * deal without a dataset: that order is then never signature-checked and counts for nothing but
     * checks 5, 7 and 10 (as in the reference).
     *
     * The deal: id `keccak256(requestHash ‖ uint256(botFirst))` where `botFirst` is the request's
     * consumed volume before the match; `volume` tasks (the least volume left in the orders); the
     * app, dataset and workerpool with their owners and prices (dataset price 0 without a dataset);
     * `trust = max(request.trust, 1)`; the combined tag of check 7; the request's category,
     * beneficiary, callback and params; the workerpool's current policy (worker stake =
     * `workerpoolprice * workerStakeRatio / 100`, scheduler reward ratio); the block's timestamp.
     * Each order's consumed volume grows by `volume`. Then the requester's free balance locks
     * `(appprice + datasetprice + workerpoolprice) * volume`, and the scheduler's (the workerpool's
     * owner) `(workerpoolprice * 30 / 100) * volume` (the protocol's stake ratio, not the pool's).
     *
     * Reverts with the errors of the checks above, {ClerkDealValueOverflow}, and the escrow's
     * `ERC20InsufficientBalance` when a balance is short. Emits, in order: `Transfer` and `Lock`
     * for the requester, `Transfer` and `Lock` for the scheduler (even for zero amounts),
     * {SchedulerNotice}, {OrdersMatched}.
     * @param appOrder The app order.
     * @param datasetOrder The dataset order, or a null one (`dataset == address(0)`).
     * @param workerpoolOrder The workerpool order.
     * @param requestOrder The request order.
     * @return The deal id.
     */
    function matchOrders(
        IexecLibOrders_v5.AppOrder calldata appOrder,
        IexecLibOrders_v5.DatasetOrder calldata datasetOrder,
        IexecLibOrders_v5.WorkerpoolOrder calldata workerpoolOrder,
        IexecLibOrders_v5.RequestOrder calldata requestOrder
    ) external returns (bytes32);

    /**
     * @notice {matchOrders}, paid by the caller instead of the requester: the caller becomes the
     * deal's sponsor, whose balance is locked and refunded. Emits {DealSponsored} after
     * {OrdersMatched}. See the front-running note above.
     * @param appOrder The app order.
     * @param datasetOrder The dataset order, or a null one.
     * @param workerpoolOrder The workerpool order.
     * @param requestOrder The request order.
     * @return The deal id.
     */
    function sponsorMatchOrders(
        IexecLibOrders_v5.AppOrder calldata appOrder,
        IexecLibOrders_v5.DatasetOrder calldata datasetOrder,
        IexecLibOrders_v5.WorkerpoolOrder calldata workerpoolOrder,
        IexecLibOrders_v5.RequestOrder calldata requestOrder
    ) external returns (bytes32);

    /**
     * @notice The volume a match of these orders would have now: the least volume left in the
     * app, dataset (ignored when its address is zero), workerpool and request orders. No other
     * check; zero when an order is used up or closed.
     * @param appOrder The app order.
     * @param datasetOrder The dataset order, or a null one.
     * @param workerpoolOrder The workerpool order.
     * @param requestOrder The request order.
     * @return The volume.
     */
    function computeDealVolume(
        IexecLibOrders_v5.AppOrder calldata appOrder,
        IexecLibOrders_v5.DatasetOrder calldata datasetOrder,
        IexecLibOrders_v5.WorkerpoolOrder calldata workerpoolOrder,
        IexecLibOrders_v5.RequestOrder calldata requestOrder
    ) external view returns (uint256);

    /**
     * @notice Whether a dataset order could be used with an existing deal made without a dataset
     * (bulk processing): reverts {IncompatibleDatasetOrder} with the first failing reason, in this
     * order: `"Dataset order is revoked or fully consumed"`, `"Invalid dataset order signature"`
     * (presign or signature by the dataset's current owner), `"Deal not found"`,
     * `"Deal already has a dataset"`, `"App restriction not satisfied"`,
     * `"Workerpool restriction not satisfied"`, `"Requester restriction not satisfied"`,
     * `"Tag compatibility not satisfied"` (the deal's tag must hold every bit of the dataset
     * order's tag, its TEE-framework bits 1–3 ignored). Checks neither registration nor price;
     * returns nothing on success.
     * @param datasetOrder The dataset order.
     * @param dealId The deal.
     */
    function assertDatasetDealCompatibility(
        IexecLibOrders_v5.DatasetOrder calldata datasetOrder,
        bytes32 dealId
    ) external view;
}
