/**
 * PoCo orders: types, builders, EIP-712 hashing and signing, presign and close. The only place
 * where orders and their signatures are made — tests, tasks and scripts all call this module.
 *
 * An order's hash is its EIP-712 digest under the hub's domain (name `iExecODB`, version `5.0.0`,
 * chain id, hub address — read from the hub with {@link readDomain}, never typed by hand); it is
 * the key of the hub's per-order state and what owners sign. `sign` is never part of the hash.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import {
    TypedDataEncoder,
    Signature,
    ZeroAddress,
    concat,
    getAddress,
    hexlify,
    isAddress,
    isHexString,
    randomBytes,
    toBeHex,
    toBigInt,
    type ContractRunner,
    type ContractTransactionReceipt,
    type ContractTransactionResponse,
    type Signer,
    type TypedDataDomain,
    type TypedDataField,
} from 'ethers';
import {
    ConfigurationFacet__factory,
    IRegistryEntry__factory,
    OrderManagementFacet__factory,
} from '../typechain-types';
import { NO_TAG } from './tags';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** The four kinds of orders. */
export const ORDER_KINDS = ['app', 'dataset', 'workerpool', 'request'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** An app owner's offer (`IexecLibOrders_v5.AppOrder`). Prices in nRLC per task. */
export interface AppOrder {
    app: string;
    appprice: bigint;
    volume: bigint;
    tag: string;
    datasetrestrict: string;
    workerpoolrestrict: string;
    requesterrestrict: string;
    salt: string;
    sign: string;
}

/** A dataset owner's offer (`IexecLibOrders_v5.DatasetOrder`). */
export interface DatasetOrder {
    dataset: string;
    datasetprice: bigint;
    volume: bigint;
    tag: string;
    apprestrict: string;
    workerpoolrestrict: string;
    requesterrestrict: string;
    salt: string;
    sign: string;
}

/** A scheduler's offer (`IexecLibOrders_v5.WorkerpoolOrder`). */
export interface WorkerpoolOrder {
    workerpool: string;
    workerpoolprice: bigint;
    volume: bigint;
    tag: string;
    category: bigint;
    trust: bigint;
    apprestrict: string;
    datasetrestrict: string;
    requesterrestrict: string;
    salt: string;
    sign: string;
}

/** A requester's demand (`IexecLibOrders_v5.RequestOrder`); `workerpool` is a restriction. */
export interface RequestOrder {
    app: string;
    appmaxprice: bigint;
    dataset: string;
    datasetmaxprice: bigint;
    workerpool: string;
    workerpoolmaxprice: bigint;
    requester: string;
    volume: bigint;
    tag: string;
    category: bigint;
    trust: bigint;
    beneficiary: string;
    callback: string;
    params: string;
    salt: string;
    sign: string;
}

export interface OrderByKind {
    app: AppOrder;
    dataset: DatasetOrder;
    workerpool: WorkerpoolOrder;
    request: RequestOrder;
}
export type Order = OrderByKind[OrderKind];

/** `IexecLibOrders_v5.OrderOperationEnum`. */
export const OrderOperation = { SIGN: 0, CLOSE: 1 } as const;
export type OrderOperationValue = (typeof OrderOperation)[keyof typeof OrderOperation];

/** `IexecLibOrders_v5.<Kind>OrderOperation`: what `manage<Kind>Order` takes. */
export interface OrderOperationOf<K extends OrderKind> {
    order: OrderByKind[K];
    operation: OrderOperationValue;
    /** The owner's signature of the operation; `0x` when the owner sends it. */
    sign: string;
}

// ---------------------------------------------------------------------------------------------
// EIP-712 types
// ---------------------------------------------------------------------------------------------

/** EIP-712 primary type name of each kind of order. */
export const ORDER_TYPE_NAMES = {
    app: 'AppOrder',
    dataset: 'DatasetOrder',
    workerpool: 'WorkerpoolOrder',
    request: 'RequestOrder',
} as const satisfies Record<OrderKind, string>;

const field = (name: string, type: string): TypedDataField => ({ name, type });

/** EIP-712 fields of each kind of order, in hashing order (`sign` is not one of them). */
export const ORDER_FIELDS: Record<OrderKind, readonly TypedDataField[]> = {
    app: [
        field('app', 'address'),
        field('appprice', 'uint256'),
        field('volume', 'uint256'),
        field('tag', 'bytes32'),
        field('datasetrestrict', 'address'),
        field('workerpoolrestrict', 'address'),
        field('requesterrestrict', 'address'),
        field('salt', 'bytes32'),
    ],
    dataset: [
        field('dataset', 'address'),
        field('datasetprice', 'uint256'),
        field('volume', 'uint256'),
        field('tag', 'bytes32'),
        field('apprestrict', 'address'),
        field('workerpoolrestrict', 'address'),
        field('requesterrestrict', 'address'),
        field('salt', 'bytes32'),
    ],
    workerpool: [
        field('workerpool', 'address'),
        field('workerpoolprice', 'uint256'),
        field('volume', 'uint256'),
        field('tag', 'bytes32'),
        field('category', 'uint256'),
        field('trust', 'uint256'),
        field('apprestrict', 'address'),
        field('datasetrestrict', 'address'),
        field('requesterrestrict', 'address'),
        field('salt', 'bytes32'),
    ],
    request: [
        field('app', 'address'),
        field('appmaxprice', 'uint256'),
        field('dataset', 'address'),
        field('datasetmaxprice', 'uint256'),
        field('workerpool', 'address'),
        field('workerpoolmaxprice', 'uint256'),
        field('requester', 'address'),
        field('volume', 'uint256'),
        field('tag', 'bytes32'),
        field('category', 'uint256'),
        field('trust', 'uint256'),
        field('beneficiary', 'address'),
        field('callback', 'address'),
        field('params', 'string'),
        field('salt', 'bytes32'),
    ],
};

/** The EIP-712 `types` table of an order. */
export function orderTypes(kind: OrderKind): Record<string, TypedDataField[]> {
    return { [ORDER_TYPE_NAMES[kind]]: [...ORDER_FIELDS[kind]] };
}

/** EIP-712 primary type name of an order operation (`AppOrderOperation`, ...). */
export function orderOperationTypeName(kind: OrderKind): string {
    return `${ORDER_TYPE_NAMES[kind]}Operation`;
}

/** The EIP-712 `types` table of an order operation: the order, and the operation as a uint256. */
export function orderOperationTypes(kind: OrderKind): Record<string, TypedDataField[]> {
    return {
        [orderOperationTypeName(kind)]: [field('order', ORDER_TYPE_NAMES[kind]), field('operation', 'uint256')],
        ...orderTypes(kind),
    };
}

/** The EIP-712 type string of an order (`AppOrder(address app,...)`). */
export function orderTypeString(kind: OrderKind): string {
    return TypedDataEncoder.from(orderTypes(kind)).encodeType(ORDER_TYPE_NAMES[kind]);
}

/** The EIP-712 type string of an order operation (the order's type string appended). */
export function orderOperationTypeString(kind: OrderKind): string {
    return TypedDataEncoder.from(orderOperationTypes(kind)).encodeType(orderOperationTypeName(kind));
}

// ---------------------------------------------------------------------------------------------
// Domain and hashes
// ---------------------------------------------------------------------------------------------

/** The EIP-712 domain of a hub's orders, as the hub itself reports it (`domain()`). */
export async function readDomain(hub: string, runner: ContractRunner): Promise<TypedDataDomain> {
    const domain = await ConfigurationFacet__factory.connect(hub, runner).domain();
    return {
        name: domain.name,
        version: domain.version,
        chainId: domain.chainId,
        verifyingContract: domain.verifyingContract,
    };
}

/** The order's hashed fields only (drops `sign`). */
function hashedFields(kind: OrderKind, order: Order): Record<string, unknown> {
    const record = order as unknown as Record<string, unknown>;
    return Object.fromEntries(ORDER_FIELDS[kind].map(({ name }) => [name, record[name]]));
}

/** The EIP-712 struct hash of an order. */
export function hashOrderStruct<K extends OrderKind>(kind: K, order: OrderByKind[K]): string {
    return TypedDataEncoder.from(orderTypes(kind)).hashStruct(ORDER_TYPE_NAMES[kind], hashedFields(kind, order));
}

/** The order's hash: its EIP-712 digest under the domain (what the hub keys it by, and what owners sign). */
export function hashOrder<K extends OrderKind>(domain: TypedDataDomain, kind: K, order: OrderByKind[K]): string {
    return TypedDataEncoder.hash(domain, orderTypes(kind), hashedFields(kind, order));
}

function operationValue(kind: OrderKind, order: Order, operation: OrderOperationValue) {
    return { order: hashedFields(kind, order), operation };
}

/** The EIP-712 struct hash of an order operation. */
export function hashOrderOperationStruct<K extends OrderKind>(
    kind: K,
    order: OrderByKind[K],
    operation: OrderOperationValue,
): string {
    return TypedDataEncoder.from(orderOperationTypes(kind)).hashStruct(
        orderOperationTypeName(kind),
        operationValue(kind, order, operation),
    );
}

/** The EIP-712 digest of an order operation: what its owner signs to let someone else submit it. */
export function hashOrderOperation<K extends OrderKind>(
    domain: TypedDataDomain,
    kind: K,
    order: OrderByKind[K],
    operation: OrderOperationValue,
): string {
    return TypedDataEncoder.hash(domain, orderOperationTypes(kind), operationValue(kind, order, operation));
}

// ---------------------------------------------------------------------------------------------
// Signatures
// ---------------------------------------------------------------------------------------------

/**
 * The order, signed by an EOA (`eth_signTypedData_v4`: a 65-byte `r ‖ s ‖ v` signature of the
 * order's hash, low `s`, `v` 27 or 28).
 */
export async function signOrder<K extends OrderKind>(
    signer: Signer,
    domain: TypedDataDomain,
    kind: K,
    order: OrderByKind[K],
): Promise<OrderByKind[K]> {
    const sign = await signer.signTypedData(domain, orderTypes(kind), hashedFields(kind, order));
    return { ...order, sign };
}

/**
 * The order, signed for an ERC-1271 wallet by the key that controls it. The hub passes `sign` to
 * the wallet's `isValidSignature(hash, sign)` untouched; `wrap` turns the key's signature into
 * what the wallet expects. The default (no wrapping: the key's 65-byte signature of the order's
 * hash) is what `ERC1271WalletMock` expects.
 */
export async function signOrderForWallet<K extends OrderKind>(
    walletKey: Signer,
    domain: TypedDataDomain,
    kind: K,
    order: OrderByKind[K],
    wrap: (signature: string) => string = (signature) => signature,
): Promise<OrderByKind[K]> {
    const signed = await signOrder(walletKey, domain, kind, order);
    return { ...signed, sign: wrap(signed.sign) };
}

/** An order operation signed by the order's owner, for anyone to submit with `manage<Kind>Order`. */
export async function signOrderOperation<K extends OrderKind>(
    signer: Signer,
    domain: TypedDataDomain,
    kind: K,
    order: OrderByKind[K],
    operation: OrderOperationValue,
): Promise<OrderOperationOf<K>> {
    const sign = await signer.signTypedData(domain, orderOperationTypes(kind), operationValue(kind, order, operation));
    return { order, operation, sign };
}

/** The EIP-2098 compact (64-byte `r ‖ vs`) form of a 65-byte signature. */
export function compactSignature(signature: string): string {
    return Signature.from(signature).compactSerialized;
}

/** secp256k1 curve order. */
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/**
 * The malleable twin of a 65-byte signature (`s` → n − s, `v` flipped): recovers the same signer,
 * and verifiers must refuse it (EIP-2). For testing verifiers.
 */
export function highSTwin(signature: string): string {
    const sig = Signature.from(signature);
    return concat([sig.r, toBeHex(SECP256K1_N - toBigInt(sig.s), 32), toBeHex(sig.v === 27 ? 28 : 27, 1)]);
}

/** A 65-byte signature with another recovery byte `v` (e.g. 0/1 instead of 27/28). For testing verifiers. */
export function withRecoveryByte(signature: string, v: number): string {
    const sig = Signature.from(signature);
    return concat([sig.r, sig.s, toBeHex(v, 1)]);
}

// ---------------------------------------------------------------------------------------------
// On-chain operations
// ---------------------------------------------------------------------------------------------

/** The account that owns an order: the asset's current `owner()`, or the request's requester. */
export async function orderOwner<K extends OrderKind>(
    runner: ContractRunner,
    kind: K,
    order: OrderByKind[K],
): Promise<string> {
    if (kind === 'request') return getAddress((order as RequestOrder).requester);
    return IRegistryEntry__factory.connect(orderAsset(kind, order), runner).owner();
}

/** The asset an order offers (app, dataset or workerpool), or the request's app. */
export function orderAsset<K extends OrderKind>(kind: K, order: OrderByKind[K]): string {
    switch (kind) {
        case 'app':
            return (order as AppOrder).app;
        case 'dataset':
            return (order as DatasetOrder).dataset;
        case 'workerpool':
            return (order as WorkerpoolOrder).workerpool;
        default:
            return (order as RequestOrder).app;
    }
}

/**
 * Send `manage<Kind>Order(operation)` from `sender` (without waiting for it). The sender is either
 * the order's owner (then `operation.sign` may be `0x`) or anyone holding the owner's signature of
 * the operation ({@link signOrderOperation}).
 */
export function sendManageOrder<K extends OrderKind>(
    hub: string,
    sender: Signer,
    kind: K,
    operation: OrderOperationOf<K>,
): Promise<ContractTransactionResponse> {
    const facet = OrderManagementFacet__factory.connect(hub, sender);
    switch (kind) {
        case 'app':
            return facet.manageAppOrder(operation as OrderOperationOf<'app'>);
        case 'dataset':
            return facet.manageDatasetOrder(operation as OrderOperationOf<'dataset'>);
        case 'workerpool':
            return facet.manageWorkerpoolOrder(operation as OrderOperationOf<'workerpool'>);
        default:
            return facet.manageRequestOrder(operation as OrderOperationOf<'request'>);
    }
}

/** {@link sendManageOrder}, waiting for the transaction to be mined. */
export async function manageOrder<K extends OrderKind>(
    hub: string,
    sender: Signer,
    kind: K,
    operation: OrderOperationOf<K>,
): Promise<ContractTransactionReceipt> {
    const tx = await sendManageOrder(hub, sender, kind, operation);
    const receipt = await tx.wait();
    if (receipt === null) throw new Error(`manage order transaction ${tx.hash} was dropped`);
    return receipt;
}

/** Presign an order, sent by its owner: it can then be matched without a signature. */
export function presignOrder<K extends OrderKind>(
    hub: string,
    owner: Signer,
    kind: K,
    order: OrderByKind[K],
): Promise<ContractTransactionReceipt> {
    return manageOrder(hub, owner, kind, { order, operation: OrderOperation.SIGN, sign: '0x' });
}

/** Close (cancel) an order for good, sent by its owner: its whole volume becomes consumed. */
export function cancelOrder<K extends OrderKind>(
    hub: string,
    owner: Signer,
    kind: K,
    order: OrderByKind[K],
): Promise<ContractTransactionReceipt> {
    return manageOrder(hub, owner, kind, { order, operation: OrderOperation.CLOSE, sign: '0x' });
}

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

/** A fresh random salt: two orders with the same fields and different salts are different orders. */
export function randomSalt(): string {
    return hexlify(randomBytes(32));
}

type Optional<T, Required extends keyof T> = Pick<T, Required> & Partial<Omit<T, Required>>;

/** An app order: price 0, volume 1, no tag, no restriction, random salt, unsigned — unless given. */
export function createAppOrder(fields: Optional<AppOrder, 'app'>): AppOrder {
    return {
        appprice: 0n,
        volume: 1n,
        tag: NO_TAG,
        datasetrestrict: ZeroAddress,
        workerpoolrestrict: ZeroAddress,
        requesterrestrict: ZeroAddress,
        salt: randomSalt(),
        sign: '0x',
        ...fields,
    };
}

/** A dataset order: price 0, volume 1, no tag, no restriction, random salt, unsigned — unless given. */
export function createDatasetOrder(fields: Optional<DatasetOrder, 'dataset'>): DatasetOrder {
    return {
        datasetprice: 0n,
        volume: 1n,
        tag: NO_TAG,
        apprestrict: ZeroAddress,
        workerpoolrestrict: ZeroAddress,
        requesterrestrict: ZeroAddress,
        salt: randomSalt(),
        sign: '0x',
        ...fields,
    };
}

/** A workerpool order: price 0, volume 1, no tag, category 0, trust 0, no restriction, random salt. */
export function createWorkerpoolOrder(fields: Optional<WorkerpoolOrder, 'workerpool'>): WorkerpoolOrder {
    return {
        workerpoolprice: 0n,
        volume: 1n,
        tag: NO_TAG,
        category: 0n,
        trust: 0n,
        apprestrict: ZeroAddress,
        datasetrestrict: ZeroAddress,
        requesterrestrict: ZeroAddress,
        salt: randomSalt(),
        sign: '0x',
        ...fields,
    };
}

/**
 * A request order: no dataset, any workerpool, max prices 0, volume 1, no tag, category 0,
 * trust 0, the requester as beneficiary, no callback, empty params, random salt — unless given.
 */
export function createRequestOrder(fields: Optional<RequestOrder, 'app' | 'requester'>): RequestOrder {
    return {
        appmaxprice: 0n,
        dataset: ZeroAddress,
        datasetmaxprice: 0n,
        workerpool: ZeroAddress,
        workerpoolmaxprice: 0n,
        volume: 1n,
        tag: NO_TAG,
        category: 0n,
        trust: 0n,
        beneficiary: fields.requester,
        callback: ZeroAddress,
        params: '',
        salt: randomSalt(),
        sign: '0x',
        ...fields,
    };
}

/** The order of a kind with only its required fields given. */
export function createOrder<K extends OrderKind>(kind: K, fields: Partial<OrderByKind[K]>): OrderByKind[K] {
    const builders = {
        app: createAppOrder,
        dataset: createDatasetOrder,
        workerpool: createWorkerpoolOrder,
        request: createRequestOrder,
    } as unknown as Record<OrderKind, (f: Partial<Order>) => Order>;
    return builders[kind](fields as Partial<Order>) as OrderByKind[K];
}

/** "No dataset" for `matchOrders`: an all-zero dataset order with an empty signature. */
export function nullDatasetOrder(): DatasetOrder {
    return createDatasetOrder({ dataset: ZeroAddress, volume: 0n, salt: toBeHex(0, 32) });
}

// ---------------------------------------------------------------------------------------------
// JSON (order files and order books)
// ---------------------------------------------------------------------------------------------

/** An order as JSON: integers as decimal strings. */
export type OrderJson = Record<string, string>;

/** An order as JSON (integers as decimal strings), fields in ABI order, `sign` last. */
export function orderToJson<K extends OrderKind>(kind: K, order: OrderByKind[K]): OrderJson {
    const record = order as unknown as Record<string, unknown>;
    const json: OrderJson = {};
    for (const { name } of [...ORDER_FIELDS[kind], field('sign', 'bytes')]) json[name] = String(record[name]);
    return json;
}

/**
 * Order fields parsed and validated from JSON-like values (decimal or 0x strings, numbers,
 * bigints). Only the given fields are returned; an unknown field or a bad value throws an Error
 * naming the field.
 */
export function parseOrderFields<K extends OrderKind>(
    kind: K,
    values: Record<string, unknown>,
): Partial<OrderByKind[K]> {
    const types = new Map([...ORDER_FIELDS[kind], field('sign', 'bytes')].map(({ name, type }) => [name, type]));
    const parsed: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(values)) {
        if (value === undefined) continue;
        const type = types.get(name);
        if (type === undefined) throw new Error(`${kind} orders have no field "${name}"`);
        parsed[name] = parseField(name, type, value);
    }
    return parsed as Partial<OrderByKind[K]>;
}

function parseField(name: string, type: string, value: unknown): unknown {
    const text = typeof value === 'bigint' || typeof value === 'number' ? value.toString() : value;
    if (typeof text !== 'string') throw new Error(`field "${name}": expected a string, got ${typeof value}`);
    switch (type) {
        case 'address':
            if (!isAddress(text)) throw new Error(`field "${name}": "${text}" is not an address`);
            return getAddress(text);
        case 'uint256':
            if (!/^(\d+|0x[0-9a-fA-F]+)$/.test(text)) throw new Error(`field "${name}": "${text}" is not an integer`);
            return BigInt(text);
        case 'bytes32':
            if (!isHexString(text, 32)) throw new Error(`field "${name}": "${text}" is not a bytes32`);
            return text.toLowerCase();
        case 'bytes':
            if (!isHexString(text)) throw new Error(`field "${name}": "${text}" is not hex bytes`);
            return text.toLowerCase();
        default:
            return text;
    }
}

/** One order of an order book file. */
export interface OrderBookEntry {
    kind: OrderKind;
    order: OrderJson;
    /** The order's hash on the hub it was signed for. */
    hash: string;
}

/** The entries of an order book file (a JSON array), or none if the file does not exist. */
export function readOrderBook(path: string): OrderBookEntry[] {
    if (!existsSync(path)) return [];
    const content = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (!Array.isArray(content))
        throw new Error(`${path} is not an order book (a JSON array of { kind, order, hash })`);
    return content.map((entry: unknown, index: number) => {
        const e = entry as Partial<OrderBookEntry>;
        if (!ORDER_KINDS.includes(e.kind as OrderKind) || typeof e.order !== 'object' || typeof e.hash !== 'string') {
            throw new Error(`${path}: entry ${index} is not { kind, order, hash }`);
        }
        return e as OrderBookEntry;
    });
}

/** Add an order to an order book file (created if missing); an entry with the same hash is replaced. */
export function addToOrderBook<K extends OrderKind>(path: string, kind: K, order: OrderByKind[K], hash: string): void {
    const entries = readOrderBook(path).filter((entry) => entry.hash !== hash);
    entries.push({ kind, order: orderToJson(kind, order), hash });
    writeFileSync(path, `${JSON.stringify(entries, null, 2)}\n`);
}

/**
 * A whole order parsed and validated from JSON-like values: every hashed field is required,
 * `sign` defaults to `0x`.
 */
export function parseOrder<K extends OrderKind>(kind: K, values: Record<string, unknown>): OrderByKind[K] {
    const missing = ORDER_FIELDS[kind].map(({ name }) => name).filter((name) => values[name] === undefined);
    if (missing.length > 0) throw new Error(`${kind} order: missing field(s) ${missing.join(', ')}`);
    return { sign: '0x', ...parseOrderFields(kind, values) } as OrderByKind[K];
}

/** The order of an order book entry, typed and validated. */
export function orderFromEntry(entry: OrderBookEntry): Order {
    return parseOrder(entry.kind, entry.order);
}
