import { task } from 'hardhat/config';
import { readOrderBook } from '../../sdk/orders';
import { datasetOffers, listDatasets } from '../../sdk/datastore';
import { describeAmount } from '../../sdk/units';
import { bytesForDisplay } from '../lib/assets';
import { pocoContext } from '../lib/context';
import { runTask, TaskError } from '../lib/errors';
import { address, uint } from '../lib/types';

interface Args {
    book?: string;
    app?: string;
    provider?: string;
    maxPrice?: bigint;
    json: boolean;
}

task('datastore:list', 'List the registered datasets, and the dataset orders of an order book')
    .addOptionalParam('book', 'Order book file (JSON, as order:sign writes it) whose dataset orders to list')
    .addOptionalParam('app', 'Only datasets and orders this app may use', undefined, address)
    .addOptionalParam('provider', 'Only datasets owned by this account', undefined, address)
    .addOptionalParam('maxPrice', 'Only orders at most this price (nRLC per task)', undefined, uint)
    .addFlag('json', 'Print JSON instead of tables')
    .setAction(async (args: Args, hre) =>
        runTask('datastore:list', async () => {
            const { signer, hub, datasetRegistry } = await pocoContext(hre);
            if ((args.app !== undefined || args.maxPrice !== undefined) && args.book === undefined) {
                throw new TaskError('--app and --max-price filter orders: give the order book with --book');
            }
            const datasets = (await listDatasets(signer, datasetRegistry)).filter(
                (d) => args.provider === undefined || d.owner.toLowerCase() === args.provider.toLowerCase(),
            );
            let book;
            try {
                book = args.book === undefined ? [] : readOrderBook(args.book);
            } catch (error) {
                throw new TaskError(error instanceof Error ? error.message : String(error));
            }
            const offers = await datasetOffers(signer, hub, datasetRegistry, book, args);
            if (args.json) {
                console.log(
                    JSON.stringify(
                        { datasets, offers },
                        (_key, value) => (typeof value === 'bigint' ? value.toString() : value),
                        2,
                    ),
                );
                return;
            }
            console.log(`Datasets (${datasets.length})`);
            console.table(
                datasets.map((d) => ({
                    dataset: d.address,
                    name: d.name,
                    owner: d.owner,
                    multiaddr: bytesForDisplay(d.multiaddr),
                    checksum: d.checksum,
                })),
            );
            if (args.book !== undefined) {
                console.log(`Dataset orders of ${args.book} (${offers.length})`);
                console.table(
                    offers.map((o) => ({
                        dataset: o.order.dataset,
                        provider: o.provider ?? '(not registered)',
                        price: describeAmount(o.order.datasetprice),
                        remaining: o.remaining.toString(),
                        apprestrict: o.order.apprestrict,
                        hash: o.hash,
                    })),
                );
            }
        }),
    );
