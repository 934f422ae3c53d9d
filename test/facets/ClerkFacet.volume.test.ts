import { expect } from 'chai';
import { network } from 'hardhat';
import fc from 'fast-check';
import { MaxUint256 } from 'ethers';
import { dealId, matchedOrdersOf, taskId } from '../../sdk/deals';
import { createAppOrder, hashOrder, signOrder } from '../../sdk/orders';
import { deployMarket, match, matchArgs, orderHashes, signedOrders, type Market, type Orders } from '../helpers/market';

/** Fixed seed of the property below (printed, so that a failure can be replayed). */
const SEED = 20_260_401;

/**
 * ClerkFacet, checks 29–30 and the bookkeeping (spec marketplace §5.3–5.4, checklist A.2 22–24,
 * 36): a deal takes the least volume left in the orders, books it in each of them, and gets an id
 * from the request's consumed volume before the match.
 */
describe('ClerkFacet: volumes (checks 29–30) and bookkeeping', function () {
    async function matched(market: Market, orders: Orders) {
        const receipt = await (await match(market, orders)).wait();
        return matchedOrdersOf(receipt!, market.hubAddress)[0];
    }

    async function consumed(market: Market, orders: Orders) {
        const hashes = orderHashes(market, orders);
        return {
            app: await market.hub.orders.viewConsumed(hashes.app),
            dataset: await market.hub.orders.viewConsumed(hashes.dataset),
            workerpool: await market.hub.orders.viewConsumed(hashes.workerpool),
            request: await market.hub.orders.viewConsumed(hashes.request),
        };
    }

    it('takes the least volume left in the four orders and books it in each', async function () {
        const market = await deployMarket();
        const orders = await signedOrders(market, {
            app: { volume: 5n },
            dataset: { volume: 3n },
            workerpool: { volume: 4n },
            request: { volume: 6n },
        });
        expect(await market.hub.clerk.computeDealVolume(...matchArgs(orders))).to.equal(3n);
        const deal = await matched(market, orders);
        expect(deal.volume).to.equal(3n);
        expect((await market.hub.dealViews.viewDeal(deal.dealId)).botSize).to.equal(3n);
        expect(await consumed(market, orders)).to.deep.equal({ app: 3n, dataset: 3n, workerpool: 3n, request: 3n });
    });

    it('ignores the null dataset order’s volume and books nothing for it', async function () {
        const market = await deployMarket();
        const orders = await signedOrders(market, {
            app: { volume: 5n },
            dataset: null,
            workerpool: { volume: 4n },
            request: { volume: 6n },
        });
        expect(orders.dataset.volume).to.equal(0n);
        expect(await market.hub.clerk.computeDealVolume(...matchArgs(orders))).to.equal(4n);
        expect((await matched(market, orders)).volume).to.equal(4n);
        expect(await consumed(market, orders)).to.deep.equal({ app: 4n, dataset: 0n, workerpool: 4n, request: 4n });
    });

    it('gives successive partial matches of a request distinct ids from its consumed volume (botFirst)', async function () {
        const market = await deployMarket();
        const { appOwner } = market.actors;
        const orders = await signedOrders(market, {
            app: { volume: 2n },
            dataset: { volume: 10n },
            workerpool: { volume: 10n },
            request: { volume: 5n },
        });
        const requestHash = orderHashes(market, orders).request;
        const first = await matched(market, orders);
        expect(first.dealId).to.equal(dealId(requestHash, 0n));
        // Another app order for the rest of the request.
        const app = await signOrder(
            appOwner,
            market.domain,
            'app',
            createAppOrder({ app: market.assets.app, appprice: orders.app.appprice, volume: 10n }),
        );
        const second = await matched(market, { ...orders, app });
        expect(second.dealId).to.equal(dealId(requestHash, 2n));
        expect(second.volume).to.equal(3n);
        const deal = await market.hub.dealViews.viewDeal(second.dealId);
        expect([deal.botFirst, deal.botSize]).to.deep.equal([2n, 3n]);
        // Task ids of the second deal: indexes 2, 3, 4 of the request.
        expect(taskId(second.dealId, deal.botFirst)).to.not.equal(taskId(first.dealId, 0n));
        expect(await market.hub.orders.viewConsumed(requestHash)).to.equal(5n);
    });

    it('cannot match orders beyond their volume: ClerkNoVolume(remaining...) once one is used up', async function () {
        const market = await deployMarket();
        const orders = await signedOrders(market, {
            app: { volume: 3n },
            dataset: { volume: 3n },
            workerpool: { volume: 3n },
            request: { volume: 3n },
        });
        await matched(market, orders);
        await expect(match(market, orders))
            .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkNoVolume')
            .withArgs(0n, 0n, 0n, 0n);
        expect(await market.hub.clerk.computeDealVolume(...matchArgs(orders))).to.equal(0n);
    });

    for (const kind of ['app', 'dataset', 'workerpool', 'request'] as const) {
        it(`reverts ClerkNoVolume with the ${kind} order's remaining volume at 0 when it has volume 0`, async function () {
            const market = await deployMarket();
            const orders = await signedOrders(market, { [kind]: { volume: 0n } });
            const remaining = { app: 1n, dataset: 1n, workerpool: 1n, request: 1n, [kind]: 0n };
            await expect(match(market, orders))
                .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkNoVolume')
                .withArgs(remaining.app, remaining.dataset, remaining.workerpool, remaining.request);
        });
    }

    it('reports the dataset’s remaining volume as unlimited without a dataset', async function () {
        const market = await deployMarket();
        const orders = await signedOrders(market, { dataset: null, request: { volume: 0n } });
        await expect(match(market, orders))
            .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkNoVolume')
            .withArgs(1n, MaxUint256, 1n, 0n);
    });

    it('lets two matchers of one request in one block take the volume once: the second gets the rest, a third nothing', async function () {
        const market = await deployMarket();
        const { appOwner } = market.actors;
        const orders = await signedOrders(market, {
            app: { volume: 2n },
            dataset: { volume: 10n },
            workerpool: { volume: 10n },
            request: { volume: 3n },
        });
        const otherApp = await signOrder(
            appOwner,
            market.domain,
            'app',
            createAppOrder({ app: market.assets.app, appprice: orders.app.appprice, volume: 10n }),
        );
        const [first, second, third] = market.signers.slice(10, 13);
        await network.provider.send('evm_setAutomine', [false]);
        try {
            const txs = [
                await match(market, orders, first),
                await match(market, { ...orders, app: otherApp }, second),
                await match(market, { ...orders, app: otherApp }, third).catch(() => undefined),
            ];
            await network.provider.send('evm_mine', []);
            const [r1, r2] = await Promise.all([txs[0]!.wait(), txs[1]!.wait()]);
            expect(r1!.blockNumber).to.equal(r2!.blockNumber);
            expect(matchedOrdersOf(r1!, market.hubAddress)[0].volume).to.equal(2n);
            expect(matchedOrdersOf(r2!, market.hubAddress)[0].volume).to.equal(1n);
            if (txs[2] !== undefined) await expect(txs[2].wait()).to.be.rejected;
        } finally {
            await network.provider.send('evm_setAutomine', [true]);
        }
        expect(await market.hub.orders.viewConsumed(orderHashes(market, orders).request)).to.equal(3n);
    });

    it(`keeps Σ botSize of each order's deals == its consumed volume <= its volume over random matches (seed ${SEED})`, async function () {
        this.timeout(300_000);
        console.log(`      fast-check seed ${SEED}`);
        const volume = fc.bigInt({ min: 0n, max: 4n });
        const volumes = fc.array(volume, { minLength: 1, maxLength: 2 });
        const scenario = fc.record({
            app: volumes,
            dataset: volumes,
            workerpool: volumes,
            request: volumes,
            steps: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { maxLength: 6 }),
        });
        const KINDS = ['app', 'dataset', 'workerpool', 'request'] as const;
        await fc.assert(
            fc.asyncProperty(scenario, async (s) => {
                const m = await deployMarket();
                const book = {} as { [K in keyof Orders]: Orders[K][] };
                for (const kind of KINDS) {
                    book[kind] = (await Promise.all(
                        s[kind].map(async (v) => (await signedOrders(m, { [kind]: { volume: v } }))[kind]),
                    )) as never;
                }
                const booked = new Map<string, bigint>();
                for (const [a, d, w, r] of s.steps) {
                    const orders: Orders = {
                        app: book.app[a % book.app.length],
                        dataset: book.dataset[d % book.dataset.length],
                        workerpool: book.workerpool[w % book.workerpool.length],
                        request: book.request[r % book.request.length],
                    };
                    const expected = await m.hub.clerk.computeDealVolume(...matchArgs(orders));
                    if (expected === 0n) {
                        await expect(match(m, orders)).to.be.revertedWithCustomError(m.hub.clerk, 'ClerkNoVolume');
                        continue;
                    }
                    const deal = await matched(m, orders);
                    expect(deal.volume).to.equal(expected);
                    for (const hash of Object.values(orderHashes(m, orders))) {
                        booked.set(hash, (booked.get(hash) ?? 0n) + deal.volume);
                    }
                }
                for (const kind of KINDS) {
                    for (const order of book[kind]) {
                        const hash = hashOrder(m.domain, kind, order as never);
                        const onChain = await m.hub.orders.viewConsumed(hash);
                        expect(onChain).to.equal(booked.get(hash) ?? 0n);
                        expect(onChain <= order.volume).to.equal(true);
                    }
                }
            }),
            { seed: SEED, numRuns: 12 },
        );
    });
});
