import { expect } from 'chai';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { keccak256, toUtf8Bytes, ZeroAddress } from 'ethers';
import { createDataset } from '../../sdk/assets';
import { addToOrderBook, cancelOrder, createDatasetOrder, hashOrder, readDomain, signOrder } from '../../sdk/orders';
import { deployPoco } from '../helpers/fixtures';
import { runTaskCapturing } from '../helpers/tasks';

describe('datastore:list', function () {
    async function withDatasetsAndBook() {
        const fixture = await deployPoco();
        const { datasetRegistry, hubAddress, signers } = fixture;
        const [alice, bob, app] = [signers[1], signers[2], signers[3].address];
        const create = async (owner: (typeof signers)[number], name: string) =>
            (
                await createDataset(datasetRegistry.connect(owner), owner.address, {
                    name,
                    multiaddr: toUtf8Bytes(`https://data.example/${name}`),
                    checksum: keccak256(toUtf8Bytes(name)),
                })
            ).address;
        const weather = await create(alice, 'weather');
        const traffic = await create(bob, 'traffic');
        const domain = await readDomain(hubAddress, alice);
        const book = join(mkdtempSync(join(tmpdir(), 'poco-datastore-')), 'book.json');
        const offer = async (
            owner: (typeof signers)[number],
            dataset: string,
            price: bigint,
            apprestrict = ZeroAddress,
        ) => {
            const order = await signOrder(
                owner,
                domain,
                'dataset',
                createDatasetOrder({ dataset, datasetprice: price, volume: 3n, apprestrict }),
            );
            addToOrderBook(book, 'dataset', order, hashOrder(domain, 'dataset', order));
            return order;
        };
        const cheap = await offer(alice, weather, 5n);
        const restricted = await offer(bob, traffic, 50n, signers[4].address);
        const closed = await offer(alice, weather, 1n);
        await cancelOrder(hubAddress, alice, 'dataset', closed);
        return { ...fixture, alice, bob, app, weather, traffic, book, cheap, restricted };
    }

    const list = async (args: Record<string, unknown>) =>
        JSON.parse(await runTaskCapturing('datastore:list', { json: true, ...args })) as {
            datasets: { address: string; name: string; owner: string }[];
            offers: { order: { dataset: string; datasetprice: string }; provider: string; remaining: string }[];
        };

    it('lists every registered dataset with its name and owner', async function () {
        const { weather, traffic, alice, bob } = await withDatasetsAndBook();
        const { datasets } = await list({});
        expect(datasets.map((d) => [d.address, d.name, d.owner])).to.deep.equal([
            [weather, 'weather', alice.address],
            [traffic, 'traffic', bob.address],
        ]);
    });

    it('lists the open dataset orders of the book, leaving out closed ones', async function () {
        const { book, weather, traffic, alice, bob } = await withDatasetsAndBook();
        const { offers } = await list({ book });
        expect(offers.map((o) => [o.order.dataset, o.provider, o.remaining])).to.deep.equal([
            [weather, alice.address, '3'],
            [traffic, bob.address, '3'],
        ]);
    });

    it('filters by provider, maximum price and app', async function () {
        const { book, weather, traffic, bob, app } = await withDatasetsAndBook();
        expect((await list({ book, provider: bob.address })).offers.map((o) => o.order.dataset)).to.deep.equal([
            traffic,
        ]);
        expect((await list({ book, provider: bob.address })).datasets.map((d) => d.address)).to.deep.equal([traffic]);
        expect((await list({ book, maxPrice: 10n })).offers.map((o) => o.order.dataset)).to.deep.equal([weather]);
        // The traffic order is restricted to another app.
        expect((await list({ book, app })).offers.map((o) => o.order.dataset)).to.deep.equal([weather]);
    });

    it('asks for a book when filtering orders', async function () {
        const { app } = await withDatasetsAndBook();
        await expect(runTaskCapturing('datastore:list', { app, json: false })).to.be.rejectedWith(
            '--app and --max-price filter orders: give the order book with --book',
        );
    });

    it('fails with one line on a file that is not an order book', async function () {
        await withDatasetsAndBook();
        const notABook = join(__dirname, '../../package.json');
        await expect(runTaskCapturing('datastore:list', { book: notABook, json: false })).to.be.rejectedWith(
            'is not an order book',
        );
    });
});
