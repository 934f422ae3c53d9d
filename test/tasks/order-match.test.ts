import { expect } from 'chai';
import hre from 'hardhat';
import { HardhatPluginError } from 'hardhat/plugins';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { addToOrderBook, hashOrder, orderToJson, type OrderKind } from '../../sdk/orders';
import { captureOutput, field } from '../helpers/tasks';
import { deployMarket, orderHashes, signedOrders, type Market, type Orders } from '../helpers/market';
// Loaded here too, so that this file does not depend on SKIP_TASKS.
import '../../tasks/order/match';

describe('order:match task', function () {
    const tempDir = () => mkdtempSync(join(tmpdir(), 'poco-match-'));

    /** Each order of `orders` in its own JSON file (its "order" object, as order:sign writes it). */
    function orderFiles(orders: Orders, withDataset = true) {
        const dir = tempDir();
        const files: Record<string, string> = {};
        for (const kind of ['app', 'dataset', 'workerpool', 'request'] as const) {
            if (kind === 'dataset' && !withDataset) continue;
            files[kind] = join(dir, `${kind}.json`);
            writeFileSync(files[kind], JSON.stringify(orderToJson(kind, orders[kind] as never)));
        }
        return files;
    }

    function bookOf(market: Market, sets: Partial<Orders>[]): string {
        const path = join(tempDir(), 'orders.json');
        for (const set of sets) {
            for (const [kind, order] of Object.entries(set) as [OrderKind, never][]) {
                addToOrderBook(path, kind, order, hashOrder(market.domain, kind, order));
            }
        }
        return path;
    }

    it('matches four orders given as JSON files and prints the deal', async function () {
        const market = await deployMarket();
        const orders = await signedOrders(market);
        const lines = await captureOutput(() => hre.run('order:match', orderFiles(orders)));
        const deal = field(lines, 'deal');
        expect(field(lines, 'volume')).to.equal('1');
        expect(field(lines, 'payer')).to.equal(market.actors.requester.address);
        expect((await market.hub.dealViews.viewDeal(deal)).requester).to.equal(market.actors.requester.address);
        expect(await market.hub.orders.viewConsumed(orderHashes(market, orders).request)).to.equal(1n);
    });

    it('matches without dataset when --dataset is not given, and sponsors with --sponsor', async function () {
        const market = await deployMarket();
        const { sponsor } = market.actors;
        const orders = await signedOrders(market, { dataset: null });
        const lines = await captureOutput(() =>
            hre.run('order:match', { ...orderFiles(orders, false), sponsor: true, from: sponsor.address }),
        );
        const deal = await market.hub.dealViews.viewDeal(field(lines, 'deal'));
        expect(deal.dataset.pointer).to.equal('0x0000000000000000000000000000000000000000');
        expect(deal.sponsor).to.equal(sponsor.address);
        expect(field(lines, 'payer')).to.equal(sponsor.address);
    });

    it('sends nothing with --dry-run', async function () {
        const market = await deployMarket();
        const orders = await signedOrders(market);
        const lines = await captureOutput(() => hre.run('order:match', { ...orderFiles(orders), dryRun: true }));
        expect(field(lines, 'volume')).to.equal('1');
        expect(await market.hub.orders.viewConsumed(orderHashes(market, orders).request)).to.equal(0n);
    });

    it('fails with one line naming the check the hub refuses, with its values', async function () {
        const market = await deployMarket();
        const orders = await signedOrders(market, { app: { appprice: 8n }, request: { appmaxprice: 7n } });
        const error = await hre.run('order:match', orderFiles(orders)).catch((e: unknown) => e);
        expect(error).to.be.instanceOf(HardhatPluginError);
        expect((error as Error).message).to.equal('the hub refuses these orders: ClerkAppPriceTooHigh(8, 7)');
    });

    it('fails with one line for a missing order or a bad order file', async function () {
        const market = await deployMarket();
        const files = orderFiles(await signedOrders(market));
        await expect(hre.run('order:match', { app: files.app, request: files.request })).to.be.rejectedWith(
            'give --app, --workerpool and --request',
        );
        await expect(hre.run('order:match', {})).to.be.rejectedWith('give the orders');
        const bad = join(tempDir(), 'bad.json');
        writeFileSync(bad, JSON.stringify({ app: market.assets.app }));
        await expect(hre.run('order:match', { ...files, app: bad })).to.be.rejectedWith(/--app .*missing field/);
        await expect(hre.run('order:match', { ...files, book: bad })).to.be.rejectedWith('either --book or the orders');
    });

    describe('--book (broker)', function () {
        it('matches every request of the book with its cheapest workerpool order', async function () {
            const market = await deployMarket();
            const orders = await signedOrders(market, {
                app: { volume: 5n },
                dataset: { volume: 5n },
                request: { volume: 2n },
                workerpool: { volume: 5n },
            });
            const cheaper = (
                await signedOrders(market, { workerpool: { workerpoolprice: orders.workerpool.workerpoolprice - 1n } })
            ).workerpool;
            const path = bookOf(market, [orders, { workerpool: cheaper }]);
            const output = (await captureOutput(() => hre.run('order:match', { book: path }))).join('\n');
            const cheaperHash = hashOrder(market.domain, 'workerpool', cheaper);
            expect(output).to.include(`workerpool order ${cheaperHash}`);
            expect(output).to.match(/matched request .*: 1 task/);
            // The cheaper pool had one task; the other takes the rest.
            expect(await market.hub.orders.viewConsumed(cheaperHash)).to.equal(1n);
            expect(await market.hub.orders.viewConsumed(orderHashes(market, orders).request)).to.equal(2n);
        });

        it('says so when nothing matches, and sends nothing with --dry-run', async function () {
            const market = await deployMarket();
            const orders = await signedOrders(market, { workerpool: { category: 1n } });
            const path = bookOf(market, [orders]);
            const lines = await captureOutput(() => hre.run('order:match', { book: path }));
            expect(lines.join('\n')).to.include('No compatible orders');
            const ok = await signedOrders(market);
            const okPath = bookOf(market, [ok]);
            const dry = await captureOutput(() => hre.run('order:match', { book: okPath, dryRun: true }));
            expect(dry.join('\n')).to.match(/^would match request/);
            expect(await market.hub.orders.viewConsumed(orderHashes(market, ok).request)).to.equal(0n);
        });

        it('fails with one line for --sponsor with --book', async function () {
            const market = await deployMarket();
            const path = bookOf(market, [await signedOrders(market)]);
            await expect(hre.run('order:match', { book: path, sponsor: true })).to.be.rejectedWith(
                '--sponsor is for explicit orders',
            );
        });
    });
});
