/**
 * Test defaults over `sdk/orders.ts` (the only order builder): a hub with the order facets, one
 * mock asset per kind with its owner, and per-kind accessors so that one behaviour suite runs for
 * the four kinds of orders.
 */
import { ethers } from 'hardhat';
import { ZeroAddress } from 'ethers';
import type { HardhatEthersSigner } from '@nomicfoundation/hardhat-ethers/signers';
import {
    CategoryManagerFacet__factory,
    ERC1271WalletMock__factory,
    OrderManagementFacet__factory,
    OwnableAssetMock__factory,
    RelayFacet__factory,
    type OwnableAssetMock,
} from '../../typechain-types';
import {
    createAppOrder,
    createOrder,
    createRequestOrder,
    createWorkerpoolOrder,
    nullDatasetOrder,
    readDomain,
    type AppOrder,
    type DatasetOrder,
    type OrderByKind,
    type OrderKind,
    type RequestOrder,
    type WorkerpoolOrder,
} from '../../sdk/orders';
import { deployDiamondCore } from './diamond';

/** The facets of the order side. */
export const ORDER_FACETS = ['OrderManagementFacet', 'RelayFacet', 'CategoryManagerFacet'] as const;

/**
 * A hub with the order facets (directly deployed: the registries are not needed here), an app, a
 * dataset and a workerpool (mock assets whose owner can be changed, as an NFT transfer would), and
 * an ERC-1271 wallet controlled by `walletKey`.
 */
export async function deployOrdersHub() {
    const core = await deployDiamondCore({ facets: ORDER_FACETS });
    const [, , appOwner, datasetOwner, scheduler, requester, stranger, walletKey] = await ethers.getSigners();
    const deployAsset = async (owner: HardhatEthersSigner) =>
        new OwnableAssetMock__factory(core.owner).deploy(owner.address);
    const assets: Record<Exclude<OrderKind, 'request'>, OwnableAssetMock> = {
        app: await deployAsset(appOwner),
        dataset: await deployAsset(datasetOwner),
        workerpool: await deployAsset(scheduler),
    };
    const wallet = await new ERC1271WalletMock__factory(core.owner).deploy(walletKey.address);
    const { hubAddress } = core;
    return {
        ...core,
        domain: await readDomain(hubAddress, core.owner),
        orders: OrderManagementFacet__factory.connect(hubAddress, core.owner),
        relay: RelayFacet__factory.connect(hubAddress, core.owner),
        categories: CategoryManagerFacet__factory.connect(hubAddress, core.owner),
        assets,
        wallet,
        actors: { appOwner, datasetOwner, scheduler, requester, stranger, walletKey },
    };
}

export type OrdersHub = Awaited<ReturnType<typeof deployOrdersHub>>;

/** Per-kind access to an {@link OrdersHub}, for suites written once for the four kinds. */
export interface OrderKindSetup<K extends OrderKind> {
    kind: K;
    /** The owner of the kind's orders: the asset's owner, or the requester. */
    owner: HardhatEthersSigner;
    /** An order of this kind owned by `owner` (volume 10), or by `ownerAddress` for a request. */
    order(fields?: Partial<OrderByKind[K]>, ownerAddress?: string): OrderByKind[K];
    /**
     * Make `newOwner` the owner of the kind's orders: an asset changes hands (what an NFT
     * transfer does); for requests, undefined (the owner is a field of the order).
     */
    transfer?: (newOwner: string) => Promise<void>;
    /** The kind's asset, if any. */
    asset?: OwnableAssetMock;
}

/** The {@link OrderKindSetup} of a kind. */
export async function orderKindSetup<K extends OrderKind>(hub: OrdersHub, kind: K): Promise<OrderKindSetup<K>> {
    const { appOwner, datasetOwner, scheduler, requester } = hub.actors;
    const volume = 10n;
    if (kind === 'request') {
        const app = await hub.assets.app.getAddress();
        return {
            kind,
            owner: requester,
            order: (fields = {}, ownerAddress = requester.address) =>
                createOrder(kind, { app, requester: ownerAddress, volume, ...fields } as Partial<OrderByKind[K]>),
        };
    }
    const assetKind = kind as Exclude<OrderKind, 'request'>;
    const asset = hub.assets[assetKind];
    const address = await asset.getAddress();
    const owner = { app: appOwner, dataset: datasetOwner, workerpool: scheduler }[assetKind];
    return {
        kind,
        owner,
        asset,
        order: (fields = {}) => createOrder(kind, { [kind]: address, volume, ...fields } as Partial<OrderByKind[K]>),
        transfer: async (newOwner) => {
            await (await asset.setOwner(newOwner)).wait();
        },
    };
}

/** `App`, `Dataset`, ... : the kind as it appears in function and event names. */
export function kindName(kind: OrderKind): 'App' | 'Dataset' | 'Workerpool' | 'Request' {
    return ({ app: 'App', dataset: 'Dataset', workerpool: 'Workerpool', request: 'Request' } as const)[kind];
}

/**
 * Four unsigned orders for calldata-level tests of the deposit-and-match path (`receiveApproval`
 * with `matchOrders` data), where only the request order's requester, `appmaxprice` and `params`
 * matter.
 */
export function unsignedOrders(request: {
    requester: string;
    appmaxprice?: bigint;
    params?: string;
}): [AppOrder, DatasetOrder, WorkerpoolOrder, RequestOrder] {
    return [
        createAppOrder({ app: ZeroAddress, volume: 1n }),
        nullDatasetOrder(),
        createWorkerpoolOrder({ workerpool: ZeroAddress, volume: 1n }),
        createRequestOrder({
            app: ZeroAddress,
            requester: request.requester,
            appmaxprice: request.appmaxprice ?? 0n,
            params: request.params ?? '',
        }),
    ];
}
