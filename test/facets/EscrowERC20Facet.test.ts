import { expect } from 'chai';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { MaxUint256, ZeroAddress } from 'ethers';
import { ApprovalReceiverMock__factory } from '../../typechain-types';
import type { Flavour } from '../../sdk/networks';
import { hubFixture } from '../helpers/hub';
import { KITTY_ADDRESS, escrowDriver } from '../helpers/escrow';

describe('EscrowERC20Facet', function () {
    for (const flavour of ['token', 'native'] as const satisfies readonly Flavour[]) {
        describe(`on the ${flavour} flavour`, function () {
            /** alice holds 100 nRLC of SRLC. */
            async function fixture() {
                const hub = await loadFixture(hubFixture(flavour));
                const [alice, bob, carol] = hub.accounts;
                await escrowDriver(hub).deposit(alice, 100n);
                return { ...hub, erc20: hub.hub.erc20, alice, bob, carol };
            }

            describe('metadata', function () {
                it('is Staked RLC (SRLC), 9 decimals', async function () {
                    const { erc20 } = await fixture();
                    expect(await erc20.name()).to.equal('Staked RLC');
                    expect(await erc20.symbol()).to.equal('SRLC');
                    expect(await erc20.decimals()).to.equal(9n);
                    expect(await erc20.totalSupply()).to.equal(100n);
                });
            });

            describe('transfer', function () {
                it('moves free balance and emits Transfer', async function () {
                    const { erc20, alice, bob } = await fixture();
                    expect(await erc20.connect(alice).transfer.staticCall(bob.address, 40n)).to.equal(true);
                    const tx = erc20.connect(alice).transfer(bob.address, 40n);
                    await expect(tx).to.emit(erc20, 'Transfer').withArgs(alice.address, bob.address, 40n);
                    await expect(tx).to.changeTokenBalances(erc20, [alice, bob], [-40n, 40n]);
                    expect(await erc20.totalSupply()).to.equal(100n);
                });

                it('reverts beyond the free balance', async function () {
                    const { erc20, alice, bob } = await fixture();
                    await expect(erc20.connect(alice).transfer(bob.address, 101n))
                        .to.be.revertedWithCustomError(erc20, 'ERC20InsufficientBalance')
                        .withArgs(alice.address, 100n, 101n);
                });

                it('cannot move frozen value', async function () {
                    const { hub, erc20, alice, bob } = await fixture();
                    await hub.harness.harnessLock(alice.address, 60n);
                    await expect(erc20.connect(alice).transfer(bob.address, 41n))
                        .to.be.revertedWithCustomError(erc20, 'ERC20InsufficientBalance')
                        .withArgs(alice.address, 40n, 41n);
                });

                it('reverts for the zero address, the hub and the kitty as receiver', async function () {
                    const { erc20, hubAddress, alice } = await fixture();
                    for (const to of [ZeroAddress, hubAddress, KITTY_ADDRESS]) {
                        await expect(erc20.connect(alice).transfer(to, 1n))
                            .to.be.revertedWithCustomError(erc20, 'ERC20InvalidReceiver')
                            .withArgs(to);
                    }
                    expect(await erc20.balanceOf(alice.address)).to.equal(100n);
                });
            });

            describe('approve and allowance', function () {
                it('sets the allowance and emits Approval', async function () {
                    const { erc20, alice, bob } = await fixture();
                    await expect(erc20.connect(alice).approve(bob.address, 30n))
                        .to.emit(erc20, 'Approval')
                        .withArgs(alice.address, bob.address, 30n);
                    expect(await erc20.allowance(alice.address, bob.address)).to.equal(30n);
                    // Replaces, does not add (revoking is approving 0, as the iexec SDK does).
                    await erc20.connect(alice).approve(bob.address, 0n);
                    expect(await erc20.allowance(alice.address, bob.address)).to.equal(0n);
                });

                it('reverts for the zero address as spender', async function () {
                    const { erc20, alice } = await fixture();
                    await expect(erc20.connect(alice).approve(ZeroAddress, 1n))
                        .to.be.revertedWithCustomError(erc20, 'ERC20InvalidSpender')
                        .withArgs(ZeroAddress);
                });

                it('increases and decreases the allowance, emitting the new value', async function () {
                    const { erc20, alice, bob } = await fixture();
                    await expect(erc20.connect(alice).increaseAllowance(bob.address, 10n))
                        .to.emit(erc20, 'Approval')
                        .withArgs(alice.address, bob.address, 10n);
                    await expect(erc20.connect(alice).increaseAllowance(bob.address, 5n))
                        .to.emit(erc20, 'Approval')
                        .withArgs(alice.address, bob.address, 15n);
                    await expect(erc20.connect(alice).decreaseAllowance(bob.address, 15n))
                        .to.emit(erc20, 'Approval')
                        .withArgs(alice.address, bob.address, 0n);
                });

                it('reverts a decrease below zero', async function () {
                    const { erc20, alice, bob } = await fixture();
                    await erc20.connect(alice).approve(bob.address, 3n);
                    await expect(erc20.connect(alice).decreaseAllowance(bob.address, 4n))
                        .to.be.revertedWithCustomError(erc20, 'ERC20FailedDecreaseAllowance')
                        .withArgs(bob.address, 3n, 4n);
                });

                it('reverts an increase beyond 2^256 - 1 (checked arithmetic)', async function () {
                    const { erc20, alice, bob } = await fixture();
                    await erc20.connect(alice).approve(bob.address, MaxUint256);
                    await expect(erc20.connect(alice).increaseAllowance(bob.address, 1n)).to.be.revertedWithPanic(0x11);
                });
            });

            describe('transferFrom', function () {
                it('moves the balance, spends the allowance and re-emits Approval with what is left', async function () {
                    const { erc20, alice, bob, carol } = await fixture();
                    await erc20.connect(alice).approve(bob.address, 50n);
                    const tx = erc20.connect(bob).transferFrom(alice.address, carol.address, 20n);
                    await expect(tx).to.emit(erc20, 'Transfer').withArgs(alice.address, carol.address, 20n);
                    await expect(tx).to.emit(erc20, 'Approval').withArgs(alice.address, bob.address, 30n);
                    await expect(tx).to.changeTokenBalances(erc20, [alice, bob, carol], [-20n, 0n, 20n]);
                    expect(await erc20.allowance(alice.address, bob.address)).to.equal(30n);
                });

                it('spends even a maximal allowance (no infinite allowance)', async function () {
                    const { erc20, alice, bob } = await fixture();
                    await erc20.connect(alice).approve(bob.address, MaxUint256);
                    await expect(erc20.connect(bob).transferFrom(alice.address, bob.address, 1n))
                        .to.emit(erc20, 'Approval')
                        .withArgs(alice.address, bob.address, MaxUint256 - 1n);
                });

                it('reverts beyond the allowance', async function () {
                    const { erc20, alice, bob } = await fixture();
                    await erc20.connect(alice).approve(bob.address, 10n);
                    await expect(erc20.connect(bob).transferFrom(alice.address, bob.address, 11n))
                        .to.be.revertedWithCustomError(erc20, 'ERC20InsufficientAllowance')
                        .withArgs(bob.address, 10n, 11n);
                });

                it('reverts beyond the balance of the owner', async function () {
                    const { erc20, alice, bob } = await fixture();
                    await erc20.connect(alice).approve(bob.address, 1_000n);
                    await expect(erc20.connect(bob).transferFrom(alice.address, bob.address, 101n))
                        .to.be.revertedWithCustomError(erc20, 'ERC20InsufficientBalance')
                        .withArgs(alice.address, 100n, 101n);
                });

                it('reverts from the zero address', async function () {
                    const { erc20, bob } = await fixture();
                    await expect(erc20.connect(bob).transferFrom(ZeroAddress, bob.address, 0n))
                        .to.be.revertedWithCustomError(erc20, 'ERC20InvalidSender')
                        .withArgs(ZeroAddress);
                });

                it('reverts to the kitty', async function () {
                    const { erc20, alice, bob } = await fixture();
                    await erc20.connect(alice).approve(bob.address, 10n);
                    await expect(erc20.connect(bob).transferFrom(alice.address, KITTY_ADDRESS, 1n))
                        .to.be.revertedWithCustomError(erc20, 'ERC20InvalidReceiver')
                        .withArgs(KITTY_ADDRESS);
                });
            });

            describe('approveAndCall', function () {
                async function receiverFixture() {
                    const base = await fixture();
                    const receiver = await new ApprovalReceiverMock__factory(base.alice).deploy();
                    return { ...base, receiver };
                }

                it('approves, then calls receiveApproval(caller, value, hub, data) on the spender', async function () {
                    const { erc20, hubAddress, alice, receiver } = await receiverFixture();
                    const tx = erc20.connect(alice).approveAndCall(receiver, 25n, '0xbeef');
                    await expect(tx)
                        .to.emit(erc20, 'Approval')
                        .withArgs(alice.address, await receiver.getAddress(), 25n);
                    await expect(tx)
                        .to.emit(receiver, 'ApprovalReceived')
                        .withArgs(hubAddress, alice.address, 25n, hubAddress, '0xbeef');
                    expect(await erc20.allowance(alice.address, receiver)).to.equal(25n);
                });

                it('reverts when the spender refuses the approval', async function () {
                    const { erc20, alice, receiver } = await receiverFixture();
                    await receiver.setAccept(false);
                    await expect(erc20.connect(alice).approveAndCall(receiver, 25n, '0x'))
                        .to.be.revertedWithCustomError(erc20, 'EscrowApprovalRefused')
                        .withArgs(await receiver.getAddress());
                    expect(await erc20.allowance(alice.address, receiver)).to.equal(0n);
                });

                it('reverts without reason for a spender without code', async function () {
                    const { erc20, alice, bob } = await fixture();
                    await expect(
                        erc20.connect(alice).approveAndCall(bob.address, 1n, '0x'),
                    ).to.be.revertedWithoutReason();
                });

                it('reverts when the spender is the hub itself', async function () {
                    const { hub, erc20, hubAddress, alice } = await fixture();
                    const expected =
                        flavour === 'token'
                            ? expect(erc20.connect(alice).approveAndCall(hubAddress, 1n, '0x'))
                                  .to.be.revertedWithCustomError(hub.escrowToken, 'EscrowCallerNotToken')
                                  .withArgs(hubAddress)
                            : expect(
                                  erc20.connect(alice).approveAndCall(hubAddress, 1n, '0x'),
                              ).to.be.revertedWithCustomError(hub.escrowNative, 'UnsupportedOperation');
                    await expected;
                });
            });
        });
    }
});
