import { resolve } from 'path';
import { task, types } from 'hardhat/config';
import { OrderManagementFacet__factory } from '../../typechain-types';
import {
    cancelOrder,
    hashOrder,
    orderFromEntry,
    readDomain,
    readOrderBook,
    type Order,
    type OrderKind,
} from '../../sdk/orders';
import { printFields } from '../lib/assets';
import { pocoContext } from '../lib/context';
import { runTask, TaskError } from '../lib/errors';
import { address, bytes32 } from '../lib/types';
import { addOrderFieldParams, buildOrder, orderFieldsFromArgs, orderKind, requireOrderOwner } from './fields';

interface Args extends Record<string, unknown> {
    hash?: string;
    book: string;
    kind?: OrderKind;
    file?: string;
    salt?: string;
    from?: string;
}

addOrderFieldParams(
    task(
        'order:cancel',
        'Close an order for good (its whole volume becomes consumed; it can never be matched again), as its ' +
            'owner. The order is either --hash in an order book, or --kind with its fields (--file and/or ' +
            'field parameters, --salt required)',
    )
        .addOptionalParam('hash', 'Hash of the order in the order book', undefined, bytes32)
        .addOptionalParam('book', 'Order book file to find --hash in', 'orders.json', types.string)
        .addOptionalParam(
            'kind',
            'Kind of the order given by its fields: app, dataset, workerpool or request',
            undefined,
            orderKind,
        )
        .addOptionalParam(
            'from',
            'Account to send from: the order owner (default: the first account)',
            undefined,
            address,
        ),
).setAction(async (args: Args, hre) =>
    runTask('order:cancel', async () => {
        let kind: OrderKind;
        let order: Order;
        if (args.hash !== undefined) {
            if (args.kind !== undefined || args.file !== undefined) {
                throw new TaskError('give either --hash (an order of the book) or --kind with the order fields');
            }
            const book = resolve(args.book);
            const entry = readOrderBook(book).find((e) => e.hash.toLowerCase() === args.hash);
            if (entry === undefined) throw new TaskError(`no order ${args.hash} in ${book}`);
            kind = entry.kind;
            order = orderFromEntry(entry);
        } else {
            if (args.kind === undefined) throw new TaskError('give --hash (an order of the book) or --kind');
            kind = args.kind;
            const fields = orderFieldsFromArgs(kind, args);
            if ((fields as Record<string, unknown>).salt === undefined) {
                throw new TaskError("give the order's --salt (in --file or as a parameter): it is part of its hash");
            }
            order = buildOrder(kind, fields);
        }
        const { signer, hub } = await pocoContext(hre, args.from);
        const hash = hashOrder(await readDomain(hub, signer), kind, order);
        if (args.hash !== undefined && hash !== args.hash) {
            throw new TaskError(
                `the order stored as ${args.hash} hashes to ${hash} on this hub: it was signed for another hub`,
            );
        }
        await requireOrderOwner(signer, kind, order);
        const orders = OrderManagementFacet__factory.connect(hub, signer);
        if ((await orders.viewConsumed(hash)) >= order.volume) {
            printFields({ kind, hash, consumed: order.volume, note: 'already closed or fully consumed: nothing sent' });
            return;
        }
        const receipt = await cancelOrder(hub, signer, kind, order);
        printFields({
            kind,
            hash,
            consumed: await orders.viewConsumed(hash),
            tx: receipt.hash,
            gasUsed: receipt.gasUsed,
        });
    }),
);
