import { expect } from 'chai';
import { ethers } from 'hardhat';
import { loadFixture, setBalance } from '@nomicfoundation/hardhat-network-helpers';
import { MaxUint256, ZeroAddress } from 'ethers';
import { CoinRejectingAccountMock__factory, ReentrantReceiverMock__factory } from '../../typechain-types';
import { WEI_PER_NRLC } from '../../sdk/units';
import { shouldBehaveLikeEscrow } from '../behaviours/Escrow.behaviour';
import { nativeHubFixture } from '../helpers/hub';

const DUST = 123_456_789n; // below 1 nRLC

describe('EscrowNativeFacet', function () {
    shouldBehaveLikeEscrow('native');

    async function fixture() {
        const hub = await loadFixture(nativeHubFixture);
        const [alice, bob, carol] = hub.accounts;
        return { ...hub, alice, bob, carol };
    }

    describe('deposit', function () {
        it('refunds the dust below 1 nRLC to the sender', async function () {
            const { hub, hubAddress, alice } = await fixture();
            const tx = hub.escrowNative.connect(alice).deposit({ value: 5n * WEI_PER_NRLC + DUST });
            await expect(tx).to.emit(hub.erc20, 'Transfer').withArgs(ZeroAddress, alice.address, 5n);
            // The sender paid exactly 5 nRLC (fees aside); the hub keeps no dust.
            await expect(tx).to.changeEtherBalances([alice, hubAddress], [-5n * WEI_PER_NRLC, 5n * WEI_PER_NRLC]);
            expect(await hub.erc20.balanceOf(alice.address)).to.equal(5n);
            expect(await ethers.provider.getBalance(hubAddress)).to.equal(5n * WEI_PER_NRLC);
        });

        it('refunds a whole payment below 1 nRLC and mints nothing', async function () {
            const { hub, hubAddress, alice } = await fixture();
            const tx = hub.escrowNative.connect(alice).deposit({ value: WEI_PER_NRLC - 1n });
            await expect(tx).to.emit(hub.erc20, 'Transfer').withArgs(ZeroAddress, alice.address, 0n);
            await expect(tx).to.changeEtherBalances([alice, hubAddress], [0n, 0n]);
            expect(await hub.erc20.totalSupply()).to.equal(0n);
        });

        it('deposits on a plain coin transfer to the hub, refunding the dust', async function () {
            const { hub, hubAddress, alice } = await fixture();
            const tx = alice.sendTransaction({ to: hubAddress, value: 2n * WEI_PER_NRLC + DUST });
            await expect(tx).to.emit(hub.erc20, 'Transfer').withArgs(ZeroAddress, alice.address, 2n);
            await expect(tx).to.changeEtherBalances([alice, hubAddress], [-2n * WEI_PER_NRLC, 2n * WEI_PER_NRLC]);
        });

        it('reverts for a depositor that cannot take its dust back, and accepts its exact payments', async function () {
            const { hub, hubAddress, alice } = await fixture();
            const depositor = await new CoinRejectingAccountMock__factory(alice).deploy();
            await expect(depositor.deposit(hubAddress, { value: WEI_PER_NRLC + DUST }))
                .to.be.revertedWithCustomError(hub.escrowNative, 'NativeTransferFailed')
                .withArgs(await depositor.getAddress(), DUST);
            await depositor.deposit(hubAddress, { value: 3n * WEI_PER_NRLC });
            expect(await hub.erc20.balanceOf(depositor)).to.equal(3n);
        });
    });

    describe('depositFor', function () {
        it('credits the target and refunds the dust to the payer', async function () {
            const { hub, hubAddress, alice, bob } = await fixture();
            const tx = hub.escrowNative.connect(alice).depositFor(bob.address, { value: 4n * WEI_PER_NRLC + DUST });
            await expect(tx).to.emit(hub.erc20, 'Transfer').withArgs(ZeroAddress, bob.address, 4n);
            await expect(tx).to.changeEtherBalances(
                [alice, bob, hubAddress],
                [-4n * WEI_PER_NRLC, 0n, 4n * WEI_PER_NRLC],
            );
        });
    });

    describe('depositForArray', function () {
        it('refunds what the payment holds beyond the amounts', async function () {
            const { hub, hubAddress, alice, bob, carol } = await fixture();
            const value = 10n * WEI_PER_NRLC + DUST;
            const tx = hub.escrowNative
                .connect(alice)
                .depositForArray([1n, 2n], [bob.address, carol.address], { value });
            await expect(tx).to.changeEtherBalances([alice, hubAddress], [-3n * WEI_PER_NRLC, 3n * WEI_PER_NRLC]);
            await expect(tx).to.changeTokenBalances(hub.erc20, [bob, carol], [1n, 2n]);
        });

        it('reverts when the payment does not cover the amounts', async function () {
            const { hub, alice, bob, carol } = await fixture();
            const value = 3n * WEI_PER_NRLC - 1n;
            await expect(
                hub.escrowNative.connect(alice).depositForArray([1n, 2n], [bob.address, carol.address], { value }),
            )
                .to.be.revertedWithCustomError(hub.escrowNative, 'NativeInsufficientValue')
                .withArgs(value, 3n);
        });

        it('reverts with the same error, not a panic, for amounts adding up beyond 2^256', async function () {
            const { hub, alice, bob } = await fixture();
            const value = WEI_PER_NRLC;
            await expect(
                hub.escrowNative
                    .connect(alice)
                    .depositForArray([MaxUint256, 2n], [bob.address, bob.address], { value }),
            )
                .to.be.revertedWithCustomError(hub.escrowNative, 'NativeInsufficientValue')
                .withArgs(value, MaxUint256);
        });
    });

    describe('withdraw', function () {
        it('pays 10^9 wei per nRLC', async function () {
            const { hub, hubAddress, alice } = await fixture();
            await hub.escrowNative.connect(alice).deposit({ value: 7n * WEI_PER_NRLC });
            await expect(hub.escrow.connect(alice).withdraw(7n)).to.changeEtherBalances(
                [alice, hubAddress],
                [7n * WEI_PER_NRLC, -7n * WEI_PER_NRLC],
            );
        });

        it('reverts for a receiver that rejects the coins, and keeps its balance', async function () {
            const { hub, hubAddress, alice } = await fixture();
            const account = await new CoinRejectingAccountMock__factory(alice).deploy();
            await account.deposit(hubAddress, { value: 2n * WEI_PER_NRLC });
            await expect(account.withdraw(hubAddress, 2n))
                .to.be.revertedWithCustomError(hub.escrowNative, 'NativeTransferFailed')
                .withArgs(await account.getAddress(), 2n * WEI_PER_NRLC);
            await expect(hub.escrow.connect(alice).withdrawTo(0n, account))
                .to.be.revertedWithCustomError(hub.escrowNative, 'NativeTransferFailed')
                .withArgs(await account.getAddress(), 0n);
            expect(await hub.erc20.balanceOf(account)).to.equal(2n);
            expect(await ethers.provider.getBalance(hubAddress)).to.equal(2n * WEI_PER_NRLC);
        });

        it('lets a re-entrant receiver take no more than its balance', async function () {
            const { hub, hubAddress, alice } = await fixture();
            const receiver = await new ReentrantReceiverMock__factory(alice).deploy();
            await receiver.deposit(hubAddress, { value: 3n * WEI_PER_NRLC });
            // Withdraw 2, then re-enter for 2 more while only 1 is left: the re-entry fails.
            await expect(receiver.attack(hubAddress, 2n, 1)).to.changeEtherBalances(
                [receiver, hubAddress],
                [2n * WEI_PER_NRLC, -2n * WEI_PER_NRLC],
            );
            expect([await receiver.succeeded(), await receiver.failed()]).to.deep.equal([0n, 1n]);
            expect(await hub.erc20.balanceOf(receiver)).to.equal(1n);
            expect(await hub.erc20.totalSupply()).to.equal(1n);
        });

        it('lets a re-entrant receiver withdraw its own balance in nested calls', async function () {
            const { hub, hubAddress, alice } = await fixture();
            const receiver = await new ReentrantReceiverMock__factory(alice).deploy();
            await receiver.deposit(hubAddress, { value: 3n * WEI_PER_NRLC });
            await expect(receiver.attack(hubAddress, 1n, 3)).to.changeEtherBalances(
                [receiver, hubAddress],
                [3n * WEI_PER_NRLC, -3n * WEI_PER_NRLC],
            );
            expect([await receiver.succeeded(), await receiver.failed()]).to.deep.equal([2n, 1n]);
            expect(await hub.erc20.balanceOf(receiver)).to.equal(0n);
            expect(await ethers.provider.getBalance(hubAddress)).to.equal(0n);
        });
    });

    describe('recover', function () {
        it('mints the whole nRLC of coins forced into the hub, and leaves their dust', async function () {
            const { hub, hubAddress, owner, alice } = await fixture();
            await hub.escrowNative.connect(alice).deposit({ value: 2n * WEI_PER_NRLC });
            await setBalance(hubAddress, 2n * WEI_PER_NRLC + 5n * WEI_PER_NRLC + DUST);
            await expect(hub.escrow.recover()).to.changeTokenBalances(hub.erc20, [owner, alice], [5n, 0n]);
            expect(await hub.erc20.totalSupply()).to.equal(7n);
        });
    });

    describe('receiveApproval', function () {
        it('reverts UnsupportedOperation: there is no token to approve', async function () {
            const { hub, alice } = await fixture();
            await expect(hub.escrowNative.connect(alice).receiveApproval(alice.address, 1n, ZeroAddress, '0x'))
                .to.be.revertedWithCustomError(hub.escrowNative, 'UnsupportedOperation')
                .withArgs(hub.escrowNative.interface.getFunction('receiveApproval').selector);
        });
    });

    describe('unknown selectors', function () {
        it('revert instead of depositing (the reference’s fallback deposited silently)', async function () {
            const { hub, hubAddress, alice } = await fixture();
            await expect(alice.sendTransaction({ to: hubAddress, data: '0x12345678', value: WEI_PER_NRLC }))
                .to.be.revertedWithCustomError(hub.cut, 'DiamondFunctionNotFound')
                .withArgs('0x12345678');
        });
    });
});
