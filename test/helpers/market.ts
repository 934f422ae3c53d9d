/**
 * A marketplace on the real deployment (`deployPoco`): an app, a dataset and a workerpool created
 * through their registries, named actors with escrowed RLC, and the four orders of a match built
 * and signed with `sdk/orders.ts` (the only order builder). For the Clerk's tests, its gas tests,
 * the broker and the `order:`/`deal:` tasks.
 */
import { ethers } from 'hardhat';
import { ZeroHash, id, toUtf8Bytes, type Signer } from 'ethers';
import { clearSnapshots, loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { FixtureSnapshotError } from '@nomicfoundation/hardhat-network-helpers/dist/src/errors';
import { ERC734IdentityMock__factory } from '../../typechain-types';
import { createApp, createDataset, createWorkerpool } from '../../sdk/assets';
import { GROUPMEMBER_PURPOSE, groupMemberKey } from '../../sdk/broker';
import { deposit } from '../../sdk/escrow';
import {
    createAppOrder,
    createDatasetOrder,
    createRequestOrder,
    createWorkerpoolOrder,
    hashOrder,
    nullDatasetOrder,
    readDomain,
    signOrder,
    type AppOrder,
    type DatasetOrder,
    type RequestOrder,
    type WorkerpoolOrder,
} from '../../sdk/orders';
import { NRLC_PER_RLC } from '../../sdk/units';
import type { Flavour } from '../../sdk/networks';
import { freshPoco } from './fixtures';
import { pinNonce } from './gas';
import { recordHub } from './tasks';

/** The RLC each actor holds in escrow at the start (free balance). */
export const ESCROWED = 1_000n * NRLC_PER_RLC;

/** Realistic request params (what the iexec SDK puts in a request order). */
export const PARAMS = '{"iexec_args":"hello"}';

/** Prices per task of the default orders (nRLC). */
export const PRICES = { app: 3n * NRLC_PER_RLC, dataset: NRLC_PER_RLC, workerpool: 10n * NRLC_PER_RLC } as const;

/** The four orders of a match; `dataset` is the null dataset order for a match without dataset. */
export interface Orders {
    app: AppOrder;
    dataset: DatasetOrder;
    workerpool: WorkerpoolOrder;
    request: RequestOrder;
}

/** The orders as `matchOrders` takes them. */
export function matchArgs(orders: Orders): [AppOrder, DatasetOrder, WorkerpoolOrder, RequestOrder] {
    return [orders.app, orders.dataset, orders.workerpool, orders.request];
}

async function createMarket(flavour: Flavour) {
    const poco = await freshPoco({ flavour });
    const [deployer, appOwner, datasetOwner, scheduler, requester, sponsor, stranger, walletKey] = poco.signers;
    const app = await createApp(poco.appRegistry.connect(appOwner), appOwner.address, {
        name: 'hello-world',
        type: 'DOCKER',
        multiaddr: toUtf8Bytes('docker.io/iexechub/hello-world:1.0.0'),
        checksum: '0x' + '11'.repeat(32),
        mrenclave: '0x',
    });
    const dataset = await createDataset(poco.datasetRegistry.connect(datasetOwner), datasetOwner.address, {
        name: 'dataset',
        multiaddr: toUtf8Bytes('ipfs://QmSomeDataset'),
        checksum: '0x' + '22'.repeat(32),
    });
    const workerpool = await createWorkerpool(poco.workerpoolRegistry.connect(scheduler), scheduler.address, {
        description: 'pool',
    });
    // Every actor escrows RLC; on the token flavour the deployer holds the whole RLC supply.
    const funded = [requester, sponsor, scheduler, appOwner, datasetOwner, stranger];
    for (const actor of funded) {
        if (poco.rlc) await (await poco.rlc.transfer(actor.address, 2n * ESCROWED)).wait();
        await deposit(actor, poco.hubAddress, ESCROWED);
    }
    return {
        ...poco,
        domain: await readDomain(poco.hubAddress, deployer),
        actors: { deployer, appOwner, datasetOwner, scheduler, requester, sponsor, stranger, walletKey },
        assets: { app: app.address, dataset: dataset.address, workerpool: workerpool.address },
    };
}

function tokenMarketFixture() {
    return createMarket('token');
}

function nativeMarketFixture() {
    return createMarket('native');
}

/** Account #0's nonce when the gas market is deployed: its contracts land at fixed addresses. */
export const GAS_MARKET_NONCE = 1_000_000;

async function gasMarketFixture() {
    const [deployer] = await ethers.getSigners();
    await pinNonce(deployer.address, GAS_MARKET_NONCE);
    return createMarket('token');
}

/**
 * `loadFixture(fixture)`, starting afresh when its snapshot was invalidated by a revert to an older
 * one (hardhat-deploy fixtures revert to theirs). The fixture itself reverts nothing: it deploys
 * from scratch, so that it never invalidates other files' snapshots.
 */
async function loadMarket(fixture: () => Promise<Market>): Promise<Market> {
    let market: Market;
    try {
        market = await loadFixture(fixture);
    } catch (error) {
        if (!(error instanceof FixtureSnapshotError)) throw error;
        await clearSnapshots();
        market = await loadFixture(fixture);
    }
    // Where tasks look for the hub (the record lives outside the chain: a revert does not restore it).
    await recordHub(market.hubAddress);
    return market;
}

/** The token-flavour marketplace (snapshotted: each call starts from a fresh copy). */
export function deployMarket(): Promise<Market> {
    return loadMarket(tokenMarketFixture);
}

/**
 * The token-flavour marketplace at fixed addresses, for gas figures that must not depend on the
 * tests run before (see `pinNonce`). Orders measured on it should have fixed salts ({@link saltOf}).
 */
export function deployGasMarket(): Promise<Market> {
    return loadMarket(gasMarketFixture);
}

/** A fixed order salt: keccak256 of a label. */
export function saltOf(label: string): string {
    return id(label);
}

/** The native-flavour marketplace. */
export function deployNativeMarket(): Promise<Market> {
    return loadMarket(nativeMarketFixture);
}

export type Market = Awaited<ReturnType<typeof createMarket>>;

/** Field overrides of each order; `dataset: null` for a match without dataset. */
export interface OrderFields {
    app?: Partial<AppOrder>;
    dataset?: Partial<DatasetOrder> | null;
    workerpool?: Partial<WorkerpoolOrder>;
    request?: Partial<RequestOrder>;
}

/**
 * Four compatible unsigned orders on the market's assets (volume 1 each, the default prices, the
 * requester as beneficiary, realistic params), with `fields` applied; the request names the app
 * and dataset of the orders unless given.
 */
export function buildOrders(market: Market, fields: OrderFields = {}): Orders {
    const { assets, actors } = market;
    const app = createAppOrder({ app: assets.app, appprice: PRICES.app, ...fields.app });
    const dataset =
        fields.dataset === null
            ? nullDatasetOrder()
            : createDatasetOrder({ dataset: assets.dataset, datasetprice: PRICES.dataset, ...fields.dataset });
    const workerpool = createWorkerpoolOrder({
        workerpool: assets.workerpool,
        workerpoolprice: PRICES.workerpool,
        ...fields.workerpool,
    });
    const request = createRequestOrder({
        app: app.app,
        dataset: dataset.dataset,
        requester: actors.requester.address,
        appmaxprice: app.appprice,
        datasetmaxprice: dataset.datasetprice,
        workerpoolmaxprice: workerpool.workerpoolprice,
        params: PARAMS,
        ...fields.request,
    });
    return { app, dataset, workerpool, request };
}

/** Who signs each kind of order by default: the assets' owners and the requester. */
export function defaultSigners(market: Market): Record<keyof Orders, Signer> {
    const { appOwner, datasetOwner, scheduler, requester } = market.actors;
    return { app: appOwner, dataset: datasetOwner, workerpool: scheduler, request: requester };
}

/**
 * The orders signed by their owners (EIP-712, `sdk/orders.ts`); `signers` overrides who signs
 * which; the null dataset order is left unsigned.
 */
export async function signOrders(
    market: Market,
    orders: Orders,
    signers: Partial<Record<keyof Orders, Signer>> = {},
): Promise<Orders> {
    const by = { ...defaultSigners(market), ...signers };
    const { domain } = market;
    return {
        app: await signOrder(by.app, domain, 'app', orders.app),
        dataset:
            orders.dataset.dataset === nullDatasetOrder().dataset
                ? orders.dataset
                : await signOrder(by.dataset, domain, 'dataset', orders.dataset),
        workerpool: await signOrder(by.workerpool, domain, 'workerpool', orders.workerpool),
        request: await signOrder(by.request, domain, 'request', orders.request),
    };
}

/** {@link buildOrders} then {@link signOrders}. */
export function signedOrders(market: Market, fields: OrderFields = {}): Promise<Orders> {
    return signOrders(market, buildOrders(market, fields));
}

/** The hashes of the orders on the market's hub (zero for the null dataset order, as the hub reports it). */
export function orderHashes(market: Market, orders: Orders) {
    const { domain } = market;
    return {
        app: hashOrder(domain, 'app', orders.app),
        dataset:
            orders.dataset.dataset === nullDatasetOrder().dataset
                ? ZeroHash
                : hashOrder(domain, 'dataset', orders.dataset),
        workerpool: hashOrder(domain, 'workerpool', orders.workerpool),
        request: hashOrder(domain, 'request', orders.request),
    };
}

/** `matchOrders(orders)` sent by `sender` (default: the deployer, a third party). */
export function match(market: Market, orders: Orders, sender?: Signer) {
    const clerk = sender ? market.hub.clerk.connect(sender) : market.hub.clerk;
    return clerk.matchOrders(...matchArgs(orders));
}

/** An ERC-734 identity admitting `members` (their keys get the group-member purpose). */
export async function deployIdentity(market: Market, members: string[] = []) {
    const identity = await new ERC734IdentityMock__factory(market.deployer).deploy();
    for (const member of members) await (await identity.addKey(groupMemberKey(member), GROUPMEMBER_PURPOSE)).wait();
    return identity;
}

/** Free and frozen escrow balances of accounts. */
export async function escrowOf(market: Market, accounts: string[]): Promise<{ free: bigint; frozen: bigint }[]> {
    return Promise.all(
        accounts.map(async (account) => {
            const { stake, locked } = await market.hub.erc20.viewAccount(account);
            return { free: stake, frozen: locked };
        }),
    );
}
