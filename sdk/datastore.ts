/**
 * The data store: what a requester looks at to pick a dataset — the datasets registered on a hub
 * and the dataset orders of an order book, with the filters a requester applies.
 */
import { ZeroAddress, type ContractRunner } from 'ethers';
import { Dataset__factory, DatasetRegistry__factory, OrderManagementFacet__factory } from '../typechain-types';
import { orderFromEntry, type DatasetOrder, type OrderBookEntry } from './orders';
import { tokenIdToAddress } from './assets';

/** A registered dataset. */
export interface DatasetInfo {
    address: string;
    name: string;
    owner: string;
    multiaddr: string;
    checksum: string;
}

/** A dataset order of a book, with what is left of it on chain. */
export interface DatasetOffer {
    hash: string;
    order: DatasetOrder;
    /** Owner of the dataset (the provider), or undefined when it is not a registered dataset. */
    provider?: string;
    /** Volume not consumed yet (zero for a closed or used-up order). */
    remaining: bigint;
}

/** What a requester filters dataset orders by. */
export interface OfferFilter {
    /** Only orders this app may use (no app restriction, or this very app). */
    app?: string;
    /** Only orders of datasets owned by this account. */
    provider?: string;
    /** Only orders at most this price (nRLC per task). */
    maxPrice?: bigint;
}

/** Every dataset of a registry, in token order. */
export async function listDatasets(runner: ContractRunner, datasetRegistry: string): Promise<DatasetInfo[]> {
    const registry = DatasetRegistry__factory.connect(datasetRegistry, runner);
    const count = await registry.totalSupply();
    const datasets: DatasetInfo[] = [];
    for (let i = 0n; i < count; i++) {
        const address = tokenIdToAddress(await registry.tokenByIndex(i));
        const dataset = Dataset__factory.connect(address, runner);
        const [name, owner, multiaddr, checksum] = await Promise.all([
            dataset.m_datasetName(),
            registry.ownerOf(BigInt(address)),
            dataset.m_datasetMultiaddr(),
            dataset.m_datasetChecksum(),
        ]);
        datasets.push({ address, name, owner, multiaddr, checksum });
    }
    return datasets;
}

/**
 * The dataset orders of `book` that pass `filter`, with their provider and remaining volume read
 * from the hub; used-up and closed orders are left out.
 */
export async function datasetOffers(
    runner: ContractRunner,
    hub: string,
    datasetRegistry: string,
    book: OrderBookEntry[],
    filter: OfferFilter = {},
): Promise<DatasetOffer[]> {
    const orders = OrderManagementFacet__factory.connect(hub, runner);
    const registry = DatasetRegistry__factory.connect(datasetRegistry, runner);
    const offers: DatasetOffer[] = [];
    for (const entry of book) {
        if (entry.kind !== 'dataset') continue;
        const order = orderFromEntry(entry) as DatasetOrder;
        if (filter.maxPrice !== undefined && order.datasetprice > filter.maxPrice) continue;
        if (
            filter.app !== undefined &&
            order.apprestrict !== ZeroAddress &&
            order.apprestrict.toLowerCase() !== filter.app.toLowerCase()
        ) {
            continue;
        }
        const provider = (await registry.isRegistered(order.dataset))
            ? await Dataset__factory.connect(order.dataset, runner).owner()
            : undefined;
        if (filter.provider !== undefined && provider?.toLowerCase() !== filter.provider.toLowerCase()) continue;
        const consumed = await orders.viewConsumed(entry.hash);
        const volume = order.volume;
        const remaining = consumed >= volume ? 0n : volume - consumed;
        if (remaining === 0n) continue;
        offers.push({ hash: entry.hash, order, provider, remaining });
    }
    return offers;
}
