import { expect } from 'chai';
import { ethers } from 'hardhat';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { MaxUint256 } from 'ethers';
import { WorkerpoolRegistry__factory, Workerpool__factory } from '../../typechain-types';
import { addressToTokenId, createWorkerpool } from '../../sdk/assets';

/** Initial policy of every workerpool (reference values). */
const INITIAL_WORKER_STAKE_RATIO = 30n;
const INITIAL_SCHEDULER_REWARD_RATIO = 1n;

/** A workerpool owned by `scheduler`, created by a third party. */
async function deployWorkerpoolFixture() {
    const [admin, scheduler, newScheduler, stranger] = await ethers.getSigners();
    const workerpoolRegistry = await new WorkerpoolRegistry__factory(admin).deploy();
    const { address } = await createWorkerpool(workerpoolRegistry.connect(stranger), scheduler.address, {
        description: 'my-workerpool',
    });
    const workerpool = Workerpool__factory.connect(address, scheduler);
    return { workerpoolRegistry, workerpool, admin, scheduler, newScheduler, stranger };
}

describe('Workerpool', () => {
    describe('initial state', () => {
        it('starts with a worker stake ratio of 30 and a scheduler reward ratio of 1', async () => {
            const { workerpool } = await loadFixture(deployWorkerpoolFixture);
            expect(await workerpool.m_workerStakeRatioPolicy()).to.equal(INITIAL_WORKER_STAKE_RATIO);
            expect(await workerpool.m_schedulerRewardRatioPolicy()).to.equal(INITIAL_SCHEDULER_REWARD_RATIO);
        });

        it('exposes its description, owner and registry', async () => {
            const { workerpool, workerpoolRegistry, scheduler } = await loadFixture(deployWorkerpoolFixture);
            expect(await workerpool.m_workerpoolDescription()).to.equal('my-workerpool');
            expect(await workerpool.owner()).to.equal(scheduler.address);
            expect(await workerpool.registry()).to.equal(await workerpoolRegistry.getAddress());
        });
    });

    describe('changePolicy', () => {
        it('sets both ratios', async () => {
            const { workerpool } = await loadFixture(deployWorkerpoolFixture);
            await workerpool.changePolicy(35n, 5n);
            expect(await workerpool.m_workerStakeRatioPolicy()).to.equal(35n);
            expect(await workerpool.m_schedulerRewardRatioPolicy()).to.equal(5n);
        });

        it('emits PolicyUpdate with the old and the new values', async () => {
            const { workerpool } = await loadFixture(deployWorkerpoolFixture);
            await expect(workerpool.changePolicy(35n, 5n))
                .to.emit(workerpool, 'PolicyUpdate')
                .withArgs(INITIAL_WORKER_STAKE_RATIO, 35n, INITIAL_SCHEDULER_REWARD_RATIO, 5n);
            await expect(workerpool.changePolicy(40n, 0n))
                .to.emit(workerpool, 'PolicyUpdate')
                .withArgs(35n, 40n, 5n, 0n);
        });

        it('accepts a scheduler reward ratio of exactly 100', async () => {
            const { workerpool } = await loadFixture(deployWorkerpoolFixture);
            await workerpool.changePolicy(INITIAL_WORKER_STAKE_RATIO, 100n);
            expect(await workerpool.m_schedulerRewardRatioPolicy()).to.equal(100n);
        });

        it('reverts without reason when the scheduler reward ratio exceeds 100', async () => {
            const { workerpool } = await loadFixture(deployWorkerpoolFixture);
            for (const ratio of [101n, MaxUint256]) {
                await expect(workerpool.changePolicy(INITIAL_WORKER_STAKE_RATIO, ratio)).to.be.revertedWithoutReason();
            }
            expect(await workerpool.m_schedulerRewardRatioPolicy()).to.equal(INITIAL_SCHEDULER_REWARD_RATIO);
        });

        it('accepts any worker stake ratio, including above 100 and the maximum uint256', async () => {
            const { workerpool } = await loadFixture(deployWorkerpoolFixture);
            for (const ratio of [0n, 100n, 101n, 1_000n, MaxUint256]) {
                await workerpool.changePolicy(ratio, INITIAL_SCHEDULER_REWARD_RATIO);
                expect(await workerpool.m_workerStakeRatioPolicy()).to.equal(ratio);
            }
        });

        it('reverts when the caller is not the owner', async () => {
            const { workerpool, admin, stranger } = await loadFixture(deployWorkerpoolFixture);
            for (const caller of [stranger, admin]) {
                await expect(workerpool.connect(caller).changePolicy(35n, 5n)).to.be.revertedWith(
                    'caller is not the owner',
                );
            }
        });

        it('reverts for an account merely approved for the token', async () => {
            const { workerpool, workerpoolRegistry, scheduler, stranger } = await loadFixture(deployWorkerpoolFixture);
            const id = addressToTokenId(await workerpool.getAddress());
            await workerpoolRegistry.connect(scheduler).approve(stranger.address, id);
            await workerpoolRegistry.connect(scheduler).setApprovalForAll(stranger.address, true);
            await expect(workerpool.connect(stranger).changePolicy(35n, 5n)).to.be.revertedWith(
                'caller is not the owner',
            );
        });

        it('moves to the new owner when the token is transferred', async () => {
            const { workerpool, workerpoolRegistry, scheduler, newScheduler } =
                await loadFixture(deployWorkerpoolFixture);
            const id = addressToTokenId(await workerpool.getAddress());
            await workerpoolRegistry.connect(scheduler).transferFrom(scheduler.address, newScheduler.address, id);
            expect(await workerpool.owner()).to.equal(newScheduler.address);
            await expect(workerpool.changePolicy(35n, 5n)).to.be.revertedWith('caller is not the owner');
            await expect(workerpool.connect(newScheduler).changePolicy(35n, 5n))
                .to.emit(workerpool, 'PolicyUpdate')
                .withArgs(INITIAL_WORKER_STAKE_RATIO, 35n, INITIAL_SCHEDULER_REWARD_RATIO, 5n);
        });

        it('keeps each workerpool policy separate', async () => {
            const { workerpool, workerpoolRegistry, scheduler } = await loadFixture(deployWorkerpoolFixture);
            const other = await createWorkerpool(workerpoolRegistry.connect(scheduler), scheduler.address, {
                description: 'another workerpool',
            });
            await workerpool.changePolicy(50n, 10n);
            const otherPool = Workerpool__factory.connect(other.address, scheduler);
            expect(await otherPool.m_workerStakeRatioPolicy()).to.equal(INITIAL_WORKER_STAKE_RATIO);
            expect(await otherPool.m_schedulerRewardRatioPolicy()).to.equal(INITIAL_SCHEDULER_REWARD_RATIO);
        });

        it('cannot be called on the master, which has no owner', async () => {
            const { workerpoolRegistry, scheduler } = await loadFixture(deployWorkerpoolFixture);
            const master = Workerpool__factory.connect(await workerpoolRegistry.master(), scheduler);
            await expect(master.changePolicy(35n, 5n)).to.be.revertedWith('ERC721: invalid token ID');
        });
    });
});
