/**
 * LibSignature, through the hub's public views (`verifySignature`, `verifyPresignature`,
 * `verifyPresignatureOrSignature`), which call it and nothing else.
 */
import { expect } from 'chai';
import { ethers, network } from 'hardhat';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { Signature, Wallet, ZeroAddress, concat, hexlify, randomBytes } from 'ethers';
import { ERC1271AcceptAllMock__factory, ERC1271WalletMock__factory } from '../../typechain-types';
import {
    compactSignature,
    createAppOrder,
    createRequestOrder,
    hashOrder,
    highSTwin,
    presignOrder,
    signOrder,
    signOrderForWallet,
    withRecoveryByte,
} from '../../sdk/orders';
import { deployOrdersHub } from '../helpers/orders';

/** `ERC1271WalletMock.Mode`. */
const WalletMode = { Valid: 0, Invalid: 1, Revert: 2, ShortReturn: 3, DirtyReturn: 4, BurnGas: 5 } as const;

async function fixture() {
    const hub = await deployOrdersHub();
    const { appOwner } = hub.actors;
    const order = createAppOrder({ app: await hub.assets.app.getAddress(), volume: 3n });
    const digest = hashOrder(hub.domain, 'app', order);
    const signed = await signOrder(appOwner, hub.domain, 'app', order);
    return { ...hub, order, digest, signature: signed.sign };
}

describe('LibSignature', function () {
    describe('EOA signatures', function () {
        it('accepts the 65-byte signature of the digest by the account', async function () {
            const { orders, actors, digest, signature } = await loadFixture(fixture);
            expect(ethers.dataLength(signature)).to.equal(65);
            expect(await orders.verifySignature(actors.appOwner.address, digest, signature)).to.equal(true);
        });

        it('rejects the signature for another account or another digest', async function () {
            const { orders, actors, digest, signature } = await loadFixture(fixture);
            expect(await orders.verifySignature(actors.stranger.address, digest, signature)).to.equal(false);
            expect(await orders.verifySignature(actors.appOwner.address, hexlify(randomBytes(32)), signature)).to.equal(
                false,
            );
        });

        it('accepts the EIP-2098 64-byte form, with either recovery parity', async function () {
            const { orders, actors, domain, assets } = await loadFixture(fixture);
            const app = await assets.app.getAddress();
            const seen = new Set<number>();
            for (let i = 0; i < 32 && seen.size < 2; i++) {
                const order = await signOrder(actors.appOwner, domain, 'app', createAppOrder({ app }));
                const v = Signature.from(order.sign).v;
                if (seen.has(v)) continue;
                seen.add(v);
                const compact = compactSignature(order.sign);
                expect(ethers.dataLength(compact)).to.equal(64);
                const digest = hashOrder(domain, 'app', order);
                expect(await orders.verifySignature(actors.appOwner.address, digest, compact), `v=${v}`).to.equal(true);
            }
            expect([...seen].sort()).to.deep.equal([27, 28]);
        });

        it('rejects the malleable high-s twin of a valid signature', async function () {
            const { orders, actors, digest, signature } = await loadFixture(fixture);
            // (s, v) -> (n - s, v ^ 1) recovers the same key: only the low-s rule rejects it.
            const twin = highSTwin(signature);
            expect(await orders.verifySignature(actors.appOwner.address, digest, twin)).to.equal(false);
        });

        it('rejects a recovery byte other than 27 or 28 (0/1 are not normalised)', async function () {
            const { orders, actors, digest, signature } = await loadFixture(fixture);
            const v = Signature.from(signature).v;
            for (const wrong of [v - 27, 29, 0xff]) {
                const sig = withRecoveryByte(signature, wrong);
                expect(await orders.verifySignature(actors.appOwner.address, digest, sig), `v=${wrong}`).to.equal(
                    false,
                );
            }
        });

        for (const length of [0, 1, 63, 66, 130]) {
            it(`reverts with SignatureInvalidLength(${length}) for a ${length}-byte signature`, async function () {
                const { orders, actors, digest } = await loadFixture(fixture);
                await expect(orders.verifySignature(actors.appOwner.address, digest, hexlify(randomBytes(length))))
                    .to.be.revertedWithCustomError(orders, 'SignatureInvalidLength')
                    .withArgs(length);
            });
        }
    });

    describe('the zero account', function () {
        it('is never the signer of a junk 65- or 64-byte signature (the reference accepts it)', async function () {
            const { orders, digest } = await loadFixture(fixture);
            for (const junk of [hexlify(new Uint8Array(65)), hexlify(new Uint8Array(64)), hexlify(randomBytes(65))]) {
                expect(await orders.verifySignature(ZeroAddress, digest, junk)).to.equal(false);
                expect(await orders.verifyPresignatureOrSignature(ZeroAddress, digest, junk)).to.equal(false);
            }
        });

        it('is refused without reverting, whatever the signature length', async function () {
            const { orders, digest } = await loadFixture(fixture);
            expect(await orders.verifySignature(ZeroAddress, digest, '0x')).to.equal(false);
        });

        it('has no presignature, although unset presignatures read as zero', async function () {
            const { orders, digest } = await loadFixture(fixture);
            expect(await orders.viewPresigned(digest)).to.equal(ZeroAddress);
            expect(await orders.verifyPresignature(ZeroAddress, digest)).to.equal(false);
        });
    });

    describe('ERC-1271 wallets', function () {
        async function walletFixture() {
            const base = await fixture();
            const walletAddress = await base.wallet.getAddress();
            const order = createRequestOrder({ app: await base.assets.app.getAddress(), requester: walletAddress });
            const signed = await signOrderForWallet(base.actors.walletKey, base.domain, 'request', order);
            return {
                ...base,
                walletAddress,
                walletOrder: signed,
                walletDigest: hashOrder(base.domain, 'request', order),
            };
        }

        it("accepts the wallet's answer: the magic value for its key's signature", async function () {
            const { orders, walletAddress, walletOrder, walletDigest } = await loadFixture(walletFixture);
            expect(await orders.verifySignature(walletAddress, walletDigest, walletOrder.sign)).to.equal(true);
        });

        it("refuses another key's signature, which the wallet refuses", async function () {
            const { orders, actors, domain, walletAddress, walletOrder, walletDigest } =
                await loadFixture(walletFixture);
            const forged = await signOrderForWallet(actors.stranger, domain, 'request', walletOrder);
            expect(await orders.verifySignature(walletAddress, walletDigest, forged.sign)).to.equal(false);
        });

        const misbehaviours = [
            ['returns another value', WalletMode.Invalid],
            ['reverts', WalletMode.Revert],
            ['returns 4 bytes only', WalletMode.ShortReturn],
            ['returns the magic value with dirty low-order bytes', WalletMode.DirtyReturn],
            ['burns all its gas', WalletMode.BurnGas],
        ] as const;
        for (const [behaviour, mode] of misbehaviours) {
            it(`refuses, without reverting, when the wallet ${behaviour}`, async function () {
                const { orders, wallet, walletAddress, walletOrder, walletDigest } = await loadFixture(walletFixture);
                await (await wallet.setMode(mode)).wait();
                // A bounded call: the wallet may burn the 63/64 it is given, the rest suffices to answer.
                const result = await orders.verifySignature(walletAddress, walletDigest, walletOrder.sign, {
                    gasLimit: 1_000_000,
                });
                expect(result).to.equal(false);
            });
        }

        it('passes signatures of any length to the wallet instead of reverting', async function () {
            const { orders, walletAddress, walletDigest } = await loadFixture(walletFixture);
            for (const length of [0, 3, 100]) {
                const sig = hexlify(randomBytes(length));
                expect(await orders.verifySignature(walletAddress, walletDigest, sig)).to.equal(false);
            }
        });

        it('does not let a signature for one wallet validate another wallet of the same key', async function () {
            const { orders, owner, actors, domain, walletOrder } = await loadFixture(walletFixture);
            const other = await new ERC1271WalletMock__factory(owner).deploy(actors.walletKey.address);
            const otherAddress = await other.getAddress();
            // The same fields for the other wallet: a different order, hence a different hash.
            const otherOrder = { ...walletOrder, requester: otherAddress, beneficiary: otherAddress };
            const otherDigest = hashOrder(domain, 'request', otherOrder);
            expect(await orders.verifySignature(otherAddress, otherDigest, walletOrder.sign)).to.equal(false);
            // What the key signs for the other wallet is valid there only.
            const signedForOther = await signOrderForWallet(actors.walletKey, domain, 'request', otherOrder);
            expect(await orders.verifySignature(otherAddress, otherDigest, signedForOther.sign)).to.equal(true);
        });

        it('accepts anything for a wallet that accepts anything (its own choice)', async function () {
            const { orders, owner, walletDigest } = await loadFixture(walletFixture);
            const acceptAll = await new ERC1271AcceptAllMock__factory(owner).deploy();
            expect(await orders.verifySignature(await acceptAll.getAddress(), walletDigest, '0x')).to.equal(true);
        });
    });

    describe('EIP-7702 delegated accounts (code = 0xef0100 ‖ delegate)', function () {
        /** Delegate a fresh key's account to `delegate` (what a type-4 transaction does). */
        async function delegatedAccount(delegate: string) {
            const key = Wallet.createRandom();
            await network.provider.send('hardhat_setCode', [key.address, concat(['0xef0100', delegate])]);
            expect(ethers.dataLength(await ethers.provider.getCode(key.address))).to.equal(23);
            return key;
        }

        it("are verified through ERC-1271 only: the delegate's answer decides", async function () {
            const { orders, owner, digest } = await loadFixture(fixture);
            const acceptAll = await new ERC1271AcceptAllMock__factory(owner).deploy();
            const key = await delegatedAccount(await acceptAll.getAddress());
            expect(await orders.verifySignature(key.address, digest, '0x')).to.equal(true);
        });

        it("reject the account key's own ECDSA signature when the delegate has no isValidSignature", async function () {
            const { orders, assets, domain, order } = await loadFixture(fixture);
            const key = await delegatedAccount(await assets.app.getAddress());
            const signed = await signOrder(key, domain, 'app', order);
            expect(await orders.verifySignature(key.address, hashOrder(domain, 'app', order), signed.sign)).to.equal(
                false,
            );
        });
    });

    describe('presignatures', function () {
        it('count for the account that presigned (the owner at presign time) and no one else', async function () {
            const { hubAddress, orders, actors, order, digest } = await loadFixture(fixture);
            expect(await orders.verifyPresignature(actors.appOwner.address, digest)).to.equal(false);
            await presignOrder(hubAddress, actors.appOwner, 'app', order);
            expect(await orders.viewPresigned(digest)).to.equal(actors.appOwner.address);
            expect(await orders.verifyPresignature(actors.appOwner.address, digest)).to.equal(true);
            expect(await orders.verifyPresignature(actors.stranger.address, digest)).to.equal(false);
        });

        it('are checked before the signature: a presigned order needs none', async function () {
            const { hubAddress, orders, actors, order, digest } = await loadFixture(fixture);
            await presignOrder(hubAddress, actors.appOwner, 'app', order);
            expect(await orders.verifyPresignatureOrSignature(actors.appOwner.address, digest, '0x')).to.equal(true);
        });

        it('fall back to the signature when absent', async function () {
            const { orders, actors, digest, signature } = await loadFixture(fixture);
            expect(await orders.verifyPresignatureOrSignature(actors.appOwner.address, digest, signature)).to.equal(
                true,
            );
            expect(await orders.verifyPresignatureOrSignature(actors.stranger.address, digest, signature)).to.equal(
                false,
            );
        });

        it('fall back to the signature rules: an EOA without presignature and an empty signature reverts', async function () {
            const { orders, actors, digest } = await loadFixture(fixture);
            await expect(orders.verifyPresignatureOrSignature(actors.appOwner.address, digest, '0x'))
                .to.be.revertedWithCustomError(orders, 'SignatureInvalidLength')
                .withArgs(0);
        });
    });
});
