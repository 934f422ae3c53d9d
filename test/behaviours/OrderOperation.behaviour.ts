/**
 * `shouldManageOrders(kind)`: presign and close, by the owner or with the owner's signature of the
 * operation, for one kind of order. Run for the four kinds by `facets/OrderManagementFacet.test.ts`.
 */
import { expect } from 'chai';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { Wallet, ZeroAddress, hexlify, randomBytes } from 'ethers';
import {
    OrderOperation,
    compactSignature,
    hashOrder,
    manageOrder,
    presignOrder,
    sendManageOrder,
    signOrder,
    signOrderOperation,
    type OrderByKind,
    type OrderKind,
    type OrderOperationOf,
} from '../../sdk/orders';
import { deployOrdersHub, kindName, orderKindSetup } from '../helpers/orders';

/** `ERC1271WalletMock.Mode.Revert`. */
const WALLET_MODE_REVERT = 2;

async function fixture() {
    return deployOrdersHub();
}

export function shouldManageOrders<K extends OrderKind>(kind: K): void {
    const Kind = kindName(kind);
    const signedEvent = `Signed${Kind}Order`;
    const closedEvent = `Closed${Kind}Order`;

    async function setup() {
        const hub = await loadFixture(fixture);
        const { order: makeOrder, ...setup } = await orderKindSetup(hub, kind);
        const order = makeOrder();
        return { ...hub, ...setup, makeOrder, order, hash: hashOrder(hub.domain, kind, order) };
    }

    const unsigned = (order: OrderByKind[K], operation: 0 | 1): OrderOperationOf<K> => ({
        order,
        operation,
        sign: '0x',
    });

    describe(`manage${Kind}Order`, function () {
        describe('SIGN', function () {
            it(`presigns when the owner sends it: records the owner and emits ${signedEvent}(hash)`, async function () {
                const { hubAddress, orders, owner, order, hash } = await setup();
                await expect(sendManageOrder(hubAddress, owner, kind, unsigned(order, OrderOperation.SIGN)))
                    .to.emit(orders, signedEvent)
                    .withArgs(hash);
                expect(await orders.viewPresigned(hash)).to.equal(owner.address);
                expect(await orders.verifyPresignature(owner.address, hash)).to.equal(true);
                expect(await orders.viewConsumed(hash)).to.equal(0n);
            });

            it("presigns when anyone sends it with the owner's signature of the operation", async function () {
                const { hubAddress, orders, domain, owner, actors, order, hash } = await setup();
                const operation = await signOrderOperation(owner, domain, kind, order, OrderOperation.SIGN);
                await expect(sendManageOrder(hubAddress, actors.stranger, kind, operation))
                    .to.emit(orders, signedEvent)
                    .withArgs(hash);
                expect(await orders.viewPresigned(hash)).to.equal(owner.address);
            });

            it('accepts the compact (EIP-2098) form of that signature', async function () {
                const { hubAddress, orders, domain, owner, actors, order, hash } = await setup();
                const operation = await signOrderOperation(owner, domain, kind, order, OrderOperation.SIGN);
                await manageOrder(hubAddress, actors.stranger, kind, {
                    ...operation,
                    sign: compactSignature(operation.sign),
                });
                expect(await orders.viewPresigned(hash)).to.equal(owner.address);
            });

            it("presigns for an ERC-1271 owner with the wallet's signature of the operation", async function () {
                const { hubAddress, orders, domain, actors, wallet, transfer, makeOrder } = await setup();
                const walletAddress = await wallet.getAddress();
                // The wallet becomes the owner: it gets the asset, or is the requester.
                if (transfer) await transfer(walletAddress);
                const order = makeOrder({}, walletAddress);
                const operation = await signOrderOperation(actors.walletKey, domain, kind, order, OrderOperation.SIGN);
                const hash = hashOrder(domain, kind, order);
                await expect(sendManageOrder(hubAddress, actors.stranger, kind, operation))
                    .to.emit(orders, signedEvent)
                    .withArgs(hash);
                expect(await orders.viewPresigned(hash)).to.equal(walletAddress);
            });

            it('reverts with OrderUnauthorized(sender, owner) when someone else signed the operation', async function () {
                const { hubAddress, orders, domain, owner, actors, order } = await setup();
                const operation = await signOrderOperation(actors.stranger, domain, kind, order, OrderOperation.SIGN);
                await expect(sendManageOrder(hubAddress, actors.stranger, kind, operation))
                    .to.be.revertedWithCustomError(orders, 'OrderUnauthorized')
                    .withArgs(actors.stranger.address, owner.address);
            });

            it('reverts with SignatureInvalidLength(0) when someone else sends it unsigned (EOA owner)', async function () {
                const { hubAddress, orders, actors, order } = await setup();
                await expect(sendManageOrder(hubAddress, actors.stranger, kind, unsigned(order, OrderOperation.SIGN)))
                    .to.be.revertedWithCustomError(orders, 'SignatureInvalidLength')
                    .withArgs(0);
            });

            it("rejects the owner's signature of the order instead of the operation", async function () {
                const { hubAddress, orders, domain, owner, actors, order } = await setup();
                const signedOrder = await signOrder(owner, domain, kind, order);
                const operation = { order, operation: OrderOperation.SIGN, sign: signedOrder.sign };
                await expect(sendManageOrder(hubAddress, actors.stranger, kind, operation))
                    .to.be.revertedWithCustomError(orders, 'OrderUnauthorized')
                    .withArgs(actors.stranger.address, owner.address);
            });

            it('rejects an operation signed for another hub or another chain (another domain)', async function () {
                const { hubAddress, orders, domain, owner, actors, order } = await setup();
                const otherHub = { ...domain, verifyingContract: Wallet.createRandom().address };
                const otherChain = { ...domain, chainId: BigInt(domain.chainId!) + 1n };
                for (const other of [otherHub, otherChain]) {
                    const operation = await signOrderOperation(owner, other, kind, order, OrderOperation.SIGN);
                    await expect(sendManageOrder(hubAddress, actors.stranger, kind, operation))
                        .to.be.revertedWithCustomError(orders, 'OrderUnauthorized')
                        .withArgs(actors.stranger.address, owner.address);
                }
            });
        });

        describe('CLOSE', function () {
            it(`closes when the owner sends it: consumed = volume, emits ${closedEvent}(hash)`, async function () {
                const { hubAddress, orders, owner, order, hash } = await setup();
                await expect(sendManageOrder(hubAddress, owner, kind, unsigned(order, OrderOperation.CLOSE)))
                    .to.emit(orders, closedEvent)
                    .withArgs(hash);
                expect(await orders.viewConsumed(hash)).to.equal(order.volume);
                expect(await orders.viewPresigned(hash)).to.equal(ZeroAddress);
            });

            it("closes when anyone sends it with the owner's signature of the operation", async function () {
                const { hubAddress, orders, domain, owner, actors, order, hash } = await setup();
                const operation = await signOrderOperation(owner, domain, kind, order, OrderOperation.CLOSE);
                await expect(sendManageOrder(hubAddress, actors.stranger, kind, operation))
                    .to.emit(orders, closedEvent)
                    .withArgs(hash);
                expect(await orders.viewConsumed(hash)).to.equal(order.volume);
            });

            it('rejects a signature of the SIGN operation replayed as CLOSE', async function () {
                const { hubAddress, orders, domain, owner, actors, order } = await setup();
                const sign = await signOrderOperation(owner, domain, kind, order, OrderOperation.SIGN);
                await expect(
                    sendManageOrder(hubAddress, actors.stranger, kind, { ...sign, operation: OrderOperation.CLOSE }),
                )
                    .to.be.revertedWithCustomError(orders, 'OrderUnauthorized')
                    .withArgs(actors.stranger.address, owner.address);
            });

            it('reverts with OrderUnauthorized(sender, owner) when someone else signed the operation', async function () {
                const { hubAddress, orders, domain, owner, actors, order } = await setup();
                const operation = await signOrderOperation(actors.stranger, domain, kind, order, OrderOperation.CLOSE);
                await expect(sendManageOrder(hubAddress, actors.stranger, kind, operation))
                    .to.be.revertedWithCustomError(orders, 'OrderUnauthorized')
                    .withArgs(actors.stranger.address, owner.address);
            });

            it('keeps a closed order closed: a later SIGN records a presigner but consumed stays = volume', async function () {
                const { hubAddress, orders, owner, order, hash } = await setup();
                await manageOrder(hubAddress, owner, kind, unsigned(order, OrderOperation.CLOSE));
                await presignOrder(hubAddress, owner, kind, order);
                expect(await orders.viewPresigned(hash)).to.equal(owner.address);
                expect(await orders.viewConsumed(hash)).to.equal(order.volume);
            });

            it('closes a presigned order: consumed = volume', async function () {
                const { hubAddress, orders, owner, order, hash } = await setup();
                await presignOrder(hubAddress, owner, kind, order);
                await manageOrder(hubAddress, owner, kind, unsigned(order, OrderOperation.CLOSE));
                expect(await orders.viewConsumed(hash)).to.equal(order.volume);
            });

            it('changes nothing more when replayed, by the owner or with the same signature', async function () {
                const { hubAddress, orders, domain, owner, actors, order, hash } = await setup();
                const operation = await signOrderOperation(owner, domain, kind, order, OrderOperation.CLOSE);
                await manageOrder(hubAddress, actors.stranger, kind, operation);
                await manageOrder(hubAddress, actors.stranger, kind, operation);
                await manageOrder(hubAddress, owner, kind, unsigned(order, OrderOperation.CLOSE));
                expect(await orders.viewConsumed(hash)).to.equal(order.volume);
            });
        });

        it('reverts without reason on an operation other than SIGN (0) or CLOSE (1)', async function () {
            const { hubAddress, orders, owner, order, hash } = await setup();
            const operation = { order, operation: 2, sign: '0x' } as unknown as OrderOperationOf<K>;
            await expect(sendManageOrder(hubAddress, owner, kind, operation)).to.be.revertedWithoutReason();
            expect(await orders.viewPresigned(hash)).to.equal(ZeroAddress);
        });

        it("ignores the order's own sign field: the same order with another sign has the same hash", async function () {
            const { hubAddress, orders, owner, order, hash } = await setup();
            await presignOrder(hubAddress, owner, kind, { ...order, sign: hexlify(randomBytes(65)) });
            expect(await orders.viewPresigned(hash)).to.equal(owner.address);
        });

        if (kind === 'request') {
            it('never authorizes a zero requester, even with a junk 65-byte signature', async function () {
                const { hubAddress, orders, actors, order: base } = await setup();
                const order = { ...base, requester: ZeroAddress } as OrderByKind[K];
                const junk = { order, operation: OrderOperation.SIGN, sign: hexlify(new Uint8Array(65)) };
                await expect(sendManageOrder(hubAddress, actors.stranger, kind, junk))
                    .to.be.revertedWithCustomError(orders, 'OrderUnauthorized')
                    .withArgs(actors.stranger.address, ZeroAddress);
            });
        } else {
            describe('asset ownership', function () {
                it("follows the asset's current owner: the previous owner loses its rights, the new one gets them", async function () {
                    const { hubAddress, orders, domain, owner, actors, transfer, order, hash } = await setup();
                    await presignOrder(hubAddress, owner, kind, order);
                    const oldOperation = await signOrderOperation(owner, domain, kind, order, OrderOperation.CLOSE);
                    await transfer!(actors.stranger.address);
                    // The old owner can neither presign nor close, itself or by signature.
                    await expect(sendManageOrder(hubAddress, owner, kind, oldOperation))
                        .to.be.revertedWithCustomError(orders, 'OrderUnauthorized')
                        .withArgs(owner.address, actors.stranger.address);
                    await expect(sendManageOrder(hubAddress, actors.requester, kind, oldOperation))
                        .to.be.revertedWithCustomError(orders, 'OrderUnauthorized')
                        .withArgs(actors.requester.address, actors.stranger.address);
                    // Its presignature stays its own: it does not count for the new owner.
                    expect(await orders.viewPresigned(hash)).to.equal(owner.address);
                    expect(await orders.verifyPresignature(actors.stranger.address, hash)).to.equal(false);
                    // The new owner is in control.
                    await presignOrder(hubAddress, actors.stranger, kind, order);
                    expect(await orders.verifyPresignature(actors.stranger.address, hash)).to.equal(true);
                });

                it('reverts with OrderAssetWithoutOwner(asset) for an asset address without code', async function () {
                    const { hubAddress, orders, owner, order: base } = await setup();
                    const asset = Wallet.createRandom().address;
                    const order = { ...base, [kind]: asset } as OrderByKind[K];
                    await expect(sendManageOrder(hubAddress, owner, kind, unsigned(order, OrderOperation.SIGN)))
                        .to.be.revertedWithCustomError(orders, 'OrderAssetWithoutOwner')
                        .withArgs(asset);
                });
            });
        }

        it('refuses an ERC-1271 owner that refuses, even when its key signed the operation', async function () {
            const { hubAddress, orders, domain, actors, wallet, transfer, makeOrder } = await setup();
            const walletAddress = await wallet.getAddress();
            if (transfer) await transfer(walletAddress);
            const order = makeOrder({}, walletAddress);
            await (await wallet.setMode(WALLET_MODE_REVERT)).wait();
            const operation = await signOrderOperation(actors.walletKey, domain, kind, order, OrderOperation.SIGN);
            await expect(sendManageOrder(hubAddress, actors.walletKey, kind, operation))
                .to.be.revertedWithCustomError(orders, 'OrderUnauthorized')
                .withArgs(actors.walletKey.address, walletAddress);
        });
    });
}
