/**
 * `npm run bench:broker`: how long the broker (`sdk/broker.ts`) takes to match a book of 10,000
 * orders held in memory (no chain: the market state is synthetic, every order authentic and every
 * account funded, so that the figure is the matching alone).
 *
 * The book, from a fixed seed: 100 apps with 20 app orders each, 50 datasets with 20 dataset
 * orders each, 20 workerpools spread over the 5 default categories with 50 orders each, and 6,000
 * request orders (70 % without dataset); volumes 1–10, prices up to 10 RLC, a TEE tag on a tenth of
 * the orders and a requester restriction on a twentieth.
 */
import { ZeroAddress, getAddress, hexlify } from 'ethers';
import { performance } from 'perf_hooks';
import { BookIndex, assetKey, bestMatches, type Book, type MarketState } from '../sdk/broker';
import { createAppOrder, createDatasetOrder, createRequestOrder, createWorkerpoolOrder } from '../sdk/orders';
import { buildTag, NO_TAG } from '../sdk/tags';
import { NRLC_PER_RLC } from '../sdk/units';

const SEED = 42;
const ORDERS = {
    appsPerApp: 20,
    apps: 100,
    datasetsPerDataset: 20,
    datasets: 50,
    workerpools: 20,
    ordersPerPool: 50,
    requests: 6_000,
};
const CATEGORIES = 5;

/** mulberry32: a small seeded PRNG. */
function random(seed: number): () => number {
    let a = seed;
    return () => {
        a |= 0;
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function main(): void {
    const rand = random(SEED);
    const int = (max: number) => Math.floor(rand() * max);
    const bytes = (n: number) => hexlify(Uint8Array.from({ length: n }, () => int(256)));
    const address = () => getAddress(bytes(20));
    const price = () => BigInt(int(11)) * (NRLC_PER_RLC / 10n) * 10n;
    const volume = () => BigInt(1 + int(10));
    const tee = buildTag(['TEE']);

    const apps = Array.from({ length: ORDERS.apps }, address);
    const datasets = Array.from({ length: ORDERS.datasets }, address);
    const workerpools = Array.from({ length: ORDERS.workerpools }, address);
    const requesters = Array.from({ length: 500 }, address);
    const owner = address();

    const book: Book = { apps: [], datasets: [], workerpools: [], requests: [] };
    for (const app of apps) {
        for (let i = 0; i < ORDERS.appsPerApp; i++) {
            const order = createAppOrder({
                app,
                appprice: price(),
                volume: volume(),
                tag: int(10) === 0 ? tee : NO_TAG,
                requesterrestrict: int(20) === 0 ? requesters[int(requesters.length)] : ZeroAddress,
                salt: bytes(32),
            });
            book.apps.push({ kind: 'app', order, hash: bytes(32) });
        }
    }
    for (const dataset of datasets) {
        for (let i = 0; i < ORDERS.datasetsPerDataset; i++) {
            const order = createDatasetOrder({ dataset, datasetprice: price(), volume: volume(), salt: bytes(32) });
            book.datasets.push({ kind: 'dataset', order, hash: bytes(32) });
        }
    }
    workerpools.forEach((workerpool, w) => {
        for (let i = 0; i < ORDERS.ordersPerPool; i++) {
            const order = createWorkerpoolOrder({
                workerpool,
                workerpoolprice: price(),
                volume: volume(),
                tag: int(2) === 0 ? tee : NO_TAG,
                category: BigInt(w % CATEGORIES),
                trust: BigInt(int(3)),
                salt: bytes(32),
            });
            book.workerpools.push({ kind: 'workerpool', order, hash: bytes(32) });
        }
    });
    for (let i = 0; i < ORDERS.requests; i++) {
        const requester = requesters[int(requesters.length)];
        const order = createRequestOrder({
            app: apps[int(apps.length)],
            dataset: int(10) < 3 ? datasets[int(datasets.length)] : ZeroAddress,
            requester,
            appmaxprice: price(),
            datasetmaxprice: price(),
            workerpoolmaxprice: price(),
            volume: volume(),
            tag: int(10) === 0 ? tee : NO_TAG,
            category: BigInt(int(CATEGORIES)),
            trust: BigInt(int(3)),
            params: '{"iexec_args":"bench"}',
            salt: bytes(32),
        });
        book.requests.push({ kind: 'request', order, hash: bytes(32) });
    }

    const state: MarketState = {
        hub: address(),
        categoryCount: BigInt(CATEGORIES),
        consumed: new Map(),
        assets: new Map(),
        authenticity: new Map(),
        identities: new Map(),
        balances: new Map(),
        policies: new Map(),
    };
    for (const app of apps) state.assets.set(assetKey('app', app), { owner, registered: true });
    for (const dataset of datasets) state.assets.set(assetKey('dataset', dataset), { owner, registered: true });
    for (const workerpool of workerpools) {
        state.assets.set(assetKey('workerpool', workerpool), { owner, registered: true });
        state.policies.set(workerpool.toLowerCase(), { workerStakeRatio: 30n, schedulerRewardRatio: 1n });
    }
    const all = [...book.apps, ...book.datasets, ...book.workerpools, ...book.requests];
    for (const { hash } of all) state.authenticity.set(hash.toLowerCase(), 'valid');
    for (const account of [...requesters, owner]) state.balances.set(account.toLowerCase(), 10n ** 30n);

    const total = all.length;
    const t0 = performance.now();
    const index = new BookIndex(book);
    const t1 = performance.now();
    const matches = bestMatches(index, state);
    const t2 = performance.now();
    const tasks = matches.reduce((sum, m) => sum + m.volume, 0n);
    const matchedRequests = new Set(matches.map((m) => m.request.hash)).size;
    console.log(
        `book: ${total} orders (${book.apps.length} app, ${book.datasets.length} dataset, ${book.workerpools.length} workerpool, ${book.requests.length} request), seed ${SEED}`,
    );
    console.log(`indexing: ${(t1 - t0).toFixed(1)} ms`);
    console.log(
        `matching: ${(t2 - t1).toFixed(1)} ms — ${matches.length} matches, ${tasks} tasks, ${matchedRequests} requests matched`,
    );
    console.log(`total: ${(t2 - t0).toFixed(1)} ms for ${total} orders (in memory, no chain)`);
}

main();
