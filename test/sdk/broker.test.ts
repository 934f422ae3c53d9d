import { expect } from 'chai';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ZeroAddress, getAddress } from 'ethers';
import { bestMatches, bookOf, groupMemberKey, loadMarketState, matchBook, type Book } from '../../sdk/broker';
import { addToOrderBook, hashOrder, readOrderBook, type OrderKind } from '../../sdk/orders';
import { deployMarket, signedOrders, type Market, type Orders } from '../helpers/market';

/** The broker (`sdk/broker.ts`): choice of matches and submission. Its rules are checked against the hub by `broker.differential.test.ts`. */
describe('broker', function () {
    /** A book file with these orders (app, dataset, workerpool, request of each set). */
    function writeBook(market: Market, sets: Partial<Orders>[]): string {
        const path = join(mkdtempSync(join(tmpdir(), 'poco-book-')), 'orders.json');
        for (const set of sets) {
            for (const [kind, order] of Object.entries(set) as [OrderKind, never][]) {
                if (kind === 'dataset' && (order as { dataset: string }).dataset === ZeroAddress) continue;
                addToOrderBook(path, kind, order, hashOrder(market.domain, kind, order));
            }
        }
        return path;
    }

    it('keys group members by their left-padded address', function () {
        const account = getAddress('0x00000000000000000000000000000000000000ff');
        expect(groupMemberKey(account)).to.equal('0x' + '00'.repeat(31) + 'ff');
    });

    it('picks the cheapest workerpool order for each request, then the next one for what is left', async function () {
        const market = await deployMarket();
        const base = await signedOrders(market, {
            app: { volume: 10n },
            dataset: { volume: 10n },
            request: { volume: 3n, workerpoolmaxprice: 10n },
        });
        const expensive = (await signedOrders(market, { workerpool: { workerpoolprice: 9n, volume: 10n } })).workerpool;
        const cheap = (await signedOrders(market, { workerpool: { workerpoolprice: 2n, volume: 2n } })).workerpool;
        const tooExpensive = (await signedOrders(market, { workerpool: { workerpoolprice: 11n, volume: 10n } }))
            .workerpool;
        const entries = readOrderBook(
            writeBook(market, [base, { workerpool: expensive }, { workerpool: tooExpensive }, { workerpool: cheap }]),
        );
        const book = bookOf(entries, market.domain);
        const state = await loadMarketState(market.deployer, market.hubAddress, book);
        const matches = bestMatches(book, state);
        expect(matches.map((m) => [m.workerpool.order.workerpoolprice, m.volume])).to.deep.equal([
            [2n, 2n],
            [9n, 1n],
        ]);
        // The state it was given is untouched.
        expect(state.consumed.get(book.requests[0].hash.toLowerCase())).to.equal(0n);
    });

    it('matches nothing for a book without a compatible quadruple', async function () {
        const market = await deployMarket();
        const orders = await signedOrders(market, { workerpool: { category: 1n } });
        const book = bookOf(readOrderBook(writeBook(market, [orders])), market.domain);
        const state = await loadMarketState(market.deployer, market.hubAddress, book);
        expect(bestMatches(book, state)).to.deep.equal([]);
    });

    it('submits its matches: the hub accepts each, in order, and makes the deals it predicted', async function () {
        const market = await deployMarket();
        const { requester } = market.actors;
        const first = await signedOrders(market, {
            app: { volume: 5n },
            dataset: { volume: 5n },
            workerpool: { volume: 5n },
            request: { volume: 2n },
        });
        // A second request on the same app, dataset and workerpool orders, and one without dataset.
        const second = await signedOrders(market, { request: { volume: 2n } });
        const third = await signedOrders(market, { dataset: null, request: { volume: 1n } });
        const path = writeBook(market, [first, { request: second.request }, third]);
        const before = await market.hub.erc20.viewAccount(requester.address);
        const submitted = await matchBook(market.deployer, market.hubAddress, readOrderBook(path));
        expect(submitted.map((s) => s.deal.volume)).to.deep.equal([2n, 2n, 1n]);
        for (const { match, deal } of submitted) {
            expect(deal.requestHash).to.equal(match.request.hash);
            expect(deal.volume).to.equal(match.volume);
            const onChain = await market.hub.dealViews.viewDeal(deal.dealId);
            expect(onChain.botSize).to.equal(match.volume);
        }
        const after = await market.hub.erc20.viewAccount(requester.address);
        const locked = submitted.reduce((sum, s) => sum + s.match.dealPrice, 0n);
        expect(after.locked - before.locked).to.equal(locked);
        // Nothing is left to match.
        const book: Book = bookOf(readOrderBook(path), market.domain);
        expect(bestMatches(book, await loadMarketState(market.deployer, market.hubAddress, book))).to.deep.equal([]);
    });
});
