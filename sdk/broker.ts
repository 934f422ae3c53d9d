/**
 * The off-chain broker: given an order book of signed orders, it finds the quadruples (app,
 * dataset or none, workerpool, request) the hub's `matchOrders` would accept, picks the cheapest
 * workerpool for each request, and submits the matches.
 *
 * It applies the Clerk's rules (`contracts/interfaces/IClerk.sol`, spec marketplace §5) in the
 * Clerk's order, to a {@link MarketState}: what the hub would read during the match (consumed
 * volumes, asset owners and registrations, signatures and presignatures, restriction identities,
 * escrow balances, workerpool policies), loaded from the chain once by {@link loadMarketState}.
 * A rejection is named after the error the hub would revert with, so that the broker and the hub
 * can be compared quadruple by quadruple (`test/sdk/broker.differential.test.ts`).
 *
 * The matching itself ({@link findMatches}, {@link bestMatches}) is synchronous and indexed (orders
 * by app, dataset and category, workerpools by price), so that large books match quickly
 * (`npm run bench:broker`).
 */
import {
    Interface,
    ZeroAddress,
    ZeroHash,
    getAddress,
    toBigInt,
    zeroPadValue,
    type ContractRunner,
    type ContractTransactionReceipt,
    type Signer,
    type TypedDataDomain,
} from 'ethers';
import {
    CategoryManagerFacet__factory,
    ClerkFacet__factory,
    ConfigurationFacet__factory,
    EscrowERC20Facet__factory,
    IERC734__factory,
    IEscrowLedger__factory,
    IOrderManagement__factory,
    IRegistryEntry__factory,
    IRegistry__factory,
    IWorkerpool__factory,
    OrderManagementFacet__factory,
} from '../typechain-types';
import { matchedOrdersOf, type MatchedOrders } from './deals';
import {
    hashOrder,
    nullDatasetOrder,
    orderFromEntry,
    readDomain,
    type AppOrder,
    type DatasetOrder,
    type OrderBookEntry,
    type OrderByKind,
    type OrderKind,
    type RequestOrder,
    type WorkerpoolOrder,
} from './orders';
import { DATASET_TEE_FRAMEWORK_MASK } from './tags';

// ---------------------------------------------------------------------------------------------
// Protocol constants (mirrors of the Clerk's)
// ---------------------------------------------------------------------------------------------

/** ERC-734 purpose of the keys a restriction identity admits. */
export const GROUPMEMBER_PURPOSE = 4n;
/** Percentage of the per-task workerpool price the scheduler stakes per task. */
export const WORKERPOOL_STAKE_RATIO = 30n;

const UINT256_MAX = (1n << 256n) - 1n;
const TEE_BIT = 1n;
const DATASET_TAG_MASK = UINT256_MAX ^ DATASET_TEE_FRAMEWORK_MASK;

/**
 * The key of an account in an ERC-734 restriction identity: its address left-padded to 32 bytes
 * (what the hub passes to `keyHasPurpose`).
 */
export function groupMemberKey(account: string): string {
    return zeroPadValue(getAddress(account), 32);
}

// ---------------------------------------------------------------------------------------------
// Book and state
// ---------------------------------------------------------------------------------------------

/** An order of the book with its hash on the hub. */
export interface BookOrder<K extends OrderKind> {
    kind: K;
    order: OrderByKind[K];
    /** The order's hash on the hub (zero for the null dataset order). */
    hash: string;
}

/** The orders of a book, by kind. */
export interface Book {
    apps: BookOrder<'app'>[];
    datasets: BookOrder<'dataset'>[];
    workerpools: BookOrder<'workerpool'>[];
    requests: BookOrder<'request'>[];
}

/** What the hub answers about an asset: its current owner and registration, or no owner at all. */
export type AssetStatus =
    /** The asset answers `owner()`; `registered` in the hub's registry of its kind. */
    | { owner: string; registered: boolean }
    /** The address does not answer `owner()` (no code, or no such function). */
    | { owner: undefined; registered: false };

/** Whether an order is presigned or signed by its owner, as `verifyPresignatureOrSignature` says. */
export type Authenticity = 'valid' | 'invalid' | 'invalid-length';

/** What `matchOrders` reads, keyed by lowercase address or order hash. */
export interface MarketState {
    /** The hub (it cannot be locked from). */
    hub: string;
    /** How many categories exist. */
    categoryCount: bigint;
    /** Consumed volume per order hash (absent: 0). */
    consumed: Map<string, bigint>;
    /** Asset status per `kind:address` ({@link assetKey}). */
    assets: Map<string, AssetStatus>;
    /** Authenticity per order hash (absent: invalid). */
    authenticity: Map<string, Authenticity>;
    /** For each restriction that has code: the candidates its `keyHasPurpose` admits (absent: refused). */
    identities: Map<string, Set<string>>;
    /** Free escrow balance per account (absent: 0). */
    balances: Map<string, bigint>;
    /** Workerpool policies per workerpool. */
    policies: Map<string, { workerStakeRatio: bigint; schedulerRewardRatio: bigint }>;
}

/** The key of an asset in {@link MarketState.assets}. */
export function assetKey(kind: 'app' | 'dataset' | 'workerpool', asset: string): string {
    return `${kind}:${asset.toLowerCase()}`;
}

/** A copy of the state that can be changed without touching the original (used to apply matches). */
export function cloneState(state: MarketState): MarketState {
    return {
        ...state,
        consumed: new Map(state.consumed),
        balances: new Map(state.balances),
    };
}

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

/** Why `matchOrders` rejects a quadruple: the name of the error it reverts with. */
export type Rejection =
    | 'ClerkCategoryMismatch'
    | 'ClerkCategoryUnknown'
    | 'ClerkTrustTooHigh'
    | 'ClerkAppPriceTooHigh'
    | 'ClerkDatasetPriceTooHigh'
    | 'ClerkWorkerpoolPriceTooHigh'
    | 'ClerkTagNotOffered'
    | 'ClerkTeeNotInAppOrder'
    | 'ClerkAppMismatch'
    | 'ClerkDatasetMismatch'
    | 'ClerkRequestRestrictsWorkerpool'
    | 'ClerkAppRestrictsDataset'
    | 'ClerkAppRestrictsWorkerpool'
    | 'ClerkAppRestrictsRequester'
    | 'ClerkDatasetRestrictsApp'
    | 'ClerkDatasetRestrictsWorkerpool'
    | 'ClerkDatasetRestrictsRequester'
    | 'ClerkWorkerpoolRestrictsApp'
    | 'ClerkWorkerpoolRestrictsDataset'
    | 'ClerkWorkerpoolRestrictsRequester'
    | 'OrderAssetWithoutOwner'
    | 'ClerkAppNotRegistered'
    | 'ClerkDatasetNotRegistered'
    | 'ClerkWorkerpoolNotRegistered'
    | 'SignatureInvalidLength'
    | 'ClerkInvalidAppOrderSignature'
    | 'ClerkInvalidDatasetOrderSignature'
    | 'ClerkInvalidWorkerpoolOrderSignature'
    | 'ClerkInvalidRequestOrderSignature'
    | 'ClerkNoVolume'
    | 'ClerkDealValueOverflow'
    | 'ERC20InvalidSender'
    | 'ERC20InsufficientBalance';

/** Four orders to match; `dataset` is the null dataset order ({@link NULL_DATASET}) for none. */
export interface Quadruple {
    app: BookOrder<'app'>;
    dataset: BookOrder<'dataset'>;
    workerpool: BookOrder<'workerpool'>;
    request: BookOrder<'request'>;
}

/** A quadruple `matchOrders` accepts, with the deal it would make. */
export interface Match extends Quadruple {
    /** Tasks of the deal. */
    volume: bigint;
    /** Locked from the payer: (app + dataset + workerpool price) × volume. */
    dealPrice: bigint;
    /** Locked from the scheduler: (workerpool price × 30 / 100) × volume. */
    schedulerStake: bigint;
    /** The scheduler (owner of the workerpool). */
    scheduler: string;
}

/** The verdict on a quadruple: the match, or the error `matchOrders` would revert with. */
export type Verdict = ({ ok: true } & Match) | { ok: false; reason: Rejection };

/** "No dataset": the all-zero dataset order, hash zero. */
export const NULL_DATASET: BookOrder<'dataset'> = Object.freeze({
    kind: 'dataset',
    order: nullDatasetOrder(),
    hash: ZeroHash,
}) as BookOrder<'dataset'>;

const lower = (address: string) => address.toLowerCase();
const tagOf = (tag: string) => toBigInt(tag);
const remaining = (volume: bigint, consumed: bigint) => (consumed >= volume ? 0n : volume - consumed);

/** Whether `restriction` admits `candidate` (zero, the candidate itself, or an identity admitting it). */
export function admits(state: MarketState, restriction: string, candidate: string): boolean {
    const r = lower(restriction);
    if (r === lower(ZeroAddress) || r === lower(candidate)) return true;
    return state.identities.get(r)?.has(lower(candidate)) ?? false;
}

/** The per-task worker stake the deal records: price × ratio / 100 (saturated like the hub's). */
function workerStakeOf(price: bigint, ratio: bigint): bigint {
    const product = price * ratio;
    return product > UINT256_MAX ? UINT256_MAX : product / 100n;
}

/**
 * Whether `matchOrders(app, dataset, workerpool, request)` (paid by the requester) would succeed in
 * `state`, checking what the hub checks, in the hub's order: the first failure is the error the
 * hub reverts with.
 */
export function checkQuadruple(state: MarketState, quadruple: Quadruple): Verdict {
    const { app: a, dataset: d, workerpool: w, request: r } = quadruple;
    const app = a.order;
    const dataset = d.order;
    const workerpool = w.order;
    const request = r.order;
    const no = (reason: Rejection): Verdict => ({ ok: false, reason });

    // 1-10: compatibility
    if (request.category !== workerpool.category) return no('ClerkCategoryMismatch');
    if (request.category >= state.categoryCount) return no('ClerkCategoryUnknown');
    if (request.trust > workerpool.trust) return no('ClerkTrustTooHigh');
    if (app.appprice > request.appmaxprice) return no('ClerkAppPriceTooHigh');
    if (dataset.datasetprice > request.datasetmaxprice) return no('ClerkDatasetPriceTooHigh');
    if (workerpool.workerpoolprice > request.workerpoolmaxprice) return no('ClerkWorkerpoolPriceTooHigh');
    const appTag = tagOf(app.tag);
    const tag = appTag | (tagOf(dataset.tag) & DATASET_TAG_MASK) | tagOf(request.tag);
    if ((tag & (UINT256_MAX ^ tagOf(workerpool.tag))) !== 0n) return no('ClerkTagNotOffered');
    if (((tag ^ appTag) & TEE_BIT) !== 0n) return no('ClerkTeeNotInAppOrder');
    if (lower(request.app) !== lower(app.app)) return no('ClerkAppMismatch');
    if (lower(request.dataset) !== lower(dataset.dataset)) return no('ClerkDatasetMismatch');

    // 11-20: restrictions
    const restrictions: [string, string, Rejection][] = [
        [request.workerpool, workerpool.workerpool, 'ClerkRequestRestrictsWorkerpool'],
        [app.datasetrestrict, dataset.dataset, 'ClerkAppRestrictsDataset'],
        [app.workerpoolrestrict, workerpool.workerpool, 'ClerkAppRestrictsWorkerpool'],
        [app.requesterrestrict, request.requester, 'ClerkAppRestrictsRequester'],
        [dataset.apprestrict, app.app, 'ClerkDatasetRestrictsApp'],
        [dataset.workerpoolrestrict, workerpool.workerpool, 'ClerkDatasetRestrictsWorkerpool'],
        [dataset.requesterrestrict, request.requester, 'ClerkDatasetRestrictsRequester'],
        [workerpool.apprestrict, app.app, 'ClerkWorkerpoolRestrictsApp'],
        [workerpool.datasetrestrict, dataset.dataset, 'ClerkWorkerpoolRestrictsDataset'],
        [workerpool.requesterrestrict, request.requester, 'ClerkWorkerpoolRestrictsRequester'],
    ];
    for (const [restriction, candidate, reason] of restrictions) {
        if (!admits(state, restriction, candidate)) return no(reason);
    }

    // 21-28: registrations and signatures
    const ownerOf = (
        kind: 'app' | 'dataset' | 'workerpool',
        asset: string,
        hash: string,
        notRegistered: Rejection,
        invalid: Rejection,
    ): { owner: string } | { reason: Rejection } => {
        const status = state.assets.get(assetKey(kind, asset));
        if (status === undefined || status.owner === undefined) return { reason: 'OrderAssetWithoutOwner' };
        if (!status.registered) return { reason: notRegistered };
        const authenticity = state.authenticity.get(hash.toLowerCase());
        if (authenticity === 'invalid-length') return { reason: 'SignatureInvalidLength' };
        if (authenticity !== 'valid') return { reason: invalid };
        return { owner: status.owner };
    };
    const appOwner = ownerOf('app', app.app, a.hash, 'ClerkAppNotRegistered', 'ClerkInvalidAppOrderSignature');
    if ('reason' in appOwner) return no(appOwner.reason);
    const hasDataset = lower(dataset.dataset) !== lower(ZeroAddress);
    if (hasDataset) {
        const datasetOwner = ownerOf(
            'dataset',
            dataset.dataset,
            d.hash,
            'ClerkDatasetNotRegistered',
            'ClerkInvalidDatasetOrderSignature',
        );
        if ('reason' in datasetOwner) return no(datasetOwner.reason);
    }
    const workerpoolOwner = ownerOf(
        'workerpool',
        workerpool.workerpool,
        w.hash,
        'ClerkWorkerpoolNotRegistered',
        'ClerkInvalidWorkerpoolOrderSignature',
    );
    if ('reason' in workerpoolOwner) return no(workerpoolOwner.reason);
    const scheduler = workerpoolOwner.owner;
    const requestAuthenticity = state.authenticity.get(r.hash.toLowerCase());
    if (requestAuthenticity === 'invalid-length') return no('SignatureInvalidLength');
    if (requestAuthenticity !== 'valid' || lower(request.requester) === lower(ZeroAddress)) {
        return no('ClerkInvalidRequestOrderSignature');
    }

    // 29-30: volume
    const consumed = (hash: string) => state.consumed.get(hash.toLowerCase()) ?? 0n;
    let volume = remaining(app.volume, consumed(a.hash));
    if (hasDataset) volume = min(volume, remaining(dataset.volume, consumed(d.hash)));
    volume = min(volume, remaining(workerpool.volume, consumed(w.hash)));
    const botFirst = consumed(r.hash);
    volume = min(volume, remaining(request.volume, botFirst));
    if (volume === 0n) return no('ClerkNoVolume');

    // The deal's packed fields
    const policy = state.policies.get(lower(workerpool.workerpool)) ?? {
        workerStakeRatio: 0n,
        schedulerRewardRatio: 0n,
    };
    const datasetPrice = hasDataset ? dataset.datasetprice : 0n;
    const fits = (value: bigint, bits: bigint) => value >> bits === 0n;
    const trust = request.trust === 0n ? 1n : request.trust;
    if (
        !fits(app.appprice, 96n) ||
        !fits(request.category, 32n) ||
        !fits(policy.schedulerRewardRatio, 8n) ||
        !fits(workerpool.workerpoolprice, 96n) ||
        !fits(workerStakeOf(workerpool.workerpoolprice, policy.workerStakeRatio), 96n) ||
        !fits(trust, 64n) ||
        !fits(botFirst, 128n) ||
        !fits(volume, 128n) ||
        !fits(datasetPrice, 96n)
    ) {
        return no('ClerkDealValueOverflow');
    }

    // Locks: the requester's first, the scheduler's second (from what is left if they are one).
    const dealPrice = (app.appprice + datasetPrice + workerpool.workerpoolprice) * volume;
    const schedulerStake = ((workerpool.workerpoolprice * WORKERPOOL_STAKE_RATIO) / 100n) * volume;
    const payer = lower(request.requester);
    if (payer === lower(state.hub)) return no('ERC20InvalidSender');
    const payerBalance = state.balances.get(payer) ?? 0n;
    if (payerBalance < dealPrice) return no('ERC20InsufficientBalance');
    const schedulerKey = lower(scheduler);
    if (schedulerKey === lower(state.hub)) return no('ERC20InvalidSender');
    const schedulerBalance = (state.balances.get(schedulerKey) ?? 0n) - (schedulerKey === payer ? dealPrice : 0n);
    if (schedulerBalance < schedulerStake) return no('ERC20InsufficientBalance');

    return { ok: true, ...quadruple, volume, dealPrice, schedulerStake, scheduler };
}

function min(a: bigint, b: bigint): bigint {
    return a < b ? a : b;
}

/** Book a match in `state`: consumed volumes grow, the payer's and the scheduler's balances shrink. */
export function applyMatch(state: MarketState, match: Match): void {
    const add = (hash: string) => {
        const key = hash.toLowerCase();
        state.consumed.set(key, (state.consumed.get(key) ?? 0n) + match.volume);
    };
    add(match.app.hash);
    if (match.dataset.hash !== ZeroHash) add(match.dataset.hash);
    add(match.workerpool.hash);
    add(match.request.hash);
    const debit = (account: string, amount: bigint) => {
        const key = lower(account);
        state.balances.set(key, (state.balances.get(key) ?? 0n) - amount);
    };
    debit(match.request.order.requester, match.dealPrice);
    debit(match.scheduler, match.schedulerStake);
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

/** An order prepared for the search: lowercase addresses, tags as numbers. */
interface Prepared<K extends OrderKind> {
    entry: BookOrder<K>;
    /** The asset (or, for a request, the requester), lowercase. */
    address: string;
    price: bigint;
    tag: bigint;
    /** Lowercase restrictions, in the order's field order. */
    restrictions: string[];
    hash: string;
}

const ZERO = ZeroAddress.toLowerCase();

function prepareApp(entry: BookOrder<'app'>): Prepared<'app'> {
    const { order } = entry;
    return {
        entry,
        address: lower(order.app),
        price: order.appprice,
        tag: tagOf(order.tag),
        restrictions: [lower(order.datasetrestrict), lower(order.workerpoolrestrict), lower(order.requesterrestrict)],
        hash: entry.hash.toLowerCase(),
    };
}

function prepareDataset(entry: BookOrder<'dataset'>): Prepared<'dataset'> {
    const { order } = entry;
    return {
        entry,
        address: lower(order.dataset),
        price: order.datasetprice,
        tag: tagOf(order.tag) & DATASET_TAG_MASK,
        restrictions: [lower(order.apprestrict), lower(order.workerpoolrestrict), lower(order.requesterrestrict)],
        hash: entry.hash.toLowerCase(),
    };
}

function prepareWorkerpool(entry: BookOrder<'workerpool'>): Prepared<'workerpool'> {
    const { order } = entry;
    return {
        entry,
        address: lower(order.workerpool),
        price: order.workerpoolprice,
        tag: tagOf(order.tag),
        restrictions: [lower(order.apprestrict), lower(order.datasetrestrict), lower(order.requesterrestrict)],
        hash: entry.hash.toLowerCase(),
    };
}

/**
 * The book indexed for matching: app orders by app, dataset orders by dataset, workerpool orders
 * by category sorted by price (then book order), every order prepared once.
 *
 * The search ({@link BookIndex.search}) prunes with necessary conditions of the Clerk's checks,
 * pair by pair (request–app, request–dataset, request–workerpool, then app–workerpool and
 * dataset–app–workerpool), and asks {@link checkQuadruple} only about the quadruples that pass
 * them: it finds exactly the quadruples `checkQuadruple` accepts, without judging them all.
 */
export class BookIndex {
    private readonly apps = new Map<string, Prepared<'app'>[]>();
    private readonly datasets = new Map<string, Prepared<'dataset'>[]>();
    private readonly workerpools = new Map<bigint, Prepared<'workerpool'>[]>();
    private readonly nullDataset = prepareDataset(NULL_DATASET);
    /** Per state's asset and authenticity maps: whether an order's owner, registration and signature pass. */
    private authentic = new WeakMap<Map<string, Authenticity>, Map<string, boolean>>();

    constructor(readonly book: Book) {
        for (const entry of book.apps) push(this.apps, lower(entry.order.app), prepareApp(entry));
        for (const entry of book.datasets) push(this.datasets, lower(entry.order.dataset), prepareDataset(entry));
        for (const entry of book.workerpools) push(this.workerpools, entry.order.category, prepareWorkerpool(entry));
        for (const list of this.workerpools.values()) {
            // Stable: equal prices keep the book's order.
            list.sort((x, y) => (x.price < y.price ? -1 : x.price > y.price ? 1 : 0));
        }
    }

    /**
     * Each quadruple of `request` that `checkQuadruple(state, ·)` accepts, by increasing workerpool
     * price (then book order), passed to `found` with its verdict; the search stops when `found`
     * returns false.
     */
    search(state: MarketState, request: BookOrder<'request'>, found: (match: Match) => boolean): void {
        const { order } = request;
        const requester = lower(order.requester);
        const requestTag = tagOf(order.tag);
        const requestTee = (requestTag & TEE_BIT) !== 0n;
        const workerpoolRestriction = lower(order.workerpool);
        // The request itself: known category, authentic, volume left.
        const requestHash = request.hash.toLowerCase();
        if (
            order.category >= state.categoryCount ||
            requester === ZERO ||
            state.authenticity.get(requestHash) !== 'valid' ||
            remaining(order.volume, state.consumed.get(requestHash) ?? 0n) === 0n
        ) {
            return;
        }
        const usable = <K extends 'app' | 'dataset' | 'workerpool'>(kind: K, prepared: Prepared<K>, volume: bigint) =>
            this.isAuthentic(state, kind, prepared) && remaining(volume, state.consumed.get(prepared.hash) ?? 0n) > 0n;
        const admitted = (restriction: string, candidate: string) =>
            restriction === ZERO ||
            restriction === candidate ||
            (state.identities.get(restriction)?.has(candidate) ?? false);

        const apps = (this.apps.get(lower(order.app)) ?? []).filter(
            (app) =>
                app.price <= order.appmaxprice &&
                (!requestTee || (app.tag & TEE_BIT) !== 0n) &&
                admitted(app.restrictions[2], requester) &&
                usable('app', app, app.entry.order.volume),
        );
        if (apps.length === 0) return;
        const datasets =
            lower(order.dataset) === ZERO
                ? [this.nullDataset]
                : (this.datasets.get(lower(order.dataset)) ?? []).filter(
                      (dataset) =>
                          dataset.price <= order.datasetmaxprice &&
                          admitted(dataset.restrictions[2], requester) &&
                          usable('dataset', dataset, dataset.entry.order.volume),
                  );
        if (datasets.length === 0) return;
        for (const workerpool of this.workerpools.get(order.category) ?? []) {
            if (workerpool.price > order.workerpoolmaxprice) return;
            const offered = workerpool.tag;
            if (
                workerpool.entry.order.trust < order.trust ||
                (requestTag & ~offered) !== 0n ||
                !admitted(workerpoolRestriction, workerpool.address) ||
                !admitted(workerpool.restrictions[2], requester) ||
                !usable('workerpool', workerpool, workerpool.entry.order.volume)
            ) {
                continue;
            }
            for (const app of apps) {
                if (
                    (app.tag & ~offered) !== 0n ||
                    !admitted(app.restrictions[1], workerpool.address) ||
                    !admitted(workerpool.restrictions[0], app.address)
                ) {
                    continue;
                }
                const appTee = (app.tag & TEE_BIT) !== 0n;
                for (const dataset of datasets) {
                    if (
                        (dataset.tag & ~offered) !== 0n ||
                        (!appTee && (dataset.tag & TEE_BIT) !== 0n) ||
                        !admitted(app.restrictions[0], dataset.address) ||
                        !admitted(dataset.restrictions[0], app.address) ||
                        !admitted(dataset.restrictions[1], workerpool.address) ||
                        !admitted(workerpool.restrictions[1], dataset.address)
                    ) {
                        continue;
                    }
                    const verdict = checkQuadruple(state, {
                        app: app.entry,
                        dataset: dataset.entry,
                        workerpool: workerpool.entry,
                        request,
                    });
                    if (verdict.ok && !found(verdict)) return;
                }
            }
        }
    }

    /** Whether the order's asset is registered with an owner and the order is that owner's (cached per state). */
    private isAuthentic<K extends 'app' | 'dataset' | 'workerpool'>(
        state: MarketState,
        kind: K,
        prepared: Prepared<K>,
    ): boolean {
        if (prepared.hash === ZeroHash) return true;
        let cache = this.authentic.get(state.authenticity);
        if (cache === undefined) {
            cache = new Map();
            this.authentic.set(state.authenticity, cache);
        }
        let ok = cache.get(prepared.hash);
        if (ok === undefined) {
            const status = state.assets.get(assetKey(kind, prepared.address));
            ok = status?.owner !== undefined && status.registered && state.authenticity.get(prepared.hash) === 'valid';
            cache.set(prepared.hash, ok);
        }
        return ok;
    }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else list.push(value);
}

/** Every quadruple of the book `matchOrders` would accept now, each judged on its own. */
export function findMatches(book: Book | BookIndex, state: MarketState): Match[] {
    const index = book instanceof BookIndex ? book : new BookIndex(book);
    const matches: Match[] = [];
    for (const request of index.book.requests) {
        index.search(state, request, (match) => {
            matches.push(match);
            return true;
        });
    }
    return matches;
}

/**
 * The matches a broker makes, in order: for each request of the book, in book order, the cheapest
 * workerpool order (then the book's order) with any compatible app and dataset order, again while
 * the request has volume left. Each match is booked in a copy of `state` before the next is
 * sought, so that together they are what the hub accepts when submitted in this order.
 */
export function bestMatches(book: Book | BookIndex, state: MarketState): Match[] {
    const index = book instanceof BookIndex ? book : new BookIndex(book);
    const current = cloneState(state);
    const matches: Match[] = [];
    for (const request of index.book.requests) {
        for (;;) {
            let best: Match | undefined;
            index.search(current, request, (match) => {
                best = match;
                return false;
            });
            if (best === undefined) break;
            matches.push(best);
            applyMatch(current, best);
        }
    }
    return matches;
}

// ---------------------------------------------------------------------------------------------
// Chain
// ---------------------------------------------------------------------------------------------

/** The book of an order book file's entries, every order rehashed for the hub's domain. */
export function bookOf(entries: readonly OrderBookEntry[], domain: TypedDataDomain): Book {
    const book: Book = { apps: [], datasets: [], workerpools: [], requests: [] };
    for (const entry of entries) {
        const order = orderFromEntry(entry);
        const hash = hashOrder(domain, entry.kind, order as never);
        switch (entry.kind) {
            case 'app':
                book.apps.push({ kind: 'app', order: order as AppOrder, hash });
                break;
            case 'dataset':
                book.datasets.push({ kind: 'dataset', order: order as DatasetOrder, hash });
                break;
            case 'workerpool':
                book.workerpools.push({ kind: 'workerpool', order: order as WorkerpoolOrder, hash });
                break;
            default:
                book.requests.push({ kind: 'request', order: order as RequestOrder, hash });
        }
    }
    return book;
}

const HUB_ERRORS = new Interface([
    ...ClerkFacet__factory.abi.filter((entry) => entry.type === 'error'),
    ...IOrderManagement__factory.abi.filter((entry) => entry.type === 'error'),
    ...IEscrowLedger__factory.abi.filter((entry) => entry.type === 'error'),
]);

/**
 * The custom error a hub call reverted with (`matchOrders` and its checks: the Clerk's, the
 * signature and asset errors, the escrow's), decoded from an ethers error, or undefined.
 */
export function hubError(error: unknown): { name: string; args: unknown[] } | undefined {
    const data = (error as { data?: unknown })?.data;
    if (typeof data !== 'string' || data.length < 10) return undefined;
    try {
        const parsed = HUB_ERRORS.parseError(data);
        return parsed ? { name: parsed.name, args: [...parsed.args] } : undefined;
    } catch {
        return undefined;
    }
}

/** `Name(arg, ...)` for a decoded hub error. */
export function formatHubError({ name, args }: { name: string; args: unknown[] }): string {
    return `${name}(${args.map(String).join(', ')})`;
}

/**
 * What `matchOrders` would read for the orders of `book`, read from the hub: consumed volumes,
 * asset owners and registrations (the asset's `owner()` and the hub's registry), signatures and
 * presignatures (the hub's `verifyPresignatureOrSignature`), the restriction identities' answers
 * for the book's candidates, the escrow balances of requesters and schedulers, the workerpools'
 * policies and the number of categories.
 */
export async function loadMarketState(runner: ContractRunner, hub: string, book: Book): Promise<MarketState> {
    const provider = runner.provider;
    if (!provider) throw new Error('loadMarketState needs a runner with a provider');
    const configuration = ConfigurationFacet__factory.connect(hub, runner);
    const orders = OrderManagementFacet__factory.connect(hub, runner);
    const escrow = EscrowERC20Facet__factory.connect(hub, runner);
    const registries = {
        app: IRegistry__factory.connect(await configuration.appregistry(), runner),
        dataset: IRegistry__factory.connect(await configuration.datasetregistry(), runner),
        workerpool: IRegistry__factory.connect(await configuration.workerpoolregistry(), runner),
    };
    const state: MarketState = {
        hub,
        categoryCount: await CategoryManagerFacet__factory.connect(hub, runner).countCategory(),
        consumed: new Map(),
        assets: new Map(),
        authenticity: new Map(),
        identities: new Map(),
        balances: new Map(),
        policies: new Map(),
    };
    const all = [...book.apps, ...book.datasets, ...book.workerpools, ...book.requests];
    for (const { hash } of all) {
        if (hash !== ZeroHash) state.consumed.set(hash.toLowerCase(), await orders.viewConsumed(hash));
    }

    // Assets: owner() as the hub asks it, and registration in the hub's registry of the kind.
    const assetOf = (
        entry: BookOrder<OrderKind>,
    ): [kind: 'app' | 'dataset' | 'workerpool', asset: string] | undefined => {
        switch (entry.kind) {
            case 'app':
                return ['app', (entry.order as AppOrder).app];
            case 'dataset':
                return ['dataset', (entry.order as DatasetOrder).dataset];
            case 'workerpool':
                return ['workerpool', (entry.order as WorkerpoolOrder).workerpool];
            default:
                return undefined;
        }
    };
    for (const entry of all) {
        const target = assetOf(entry);
        if (target === undefined) continue;
        const [kind, asset] = target;
        const key = assetKey(kind, asset);
        if (state.assets.has(key)) continue;
        let owner: string | undefined;
        try {
            owner =
                (await provider.getCode(asset)) === '0x'
                    ? undefined
                    : await IRegistryEntry__factory.connect(asset, runner).owner();
        } catch {
            owner = undefined;
        }
        state.assets.set(
            key,
            owner === undefined
                ? { owner: undefined, registered: false }
                : { owner, registered: await registries[kind].isRegistered(asset) },
        );
        if (kind === 'workerpool' && owner !== undefined) {
            try {
                const pool = IWorkerpool__factory.connect(asset, runner);
                state.policies.set(lower(asset), {
                    workerStakeRatio: await pool.m_workerStakeRatioPolicy(),
                    schedulerRewardRatio: await pool.m_schedulerRewardRatioPolicy(),
                });
            } catch {
                // Not a workerpool: the hub rejects it before reading a policy.
            }
        }
    }

    // Signatures: the hub's own verdict for the current owner.
    for (const entry of all) {
        if (entry.hash === ZeroHash) continue;
        const target = assetOf(entry);
        const owner =
            target === undefined
                ? (entry.order as RequestOrder).requester
                : state.assets.get(assetKey(...target))?.owner;
        if (owner === undefined) continue;
        let authenticity: Authenticity;
        try {
            authenticity = (await orders.verifyPresignatureOrSignature(owner, entry.hash, entry.order.sign))
                ? 'valid'
                : 'invalid';
        } catch (error) {
            authenticity = hubError(error)?.name === 'SignatureInvalidLength' ? 'invalid-length' : 'invalid';
        }
        state.authenticity.set(entry.hash.toLowerCase(), authenticity);
    }

    // Restriction identities: every restriction with code, asked about the candidates it could meet.
    const candidates = {
        app: new Set(book.apps.map((e) => lower(e.order.app))),
        dataset: new Set([lower(ZeroAddress), ...book.datasets.map((e) => lower(e.order.dataset))]),
        workerpool: new Set(book.workerpools.map((e) => lower(e.order.workerpool))),
        requester: new Set(book.requests.map((e) => lower(e.order.requester))),
    };
    const restrictions: [string, keyof typeof candidates][] = [
        ...book.apps.flatMap((e) => [
            [e.order.datasetrestrict, 'dataset'],
            [e.order.workerpoolrestrict, 'workerpool'],
            [e.order.requesterrestrict, 'requester'],
        ]),
        ...book.datasets.flatMap((e) => [
            [e.order.apprestrict, 'app'],
            [e.order.workerpoolrestrict, 'workerpool'],
            [e.order.requesterrestrict, 'requester'],
        ]),
        ...book.workerpools.flatMap((e) => [
            [e.order.apprestrict, 'app'],
            [e.order.datasetrestrict, 'dataset'],
            [e.order.requesterrestrict, 'requester'],
        ]),
        ...book.requests.map((e): [string, keyof typeof candidates] => [e.order.workerpool, 'workerpool']),
    ] as [string, keyof typeof candidates][];
    const asked = new Set<string>();
    const identity = IERC734__factory.createInterface();
    for (const [restriction, kind] of restrictions) {
        const r = lower(restriction);
        if (r === lower(ZeroAddress) || asked.has(`${r}:${kind}`)) continue;
        asked.add(`${r}:${kind}`);
        if ((await provider.getCode(restriction)) === '0x') continue;
        const admitted = state.identities.get(r) ?? new Set<string>();
        state.identities.set(r, admitted);
        for (const candidate of candidates[kind]) {
            if (candidate === r) continue;
            // Exactly what the hub accepts: a call that succeeds with a first word equal to 1.
            try {
                const answer = await provider.call({
                    to: restriction,
                    data: identity.encodeFunctionData('keyHasPurpose', [
                        groupMemberKey(candidate),
                        GROUPMEMBER_PURPOSE,
                    ]),
                });
                if (answer.length >= 66 && toBigInt(answer.slice(0, 66)) === 1n) admitted.add(candidate);
            } catch {
                // A revert refuses.
            }
        }
    }

    // Balances of whoever may be locked from: requesters and schedulers.
    const accounts = new Set([
        ...book.requests.map((e) => lower(e.order.requester)),
        ...[...state.assets.entries()]
            .filter(([key, status]) => key.startsWith('workerpool:') && status.owner !== undefined)
            .map(([, status]) => lower(status.owner!)),
    ]);
    for (const account of accounts) state.balances.set(account, await escrow.balanceOf(account));
    return state;
}

/** A match sent to the hub, and what the hub says it made. */
export interface SubmittedMatch {
    match: Match;
    receipt: ContractTransactionReceipt;
    deal: MatchedOrders;
}

/** Send `matchOrders` for each match, in order, from `signer`; waits for each transaction. */
export async function submitMatches(signer: Signer, hub: string, matches: readonly Match[]): Promise<SubmittedMatch[]> {
    const clerk = ClerkFacet__factory.connect(hub, signer);
    const submitted: SubmittedMatch[] = [];
    for (const match of matches) {
        const tx = await clerk.matchOrders(
            match.app.order,
            match.dataset.order,
            match.workerpool.order,
            match.request.order,
        );
        const receipt = await tx.wait();
        if (receipt === null) throw new Error(`matchOrders transaction ${tx.hash} was dropped`);
        const [deal] = matchedOrdersOf(receipt, hub);
        submitted.push({ match, receipt, deal });
    }
    return submitted;
}

/**
 * The whole broker: read the book's state from the hub, pick the matches ({@link bestMatches}) and
 * submit them. Returns what was submitted (nothing when no quadruple matches).
 */
export async function matchBook(
    signer: Signer,
    hub: string,
    entries: readonly OrderBookEntry[],
): Promise<SubmittedMatch[]> {
    const book = bookOf(entries, await readDomain(hub, signer));
    const state = await loadMarketState(signer, hub, book);
    return submitMatches(signer, hub, bestMatches(book, state));
}
