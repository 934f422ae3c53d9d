/**
 * The task side's fixtures and THE deal helper. The fixture (`loadTaskContext`,
 * `loadFundedContext`) is the real deployment (the deploy scripts, registries included) plus real
 * assets created through the registries, with named actors, snapshotted with `loadFixture`;
 * `createDeal` is the one place tests create deals.
 * `createDeal` has each order signed by its owner (`sdk/orders.ts`) and matched by the real Clerk
 * (`matchOrders`, or `sponsorMatchOrders` for a sponsored deal).
 */
import { artifacts, ethers } from 'hardhat';
import { clearSnapshots, loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { FixtureSnapshotError } from '@nomicfoundation/hardhat-network-helpers/dist/src/errors';
import { ZeroAddress, toUtf8Bytes, type ContractTransactionReceipt, type Signer } from 'ethers';
import type { HardhatEthersSigner } from '@nomicfoundation/hardhat-ethers/signers';
import {
    ClerkFacet__factory,
    ConsensusFacet__factory,
    DealViewsFacet__factory,
    EscrowERC20Facet__factory,
    FinalizationFacet__factory,
    TaskHarnessFacet__factory,
    TaskManagerFacet__factory,
    TaskViewsFacet__factory,
    Workerpool__factory,
} from '../../typechain-types';
import { createApp, createDataset, createWorkerpool } from '../../sdk/assets';
import { addCut } from '../../sdk/diamond';
import { deposit } from '../../sdk/escrow';
import type { Flavour } from '../../sdk/networks';
import {
    createAppOrder,
    createDatasetOrder,
    createRequestOrder,
    createWorkerpoolOrder,
    nullDatasetOrder,
    orderOwner,
    readDomain,
    signOrder,
    signOrderForWallet,
    type OrderByKind,
    type OrderKind,
    type RequestOrder,
} from '../../sdk/orders';
import { SchedulerRole, WorkerRole } from '../../sdk/roles';
import { NO_TAG } from '../../sdk/tags';
import { taskIdsOf } from '../../sdk/tasks';
import { NRLC_PER_RLC } from '../../sdk/units';
import { freshPoco } from './fixtures';
import { pinNonce } from './gas';
import { recordHub } from './tasks';

/** Test-only facets of the task side. */
export const TASK_TEST_FACETS = ['TaskHarnessFacet'] as const;

/** Default categories (DiamondInit): id → work-clock reference in seconds. */
export const CATEGORY_TIMEREF = [300n, 1_200n, 3_600n, 10_800n, 36_000n] as const;

/** Typed handles on the task side of a hub, connected to `runner`. */
export function taskHandles(hubAddress: string, runner: Signer) {
    return {
        tasks: TaskManagerFacet__factory.connect(hubAddress, runner),
        consensus: ConsensusFacet__factory.connect(hubAddress, runner),
        finalization: FinalizationFacet__factory.connect(hubAddress, runner),
        views: TaskViewsFacet__factory.connect(hubAddress, runner),
        erc20: EscrowERC20Facet__factory.connect(hubAddress, runner),
        clerk: ClerkFacet__factory.connect(hubAddress, runner),
        deals: DealViewsFacet__factory.connect(hubAddress, runner),
        taskHarness: TaskHarnessFacet__factory.connect(hubAddress, runner),
    };
}

/**
 * The real deployment of a flavour, the task-side test facets cut in, and an app, a dataset and a
 * workerpool created through the registries for their owners. With `funded`, the requester,
 * sponsor, scheduler and workers hold {@link FUNDED_AMOUNT} in the escrow; else nobody does and
 * tests fund what they need ({@link fund}). Signers: 0 deployer (hub owner, holds the RLC),
 * 1 app owner, 2 dataset owner, 3 scheduler, 4 requester, 5 sponsor, 6-10 workers, 11 TEE
 * broker, 12 stranger.
 */
async function buildTaskContext(flavour: Flavour, funded: boolean) {
    const poco = await freshPoco({ flavour });
    const { deployer, signers, hubAddress } = poco;
    const facets = [];
    for (const name of TASK_TEST_FACETS) {
        const facet = await ethers.deployContract(name, deployer);
        facets.push({ name, address: await facet.getAddress(), abi: artifacts.readArtifactSync(name).abi });
    }
    await (await poco.hub.cut.diamondCut(addCut(facets), ZeroAddress, '0x')).wait();

    const [, appOwner, datasetOwner, scheduler, requester, sponsor, w1, w2, w3, w4, w5, broker, stranger] = signers;
    const checksum = ethers.id('checksum');
    const app = await createApp(poco.appRegistry, appOwner.address, {
        name: 'app',
        type: 'DOCKER',
        multiaddr: toUtf8Bytes('docker.io/test/app:1.0.0'),
        checksum,
        mrenclave: '0x',
    });
    const dataset = await createDataset(poco.datasetRegistry, datasetOwner.address, {
        name: 'dataset',
        multiaddr: toUtf8Bytes('https://data.test/d.zip'),
        checksum,
    });
    const workerpool = await createWorkerpool(poco.workerpoolRegistry, scheduler.address, { description: 'pool' });
    const context = {
        ...poco,
        flavour,
        task: taskHandles(hubAddress, deployer),
        assets: { app: app.address, dataset: dataset.address, workerpool: workerpool.address },
        actors: { appOwner, datasetOwner, scheduler, requester, sponsor, broker, stranger },
        workers: [w1, w2, w3, w4, w5],
    };
    if (funded) await fund(context, [requester, sponsor, scheduler, w1, w2, w3, w4, w5], FUNDED_AMOUNT);
    return context;
}

/** The `loadFixture` fixtures (one function each, so that they are cached). */
const FIXTURES = {
    token: { empty: () => buildTaskContext('token', false), funded: () => buildTaskContext('token', true) },
    native: { empty: () => buildTaskContext('native', false), funded: () => buildTaskContext('native', true) },
};

export type TaskContext = Awaited<ReturnType<typeof buildTaskContext>>;

/** The fixture without escrow balances, its hub recorded as the network's deployment (for tasks). */
export async function loadTaskContext(flavour: Flavour = 'token'): Promise<TaskContext> {
    const context = await loadFixture(FIXTURES[flavour].empty);
    await recordHub(context.hubAddress);
    return context;
}

/** What the funded fixture credits to each actor's escrow. */
export const FUNDED_AMOUNT = 1_000n * NRLC_PER_RLC;

/** The fixture with {@link FUNDED_AMOUNT} in the escrow of the requester, sponsor, scheduler and workers. */
export async function loadFundedContext(flavour: Flavour = 'token'): Promise<TaskContext> {
    const context = await loadFixture(FIXTURES[flavour].funded);
    await recordHub(context.hubAddress);
    return context;
}

/** Account #0's nonce when {@link loadGasContext} deploys: its contracts land at fixed addresses. */
export const GAS_CONTEXT_NONCE = 5_000_000;

/** The funded token-flavour fixture deployed at {@link GAS_CONTEXT_NONCE} (see `pinNonce`). */
async function gasContextFixture() {
    const [deployer] = await ethers.getSigners();
    await pinNonce(deployer.address, GAS_CONTEXT_NONCE);
    return buildTaskContext('token', true);
}

/**
 * {@link loadFundedContext} at fixed addresses (token flavour), for gas figures that must not
 * depend on the tests run before: with fixed order salts, every calldata byte is then fixed.
 * Starts afresh when its snapshot was invalidated by a revert to an older one.
 */
export async function loadGasContext(): Promise<TaskContext> {
    let context: TaskContext;
    try {
        context = await loadFixture(gasContextFixture);
    } catch (error) {
        if (!(error instanceof FixtureSnapshotError)) throw error;
        await clearSnapshots();
        context = await loadFixture(gasContextFixture);
    }
    await recordHub(context.hubAddress);
    return context;
}

/** Every account of the fixture that may hold escrow (for conservation checks). */
export function everyone(context: TaskContext): string[] {
    return [...Object.values(context.actors), ...context.workers].map((signer) => signer.address);
}

/** Credit `amount` nRLC to the escrow of each of `accounts` (the deployer pays). */
export async function fund(context: TaskContext, accounts: (string | { address: string })[], amount: bigint) {
    for (const account of accounts) {
        const target = typeof account === 'string' ? account : account.address;
        await deposit(context.deployer, context.hubAddress, amount, { target });
    }
}

/** What a deal is made of; everything but the prices has a default. */
export interface DealOptions {
    appPrice?: bigint;
    datasetPrice?: bigint;
    workerpoolPrice?: bigint;
    /** Without a dataset by default. */
    withDataset?: boolean;
    volume?: bigint;
    /** Request trust (0 and 1 both give a deal of trust 1). */
    trust?: bigint;
    /** Default: 0 (XS). */
    category?: bigint;
    /** The request order's tag (bit 0: TEE). */
    tag?: string;
    callback?: string;
    beneficiary?: string;
    params?: string;
    /** Default: the fixture's requester. */
    requester?: HardhatEthersSigner;
    /** Who pays, if not the requester (`sponsorMatchOrders`). */
    sponsor?: HardhatEthersSigner;
    /** Default: the fixture's workerpool. */
    workerpool?: string;
    /** Default: the fixture's app. */
    app?: string;
    /** The request order's volume, when it differs from the deal's (`volume` bounds the others). */
    requestVolume?: bigint;
    /** Match this request order again (the next deal of a partially consumed request). */
    request?: RequestOrder;
    /** The request order's salt (default: random). */
    salt?: string;
    /** The other orders' salts (default: random), for gas figures whose calldata must not vary. */
    orderSalts?: { app?: string; dataset?: string; workerpool?: string };
    /** The key of the ERC-1271 wallet that owns the workerpool, when a wallet does (it signs for it). */
    workerpoolWalletKey?: HardhatEthersSigner;
}

/** A deal just created, and what tests read from it. */
export interface CreatedDeal {
    dealId: string;
    botFirst: bigint;
    volume: bigint;
    taskIds: string[];
    receipt: ContractTransactionReceipt;
    /** The deal as `viewDeal` returns it. */
    deal: Awaited<ReturnType<TaskContext['task']['deals']['viewDeal']>>;
    /** The request order matched (to match it again). */
    request: RequestOrder;
}

/** The four orders {@link createDeal} matches for `options` (built with `sdk/orders.ts`). */
export function dealOrders(context: TaskContext, options: DealOptions = {}) {
    const requester = options.requester ?? context.actors.requester;
    const volume = options.volume ?? 1n;
    const category = options.category ?? 0n;
    const trust = options.trust ?? 1n;
    const tag = options.tag ?? NO_TAG;
    const app = options.app ?? context.assets.app;
    const workerpool = options.workerpool ?? context.assets.workerpool;
    const salts = options.orderSalts ?? {};
    const saltOf = (salt?: string) => (salt === undefined ? {} : { salt });
    const appOrder = createAppOrder({ app, appprice: options.appPrice ?? 0n, volume, tag, ...saltOf(salts.app) });
    const datasetOrder = options.withDataset
        ? createDatasetOrder({
              dataset: context.assets.dataset,
              datasetprice: options.datasetPrice ?? 0n,
              volume,
              ...saltOf(salts.dataset),
          })
        : nullDatasetOrder();
    const workerpoolOrder = createWorkerpoolOrder({
        workerpool,
        workerpoolprice: options.workerpoolPrice ?? 0n,
        volume,
        tag,
        category,
        trust,
        ...saltOf(salts.workerpool),
    });
    const requestOrder: RequestOrder =
        options.request ??
        createRequestOrder({
            app,
            appmaxprice: appOrder.appprice,
            dataset: datasetOrder.dataset,
            datasetmaxprice: datasetOrder.datasetprice,
            workerpool,
            workerpoolmaxprice: workerpoolOrder.workerpoolprice,
            requester: requester.address,
            volume: options.requestVolume ?? volume,
            tag,
            category,
            trust,
            callback: options.callback ?? ZeroAddress,
            beneficiary: options.beneficiary ?? requester.address,
            params: options.params ?? '',
            ...(options.salt === undefined ? {} : { salt: options.salt }),
        });
    return { appOrder, datasetOrder, workerpoolOrder, requestOrder };
}

/**
 * `order` signed by its owner, who must be one of the fixture's signers, or signed for an ERC-1271
 * wallet owner by `walletKey`, the key it accepts.
 */
async function signedByOwner<K extends OrderKind>(
    context: TaskContext,
    kind: K,
    order: OrderByKind[K],
    walletKey?: HardhatEthersSigner,
): Promise<OrderByKind[K]> {
    const domain = await readDomain(context.hubAddress, context.deployer);
    const owner = await orderOwner(context.deployer, kind, order);
    const signer = context.signers.find((s) => s.address === owner);
    if (signer !== undefined) return signOrder(signer, domain, kind, order);
    if (walletKey !== undefined) return signOrderForWallet(walletKey, domain, kind, order);
    throw new Error(`the ${kind} order's owner ${owner} is not a test signer and no wallet key is given`);
}

/**
 * Create a deal between the fixture's assets from {@link dealOrders}, each order signed by its
 * owner and matched by the Clerk: `matchOrders` sent by the requester, or `sponsorMatchOrders`
 * sent by the sponsor. The payer must hold the price × volume (and the scheduler its stake) in
 * its escrow.
 */
export async function createDeal(context: TaskContext, options: DealOptions = {}): Promise<CreatedDeal> {
    const payer = options.sponsor ?? options.requester ?? context.actors.requester;
    const orders = dealOrders(context, options);
    const signed = [
        await signedByOwner(context, 'app', orders.appOrder),
        options.withDataset ? await signedByOwner(context, 'dataset', orders.datasetOrder) : orders.datasetOrder,
        await signedByOwner(context, 'workerpool', orders.workerpoolOrder, options.workerpoolWalletKey),
        await signedByOwner(context, 'request', orders.requestOrder),
    ] as const;
    const clerk = context.task.clerk.connect(payer);
    const tx = options.sponsor ? await clerk.sponsorMatchOrders(...signed) : await clerk.matchOrders(...signed);
    const receipt = (await tx.wait())!;
    const matched = receipt.logs
        .map((log) => clerk.interface.parseLog(log))
        .find((parsed) => parsed?.name === 'OrdersMatched');
    if (!matched) throw new Error('no OrdersMatched event');
    const dealId = matched.args.dealid as string;
    const deal = await context.task.deals.viewDeal(dealId);
    return {
        dealId,
        botFirst: deal.botFirst,
        volume: deal.botSize,
        taskIds: taskIdsOf(dealId, deal.botFirst, deal.botSize),
        receipt,
        deal,
        request: orders.requestOrder,
    };
}

/** A deal created by {@link createDeal} with its first task initialized (by the scheduler). */
export async function initializedTask(context: TaskContext, options: DealOptions = {}) {
    const deal = await createDeal(context, options);
    const { scheduler } = rolesOf(context);
    await (await scheduler.initialize(deal.dealId, deal.botFirst)).wait();
    return { ...deal, taskId: deal.taskIds[0] };
}

/** The scheduler and workers of the fixture as typed roles. */
export function rolesOf(context: TaskContext) {
    return {
        scheduler: new SchedulerRole(context.actors.scheduler, context.hubAddress),
        workers: context.workers.map((w) => new WorkerRole(w, context.hubAddress)),
        anyone: new SchedulerRole(context.actors.stranger, context.hubAddress),
    };
}

/** Set the fixture workerpool's policy (as its owner): worker stake ratio and scheduler reward ratio. */
export async function setPolicy(context: TaskContext, workerStakeRatio: bigint, schedulerRewardRatio: bigint) {
    await Workerpool__factory.connect(context.assets.workerpool, context.actors.scheduler).changePolicy(
        workerStakeRatio,
        schedulerRewardRatio,
    );
}

/** 1 RLC in nRLC. */
export const RLC = NRLC_PER_RLC;
