/**
 * What the `order:` tasks share: the order kind argument, one CLI parameter per order field (named
 * exactly as the field, so `--appprice 5`, `--datasetrestrict 0x…`), and building an order from an
 * optional JSON file overridden by those parameters.
 */
import { readFileSync } from 'fs';
import type { Signer } from 'ethers';
import { types } from 'hardhat/config';
import type { CLIArgumentType, ConfigurableTaskDefinition } from 'hardhat/types';
import {
    ORDER_FIELDS,
    ORDER_KINDS,
    createOrder,
    orderAsset,
    orderOwner,
    parseOrderFields,
    type OrderByKind,
    type OrderKind,
} from '../../sdk/orders';
import { TaskError } from '../lib/errors';
import { address, bytes32, uint } from '../lib/types';

/** `app`, `dataset`, `workerpool` or `request`. */
export const orderKind: CLIArgumentType<OrderKind> = {
    name: 'order kind',
    parse: (argName, value) => {
        if (!(ORDER_KINDS as readonly string[]).includes(value)) {
            throw new TaskError(`${argName}: "${value}" is not one of ${ORDER_KINDS.join(', ')}`);
        }
        return value as OrderKind;
    },
    validate: (argName, value) => {
        if (!(ORDER_KINDS as readonly unknown[]).includes(value)) {
            throw new TaskError(`${argName}: "${String(value)}" is not one of ${ORDER_KINDS.join(', ')}`);
        }
    },
};

/** Every field of every kind, with the CLI type of its EIP-712 type. */
const FIELD_TYPES: Map<string, string> = new Map(
    ORDER_KINDS.flatMap((kind) => ORDER_FIELDS[kind].map(({ name, type }) => [name, type] as [string, string])),
);

const CLI_TYPES: Record<string, CLIArgumentType<unknown>> = {
    address: address as CLIArgumentType<unknown>,
    uint256: uint as CLIArgumentType<unknown>,
    bytes32: bytes32 as CLIArgumentType<unknown>,
    string: types.string as CLIArgumentType<unknown>,
};

/** Add `--file` and one optional parameter per order field (of any kind) to a task. */
export function addOrderFieldParams(definition: ConfigurableTaskDefinition): ConfigurableTaskDefinition {
    definition.addOptionalParam(
        'file',
        'JSON file of order fields (e.g. an entry\'s "order" from an order book); field parameters override it',
        undefined,
        types.inputFile,
    );
    for (const [name, type] of FIELD_TYPES) {
        definition.addOptionalParam(name, `Order field ${name} (${type})`, undefined, CLI_TYPES[type]);
    }
    return definition;
}

/**
 * The order fields given to a task: those of `--file`, overridden by the field parameters. A field
 * of another kind of order is an error.
 */
export function orderFieldsFromArgs<K extends OrderKind>(
    kind: K,
    args: Record<string, unknown> & { file?: string },
): Partial<OrderByKind[K]> {
    const values: Record<string, unknown> = {};
    if (args.file !== undefined) {
        let content: unknown;
        try {
            content = JSON.parse(readFileSync(args.file, 'utf8'));
        } catch (error) {
            throw new TaskError(`--file ${args.file}: ${(error as Error).message.split('\n')[0]}`);
        }
        if (typeof content !== 'object' || content === null || Array.isArray(content)) {
            throw new TaskError(`--file ${args.file}: expected a JSON object of order fields`);
        }
        Object.assign(values, content);
    }
    const own = new Set([...ORDER_FIELDS[kind].map(({ name }) => name), 'sign']);
    for (const name of FIELD_TYPES.keys()) {
        if (args[name] === undefined) continue;
        if (!own.has(name)) throw new TaskError(`--${name} is not a field of ${kind} orders`);
        values[name] = args[name];
    }
    try {
        return parseOrderFields(kind, values);
    } catch (error) {
        throw new TaskError((error as Error).message);
    }
}

/** The order with these fields and the builder's defaults, requiring what has no default. */
export function buildOrder<K extends OrderKind>(kind: K, fields: Partial<OrderByKind[K]>): OrderByKind[K] {
    const required = kind === 'request' ? ['app', 'requester'] : [kind];
    const record = fields as Record<string, unknown>;
    const missing = required.filter((name) => record[name] === undefined);
    if (missing.length > 0) throw new TaskError(`give ${missing.map((name) => `--${name}`).join(' and ')}`);
    return createOrder(kind, fields);
}

/** Fail with one line unless `signer` owns the order (the asset's owner, or the requester). */
export async function requireOrderOwner<K extends OrderKind>(
    signer: Signer,
    kind: K,
    order: OrderByKind[K],
): Promise<void> {
    const account = await signer.getAddress();
    if (kind !== 'request') {
        const asset = orderAsset(kind, order);
        const code = await signer.provider?.getCode(asset);
        if (code === '0x') throw new TaskError(`${kind} ${asset} is not a contract`);
    }
    const owner = await orderOwner(signer, kind, order);
    if (owner !== account) {
        throw new TaskError(
            kind === 'request'
                ? `${account} is not the requester of this order (${owner})`
                : `${account} is not the owner of ${kind} ${orderAsset(kind, order)} (${owner})`,
        );
    }
}
