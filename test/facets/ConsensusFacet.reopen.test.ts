import { expect } from 'chai';
import { ethers } from 'hardhat';
import { time } from '@nomicfoundation/hardhat-network-helpers';
import { ZeroHash } from 'ethers';
import { textResultDigest } from '../../sdk/results';
import { WorkerRole } from '../../sdk/roles';
import { ContributionStatus, TaskStatus } from '../../sdk/tasks';
import { CATEGORY_TIMEREF, RLC, everyone, fund, initializedTask, loadFundedContext, rolesOf } from '../helpers/deals';
import { impersonate } from '../helpers/escrow';
import { hubEventNames } from '../helpers/events';
import { expectConservation } from '../helpers/ledger';
import { ConsensusModel } from '../helpers/model';

const GOOD = textResultDigest('good');
const BAD = textResultDigest('bad');
const T = CATEGORY_TIMEREF[0];

describe('ConsensusFacet: reopen', function () {
    /**
     * Trust 3, fresh workers: W0 votes BAD, W1 GOOD, W2 GOOD, W3 GOOD: consensus on GOOD at W3
     * (3 × 8 > 2 × 11); nobody reveals.
     */
    async function unrevealed() {
        const context = await loadFundedContext();
        const roles = rolesOf(context);
        const { taskId, deal } = await initializedTask(context, { trust: 3n, workerpoolPrice: 10n * RLC });
        let consensusTime = 0n;
        for (const [i, digest] of [BAD, GOOD, GOOD, GOOD].entries()) {
            const worker = roles.workers[i];
            const receipt = (await (
                await worker.contribute(taskId, digest, await roles.scheduler.authorize(await worker.address(), taskId))
            ).wait())!;
            consensusTime = BigInt((await receipt.getBlock()).timestamp);
        }
        const contribute = async (worker: WorkerRole, digest: string) =>
            worker.contribute(taskId, digest, await roles.scheduler.authorize(await worker.address(), taskId));
        return {
            context,
            ...roles,
            taskId,
            deal,
            contribute,
            consensus: context.task.consensus,
            revealDeadline: consensusTime + 2n * T,
        };
    }

    it('is reserved to the deal scheduler', async function () {
        const { context, anyone, taskId, consensus, revealDeadline } = await unrevealed();
        await time.increaseTo(revealDeadline);
        await expect(anyone.reopen(taskId))
            .to.be.revertedWithCustomError(consensus, 'TaskCallerNotScheduler')
            .withArgs(taskId, context.actors.stranger.address, context.actors.scheduler.address);
        const unknown = `0x${'cd'.repeat(32)}`;
        await expect(anyone.reopen(unknown))
            .to.be.revertedWithCustomError(consensus, 'TaskCallerNotScheduler')
            .withArgs(unknown, context.actors.stranger.address, '0x0000000000000000000000000000000000000000');
    });

    it('waits for the reveal deadline, and refuses once something was revealed', async function () {
        const { scheduler, workers, taskId, consensus, revealDeadline } = await unrevealed();
        await (await workers[1].reveal(taskId, GOOD)).wait();
        await time.setNextBlockTimestamp(revealDeadline - 1n);
        await expect(scheduler.reopen(taskId))
            .to.be.revertedWithCustomError(consensus, 'ConsensusRevealDeadlineNotReached')
            .withArgs(taskId, revealDeadline);
        await time.setNextBlockTimestamp(revealDeadline);
        await expect(scheduler.reopen(taskId))
            .to.be.revertedWithCustomError(consensus, 'ConsensusAlreadyRevealed')
            .withArgs(taskId, 1n);
    });

    it('reverts on a task that is not REVEALING, and after the final deadline', async function () {
        const { scheduler, taskId, consensus, revealDeadline } = await unrevealed();
        await time.setNextBlockTimestamp(revealDeadline);
        await (await scheduler.reopen(taskId)).wait();
        await expect(scheduler.reopen(taskId))
            .to.be.revertedWithCustomError(consensus, 'TaskInvalidStatus')
            .withArgs(taskId, TaskStatus.ACTIVE);
        const other = await unrevealed();
        const finalDeadline = other.deal.startTime + 10n * T;
        await time.setNextBlockTimestamp(finalDeadline);
        await expect(other.scheduler.reopen(other.taskId))
            .to.be.revertedWithCustomError(other.consensus, 'TaskFinalDeadlineReached')
            .withArgs(other.taskId, finalDeadline);
    });

    it('rejects the consensus contributions, keeps the others and the deadlines, and emits TaskReopen', async function () {
        const { context, scheduler, workers, taskId, consensus, revealDeadline } = await unrevealed();
        const before = await context.task.views.viewTask(taskId);
        await time.setNextBlockTimestamp(revealDeadline);
        await expect(scheduler.reopen(taskId)).to.emit(consensus, 'TaskReopen').withArgs(taskId);
        const task = await context.task.views.viewTask(taskId);
        expect(task.status).to.equal(TaskStatus.ACTIVE);
        expect(task.consensusValue).to.equal(ZeroHash);
        expect(task.revealDeadline).to.equal(0n);
        expect(task.winnerCounter).to.equal(0n);
        expect(task.contributionDeadline).to.equal(before.contributionDeadline);
        expect(task.finalDeadline).to.equal(before.finalDeadline);
        expect(task.contributors).to.deep.equal(before.contributors);
        const statuses = await Promise.all(
            workers
                .slice(0, 4)
                .map(async (w) => (await context.task.views.viewContribution(taskId, await w.address())).status),
        );
        expect(statuses).to.deep.equal([
            ContributionStatus.CONTRIBUTED,
            ContributionStatus.REJECTED,
            ContributionStatus.REJECTED,
            ContributionStatus.REJECTED,
        ]);
    });

    it('never lets a rejected worker contribute again', async function () {
        const { scheduler, workers, taskId, consensus, revealDeadline, contribute } = await unrevealed();
        await time.setNextBlockTimestamp(revealDeadline);
        await (await scheduler.reopen(taskId)).wait();
        await expect(contribute(workers[1], GOOD))
            .to.be.revertedWithCustomError(consensus, 'ConsensusAlreadyContributed')
            .withArgs(taskId, await workers[1].address(), ContributionStatus.REJECTED);
    });

    it('restarts the consensus: the dropped hash starts from zero, the other groups keep their weight', async function () {
        const { context, scheduler, workers, taskId, consensus, revealDeadline, contribute } = await unrevealed();
        // The model of the same votes.
        const model = new ConsensusModel(3n);
        const hash = async (digest: string) => (await workers[0].commit(taskId, digest)).hash;
        for (const digest of [BAD, GOOD, GOOD, GOOD]) model.vote(await hash(digest), 0n);
        model.reopen(await hash(GOOD));
        expect(model.total).to.equal(3n); // 1 + group[BAD]

        await time.setNextBlockTimestamp(revealDeadline);
        await (await scheduler.reopen(taskId)).wait();
        // W4 votes GOOD again: group 2, total 5: 3 × 2 > 2 × 5 is false.
        expect(model.vote(await hash(GOOD), 0n)).to.equal(false);
        await expect(contribute(workers[4], GOOD)).to.not.emit(consensus, 'TaskConsensus');
        // Two more agreeing votes from new workers.
        let reachedAt = -1;
        for (let i = 0; i < 3; ++i) {
            const signer = await impersonate(ethers.Wallet.createRandom().address);
            await fund(context, [signer], 10n * RLC);
            const worker = new WorkerRole(signer, context.hubAddress);
            const expected = model.vote(await hash(GOOD), 0n);
            const tx = contribute(worker, GOOD);
            if (expected) {
                await expect(tx).to.emit(consensus, 'TaskConsensus');
                reachedAt = i;
                break;
            }
            await expect(tx).to.not.emit(consensus, 'TaskConsensus');
        }
        expect(reachedAt).to.equal(1);
        // The rejected GOOD holders are not winners.
        const task = await context.task.views.viewTask(taskId);
        expect(task.winnerCounter).to.equal(3n);
        expect(task.contributors).to.have.length(7);
    });

    it('ends with the rejected contributions seized at finalization', async function () {
        const { context, scheduler, workers, taskId, revealDeadline, contribute } = await unrevealed();
        await time.setNextBlockTimestamp(revealDeadline);
        await (await scheduler.reopen(taskId)).wait();
        // W4 alone cannot reach trust 3; its vote for BAD joins W0's: group 4, total 5 → 12 > 10.
        await (await contribute(workers[4], BAD)).wait();
        const task = await context.task.views.viewTask(taskId);
        expect(task.status).to.equal(TaskStatus.REVEALING);
        expect(task.winnerCounter).to.equal(2n);
        await (await workers[0].reveal(taskId, BAD)).wait();
        await (await workers[4].reveal(taskId, BAD)).wait();
        const receipt = (await (await scheduler.finalize(taskId, '0x')).wait())!;
        const names = hubEventNames(receipt, context.hubAddress);
        expect(names.filter((n) => n === 'FaultyContribution')).to.have.length(3);
        expect(names.filter((n) => n === 'AccurateContribution')).to.have.length(2);
        await expectConservation(context, everyone(context));
    });

    it('after the contribution deadline, leaves the task to claim', async function () {
        const { context, scheduler, workers, taskId, consensus, deal, contribute } = await unrevealed();
        await time.setNextBlockTimestamp(deal.startTime + 7n * T);
        await (await scheduler.reopen(taskId)).wait();
        await expect(contribute(workers[4], GOOD)).to.be.revertedWithCustomError(
            consensus,
            'ConsensusContributionDeadlineReached',
        );
        await time.increaseTo(deal.startTime + 10n * T);
        await expect(scheduler.claim(taskId)).to.emit(context.task.tasks, 'TaskClaimed');
    });
});
