import { expect } from 'chai';
import { time } from '@nomicfoundation/hardhat-network-helpers';
import { ethers } from 'hardhat';
import { textResultDigest } from '../../sdk/results';
import { ContributionStatus, TaskStatus } from '../../sdk/tasks';
import { CATEGORY_TIMEREF, initializedTask, loadFundedContext, rolesOf } from '../helpers/deals';

const GOOD = textResultDigest('good');
const BAD = textResultDigest('bad');
const T = CATEGORY_TIMEREF[0];

describe('ConsensusFacet: reveal', function () {
    /** Trust 3, fresh workers: W0 votes BAD, W1, W2, W3 vote GOOD (consensus at W3: 3 × 8 > 2 × 11). */
    async function revealing() {
        const context = await loadFundedContext();
        const roles = rolesOf(context);
        const { taskId } = await initializedTask(context, { trust: 3n });
        const plan = [BAD, GOOD, GOOD, GOOD];
        let consensusTime = 0n;
        for (const [i, digest] of plan.entries()) {
            const worker = roles.workers[i];
            const authorization = await roles.scheduler.authorize(await worker.address(), taskId);
            const receipt = (await (await worker.contribute(taskId, digest, authorization)).wait())!;
            consensusTime = BigInt((await receipt.getBlock()).timestamp);
        }
        const task = await context.task.views.viewTask(taskId);
        expect(task.status).to.equal(TaskStatus.REVEALING);
        expect(task.winnerCounter).to.equal(3n);
        return { context, ...roles, taskId, consensus: context.task.consensus, revealDeadline: consensusTime + 2n * T };
    }

    it('marks the contribution PROVED, counts it, stores the digest and emits TaskReveal', async function () {
        const { context, workers, taskId, consensus } = await revealing();
        const worker = workers[1];
        const address = await worker.address();
        await expect(worker.reveal(taskId, GOOD)).to.emit(consensus, 'TaskReveal').withArgs(taskId, address, GOOD);
        await (await workers[3].reveal(taskId, GOOD)).wait();
        const task = await context.task.views.viewTask(taskId);
        expect(task.revealCounter).to.equal(2n);
        expect(task.resultDigest).to.equal(GOOD);
        const contribution = await context.task.views.viewContribution(taskId, address);
        expect(contribution.status).to.equal(ContributionStatus.PROVED);
        expect(contribution.resultHash).to.equal((await worker.commit(taskId, GOOD)).hash);
        expect(contribution.resultSeal).to.equal((await worker.commit(taskId, GOOD)).seal);
    });

    it('accepts a reveal until the second before the reveal deadline, not at it', async function () {
        const { workers, taskId, consensus, revealDeadline } = await revealing();
        await time.setNextBlockTimestamp(revealDeadline - 1n);
        await (await workers[1].reveal(taskId, GOOD)).wait();
        await time.setNextBlockTimestamp(revealDeadline);
        await expect(workers[2].reveal(taskId, GOOD))
            .to.be.revertedWithCustomError(consensus, 'ConsensusRevealDeadlineReached')
            .withArgs(taskId, revealDeadline);
    });

    it('reverts on a task that is not REVEALING', async function () {
        const context = await loadFundedContext();
        const { workers, scheduler } = rolesOf(context);
        const { taskId } = await initializedTask(context, { trust: 3n });
        await (
            await workers[0].contribute(taskId, GOOD, await scheduler.authorize(await workers[0].address(), taskId))
        ).wait();
        await expect(workers[0].reveal(taskId, GOOD))
            .to.be.revertedWithCustomError(context.task.consensus, 'TaskInvalidStatus')
            .withArgs(taskId, TaskStatus.ACTIVE);
    });

    it('refuses a non-contributor, a second reveal, and a hash outside the consensus', async function () {
        const { workers, taskId, consensus } = await revealing();
        const outsider = workers[4];
        await expect(outsider.reveal(taskId, GOOD))
            .to.be.revertedWithCustomError(consensus, 'ConsensusNotContributed')
            .withArgs(taskId, await outsider.address(), ContributionStatus.UNSET);
        await (await workers[1].reveal(taskId, GOOD)).wait();
        await expect(workers[1].reveal(taskId, GOOD))
            .to.be.revertedWithCustomError(consensus, 'ConsensusNotContributed')
            .withArgs(taskId, await workers[1].address(), ContributionStatus.PROVED);
        const loser = workers[0];
        await expect(loser.reveal(taskId, BAD))
            .to.be.revertedWithCustomError(consensus, 'ConsensusNotInConsensus')
            .withArgs(
                taskId,
                await loser.address(),
                (await loser.commit(taskId, BAD)).hash,
                (await loser.commit(taskId, GOOD)).hash,
            );
    });

    it('refuses a digest that does not give the contributed hash', async function () {
        const { workers, taskId, consensus } = await revealing();
        const wrong = textResultDigest('guess');
        await expect(workers[1].reveal(taskId, wrong))
            .to.be.revertedWithCustomError(consensus, 'ConsensusResultHashMismatch')
            .withArgs(
                taskId,
                (await workers[1].commit(taskId, GOOD)).hash,
                (await workers[1].commit(taskId, wrong)).hash,
            );
    });

    it('lets a lazy worker who copied a winning hash contribute, but never reveal (the seal binds the worker)', async function () {
        const context = await loadFundedContext();
        const { workers, scheduler } = rolesOf(context);
        const { taskId } = await initializedTask(context, { trust: 5n });
        // Trust 5: three agreeing fresh workers reach it.
        const [honest, copyHash, copyBoth] = workers;
        const victim = await honest.commit(taskId, GOOD);
        await (await honest.contribute(taskId, GOOD, await scheduler.authorize(await honest.address(), taskId))).wait();
        // One copies the hash with a made-up seal, one copies hash and seal, from the TaskContribute event and calldata.
        await (
            await copyHash.contributeRaw({
                taskId,
                resultHash: victim.hash,
                resultSeal: ethers.id('made up'),
                authorization: await scheduler.authorize(await copyHash.address(), taskId),
            })
        ).wait();
        await (
            await copyBoth.contributeRaw({
                taskId,
                resultHash: victim.hash,
                resultSeal: victim.seal,
                authorization: await scheduler.authorize(await copyBoth.address(), taskId),
            })
        ).wait();
        expect((await context.task.views.viewTask(taskId)).status).to.equal(TaskStatus.REVEALING);
        expect((await context.task.views.viewTask(taskId)).winnerCounter).to.equal(3n);
        await (await honest.reveal(taskId, GOOD)).wait();
        // Even knowing the digest now (from TaskReveal), neither can reveal.
        for (const lazy of [copyHash, copyBoth]) {
            await expect(lazy.reveal(taskId, GOOD))
                .to.be.revertedWithCustomError(context.task.consensus, 'ConsensusResultSealMismatch')
                .withArgs(
                    taskId,
                    (await context.task.views.viewContribution(taskId, await lazy.address())).resultSeal,
                    (await lazy.commit(taskId, GOOD)).seal,
                );
        }
    });
});
