/**
 * The market side of `npm run demo` (scripts/demo.ts): the encrypted dataset file and the order
 * book, every order built and signed with `sdk/orders.ts` by its owner.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Signer, TypedDataDomain } from 'ethers';
import { decryptDataset, encryptDatasetFile } from '../../sdk/dataset-crypto';
import {
    createAppOrder,
    createDatasetOrder,
    createRequestOrder,
    createWorkerpoolOrder,
    hashOrder,
    orderToJson,
    signOrder,
    type OrderBookEntry,
    type OrderByKind,
    type OrderKind,
} from '../../sdk/orders';
import { buildTag, NO_TAG } from '../../sdk/tags';
import { NRLC_PER_RLC as RLC } from '../../sdk/units';

/** Per-task prices, in nRLC. */
export const PRICES = { app: 2n * RLC, dataset: 1n * RLC, workerpool: 10n * RLC, teeWorkerpool: 5n * RLC };
/** Three agreeing fresh workers reach consensus at trust 5 to 8, two do not (consensus.md §5.4). */
export const REPLICATED_TRUST = 5n;
export const TEE_TAG = buildTag(['TEE']);

/** A generated CSV file encrypted with `sdk/dataset-crypto.ts` into a fresh temporary directory. */
export async function encryptedDatasetFile() {
    const workdir = mkdtempSync(join(tmpdir(), 'poco-demo-'));
    const plain = join(workdir, 'weather.csv');
    const plaintext = ['day,city,celsius', ...Array.from({ length: 30 }, (_, d) => `${d + 1},Lyon,${10 + (d % 7)}`)];
    writeFileSync(plain, `${plaintext.join('\n')}\n`);
    const encrypted = join(workdir, 'weather.csv.enc');
    const keyFile = join(workdir, 'weather.key');
    const { checksum, size } = await encryptDatasetFile(plain, encrypted, keyFile);
    const roundTrip = decryptDataset(readFileSync(encrypted), readFileSync(keyFile, 'utf8'));
    return { encrypted, checksum, size, decryptsBack: roundTrip.equals(readFileSync(plain)) };
}

/** Who signs the orders, and what they sell or buy. */
export interface DemoMarket {
    domain: TypedDataDomain;
    app: string;
    dataset: string;
    workerpool: string;
    appOwner: Signer;
    datasetOwner: Signer;
    scheduler: Signer;
    requester: Signer;
}

/**
 * The demo's order book: a standard and a TEE app order, a dataset order, a replicated (trust 5)
 * and a TEE (trust 1) workerpool order, and two requests (one replicated, one TEE) on the dataset.
 */
export async function demoOrderBook(market: DemoMarket): Promise<OrderBookEntry[]> {
    const { domain, app, dataset, workerpool, appOwner, datasetOwner, scheduler, requester } = market;
    const entries: OrderBookEntry[] = [];
    const publish = async <K extends OrderKind>(signer: Signer, kind: K, order: OrderByKind[K]) => {
        const signedOrder = await signOrder(signer, domain, kind, order);
        entries.push({ kind, order: orderToJson(kind, signedOrder), hash: hashOrder(domain, kind, signedOrder) });
    };
    await publish(appOwner, 'app', createAppOrder({ app: app, appprice: PRICES.app, volume: 10n }));
    await publish(appOwner, 'app', createAppOrder({ app: app, appprice: PRICES.app, volume: 10n, tag: TEE_TAG }));
    await publish(
        datasetOwner,
        'dataset',
        createDatasetOrder({ dataset: dataset, datasetprice: PRICES.dataset, volume: 10n }),
    );
    await publish(
        scheduler,
        'workerpool',
        createWorkerpoolOrder({
            workerpool: workerpool,
            workerpoolprice: PRICES.workerpool,
            trust: REPLICATED_TRUST,
        }),
    );
    await publish(
        scheduler,
        'workerpool',
        createWorkerpoolOrder({
            workerpool: workerpool,
            workerpoolprice: PRICES.teeWorkerpool,
            tag: TEE_TAG,
            trust: 1n,
        }),
    );
    const requesterAddress = await requester.getAddress();
    const request = (tag: string, trust: bigint, params: string) =>
        createRequestOrder({
            app: app,
            appmaxprice: PRICES.app,
            dataset: dataset,
            datasetmaxprice: PRICES.dataset,
            workerpoolmaxprice: PRICES.workerpool,
            requester: requesterAddress,
            tag,
            trust,
            params,
        });
    await publish(requester, 'request', request(NO_TAG, REPLICATED_TRUST, '{"args":"--month 2026-01"}'));
    await publish(requester, 'request', request(TEE_TAG, 1n, '{"args":"--month 2026-02","tee":true}'));
    return entries;
}
