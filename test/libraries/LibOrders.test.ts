import { expect } from 'chai';
import { ethers } from 'hardhat';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import fc from 'fast-check';
import { Interface, TypedDataEncoder, ZeroAddress, getAddress, hexlify, keccak256, toBeHex, toUtf8Bytes } from 'ethers';
import { LibOrdersMock__factory, type LibOrdersMock } from '../../typechain-types';
import {
    ORDER_FIELDS,
    ORDER_KINDS,
    OrderOperation,
    createAppOrder,
    createDatasetOrder,
    createOrder,
    createRequestOrder,
    hashOrder,
    hashOrderOperation,
    hashOrderOperationStruct,
    hashOrderStruct,
    readDomain,
    orderOperationTypeString,
    orderTypeString,
    type AppOrder,
    type Order,
    type OrderByKind,
    type OrderKind,
    type OrderOperationValue,
} from '../../sdk/orders';
import { deployDiamondCore } from '../helpers/diamond';
import { kindName } from '../helpers/orders';

/** The spec's type strings (marketplace.md §2.3), the compatibility contract. */
const SPEC_TYPE_STRINGS: Record<OrderKind, string> = {
    app: 'AppOrder(address app,uint256 appprice,uint256 volume,bytes32 tag,address datasetrestrict,address workerpoolrestrict,address requesterrestrict,bytes32 salt)',
    dataset:
        'DatasetOrder(address dataset,uint256 datasetprice,uint256 volume,bytes32 tag,address apprestrict,address workerpoolrestrict,address requesterrestrict,bytes32 salt)',
    workerpool:
        'WorkerpoolOrder(address workerpool,uint256 workerpoolprice,uint256 volume,bytes32 tag,uint256 category,uint256 trust,address apprestrict,address datasetrestrict,address requesterrestrict,bytes32 salt)',
    request:
        'RequestOrder(address app,uint256 appmaxprice,address dataset,uint256 datasetmaxprice,address workerpool,uint256 workerpoolmaxprice,address requester,uint256 volume,bytes32 tag,uint256 category,uint256 trust,address beneficiary,address callback,string params,bytes32 salt)',
};

/** The spec's type hashes (marketplace.md §2.3): orders, then operations. */
const SPEC_TYPE_HASHES: Record<OrderKind, [string, string]> = {
    app: [
        '0x60815a0eeec47dddf1615fe53b31d016c31444e01b9d796db365443a6445d008',
        '0x0638bb0702457e2b4b01be8a202579b8bf97e587fb4f2cc4d4aad01f21a06ee0',
    ],
    dataset: [
        '0x6cfc932a5a3d22c4359295b9f433edff52b60703fa47690a04a83e40933dd47c',
        '0x075eb6f7578ff4292c241bd2484cd5c1d5e6ecc2ddd3317e1d8176b5a45865ec',
    ],
    workerpool: [
        '0xaa3429fb281b34691803133d3d978a75bb77c617ed6bc9aa162b9b30920022bb',
        '0x322d980b7d7a6a1f7c39ff0c5445da6ae1d8e0393ff0dd468c8be3e2c8644388',
    ],
    request: [
        '0xf24e853034a3a450aba845a82914fbb564ad85accca6cf62be112a154520fae0',
        '0x0ded7b52c2d77595a40d242eca751df172b18e686326dbbed3f4748828af77c7',
    ],
};

/** The spec's Bellecour domain (marketplace.md §2.4) and its separator. */
const BELLECOUR_DOMAIN = {
    name: 'iExecODB',
    version: '5.0.0',
    chainId: 134,
    verifyingContract: '0x3eca1B216A7DF1C7689aEb259fFB83ADFB894E7f',
};
const BELLECOUR_SEPARATOR = '0xf2cbd98a556869939d25b73c3fa68ba45f19932f8c9a06f744c98290ed9ef860';

/** fast-check seed: fixed, so that a failure reproduces; override with FC_SEED. */
const SEED = Number(process.env.FC_SEED ?? 20_251_125);
const RUNS = 50;

/** An order of the kind with its required fields set to fixed non-zero addresses. */
function sampleOrder(kind: OrderKind, fields: Partial<Order> = {}): Order {
    const asset = getAddress('0x' + '55'.repeat(20));
    const required = kind === 'request' ? { app: asset, requester: asset } : { [kind]: asset };
    return createOrder(kind, { ...required, ...fields } as Partial<Order>);
}

async function deployMock(): Promise<LibOrdersMock> {
    const [deployer] = await ethers.getSigners();
    return new LibOrdersMock__factory(deployer).deploy();
}

/** The mock next to a hub (one fixture: two `loadFixture`s in a test would revert each other). */
async function deployMockAndHub() {
    const hub = await deployDiamondCore();
    return { ...hub, mock: await new LibOrdersMock__factory(hub.owner).deploy() };
}

/** The on-chain struct hash of an order (`LibOrders.hash`). */
function chainHash(mock: LibOrdersMock, kind: OrderKind, order: Order): Promise<string> {
    switch (kind) {
        case 'app':
            return mock.hashAppOrder(order as AppOrder);
        case 'dataset':
            return mock.hashDatasetOrder(order as OrderByKind['dataset']);
        case 'workerpool':
            return mock.hashWorkerpoolOrder(order as OrderByKind['workerpool']);
        default:
            return mock.hashRequestOrder(order as OrderByKind['request']);
    }
}

/** The on-chain struct hash of an order operation. */
function chainOperationHash(
    mock: LibOrdersMock,
    kind: OrderKind,
    order: Order,
    operation: OrderOperationValue,
): Promise<string> {
    const op = { order, operation, sign: '0x' };
    switch (kind) {
        case 'app':
            return mock.hashAppOrderOperation(op as { order: AppOrder; operation: number; sign: string });
        case 'dataset':
            return mock.hashDatasetOrderOperation(
                op as { order: OrderByKind['dataset']; operation: number; sign: string },
            );
        case 'workerpool':
            return mock.hashWorkerpoolOrderOperation(
                op as { order: OrderByKind['workerpool']; operation: number; sign: string },
            );
        default:
            return mock.hashRequestOrderOperation(
                op as { order: OrderByKind['request']; operation: number; sign: string },
            );
    }
}

/** Gas and hashes of `LibOrders.hash` and of the plain `abi.encode` version. */
function chainGas(mock: LibOrdersMock, kind: OrderKind, order: Order) {
    switch (kind) {
        case 'app':
            return mock.gasAppOrder(order as AppOrder);
        case 'dataset':
            return mock.gasDatasetOrder(order as OrderByKind['dataset']);
        case 'workerpool':
            return mock.gasWorkerpoolOrder(order as OrderByKind['workerpool']);
        default:
            return mock.gasRequestOrder(order as OrderByKind['request']);
    }
}

// Arbitraries: every field random, built through the SDK's builders.
const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes) => getAddress(hexlify(bytes)));
const addressOrZero = fc.oneof(address, fc.constant(ZeroAddress));
const uint256 = fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }), fc.bigInt({ min: 0n, max: 1000n }));
const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => hexlify(bytes));
const sign = fc.uint8Array({ maxLength: 70 }).map((bytes) => hexlify(bytes));
const params = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 80 }));

function arbitraryOrder(kind: OrderKind): fc.Arbitrary<Order> {
    const fieldArbitrary = (type: string): fc.Arbitrary<unknown> =>
        ({ address: addressOrZero, uint256, bytes32, string: params })[type] as fc.Arbitrary<unknown>;
    const record: Record<string, fc.Arbitrary<unknown>> = { sign };
    for (const { name, type } of ORDER_FIELDS[kind]) record[name] = fieldArbitrary(type);
    return fc.record(record).map((fields) => createOrder(kind, fields as Partial<Order>));
}

describe('LibOrders', function () {
    describe('type hashes', function () {
        for (const kind of ORDER_KINDS) {
            it(`derives the ${kindName(kind)}Order type string of the spec from the SDK's EIP-712 table`, function () {
                expect(orderTypeString(kind)).to.equal(SPEC_TYPE_STRINGS[kind]);
                expect(orderOperationTypeString(kind)).to.equal(
                    `${kindName(kind)}OrderOperation(${kindName(kind)}Order order,uint256 operation)${SPEC_TYPE_STRINGS[kind]}`,
                );
            });
        }

        it('equal keccak256 of the SDK type strings, and the spec constants', async function () {
            const mock = await loadFixture(deployMock);
            const onChain = await mock.typeHashes();
            ORDER_KINDS.forEach((kind, i) => {
                const [order, operation] = SPEC_TYPE_HASHES[kind];
                expect(onChain[i], `${kind} order`).to.equal(keccak256(toUtf8Bytes(orderTypeString(kind))));
                expect(onChain[i]).to.equal(order);
                expect(onChain[i + 4], `${kind} operation`).to.equal(
                    keccak256(toUtf8Bytes(orderOperationTypeString(kind))),
                );
                expect(onChain[i + 4]).to.equal(operation);
            });
        });
    });

    describe('domain separator', function () {
        it('is computed for this chain and the calling contract, from the domain a hub reports', async function () {
            const { mock, hubAddress, owner } = await loadFixture(deployMockAndHub);
            const hubDomain = await readDomain(hubAddress, owner);
            const [separator, gasUsed] = await mock.domainSeparator();
            expect(separator).to.equal(
                TypedDataEncoder.hashDomain({ ...hubDomain, verifyingContract: await mock.getAddress() }),
            );
            expect(gasUsed).to.be.lessThan(2_100n); // cheaper than reading the stored one (a cold SLOAD)
        });
    });

    describe('spec test vectors (marketplace.md §2.5, Bellecour domain)', function () {
        const appOrder = createAppOrder({
            app: getAddress('0x' + '11'.repeat(20)),
            appprice: 5n,
            volume: 10n,
            tag: toBeHex(9, 32),
            salt: '0x' + 'ab'.repeat(32),
        });
        const requestOrder = createRequestOrder({
            app: getAddress('0x' + '11'.repeat(20)),
            appmaxprice: 5n,
            workerpoolmaxprice: 100n,
            requester: getAddress('0x' + '22'.repeat(20)),
            volume: 3n,
            tag: toBeHex(9, 32),
            params: '{"iexec_args":"hello"}',
            salt: '0x' + 'cd'.repeat(32),
        });

        it('reproduces the Bellecour domain separator', function () {
            expect(TypedDataEncoder.hashDomain(BELLECOUR_DOMAIN)).to.equal(BELLECOUR_SEPARATOR);
        });

        it('reproduces the app order struct hash and digest, in TypeScript and on chain', async function () {
            const mock = await loadFixture(deployMock);
            const structHash = '0xdaf40e2c9068d5581a2dcf598127c806c6c390c5d03f5f25329c742685fd50b3';
            const digest = '0xe10bcdf276d64287809c7189eee5ba57eb93229199ae4cc234d01cece9606dc1';
            expect(hashOrderStruct('app', appOrder)).to.equal(structHash);
            expect(hashOrder(BELLECOUR_DOMAIN, 'app', appOrder)).to.equal(digest);
            expect(await mock.hashAppOrder(appOrder)).to.equal(structHash);
            expect(await mock.toTypedDataHash(BELLECOUR_SEPARATOR, structHash)).to.equal(digest);
        });

        it('reproduces the digest of the CLOSE operation of that order', async function () {
            const mock = await loadFixture(deployMock);
            const digest = '0xebc6ba5f672f599e1d8470edccdcbd47e2e9700c79742a37d76ef6d63ef54101';
            expect(hashOrderOperation(BELLECOUR_DOMAIN, 'app', appOrder, OrderOperation.CLOSE)).to.equal(digest);
            const structHash = await mock.hashAppOrderOperation({
                order: appOrder,
                operation: OrderOperation.CLOSE,
                sign: '0x',
            });
            expect(await mock.toTypedDataHash(BELLECOUR_SEPARATOR, structHash)).to.equal(digest);
        });

        it('reproduces the request order digest', async function () {
            const mock = await loadFixture(deployMock);
            const digest = '0x5f32d534edfbab545e6acec84c81643ae5986c0d9995cb79cd4c910e3bd1e1ab';
            expect(hashOrder(BELLECOUR_DOMAIN, 'request', requestOrder)).to.equal(digest);
            const structHash = await mock.hashRequestOrder(requestOrder);
            expect(await mock.toTypedDataHash(BELLECOUR_SEPARATOR, structHash)).to.equal(digest);
        });
    });

    describe(`random orders (fast-check, seed ${SEED}, ${RUNS} runs per kind)`, function () {
        for (const kind of ORDER_KINDS) {
            it(`hashes ${kind} orders and their operations as the SDK and a plain abi.encode do`, async function () {
                const mock = await loadFixture(deployMock);
                await fc.assert(
                    fc.asyncProperty(
                        arbitraryOrder(kind),
                        fc.constantFrom(OrderOperation.SIGN, OrderOperation.CLOSE),
                        async (order, operation) => {
                            const expected = hashOrderStruct(kind, order);
                            const [, , libraryHash, referenceHash] = await chainGas(mock, kind, order);
                            expect(libraryHash).to.equal(expected);
                            expect(referenceHash).to.equal(expected);
                            expect(await chainOperationHash(mock, kind, order, operation)).to.equal(
                                hashOrderOperationStruct(kind, order, operation),
                            );
                        },
                    ),
                    { seed: SEED, numRuns: RUNS },
                );
            });
        }
    });

    describe('gas', function () {
        for (const kind of ORDER_KINDS) {
            it(`hashes ${kind} orders for less gas than a plain abi.encode`, async function () {
                const mock = await loadFixture(deployMock);
                const order = sampleOrder(kind, kind === 'request' ? { params: '{"iexec_args":"hello"}' } : {});
                const [library, reference] = await chainGas(mock, kind, order);
                expect(library).to.be.lessThan(reference);
                console.log(`        ${kind} order struct hash: ${library} gas (abi.encode: ${reference})`);
            });
        }
    });

    describe('distinct orders', function () {
        it('gives an app order and a dataset order with the same field values different hashes', async function () {
            const mock = await loadFixture(deployMock);
            const asset = getAddress('0x' + '33'.repeat(20));
            const app = createAppOrder({ app: asset, appprice: 7n, volume: 2n });
            const dataset = createDatasetOrder({ dataset: asset, datasetprice: 7n, volume: 2n, salt: app.salt });
            expect(await mock.hashAppOrder(app)).to.not.equal(await mock.hashDatasetOrder(dataset));
        });

        for (const kind of ORDER_KINDS) {
            it(`changes the ${kind} order hash when any hashed field changes, not when sign does`, async function () {
                const mock = await loadFixture(deployMock);
                const order = sampleOrder(kind);
                const original = await chainHash(mock, kind, order);
                expect(await chainHash(mock, kind, { ...order, sign: '0x1234' })).to.equal(original);
                for (const { name, type } of ORDER_FIELDS[kind]) {
                    const changed = {
                        address: getAddress('0x' + '44'.repeat(20)),
                        uint256: 12_345n,
                        bytes32: toBeHex(1, 32),
                        string: 'changed',
                    }[type];
                    const mutated = { ...order, [name]: changed } as Order;
                    expect(await chainHash(mock, kind, mutated), name).to.not.equal(original);
                }
            });
        }
    });

    describe('calldata validation', function () {
        for (const kind of ORDER_KINDS) {
            it(`reverts on an address with dirty upper bits in ${kind} orders, as the ABI decoder does`, async function () {
                const mock = await loadFixture(deployMock);
                const order = sampleOrder(kind);
                const fn = `hash${kindName(kind)}Order` as const;
                const reference = `reference${kindName(kind)}Order` as const;
                const provider = ethers.provider;
                const to = await mock.getAddress();
                const iface = Interface.from(LibOrdersMock__factory.abi); // untyped: method names built at run time
                // Each address field in turn: set a byte above the 20 address bytes of its word.
                const addressFields = ORDER_FIELDS[kind].filter(({ type }) => type === 'address');
                for (const { name } of addressFields) {
                    for (const method of [fn, reference]) {
                        const data = iface.encodeFunctionData(method, [order]);
                        await expect(provider.call({ to, data }), `${method} clean`).to.be.fulfilled;
                        // Selector (4) + offset of the tuple (32): the order's head starts at byte 36.
                        const index = ORDER_FIELDS[kind].findIndex((f) => f.name === name);
                        const byteOffset = 4 + 32 + 32 * index + 11; // the last byte above the address
                        const dirty = data.slice(0, 2 + 2 * byteOffset) + '01' + data.slice(2 + 2 * (byteOffset + 1));
                        await expect(provider.call({ to, data: dirty }), `${method} ${name}`).to.be.rejected;
                    }
                }
            });
        }
    });
});
