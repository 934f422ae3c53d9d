import { expect } from 'chai';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { ZeroAddress, id } from 'ethers';
import { NRLC_PER_RLC } from '../../sdk/units';
import { tokenHubFixture } from '../helpers/hub';
import { KITTY_ADDRESS, escrowDriver } from '../helpers/escrow';

const TASK = id('task-1');

/**
 * The protocol primitives of LibEscrow (lock, unlock, reward, seize, the kitty), driven through
 * the test-only EscrowHarnessFacet as the Clerk and the consensus will call them. They do not
 * depend on the flavour: one flavour is enough here (the property test runs both).
 */
describe('LibEscrow', function () {
    /** alice holds 1,000 nRLC, free. */
    async function fixture() {
        const hub = await loadFixture(tokenHubFixture);
        const [alice, bob] = hub.accounts;
        await escrowDriver(hub).deposit(alice, 1_000n);
        return { ...hub, erc20: hub.hub.erc20, harness: hub.hub.harness, alice, bob };
    }

    describe('lock', function () {
        it('moves free balance to the hub and freezes it for the account', async function () {
            const { erc20, harness, hubAddress, alice } = await fixture();
            const tx = harness.harnessLock(alice.address, 300n);
            await expect(tx).to.emit(erc20, 'Transfer').withArgs(alice.address, hubAddress, 300n);
            await expect(tx).to.emit(erc20, 'Lock').withArgs(alice.address, 300n);
            await expect(tx).to.changeTokenBalances(erc20, [alice, hubAddress], [-300n, 300n]);
            expect(await erc20.frozenOf(alice.address)).to.equal(300n);
            expect(await erc20.totalSupply()).to.equal(1_000n);
        });

        it('reverts beyond the free balance', async function () {
            const { erc20, harness, alice } = await fixture();
            await expect(harness.harnessLock(alice.address, 1_001n))
                .to.be.revertedWithCustomError(erc20, 'ERC20InsufficientBalance')
                .withArgs(alice.address, 1_000n, 1_001n);
        });

        it('reverts for the zero address and for the hub', async function () {
            const { erc20, harness, hubAddress } = await fixture();
            for (const account of [ZeroAddress, hubAddress]) {
                await expect(harness.harnessLock(account, 0n))
                    .to.be.revertedWithCustomError(erc20, 'ERC20InvalidSender')
                    .withArgs(account);
            }
        });
    });

    describe('unlock', function () {
        it('gives frozen value back to the account', async function () {
            const { erc20, harness, hubAddress, alice } = await fixture();
            await harness.harnessLock(alice.address, 300n);
            const tx = harness.harnessUnlock(alice.address, 100n);
            await expect(tx).to.emit(erc20, 'Transfer').withArgs(hubAddress, alice.address, 100n);
            await expect(tx).to.emit(erc20, 'Unlock').withArgs(alice.address, 100n);
            await expect(tx).to.changeTokenBalances(erc20, [alice, hubAddress], [100n, -100n]);
            expect(await erc20.frozenOf(alice.address)).to.equal(200n);
        });

        it('reverts beyond the frozen balance', async function () {
            const { erc20, harness, alice } = await fixture();
            await harness.harnessLock(alice.address, 300n);
            await expect(harness.harnessUnlock(alice.address, 301n))
                .to.be.revertedWithCustomError(erc20, 'EscrowInsufficientFrozen')
                .withArgs(alice.address, 300n, 301n);
        });

        it('reverts for the kitty (it never holds free balance)', async function () {
            const { erc20, harness, alice } = await fixture();
            await harness.harnessLock(alice.address, 300n);
            await harness.harnessSeizeToKitty(alice.address, 300n, TASK);
            await expect(harness.harnessUnlock(KITTY_ADDRESS, 1n))
                .to.be.revertedWithCustomError(erc20, 'ERC20InvalidReceiver')
                .withArgs(KITTY_ADDRESS);
        });
    });

    describe('seize and reward', function () {
        it('seize takes frozen value without moving any balance (no Transfer)', async function () {
            const { erc20, harness, hubAddress, alice } = await fixture();
            await harness.harnessLock(alice.address, 300n);
            const tx = harness.harnessSeize(alice.address, 120n, TASK);
            await expect(tx).to.emit(erc20, 'Seize').withArgs(alice.address, 120n, TASK);
            await expect(tx).not.to.emit(erc20, 'Transfer');
            await expect(tx).to.changeTokenBalances(erc20, [alice, hubAddress], [0n, 0n]);
            expect(await erc20.frozenOf(alice.address)).to.equal(180n);
        });

        it('seize reverts beyond the frozen balance', async function () {
            const { erc20, harness, alice } = await fixture();
            await harness.harnessLock(alice.address, 10n);
            await expect(harness.harnessSeize(alice.address, 11n, TASK))
                .to.be.revertedWithCustomError(erc20, 'EscrowInsufficientFrozen')
                .withArgs(alice.address, 10n, 11n);
        });

        it('a seize followed by a reward pays another account from the seized value', async function () {
            const { erc20, harness, hubAddress, alice, bob } = await fixture();
            await harness.harnessLock(alice.address, 300n);
            const tx = harness.harnessSeizeAndReward(alice.address, bob.address, 120n, TASK);
            await expect(tx).to.emit(erc20, 'Seize').withArgs(alice.address, 120n, TASK);
            await expect(tx).to.emit(erc20, 'Transfer').withArgs(hubAddress, bob.address, 120n);
            await expect(tx).to.emit(erc20, 'Reward').withArgs(bob.address, 120n, TASK);
            await expect(tx).to.changeTokenBalances(erc20, [alice, bob, hubAddress], [0n, 120n, -120n]);
            expect(await erc20.frozenOf(alice.address)).to.equal(180n);
            // Still backed: the hub's balance is the frozen total.
            expect(await erc20.balanceOf(hubAddress)).to.equal(180n);
        });

        it('reward reverts beyond the hub balance', async function () {
            const { erc20, harness, hubAddress, bob } = await fixture();
            await expect(harness.harnessReward(bob.address, 1n, TASK))
                .to.be.revertedWithCustomError(erc20, 'ERC20InsufficientBalance')
                .withArgs(hubAddress, 0n, 1n);
        });

        it('reward reverts for the zero address, the hub and the kitty', async function () {
            const { erc20, harness, hubAddress, alice } = await fixture();
            await harness.harnessLock(alice.address, 10n);
            await harness.harnessSeize(alice.address, 10n, TASK);
            for (const account of [ZeroAddress, hubAddress, KITTY_ADDRESS]) {
                await expect(harness.harnessReward(account, 10n, TASK))
                    .to.be.revertedWithCustomError(erc20, 'ERC20InvalidReceiver')
                    .withArgs(account);
            }
        });
    });

    describe('kitty', function () {
        it('is filled with seized value, as a frozen balance only', async function () {
            const { erc20, harness, hubAddress, alice } = await fixture();
            await harness.harnessLock(alice.address, 300n);
            const tx = harness.harnessSeizeToKitty(alice.address, 300n, TASK);
            await expect(tx).to.emit(erc20, 'Seize').withArgs(alice.address, 300n, TASK);
            await expect(tx).to.emit(erc20, 'Reward').withArgs(KITTY_ADDRESS, 300n, TASK);
            await expect(tx).to.emit(erc20, 'Lock').withArgs(KITTY_ADDRESS, 300n);
            await expect(tx).not.to.emit(erc20, 'Transfer');
            expect(await erc20.frozenOf(KITTY_ADDRESS)).to.equal(300n);
            expect(await erc20.balanceOf(KITTY_ADDRESS)).to.equal(0n);
            expect(await erc20.balanceOf(hubAddress)).to.equal(300n);
        });

        it('pays nothing, and emits nothing, while empty', async function () {
            const { erc20, harness, bob } = await fixture();
            expect(await harness.harnessPayKitty.staticCall(bob.address, TASK)).to.equal(0n);
            await expect(harness.harnessPayKitty(bob.address, TASK)).not.to.emit(erc20, 'Transfer');
        });

        // The examples of the spec (consensus §13.2): min(max(10 % of K, 1 RLC), K).
        for (const [kitty, payout] of [
            [10_000_000_010n, 1_000_000_001n],
            [1_000_000_000n, 1_000_000_000n],
            [999_999_999n, 999_999_999n],
            [42n * NRLC_PER_RLC, 4_200_000_000n],
        ] as const) {
            it(`pays ${payout} to the scheduler from a kitty of ${kitty}`, async function () {
                const hub = await loadFixture(tokenHubFixture);
                const [alice, bob] = hub.accounts;
                const { erc20, harness } = hub.hub;
                await escrowDriver(hub).deposit(alice, kitty);
                await harness.harnessLock(alice.address, kitty);
                await harness.harnessSeizeToKitty(alice.address, kitty, TASK);
                expect(await harness.harnessPayKitty.staticCall(bob.address, TASK)).to.equal(payout);
                const tx = harness.harnessPayKitty(bob.address, TASK);
                await expect(tx).to.emit(erc20, 'Seize').withArgs(KITTY_ADDRESS, payout, TASK);
                await expect(tx).to.emit(erc20, 'Reward').withArgs(bob.address, payout, TASK);
                await expect(tx).to.changeTokenBalances(erc20, [bob, hub.hubAddress], [payout, -payout]);
                expect(await erc20.frozenOf(KITTY_ADDRESS)).to.equal(kitty - payout);
            });
        }
    });
});
