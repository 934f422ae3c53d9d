import { expect } from 'chai';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { ZeroAddress, id } from 'ethers';
import type { Flavour } from '../../sdk/networks';
import { NRLC_PER_RLC } from '../../sdk/units';
import { hubFixture } from '../helpers/hub';
import { KITTY_ADDRESS, escrowDriver, impersonate } from '../helpers/escrow';

const RLC = NRLC_PER_RLC;

/**
 * The escrow's behaviour, the same on both flavours: deposits credit exactly what was paid,
 * withdrawals pay exactly what was debited, frozen value never leaves, nothing can be credited to
 * the zero address, the hub or the kitty, and only the owner recovers what was sent without a
 * deposit. Every test checks the balances of every party before and after.
 */
export function shouldBehaveLikeEscrow(flavour: Flavour) {
    async function fixture() {
        const hub = await loadFixture(hubFixture(flavour));
        const [alice, bob, carol] = hub.accounts;
        return { ...hub, driver: escrowDriver(hub), alice, bob, carol };
    }

    describe(`escrow (${flavour} flavour)`, function () {
        describe('deposit', function () {
            it('credits the depositor with exactly what it paid and emits a mint Transfer', async function () {
                const { hub, hubAddress, driver, alice } = await fixture();
                const tx = driver.deposit(alice, 5n * RLC);
                await expect(tx)
                    .to.emit(hub.erc20, 'Transfer')
                    .withArgs(ZeroAddress, alice.address, 5n * RLC);
                await driver.expectWalletChanges(tx, [alice.address, hubAddress], [-5n * RLC, 5n * RLC]);
                await expect(tx).to.changeTokenBalances(hub.erc20, [alice], [5n * RLC]);
                expect(await hub.erc20.totalSupply()).to.equal(5n * RLC);
                expect(await hub.erc20.frozenOf(alice.address)).to.equal(0n);
            });

            it('accepts a deposit of zero and mints zero', async function () {
                const { hub, driver, alice } = await fixture();
                await expect(driver.deposit(alice, 0n))
                    .to.emit(hub.erc20, 'Transfer')
                    .withArgs(ZeroAddress, alice.address, 0n);
                expect(await hub.erc20.totalSupply()).to.equal(0n);
            });
        });

        describe('depositFor', function () {
            it('credits the target, paid by the caller', async function () {
                const { hub, hubAddress, driver, alice, bob } = await fixture();
                const tx = driver.deposit(alice, 3n * RLC, bob.address);
                await expect(tx)
                    .to.emit(hub.erc20, 'Transfer')
                    .withArgs(ZeroAddress, bob.address, 3n * RLC);
                await driver.expectWalletChanges(
                    tx,
                    [alice.address, bob.address, hubAddress],
                    [-3n * RLC, 0n, 3n * RLC],
                );
                await expect(tx).to.changeTokenBalances(hub.erc20, [alice, bob], [0n, 3n * RLC]);
            });

            for (const [label, target] of [
                ['the zero address', () => ZeroAddress],
                ['the kitty', () => KITTY_ADDRESS],
            ] as const) {
                it(`reverts for ${label} as target`, async function () {
                    const { hub, driver, alice } = await fixture();
                    await expect(driver.deposit(alice, RLC, target()))
                        .to.be.revertedWithCustomError(hub.erc20, 'ERC20InvalidReceiver')
                        .withArgs(target());
                });
            }

            it('reverts for the hub itself as target', async function () {
                const { hub, hubAddress, driver, alice } = await fixture();
                await expect(driver.deposit(alice, RLC, hubAddress))
                    .to.be.revertedWithCustomError(hub.erc20, 'ERC20InvalidReceiver')
                    .withArgs(hubAddress);
            });
        });

        describe('depositForArray', function () {
            it('credits each target with its amount, paid once by the caller', async function () {
                const { hub, hubAddress, driver, alice, bob, carol } = await fixture();
                const tx = driver.depositForArray(alice, [RLC, 2n * RLC], [bob.address, carol.address]);
                await expect(tx)
                    .to.emit(hub.erc20, 'Transfer')
                    .withArgs(ZeroAddress, bob.address, RLC)
                    .and.to.emit(hub.erc20, 'Transfer')
                    .withArgs(ZeroAddress, carol.address, 2n * RLC);
                await driver.expectWalletChanges(tx, [alice.address, hubAddress], [-3n * RLC, 3n * RLC]);
                await expect(tx).to.changeTokenBalances(hub.erc20, [alice, bob, carol], [0n, RLC, 2n * RLC]);
            });

            it('does nothing for empty arrays', async function () {
                const { hub, hubAddress, driver, alice } = await fixture();
                const tx = driver.depositForArray(alice, [], []);
                await expect(tx).not.to.emit(hub.erc20, 'Transfer');
                await driver.expectWalletChanges(tx, [alice.address, hubAddress], [0n, 0n]);
            });

            it('reverts when the arrays differ in length', async function () {
                const { hub, driver, alice, bob } = await fixture();
                await expect(driver.depositForArray(alice, [RLC, RLC], [bob.address]))
                    .to.be.revertedWithCustomError(hub.escrow, 'EscrowArrayLengthMismatch')
                    .withArgs(2, 1);
            });

            it('reverts as a whole when one target is invalid', async function () {
                const { hub, driver, alice, bob } = await fixture();
                await expect(driver.depositForArray(alice, [RLC, RLC], [bob.address, KITTY_ADDRESS]))
                    .to.be.revertedWithCustomError(hub.erc20, 'ERC20InvalidReceiver')
                    .withArgs(KITTY_ADDRESS);
                expect(await hub.erc20.balanceOf(bob.address)).to.equal(0n);
            });
        });

        describe('withdraw', function () {
            it('debits the free balance and pays the caller the same value', async function () {
                const { hub, hubAddress, driver, alice } = await fixture();
                await driver.deposit(alice, 5n * RLC);
                const tx = hub.escrow.connect(alice).withdraw(2n * RLC);
                await expect(tx)
                    .to.emit(hub.erc20, 'Transfer')
                    .withArgs(alice.address, ZeroAddress, 2n * RLC);
                await driver.expectWalletChanges(tx, [alice.address, hubAddress], [2n * RLC, -2n * RLC]);
                await expect(tx).to.changeTokenBalances(hub.erc20, [alice], [-2n * RLC]);
                expect(await hub.erc20.totalSupply()).to.equal(3n * RLC);
            });

            it('returns true', async function () {
                const { hub, driver, alice } = await fixture();
                await driver.deposit(alice, RLC);
                expect(await hub.escrow.connect(alice).withdraw.staticCall(RLC)).to.equal(true);
            });

            it('reverts beyond the free balance', async function () {
                const { hub, driver, alice } = await fixture();
                await driver.deposit(alice, RLC);
                await expect(hub.escrow.connect(alice).withdraw(RLC + 1n))
                    .to.be.revertedWithCustomError(hub.erc20, 'ERC20InsufficientBalance')
                    .withArgs(alice.address, RLC, RLC + 1n);
            });

            it('never pays out frozen value', async function () {
                const { hub, driver, alice } = await fixture();
                await driver.deposit(alice, 5n * RLC);
                await hub.harness.harnessLock(alice.address, 4n * RLC);
                await expect(hub.escrow.connect(alice).withdraw(2n * RLC))
                    .to.be.revertedWithCustomError(hub.erc20, 'ERC20InsufficientBalance')
                    .withArgs(alice.address, RLC, 2n * RLC);
                expect(await hub.erc20.frozenOf(alice.address)).to.equal(4n * RLC);
            });

            it('lets nobody withdraw the kitty', async function () {
                // Fill the kitty with someone's seized stake, then try as the kitty itself.
                const { hub, driver, alice } = await fixture();
                await driver.deposit(alice, 2n * RLC);
                await hub.harness.harnessLock(alice.address, 2n * RLC);
                await hub.harness.harnessSeizeToKitty(alice.address, 2n * RLC, id('task'));
                const kitty = await impersonate(KITTY_ADDRESS);
                await expect(hub.escrow.connect(kitty).withdraw(1n))
                    .to.be.revertedWithCustomError(hub.erc20, 'ERC20InsufficientBalance')
                    .withArgs(KITTY_ADDRESS, 0n, 1n);
                expect(await hub.erc20.frozenOf(KITTY_ADDRESS)).to.equal(2n * RLC);
            });
        });

        describe('withdrawTo', function () {
            it('debits the caller and pays the target', async function () {
                const { hub, hubAddress, driver, alice, bob } = await fixture();
                await driver.deposit(alice, 5n * RLC);
                const tx = hub.escrow.connect(alice).withdrawTo(2n * RLC, bob.address);
                await expect(tx)
                    .to.emit(hub.erc20, 'Transfer')
                    .withArgs(alice.address, ZeroAddress, 2n * RLC);
                await driver.expectWalletChanges(
                    tx,
                    [alice.address, bob.address, hubAddress],
                    [0n, 2n * RLC, -2n * RLC],
                );
                await expect(tx).to.changeTokenBalances(hub.erc20, [alice, bob], [-2n * RLC, 0n]);
            });

            it('reverts for the zero address as target', async function () {
                const { hub, driver, alice } = await fixture();
                await driver.deposit(alice, RLC);
                await expect(hub.escrow.connect(alice).withdrawTo(RLC, ZeroAddress))
                    .to.be.revertedWithCustomError(hub.erc20, 'ERC20InvalidReceiver')
                    .withArgs(ZeroAddress);
            });

            it('reverts for the hub itself as target', async function () {
                const { hub, hubAddress, driver, alice } = await fixture();
                await driver.deposit(alice, RLC);
                await expect(hub.escrow.connect(alice).withdrawTo(RLC, hubAddress))
                    .to.be.revertedWithCustomError(hub.erc20, 'ERC20InvalidReceiver')
                    .withArgs(hubAddress);
            });

            it('reverts beyond the free balance', async function () {
                const { hub, driver, alice, bob } = await fixture();
                await driver.deposit(alice, RLC);
                await expect(hub.escrow.connect(alice).withdrawTo(2n * RLC, bob.address))
                    .to.be.revertedWithCustomError(hub.erc20, 'ERC20InsufficientBalance')
                    .withArgs(alice.address, RLC, 2n * RLC);
            });
        });

        describe('recover', function () {
            it('mints to the owner what the hub holds beyond the total supply, once', async function () {
                const { hub, owner, driver, alice } = await fixture();
                await driver.deposit(alice, 5n * RLC);
                await driver.donate(7n * RLC);
                expect(await hub.escrow.recover.staticCall()).to.equal(7n * RLC);
                const tx = hub.escrow.recover();
                await expect(tx)
                    .to.emit(hub.erc20, 'Transfer')
                    .withArgs(ZeroAddress, owner.address, 7n * RLC);
                await expect(tx).to.changeTokenBalances(hub.erc20, [owner, alice], [7n * RLC, 0n]);
                expect(await hub.erc20.totalSupply()).to.equal(12n * RLC);
                expect(await driver.held()).to.equal(driver.toAsset(12n * RLC));
                // A second call finds nothing more.
                expect(await hub.escrow.recover.staticCall()).to.equal(0n);
                await expect(hub.escrow.recover())
                    .to.emit(hub.erc20, 'Transfer')
                    .withArgs(ZeroAddress, owner.address, 0n);
            });

            it('reverts for any caller but the owner', async function () {
                const { hub, driver, alice } = await fixture();
                await driver.donate(RLC);
                await expect(hub.escrow.connect(alice).recover())
                    .to.be.revertedWithCustomError(hub.ownership, 'OwnableUnauthorizedAccount')
                    .withArgs(alice.address);
            });
        });

        describe('accounts', function () {
            it('reports free and frozen balances through every accessor', async function () {
                const { hub, hubAddress, driver, alice } = await fixture();
                await driver.deposit(alice, 5n * RLC);
                await hub.harness.harnessLock(alice.address, 2n * RLC);
                const account = await hub.erc20.viewAccount(alice.address);
                expect(account.stake).to.equal(3n * RLC);
                expect(account.locked).to.equal(2n * RLC);
                expect(await hub.erc20.viewAccountABILegacy(alice.address)).to.deep.equal([3n * RLC, 2n * RLC]);
                expect(await hub.erc20.balanceOf(alice.address)).to.equal(3n * RLC);
                expect(await hub.erc20.frozenOf(alice.address)).to.equal(2n * RLC);
                // The hub's own balance backs the frozen total.
                expect(await hub.erc20.balanceOf(hubAddress)).to.equal(2n * RLC);
                expect(await hub.erc20.totalSupply()).to.equal(5n * RLC);
                expect(await driver.held()).to.equal(driver.toAsset(5n * RLC));
            });

            it(`reports the escrowed token: ${flavour === 'token' ? 'the RLC' : 'none'}`, async function () {
                const { hub, rlc } = await fixture();
                expect(await hub.configuration.token()).to.equal(rlc ? await rlc.getAddress() : ZeroAddress);
            });
        });
    });
}
