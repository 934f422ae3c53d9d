import { expect } from 'chai';
import { Wallet, ZeroAddress, concat, hexlify, randomBytes, type Signer } from 'ethers';
import {
    AppRegistry__factory,
    ERC1271WalletMock__factory,
    OwnableAssetMock__factory,
    StateChangingCalleeMock__factory,
} from '../../typechain-types';
import {
    OrderOperation,
    cancelOrder,
    compactSignature,
    createAppOrder,
    hashOrder,
    highSTwin,
    manageOrder,
    presignOrder,
    signOrder,
    signOrderForWallet,
    withRecoveryByte,
    type DatasetOrder,
} from '../../sdk/orders';
import { addressToTokenId, createApp } from '../../sdk/assets';
import { deposit } from '../../sdk/escrow';
import { toUtf8Bytes } from 'ethers';
import {
    buildOrders,
    deployMarket,
    match,
    orderHashes,
    signOrders,
    signedOrders,
    type Market,
    type Orders,
} from '../helpers/market';

/** `ERC1271WalletMock.Mode`. */
const WalletMode = { Valid: 0, Invalid: 1, Revert: 2, ShortReturn: 3, DirtyReturn: 4, BurnGas: 5 } as const;

const ASSET_KINDS = ['app', 'dataset', 'workerpool'] as const;
const KINDS = [...ASSET_KINDS, 'request'] as const;
const Kind = { app: 'App', dataset: 'Dataset', workerpool: 'Workerpool', request: 'Request' } as const;

/** The order's owner as the hub sees it. */
function ownerOf(market: Market, kind: (typeof KINDS)[number]): Signer & { address: string } {
    const { appOwner, datasetOwner, scheduler, requester } = market.actors;
    return { app: appOwner, dataset: datasetOwner, workerpool: scheduler, request: requester }[kind];
}

/**
 * ClerkFacet, checks 21–28 and the security checklist A.1: each asset registered in its own
 * registry, each order presigned or signed by its current owner (EOA, EIP-2098 compact, ERC-1271
 * wallet), under this hub's domain, for exactly these fields.
 */
describe('ClerkFacet: registrations and signatures (checks 21–28)', function () {
    async function expectInvalidSignature(market: Market, orders: Orders, kind: (typeof KINDS)[number], owner: string) {
        const hash = orderHashes(market, orders)[kind];
        await expect(match(market, orders))
            .to.be.revertedWithCustomError(market.hub.clerk, `ClerkInvalid${Kind[kind]}OrderSignature`)
            .withArgs(hash, owner);
    }

    describe('registrations', function () {
        it('matches assets registered in their own registries', async function () {
            const market = await deployMarket();
            await expect(match(market, await signedOrders(market))).to.emit(market.hub.clerk, 'OrdersMatched');
        });

        it('reverts ClerkAppNotRegistered(app) for an asset of another registry used as an app', async function () {
            const market = await deployMarket();
            const { workerpool } = market.assets;
            // The workerpool's owner signs an "app" order for the workerpool.
            const orders = await signOrders(market, buildOrders(market, { app: { app: workerpool } }), {
                app: market.actors.scheduler,
            });
            await expect(match(market, orders))
                .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkAppNotRegistered')
                .withArgs(workerpool);
        });

        for (const kind of ASSET_KINDS) {
            it(`reverts Clerk${Kind[kind]}NotRegistered for an unregistered contract whose owner() is the signer`, async function () {
                const market = await deployMarket();
                const { stranger } = market.actors;
                const fake = await (
                    await new OwnableAssetMock__factory(stranger).deploy(stranger.address)
                ).getAddress();
                const fields = { [kind]: { [kind]: fake }, request: kind === 'workerpool' ? {} : { [kind]: fake } };
                const orders = await signOrders(market, buildOrders(market, fields), { [kind]: stranger });
                await expect(match(market, orders))
                    .to.be.revertedWithCustomError(market.hub.clerk, `Clerk${Kind[kind]}NotRegistered`)
                    .withArgs(fake);
            });

            it(`reverts OrderAssetWithoutOwner(${kind}) for a ${kind} address without code`, async function () {
                const market = await deployMarket();
                const nobody = Wallet.createRandom().address;
                const fields = { [kind]: { [kind]: nobody }, request: kind === 'workerpool' ? {} : { [kind]: nobody } };
                const orders = await signOrders(market, buildOrders(market, fields), {
                    [kind]: market.actors.stranger,
                });
                await expect(match(market, orders))
                    .to.be.revertedWithCustomError(market.hub.orders, 'OrderAssetWithoutOwner')
                    .withArgs(nobody);
            });
        }

        it('reverts OrderAssetWithoutOwner(0) for the zero app', async function () {
            const market = await deployMarket();
            const orders = await signedOrders(market, { app: { app: ZeroAddress } });
            await expect(match(market, orders))
                .to.be.revertedWithCustomError(market.hub.orders, 'OrderAssetWithoutOwner')
                .withArgs(ZeroAddress);
        });

        it("accepts an asset known only to the registry's previous registry, and the registry's own", async function () {
            const market = await deployMarket();
            const { deployer, appOwner } = market.actors;
            const oldRegistry = await market.appRegistry.getAddress();
            const registry = await new AppRegistry__factory(deployer).deploy();
            await (await registry.initialize(oldRegistry)).wait();
            await (
                await market.hub.configuration.changeRegistries(
                    await registry.getAddress(),
                    await market.datasetRegistry.getAddress(),
                    await market.workerpoolRegistry.getAddress(),
                )
            ).wait();
            // The market's app is only in the old registry: found through `previous`.
            await expect(match(market, await signedOrders(market))).to.emit(market.hub.clerk, 'OrdersMatched');
            const { address: newApp } = await createApp(registry.connect(appOwner), appOwner.address, {
                name: 'new-app',
                type: 'DOCKER',
                multiaddr: toUtf8Bytes('docker.io/org/new-app:1.0.0'),
                checksum: '0x' + '33'.repeat(32),
                mrenclave: '0x',
            });
            const orders = await signedOrders(market, { app: { app: newApp }, request: { app: newApp } });
            await expect(match(market, orders)).to.emit(market.hub.clerk, 'OrdersMatched');
            // An app of no registry at all is still refused.
            const fake = await (await new OwnableAssetMock__factory(appOwner).deploy(appOwner.address)).getAddress();
            const refused = await signedOrders(market, { app: { app: fake }, request: { app: fake } });
            await expect(match(market, refused))
                .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkAppNotRegistered')
                .withArgs(fake);
        });
    });

    describe('signatures', function () {
        for (const kind of KINDS) {
            describe(`${kind} order`, function () {
                it(`reverts ClerkInvalid${Kind[kind]}OrderSignature(hash, owner) when signed by someone else`, async function () {
                    const market = await deployMarket();
                    const orders = await signOrders(market, buildOrders(market), { [kind]: market.actors.stranger });
                    await expectInvalidSignature(market, orders, kind, ownerOf(market, kind).address);
                });

                it('matches when presigned by its owner, whatever it carries as signature', async function () {
                    const market = await deployMarket();
                    for (const sign of ['0x', hexlify(randomBytes(65))]) {
                        const orders = await signedOrders(market);
                        await presignOrder(market.hubAddress, ownerOf(market, kind), kind, orders[kind] as never);
                        const presigned = { ...orders, [kind]: { ...orders[kind], sign } };
                        await expect(match(market, presigned)).to.emit(market.hub.clerk, 'OrdersMatched');
                    }
                });

                it('matches with the EIP-2098 compact form of the signature', async function () {
                    const market = await deployMarket();
                    const orders = await signedOrders(market);
                    orders[kind] = { ...orders[kind], sign: compactSignature(orders[kind].sign) } as never;
                    await expect(match(market, orders)).to.emit(market.hub.clerk, 'OrdersMatched');
                });

                it('reverts for the malleable high-s twin and for v = 0/1', async function () {
                    const market = await deployMarket();
                    const orders = await signedOrders(market);
                    const owner = ownerOf(market, kind).address;
                    const { sign } = orders[kind];
                    for (const forged of [highSTwin(sign), withRecoveryByte(sign, 0), withRecoveryByte(sign, 1)]) {
                        await expectInvalidSignature(
                            market,
                            { ...orders, [kind]: { ...orders[kind], sign: forged } },
                            kind,
                            owner,
                        );
                    }
                });

                it('reverts SignatureInvalidLength for a signature that is neither 64 nor 65 bytes, unless presigned', async function () {
                    const market = await deployMarket();
                    const orders = await signedOrders(market);
                    const bad = { ...orders, [kind]: { ...orders[kind], sign: '0x1234' } };
                    await expect(match(market, bad))
                        .to.be.revertedWithCustomError(market.hub.orders, 'SignatureInvalidLength')
                        .withArgs(2n);
                });

                it('reverts for a signature made for another hub or another chain (EIP-712 domain)', async function () {
                    const market = await deployMarket();
                    const orders = buildOrders(market);
                    const owner = ownerOf(market, kind);
                    for (const domain of [
                        { ...market.domain, verifyingContract: Wallet.createRandom().address },
                        { ...market.domain, chainId: 1n },
                    ]) {
                        const signed = await signOrders(market, orders);
                        signed[kind] = (await signOrder(owner, domain, kind, orders[kind] as never)) as never;
                        await expectInvalidSignature(market, signed, kind, owner.address);
                    }
                });
            });
        }

        it('does not reopen a used-up order through the compact form of its signature (volume is keyed by hash)', async function () {
            const market = await deployMarket();
            const orders = await signedOrders(market);
            await (await match(market, orders)).wait();
            const compact = { ...orders, request: { ...orders.request, sign: compactSignature(orders.request.sign) } };
            await expect(match(market, compact))
                .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkNoVolume')
                .withArgs(0n, 0n, 0n, 0n);
        });

        describe('a field changed after signing', function () {
            const MUTATIONS: { kind: (typeof KINDS)[number]; field: string; value: (m: Market) => unknown }[] = [
                { kind: 'app', field: 'appprice', value: () => 1n },
                { kind: 'app', field: 'volume', value: () => 2n },
                { kind: 'app', field: 'salt', value: () => hexlify(randomBytes(32)) },
                { kind: 'app', field: 'requesterrestrict', value: (m) => m.actors.requester.address },
                { kind: 'dataset', field: 'datasetprice', value: () => 1n },
                { kind: 'dataset', field: 'workerpoolrestrict', value: (m) => m.assets.workerpool },
                { kind: 'workerpool', field: 'workerpoolprice', value: () => 1n },
                { kind: 'workerpool', field: 'trust', value: () => 5n },
                { kind: 'workerpool', field: 'tag', value: () => '0x' + '00'.repeat(31) + '01' },
                { kind: 'request', field: 'params', value: () => '{"iexec_args":"goodbye"}' },
                { kind: 'request', field: 'beneficiary', value: (m) => m.actors.stranger.address },
                { kind: 'request', field: 'callback', value: (m) => m.actors.stranger.address },
                { kind: 'request', field: 'volume', value: () => 2n },
                { kind: 'request', field: 'workerpoolmaxprice', value: () => 100n * 10n ** 9n },
            ];
            for (const { kind, field, value } of MUTATIONS) {
                it(`reverts ClerkInvalid${Kind[kind]}OrderSignature when the ${kind} order's ${field} changed`, async function () {
                    const market = await deployMarket();
                    const orders = await signedOrders(market);
                    const changed = { ...orders, [kind]: { ...orders[kind], [field]: value(market) } };
                    await expectInvalidSignature(market, changed, kind, ownerOf(market, kind).address);
                });
            }
        });

        it('reverts for a signature of an app order presented as a dataset order with the same values', async function () {
            const market = await deployMarket();
            const { datasetOwner } = market.actors;
            const orders = await signedOrders(market);
            const { dataset } = orders;
            // The dataset owner signs an AppOrder whose fields are the dataset order's.
            const asApp = await signOrder(
                datasetOwner,
                market.domain,
                'app',
                createAppOrder({
                    app: dataset.dataset,
                    appprice: dataset.datasetprice,
                    volume: dataset.volume,
                    tag: dataset.tag,
                    datasetrestrict: dataset.apprestrict,
                    workerpoolrestrict: dataset.workerpoolrestrict,
                    requesterrestrict: dataset.requesterrestrict,
                    salt: dataset.salt,
                }),
            );
            const confused: DatasetOrder = { ...dataset, sign: asApp.sign };
            await expectInvalidSignature(market, { ...orders, dataset: confused }, 'dataset', datasetOwner.address);
        });

        it('stops accepting orders signed or presigned by the previous owner once the asset changes hands', async function () {
            const market = await deployMarket();
            const { appOwner, stranger } = market.actors;
            const signed = await signedOrders(market);
            const presigned = await signedOrders(market);
            await presignOrder(market.hubAddress, appOwner, 'app', presigned.app);
            await (
                await market.appRegistry
                    .connect(appOwner)
                    .transferFrom(appOwner.address, stranger.address, addressToTokenId(market.assets.app))
            ).wait();
            await expectInvalidSignature(market, signed, 'app', stranger.address);
            await expectInvalidSignature(market, presigned, 'app', stranger.address);
            // The new owner's signature is what counts now.
            const renewed = await signOrders(market, buildOrders(market), { app: stranger });
            await expect(match(market, renewed)).to.emit(market.hub.clerk, 'OrdersMatched');
        });

        it('does not accept a presignature sent by someone who is not the owner', async function () {
            const market = await deployMarket();
            const orders = await signedOrders(market);
            await expect(
                manageOrder(market.hubAddress, market.actors.stranger, 'app', {
                    order: orders.app,
                    operation: OrderOperation.SIGN,
                    sign: hexlify(randomBytes(65)),
                }),
            ).to.be.revertedWithCustomError(market.hub.orders, 'OrderUnauthorized');
            await expect(match(market, { ...orders, app: { ...orders.app, sign: '0x' } }))
                .to.be.revertedWithCustomError(market.hub.orders, 'SignatureInvalidLength')
                .withArgs(0n);
        });

        describe('the zero requester', function () {
            for (const sign of [concat([new Uint8Array(65)]), concat([new Uint8Array(64)]), hexlify(randomBytes(65))]) {
                it(`is rejected with a junk ${(sign.length - 2) / 2}-byte signature, by matchOrders and sponsorMatchOrders`, async function () {
                    const market = await deployMarket();
                    const orders = await signedOrders(market, {
                        request: { requester: ZeroAddress, beneficiary: ZeroAddress },
                    });
                    orders.request = { ...orders.request, sign };
                    const hash = orderHashes(market, orders).request;
                    await expect(match(market, orders))
                        .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkInvalidRequestOrderSignature')
                        .withArgs(hash, ZeroAddress);
                    const sponsor = market.hub.clerk.connect(market.actors.sponsor);
                    await expect(
                        sponsor.sponsorMatchOrders(orders.app, orders.dataset, orders.workerpool, orders.request),
                    )
                        .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkInvalidRequestOrderSignature')
                        .withArgs(hash, ZeroAddress);
                });
            }
        });

        describe('ERC-1271 wallets', function () {
            async function walletMarket() {
                const market = await deployMarket();
                const { appOwner, walletKey, requester } = market.actors;
                const wallet = await new ERC1271WalletMock__factory(market.deployer).deploy(walletKey.address);
                const walletAddress = await wallet.getAddress();
                await (
                    await market.appRegistry
                        .connect(appOwner)
                        .transferFrom(appOwner.address, walletAddress, addressToTokenId(market.assets.app))
                ).wait();
                // The wallet requests too: someone deposits for it.
                await deposit(requester, market.hubAddress, 100n * 10n ** 9n, { target: walletAddress });
                const unsigned = buildOrders(market, {
                    request: { requester: walletAddress, beneficiary: walletAddress },
                });
                const orders = await signOrders(market, unsigned);
                orders.app = await signOrderForWallet(walletKey, market.domain, 'app', unsigned.app);
                orders.request = await signOrderForWallet(walletKey, market.domain, 'request', unsigned.request);
                return { market, wallet, walletAddress, orders };
            }

            it('matches orders a wallet accepts (an app the wallet owns, a request the wallet makes)', async function () {
                const { market, walletAddress, orders } = await walletMarket();
                await expect(match(market, orders)).to.emit(market.hub.clerk, 'OrdersMatched');
                expect((await market.hub.erc20.viewAccount(walletAddress)).locked).to.be.greaterThan(0n);
            });

            for (const [name, mode] of Object.entries(WalletMode).filter(([n]) => n !== 'Valid')) {
                it(`rejects, without reverting the check, when the wallet answers "${name}"`, async function () {
                    const { market, wallet, walletAddress, orders } = await walletMarket();
                    await (await wallet.setMode(mode)).wait();
                    await expectInvalidSignature(market, orders, 'app', walletAddress);
                });
            }

            it('does not accept a signature made for one wallet on the order of another wallet of the same key', async function () {
                const { market, walletAddress, orders } = await walletMarket();
                const other = await new ERC1271WalletMock__factory(market.deployer).deploy(
                    market.actors.walletKey.address,
                );
                const otherAddress = await other.getAddress();
                // The request of wallet A, with its signature, presented for wallet B.
                const replayed = {
                    ...orders,
                    request: { ...orders.request, requester: otherAddress, beneficiary: otherAddress },
                };
                await expectInvalidSignature(market, replayed, 'request', otherAddress);
                expect(walletAddress).to.not.equal(otherAddress);
            });

            it('never falls back to ECDSA for a wallet: the wallet key’s plain signature for the wallet is refused', async function () {
                const { market, wallet, walletAddress, orders } = await walletMarket();
                await (await wallet.setMode(WalletMode.Invalid)).wait();
                const byKey = await signOrder(market.actors.walletKey, market.domain, 'app', orders.app);
                await expectInvalidSignature(market, { ...orders, app: byKey }, 'app', walletAddress);
            });

            it('cannot change state while asked (STATICCALL)', async function () {
                const market = await deployMarket();
                const { appOwner } = market.actors;
                const magic = '0x1626ba7e' + '00'.repeat(28);
                const callee = await new StateChangingCalleeMock__factory(market.deployer).deploy(magic);
                const address = await callee.getAddress();
                await (
                    await market.appRegistry
                        .connect(appOwner)
                        .transferFrom(appOwner.address, address, addressToTokenId(market.assets.app))
                ).wait();
                const orders = await signedOrders(market);
                await expectInvalidSignature(market, orders, 'app', address);
                expect(await callee.writes()).to.equal(0n);
            });
        });
    });

    describe('closed orders', function () {
        for (const kind of KINDS) {
            it(`cannot match a closed ${kind} order, even presigned again`, async function () {
                const market = await deployMarket();
                const orders = await signedOrders(market);
                const owner = ownerOf(market, kind);
                await cancelOrder(market.hubAddress, owner, kind, orders[kind] as never);
                await presignOrder(market.hubAddress, owner, kind, orders[kind] as never);
                const remaining = { app: 1n, dataset: 1n, workerpool: 1n, request: 1n, [kind]: 0n };
                await expect(match(market, orders))
                    .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkNoVolume')
                    .withArgs(remaining.app, remaining.dataset, remaining.workerpool, remaining.request);
                expect(
                    await market.hub.orders.viewConsumed(hashOrder(market.domain, kind, orders[kind] as never)),
                ).to.equal(orders[kind].volume);
            });
        }
    });
});
