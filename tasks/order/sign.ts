import { resolve } from 'path';
import { task, types } from 'hardhat/config';
import { OrderManagementFacet__factory } from '../../typechain-types';
import { addToOrderBook, hashOrder, readDomain, signOrder, type OrderKind } from '../../sdk/orders';
import { printFields } from '../lib/assets';
import { pocoContext } from '../lib/context';
import { runTask, TaskError } from '../lib/errors';
import { address } from '../lib/types';
import { addOrderFieldParams, buildOrder, orderFieldsFromArgs, orderKind, requireOrderOwner } from './fields';

interface Args extends Record<string, unknown> {
    kind: OrderKind;
    book: string;
    file?: string;
    from?: string;
}

addOrderFieldParams(
    task(
        'order:sign',
        'Sign an order (EIP-712) as its owner and add it to an order book file as { kind, order, hash }. ' +
            'Unset fields default to: price 0, volume 1, no tag, no restriction, random salt; for requests, ' +
            'requester and beneficiary = the signer, category 0, trust 0, empty params',
    )
        .addPositionalParam('kind', 'app, dataset, workerpool or request', undefined, orderKind)
        .addOptionalParam('book', 'Order book file (a JSON array, created if missing)', 'orders.json', types.string)
        .addOptionalParam(
            'from',
            'Account that signs: the order owner (default: the first account)',
            undefined,
            address,
        ),
).setAction(async (args: Args, hre) =>
    runTask('order:sign', async () => {
        const fields = orderFieldsFromArgs(args.kind, args);
        if ((fields as Record<string, unknown>).sign !== undefined) {
            throw new TaskError('the order to sign must not carry a "sign" field');
        }
        const { signer, hub } = await pocoContext(hre, args.from);
        const account = await signer.getAddress();
        if (args.kind === 'request') {
            const request = fields as Record<string, unknown>;
            request.requester ??= account;
            request.beneficiary ??= request.requester;
        }
        const order = buildOrder(args.kind, fields);
        await requireOrderOwner(signer, args.kind, order);
        const domain = await readDomain(hub, signer);
        const signed = await signOrder(signer, domain, args.kind, order);
        const hash = hashOrder(domain, args.kind, signed);
        // What matchOrders will check: the hub must accept the signature.
        if (!(await OrderManagementFacet__factory.connect(hub, signer).verifySignature(account, hash, signed.sign))) {
            throw new TaskError(`the hub does not accept ${account}'s signature of this order`);
        }
        const book = resolve(args.book);
        addToOrderBook(book, args.kind, signed, hash);
        printFields({ kind: args.kind, hash, signer: account, volume: signed.volume, salt: signed.salt, book });
    }),
);
