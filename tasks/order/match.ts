import { readFileSync } from 'fs';
import { resolve } from 'path';
import { task, types } from 'hardhat/config';
import { ClerkFacet__factory } from '../../typechain-types';
import {
    bestMatches,
    bookOf,
    formatHubError,
    hubError,
    loadMarketState,
    submitMatches,
    type Match,
} from '../../sdk/broker';
import { matchedOrdersOf } from '../../sdk/deals';
import {
    nullDatasetOrder,
    parseOrder,
    readDomain,
    readOrderBook,
    type OrderByKind,
    type OrderKind,
} from '../../sdk/orders';
import { describeAmount } from '../../sdk/units';
import { printFields } from '../lib/assets';
import { pocoContext } from '../lib/context';
import { describeFailure, runTask, TaskError } from '../lib/errors';
import { address } from '../lib/types';

interface Args extends Record<string, unknown> {
    app?: string;
    dataset?: string;
    workerpool?: string;
    request?: string;
    book?: string;
    sponsor: boolean;
    dryRun: boolean;
    from?: string;
    hub?: string;
}

/** The order of a JSON file of order fields (all hashed fields, and `sign`). */
function orderFile<K extends OrderKind>(kind: K, file: string): OrderByKind[K] {
    let content: unknown;
    try {
        content = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
        throw new TaskError(`--${kind} ${file}: ${(error as Error).message.split('\n')[0]}`);
    }
    if (typeof content !== 'object' || content === null || Array.isArray(content)) {
        throw new TaskError(`--${kind} ${file}: expected a JSON object of ${kind} order fields`);
    }
    // An order book entry ({ kind, order, hash }) is accepted too.
    const fields = (content as { order?: unknown }).order ?? content;
    try {
        return parseOrder(kind, fields as Record<string, unknown>);
    } catch (error) {
        throw new TaskError(`--${kind} ${file}: ${(error as Error).message}`);
    }
}

/** What a match is, in one line. */
function describeMatch(match: Match): string {
    const dataset =
        match.dataset.order.dataset === nullDatasetOrder().dataset
            ? 'no dataset'
            : `dataset order ${match.dataset.hash}`;
    return (
        `request ${match.request.hash}: ${match.volume} task(s), app order ${match.app.hash}, ${dataset}, ` +
        `workerpool order ${match.workerpool.hash} at ${describeAmount(match.workerpool.order.workerpoolprice)} per task`
    );
}

task(
    'order:match',
    'Match orders into deals: four orders given as JSON files of order fields (an order book entry works; ' +
        'no --dataset for a deal without dataset), or every match the broker finds in an order book (--book): ' +
        'for each request, in book order, the cheapest workerpool order with compatible app and dataset orders',
)
    .addOptionalParam('app', 'JSON file of the app order', undefined, types.inputFile)
    .addOptionalParam(
        'dataset',
        'JSON file of the dataset order (none: a deal without dataset)',
        undefined,
        types.inputFile,
    )
    .addOptionalParam('workerpool', 'JSON file of the workerpool order', undefined, types.inputFile)
    .addOptionalParam('request', 'JSON file of the request order', undefined, types.inputFile)
    .addOptionalParam(
        'book',
        'Order book file to broker (a JSON array of { kind, order, hash })',
        undefined,
        types.inputFile,
    )
    .addFlag(
        'sponsor',
        'Pay for the deal as the sender (sponsorMatchOrders) instead of the requester; explicit orders only',
    )
    .addFlag('dryRun', 'Only say what would be matched; send nothing')
    .addOptionalParam('from', 'Account that sends the matches (default: the first account)', undefined, address)
    .addOptionalParam('hub', 'The hub (default: the PocoDiamond deployment of the network)', undefined, address)
    .setAction(async (args: Args, hre) =>
        runTask('order:match', async () => {
            const explicit = [args.app, args.dataset, args.workerpool, args.request].some((f) => f !== undefined);
            if (args.book !== undefined && explicit) {
                throw new TaskError(
                    'give either --book or the orders (--app, --dataset, --workerpool, --request), not both',
                );
            }
            if (args.book === undefined && !explicit) {
                throw new TaskError('give the orders (--app, --workerpool, --request, and --dataset if any) or --book');
            }
            const { signer, hub } = await pocoContext(hre, args.from, args.hub);
            const clerk = ClerkFacet__factory.connect(hub, signer);

            if (args.book !== undefined) {
                if (args.sponsor)
                    throw new TaskError('--sponsor is for explicit orders: the broker matches for the requesters');
                const path = resolve(args.book);
                const entries = readOrderBook(path);
                if (entries.length === 0) throw new TaskError(`no order in ${path}`);
                const book = bookOf(entries, await readDomain(hub, signer));
                const matches = bestMatches(book, await loadMarketState(signer, hub, book));
                if (matches.length === 0) {
                    console.log(`No compatible orders in ${path} (${entries.length} orders)`);
                    return [];
                }
                if (args.dryRun) {
                    for (const match of matches) console.log(`would match ${describeMatch(match)}`);
                    return matches;
                }
                const submitted = await submitMatches(signer, hub, matches);
                for (const { match, deal, receipt } of submitted) {
                    console.log(`matched ${describeMatch(match)}`);
                    console.log(`  deal ${deal.dealId} (tx ${receipt.hash}, gas ${receipt.gasUsed})`);
                }
                return submitted;
            }

            if (args.app === undefined || args.workerpool === undefined || args.request === undefined) {
                throw new TaskError('give --app, --workerpool and --request (and --dataset for a deal with a dataset)');
            }
            const orders = [
                orderFile('app', args.app),
                args.dataset === undefined ? nullDatasetOrder() : orderFile('dataset', args.dataset),
                orderFile('workerpool', args.workerpool),
                orderFile('request', args.request),
            ] as const;
            const call = args.sponsor ? clerk.sponsorMatchOrders : clerk.matchOrders;
            // The hub's verdict first: a refusal is one line naming the failed check and its values.
            try {
                await call.staticCall(...orders);
            } catch (error) {
                const decoded = hubError(error);
                if (decoded) throw new TaskError(`the hub refuses these orders: ${formatHubError(decoded)}`);
                throw describeFailure('matchOrders', error);
            }
            const volume = await clerk.computeDealVolume(...orders);
            if (args.dryRun) {
                printFields({ volume, note: 'the hub accepts these orders: nothing sent (--dry-run)' });
                return { volume };
            }
            const receipt = await (await call(...orders)).wait();
            if (receipt === null) throw new TaskError('the match transaction was dropped');
            const [deal] = matchedOrdersOf(receipt, hub);
            printFields({
                deal: deal.dealId,
                volume: deal.volume,
                payer: args.sponsor ? await signer.getAddress() : orders[3].requester,
                tx: receipt.hash,
                gasUsed: receipt.gasUsed,
            });
            return deal;
        }),
    );
