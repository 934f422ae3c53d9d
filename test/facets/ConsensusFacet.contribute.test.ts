import { expect } from 'chai';
import { ethers } from 'hardhat';
import { time } from '@nomicfoundation/hardhat-network-helpers';
import { ZeroAddress } from 'ethers';
import { textResultDigest } from '../../sdk/results';
import { WorkerRole } from '../../sdk/roles';
import { ContributionStatus, TaskStatus } from '../../sdk/tasks';
import {
    CATEGORY_TIMEREF,
    RLC,
    fund,
    initializedTask,
    loadFundedContext,
    rolesOf,
    setPolicy,
    type TaskContext,
} from '../helpers/deals';
import { hubEvents } from '../helpers/events';
import { ConsensusModel, freshWorkersForConsensus, log2, workerWeight } from '../helpers/model';
import { impersonate } from '../helpers/escrow';

const GOOD = textResultDigest('good');
const BAD = textResultDigest('bad');
const T = CATEGORY_TIMEREF[0];

describe('ConsensusFacet: contribute', function () {
    async function setup() {
        const context = await loadFundedContext();
        return { context, ...rolesOf(context), consensus: context.task.consensus };
    }

    /** `count` extra funded workers (fresh accounts, score 0). */
    async function extraWorkers(context: TaskContext, count: number): Promise<WorkerRole[]> {
        const roles: WorkerRole[] = [];
        for (let i = 0; i < count; ++i) {
            const signer = await impersonate(ethers.Wallet.createRandom().address);
            await fund(context, [signer], 100n * RLC);
            roles.push(new WorkerRole(signer, context.hubAddress));
        }
        return roles;
    }

    async function contribute(roles: ReturnType<typeof rolesOf>, worker: WorkerRole, taskId: string, digest: string) {
        const authorization = await roles.scheduler.authorize(await worker.address(), taskId);
        return worker.contribute(taskId, digest, authorization);
    }

    it('stakes, records the contribution and emits Transfer, Lock, TaskContribute', async function () {
        const { context, ...roles } = await setup();
        await setPolicy(context, 35n, 1n);
        const { taskId, deal } = await initializedTask(context, { workerpoolPrice: 10n * RLC, trust: 4n });
        const worker = roles.workers[0];
        const address = await worker.address();
        const { hash, seal } = await worker.commit(taskId, GOOD);
        const before = await context.task.erc20.viewAccount(address);
        const receipt = (await (await contribute(roles, worker, taskId, GOOD)).wait())!;
        expect(deal.workerStake).to.equal(3_500_000_000n);
        expect(hubEvents(receipt, context.hubAddress)).to.deep.equal([
            ['Transfer', address, context.hubAddress, 3_500_000_000n],
            ['Lock', address, 3_500_000_000n],
            ['TaskContribute', taskId, address, hash],
        ]);
        const after = await context.task.erc20.viewAccount(address);
        expect(before.stake - after.stake).to.equal(3_500_000_000n);
        expect(after.locked - before.locked).to.equal(3_500_000_000n);
        const contribution = await context.task.views.viewContribution(taskId, address);
        expect(contribution.status).to.equal(ContributionStatus.CONTRIBUTED);
        expect(contribution.resultHash).to.equal(hash);
        expect(contribution.resultSeal).to.equal(seal);
        expect(contribution.enclaveChallenge).to.equal(ZeroAddress);
        expect(contribution.weight).to.equal(1n);
        const task = await context.task.views.viewTask(taskId);
        expect(task.status).to.equal(TaskStatus.ACTIVE);
        expect(task.contributors).to.deep.equal([address]);
    });

    it('reverts on a task that is not ACTIVE', async function () {
        const { context, consensus, ...roles } = await setup();
        const { taskIds } = await initializedTask(context, { volume: 2n, trust: 2n });
        const [worker, other] = roles.workers;
        await expect(contribute(roles, worker, taskIds[1], GOOD))
            .to.be.revertedWithCustomError(consensus, 'TaskInvalidStatus')
            .withArgs(taskIds[1], TaskStatus.UNSET);
        await (await contribute(roles, worker, taskIds[0], GOOD)).wait();
        await expect(contribute(roles, other, taskIds[0], GOOD))
            .to.be.revertedWithCustomError(consensus, 'TaskInvalidStatus')
            .withArgs(taskIds[0], TaskStatus.REVEALING);
    });

    it('accepts a contribution until the second before the contribution deadline, not at it', async function () {
        const { context, consensus, ...roles } = await setup();
        const { taskId, deal } = await initializedTask(context, { trust: 100n });
        const deadline = deal.startTime + 7n * T;
        await time.setNextBlockTimestamp(deadline - 1n);
        await (await contribute(roles, roles.workers[0], taskId, GOOD)).wait();
        await time.setNextBlockTimestamp(deadline);
        await expect(contribute(roles, roles.workers[1], taskId, GOOD))
            .to.be.revertedWithCustomError(consensus, 'ConsensusContributionDeadlineReached')
            .withArgs(taskId, deadline);
    });

    it('refuses a second contribution of the same worker', async function () {
        const { context, consensus, ...roles } = await setup();
        const { taskId } = await initializedTask(context, { trust: 100n });
        const worker = roles.workers[0];
        await (await contribute(roles, worker, taskId, GOOD)).wait();
        await expect(contribute(roles, worker, taskId, BAD))
            .to.be.revertedWithCustomError(consensus, 'ConsensusAlreadyContributed')
            .withArgs(taskId, await worker.address(), ContributionStatus.CONTRIBUTED);
    });

    it('refuses a worker whose free balance is below the stake', async function () {
        const { context, consensus, ...roles } = await setup();
        const { taskId, deal } = await initializedTask(context, { workerpoolPrice: 10n * RLC, trust: 2n });
        const signer = await impersonate(ethers.Wallet.createRandom().address);
        await fund(context, [signer], deal.workerStake - 1n);
        const poor = new WorkerRole(signer, context.hubAddress);
        await expect(contribute(roles, poor, taskId, GOOD))
            .to.be.revertedWithCustomError(consensus, 'ERC20InsufficientBalance')
            .withArgs(await poor.address(), deal.workerStake - 1n, deal.workerStake);
    });

    it('stakes nothing when the pool asks no stake (events with zero amounts)', async function () {
        const { context, ...roles } = await setup();
        await setPolicy(context, 0n, 1n);
        const { taskId } = await initializedTask(context, { workerpoolPrice: 10n * RLC, trust: 2n });
        const address = await roles.workers[0].address();
        await expect(contribute(roles, roles.workers[0], taskId, GOOD))
            .to.emit(context.task.consensus, 'Lock')
            .withArgs(address, 0n);
    });

    describe('weights', function () {
        // consensus.md §5.3: weight = max(s / 3, 3) - 1; the log-weight is floor(log2(weight)).
        const table: [bigint, bigint][] = [
            [0n, 1n],
            [11n, 1n],
            [12n, 1n],
            [14n, 1n],
            [15n, 2n],
            [17n, 2n],
            [18n, 2n],
            [26n, 2n],
            [27n, 3n],
            [29n, 3n],
            [30n, 3n],
            [32n, 3n],
            [99n, 5n],
            [101n, 5n],
            [300n, 6n],
            [302n, 6n],
        ];

        it('stores floor(log2(max(score / 3, 3) - 1)) as the contribution weight', async function () {
            const { context, ...roles } = await setup();
            const workers = await extraWorkers(context, table.length);
            const { taskId } = await initializedTask(context, { trust: 2n ** 60n });
            for (const [i, [score, logWeight]] of table.entries()) {
                expect(log2(workerWeight(score)), `model, score ${score}`).to.equal(logWeight);
                const address = await workers[i].address();
                await context.task.taskHarness.harnessSetScore(address, score);
                // A different hash each time: no group ever grows past one vote.
                await (await contribute(roles, workers[i], taskId, textResultDigest(`r${i}`))).wait();
                expect((await context.task.views.viewContribution(taskId, address)).weight, `score ${score}`).to.equal(
                    logWeight,
                );
            }
        });
    });

    describe('consensus', function () {
        for (const trust of [1n, 2n, 3n, 4n, 5n, 8n, 9n, 10n]) {
            const needed = freshWorkersForConsensus(trust);
            it(`at trust ${trust}, ${needed} agreeing fresh worker(s) reach it, not fewer (strict inequality)`, async function () {
                const { context, consensus, ...roles } = await setup();
                const workers = await extraWorkers(context, needed);
                const { taskId } = await initializedTask(context, { trust });
                for (const [i, worker] of workers.entries()) {
                    const tx = contribute(roles, worker, taskId, GOOD);
                    if (i < needed - 1) await expect(tx).to.not.emit(consensus, 'TaskConsensus');
                    else await expect(tx).to.emit(consensus, 'TaskConsensus');
                }
                const task = await context.task.views.viewTask(taskId);
                expect(task.status).to.equal(TaskStatus.REVEALING);
                expect(task.winnerCounter).to.equal(BigInt(needed));
            });
        }

        it('follows the model when votes dissent and scores differ', async function () {
            const { context, consensus, ...roles } = await setup();
            const trust = 6n;
            const plan: [string, bigint][] = [
                [BAD, 40n],
                [GOOD, 0n],
                [textResultDigest('other'), 20n],
                [GOOD, 9n],
                [GOOD, 16n],
                [BAD, 3n],
                [GOOD, 50n],
                [GOOD, 50n],
            ];
            const workers = await extraWorkers(context, plan.length);
            const { taskId } = await initializedTask(context, { trust });
            const model = new ConsensusModel(trust);
            let reached: string | undefined;
            for (const [i, [digest, score]] of plan.entries()) {
                await context.task.taskHarness.harnessSetScore(await workers[i].address(), score);
                const { hash } = await workers[i].commit(taskId, digest);
                const tx = contribute(roles, workers[i], taskId, digest);
                if (model.vote(hash, score)) {
                    await expect(tx).to.emit(consensus, 'TaskConsensus').withArgs(taskId, hash);
                    reached = hash;
                    break;
                }
                await expect(tx).to.not.emit(consensus, 'TaskConsensus');
            }
            expect(reached, 'the plan reaches a consensus').to.not.equal(undefined);
            expect((await context.task.views.viewTask(taskId)).consensusValue).to.equal(reached);
        });

        it('sets the reveal deadline to the consensus time + 2T', async function () {
            const { context, ...roles } = await setup();
            const { taskId, deal } = await initializedTask(context, { trust: 2n });
            const late = deal.startTime + 7n * T - 1n;
            await time.setNextBlockTimestamp(late);
            await (await contribute(roles, roles.workers[0], taskId, GOOD)).wait();
            expect((await context.task.views.viewTask(taskId)).revealDeadline).to.equal(late + 2n * T);
        });

        it('reverts with ConsensusWeightOverflow once a group weight exceeds 2^256 - 1 (the task ends in claim)', async function () {
            const { context, consensus, ...roles } = await setup();
            // Weight 2^63 against trust 2^64 - 1: two hashes grow in turn, neither ever winning.
            const trust = 2n ** 64n - 1n;
            const score = 3n * (2n ** 63n + 1n);
            const workers = await extraWorkers(context, 7);
            const { taskId } = await initializedTask(context, { trust });
            const model = new ConsensusModel(trust);
            for (const [i, worker] of workers.entries()) {
                await context.task.taskHarness.harnessSetScore(await worker.address(), score);
                const digest = i % 2 === 0 ? GOOD : BAD;
                const { hash } = await worker.commit(taskId, digest);
                const reached = model.vote(hash, score);
                const group = model.groups.get(hash)!;
                if (group * trust >= 2n ** 256n) {
                    expect(i).to.equal(6);
                    await expect(contribute(roles, worker, taskId, digest))
                        .to.be.revertedWithCustomError(consensus, 'ConsensusWeightOverflow')
                        .withArgs(taskId);
                    return;
                }
                expect(reached).to.equal(false);
                await (await contribute(roles, worker, taskId, digest)).wait();
            }
            expect.fail('no overflow');
        });
    });
});
