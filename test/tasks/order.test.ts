import { expect } from 'chai';
import hre from 'hardhat';
import { HardhatPluginError } from 'hardhat/plugins';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ZeroAddress } from 'ethers';
import {
    createRequestOrder,
    hashOrder,
    orderFromEntry,
    orderToJson,
    presignOrder,
    readOrderBook,
    type AppOrder,
    type RequestOrder,
} from '../../sdk/orders';
import { buildTag } from '../../sdk/tags';
import { captureOutput, field, loadTaskFixture, recordHub } from '../helpers/tasks';
import { deployOrdersHub } from '../helpers/orders';
// The tasks are loaded by hardhat.config.ts unless SKIP_TASKS is set; importing them here makes
// this file independent of that switch (a module is only loaded once).
import '../../tasks/order/sign';
import '../../tasks/order/cancel';

describe('order tasks', function () {
    const tempBook = () => join(mkdtempSync(join(tmpdir(), 'poco-orders-')), 'orders.json');

    describe('order:sign', function () {
        it('signs an app order as its owner and adds { kind, order, hash } to the order book', async function () {
            const hub = await loadTaskFixture(deployOrdersHub);
            const book = tempBook();
            const app = await hub.assets.app.getAddress();
            const tag = buildTag(['TEE', 'TDX']);
            const lines = await captureOutput(() =>
                hre.run('order:sign', {
                    kind: 'app',
                    app,
                    appprice: 5n,
                    volume: 10n,
                    tag,
                    book,
                    from: hub.actors.appOwner.address,
                }),
            );
            const [entry] = readOrderBook(book);
            expect(entry.kind).to.equal('app');
            const order = orderFromEntry(entry) as AppOrder;
            expect(order).to.deep.include({ app, appprice: 5n, volume: 10n, tag, requesterrestrict: ZeroAddress });
            expect(entry.hash).to.equal(hashOrder(hub.domain, 'app', order));
            expect(field(lines, 'hash')).to.equal(entry.hash);
            expect(await hub.orders.verifySignature(hub.actors.appOwner.address, entry.hash, order.sign)).to.equal(
                true,
            );
        });

        it('signs a request order with the signer as requester and beneficiary by default', async function () {
            const hub = await loadTaskFixture(deployOrdersHub);
            const book = tempBook();
            const { requester } = hub.actors;
            const app = await hub.assets.app.getAddress();
            await captureOutput(() =>
                hre.run('order:sign', {
                    kind: 'request',
                    app,
                    appmaxprice: 5n,
                    params: '{"iexec_args":"hello"}',
                    book,
                    from: requester.address,
                }),
            );
            const order = orderFromEntry(readOrderBook(book)[0]) as RequestOrder;
            expect(order).to.deep.include({
                requester: requester.address,
                beneficiary: requester.address,
                params: '{"iexec_args":"hello"}',
            });
            expect(
                await hub.orders.verifySignature(requester.address, readOrderBook(book)[0].hash, order.sign),
            ).to.equal(true);
        });

        it('takes the fields from a JSON file, overridden by parameters, and appends to the book', async function () {
            const hub = await loadTaskFixture(deployOrdersHub);
            const book = tempBook();
            const file = join(mkdtempSync(join(tmpdir(), 'poco-order-')), 'order.json');
            const workerpool = await hub.assets.workerpool.getAddress();
            writeFileSync(file, JSON.stringify({ workerpool, workerpoolprice: '7', category: 2, trust: '1' }));
            const from = hub.actors.scheduler.address;
            await captureOutput(() => hre.run('order:sign', { kind: 'workerpool', file, book, from }));
            await captureOutput(() => hre.run('order:sign', { kind: 'workerpool', file, volume: 3n, book, from }));
            const orders = readOrderBook(book).map(orderFromEntry);
            expect(orders).to.have.length(2);
            expect(orders[0]).to.deep.include({ workerpool, workerpoolprice: 7n, category: 2n, trust: 1n, volume: 1n });
            expect(orders[1]).to.deep.include({ workerpool, volume: 3n });
        });

        it('fails with one line when the signer does not own the asset', async function () {
            const hub = await loadTaskFixture(deployOrdersHub);
            const app = await hub.assets.app.getAddress();
            await expect(
                hre.run('order:sign', { kind: 'app', app, book: tempBook(), from: hub.actors.stranger.address }),
            ).to.be.rejectedWith(`${hub.actors.stranger.address} is not the owner of app ${app}`);
        });

        it('fails with one line (a plugin error, no stack trace) on an unknown kind', async function () {
            await loadTaskFixture(deployOrdersHub);
            const error = await hre.run('order:sign', { kind: 'deal', book: tempBook() }).catch((e: unknown) => e);
            expect(error).to.be.instanceOf(HardhatPluginError);
            expect((error as Error).message).to.equal('kind: "deal" is not one of app, dataset, workerpool, request');
        });

        it('fails with one line on a field of another kind of order', async function () {
            const hub = await loadTaskFixture(deployOrdersHub);
            const app = await hub.assets.app.getAddress();
            await expect(
                hre.run('order:sign', { kind: 'app', app, datasetprice: 1n, book: tempBook() }),
            ).to.be.rejectedWith('--datasetprice is not a field of app orders');
        });

        it('fails with one line when the asset is missing or not a contract', async function () {
            const hub = await loadTaskFixture(deployOrdersHub);
            await expect(hre.run('order:sign', { kind: 'dataset', book: tempBook() })).to.be.rejectedWith(
                'give --dataset',
            );
            const nowhere = hub.actors.stranger.address;
            await expect(
                hre.run('order:sign', { kind: 'dataset', dataset: nowhere, book: tempBook() }),
            ).to.be.rejectedWith(`dataset ${nowhere} is not a contract`);
        });
    });

    describe('order:cancel', function () {
        async function signedBook() {
            const hub = await deployOrdersHub();
            await recordHub(hub.hubAddress);
            const book = tempBook();
            const app = await hub.assets.app.getAddress();
            await captureOutput(() =>
                hre.run('order:sign', { kind: 'app', app, volume: 4n, book, from: hub.actors.appOwner.address }),
            );
            return { ...hub, book, entry: readOrderBook(book)[0] };
        }

        it('closes an order of the book by hash: consumed = volume', async function () {
            const { orders, actors, book, entry } = await loadTaskFixture(signedBook);
            const lines = await captureOutput(() =>
                hre.run('order:cancel', { hash: entry.hash, book, from: actors.appOwner.address }),
            );
            expect(await orders.viewConsumed(entry.hash)).to.equal(4n);
            expect(field(lines, 'consumed')).to.equal('4');
        });

        it('closes an order given by its fields (JSON file)', async function () {
            const { orders, actors, entry } = await loadTaskFixture(signedBook);
            const file = join(mkdtempSync(join(tmpdir(), 'poco-order-')), 'order.json');
            writeFileSync(file, JSON.stringify(entry.order));
            await captureOutput(() => hre.run('order:cancel', { kind: 'app', file, from: actors.appOwner.address }));
            expect(await orders.viewConsumed(entry.hash)).to.equal(4n);
        });

        it('closes a presigned order that was never in a book, given by its parameters', async function () {
            const { hubAddress, orders, actors, assets, domain } = await loadTaskFixture(signedBook);
            const { requester } = actors;
            const app = await assets.app.getAddress();
            const fields = { app, requester: requester.address, volume: 2n, salt: '0x' + '01'.repeat(32) };
            const order = createRequestOrder(fields);
            await presignOrder(hubAddress, requester, 'request', order);
            await captureOutput(() => hre.run('order:cancel', { kind: 'request', ...fields, from: requester.address }));
            expect(await orders.viewConsumed(hashOrder(domain, 'request', order))).to.equal(2n);
        });

        it('sends nothing for an order already closed', async function () {
            const { actors, book, entry } = await loadTaskFixture(signedBook);
            const from = actors.appOwner.address;
            await captureOutput(() => hre.run('order:cancel', { hash: entry.hash, book, from }));
            const lines = await captureOutput(() => hre.run('order:cancel', { hash: entry.hash, book, from }));
            expect(field(lines, 'note')).to.match(/nothing sent/);
        });

        it('fails with one line for anyone but the owner', async function () {
            const { actors, book, entry } = await loadTaskFixture(signedBook);
            await expect(
                hre.run('order:cancel', { hash: entry.hash, book, from: actors.stranger.address }),
            ).to.be.rejectedWith(`${actors.stranger.address} is not the owner of app`);
        });

        it('fails with one line for a hash that is not in the book, or fields without salt', async function () {
            const { book, assets } = await loadTaskFixture(signedBook);
            await expect(hre.run('order:cancel', { hash: '0x' + '00'.repeat(32), book })).to.be.rejectedWith(
                /no order 0x0+ in/,
            );
            const app = await assets.app.getAddress();
            await expect(hre.run('order:cancel', { kind: 'app', app })).to.be.rejectedWith("give the order's --salt");
        });

        it('keeps the order book format: the JSON of the order round-trips', async function () {
            const { entry } = await loadTaskFixture(signedBook);
            expect(orderToJson('app', orderFromEntry(entry) as AppOrder)).to.deep.equal(entry.order);
        });
    });
});
