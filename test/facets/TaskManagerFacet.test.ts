import { expect } from 'chai';
import { time } from '@nomicfoundation/hardhat-network-helpers';
import { ZeroHash } from 'ethers';
import { CategoryManagerFacet__factory } from '../../typechain-types';
import { textResultDigest } from '../../sdk/results';
import { TaskStatus, taskIdOf } from '../../sdk/tasks';
import { KITTY_ADDRESS } from '../helpers/escrow';
import {
    CATEGORY_TIMEREF,
    RLC,
    createDeal,
    initializedTask,
    loadFundedContext,
    everyone,
    rolesOf,
} from '../helpers/deals';
import { hubEvents } from '../helpers/events';
import { expectChanges, expectConservation, readLedger } from '../helpers/ledger';
import { schedulerStake } from '../helpers/model';

const DIGEST = textResultDigest('result');
const T = CATEGORY_TIMEREF[0];

describe('TaskManagerFacet', function () {
    async function setup() {
        const context = await loadFundedContext();
        return { context, ...rolesOf(context), tasks: context.task.tasks };
    }

    describe('initialize', function () {
        it('activates the task with deadlines counted from the deal start, and emits TaskInitialize(task, workerpool)', async function () {
            const { context, scheduler, tasks } = await setup();
            const deal = await createDeal(context, { volume: 3n, workerpoolPrice: 10n * RLC });
            await time.increase(1_000);
            const taskId = taskIdOf(deal.dealId, 1);
            expect(await tasks.initialize.staticCall(deal.dealId, 1)).to.equal(taskId);
            await expect(scheduler.initialize(deal.dealId, 1))
                .to.emit(tasks, 'TaskInitialize')
                .withArgs(taskId, context.assets.workerpool);
            const task = await context.task.views.viewTask(taskId);
            const start = deal.deal.startTime;
            expect(task.status).to.equal(TaskStatus.ACTIVE);
            expect(task.dealid).to.equal(deal.dealId);
            expect(task.idx).to.equal(1n);
            expect(task.timeref).to.equal(T);
            expect(task.contributionDeadline).to.equal(start + 7n * T);
            expect(task.finalDeadline).to.equal(start + 10n * T);
            expect(task.revealDeadline).to.equal(0n);
            expect(task.consensusValue).to.equal(ZeroHash);
            expect(task.contributors).to.deep.equal([]);
        });

        it('uses absolute indexes: the second deal of a request order starts at its botFirst', async function () {
            const { context, scheduler, tasks } = await setup();
            const first = await createDeal(context, { volume: 2n, requestVolume: 5n });
            const second = await createDeal(context, { volume: 2n, request: first.request });
            expect(second.botFirst).to.equal(2n);
            expect(second.dealId).to.not.equal(first.dealId);
            await expect(scheduler.initialize(second.dealId, 1))
                .to.be.revertedWithCustomError(tasks, 'TaskIndexOutOfRange')
                .withArgs(second.dealId, 1n, 2n, 2n);
            await expect(scheduler.initialize(second.dealId, 4))
                .to.be.revertedWithCustomError(tasks, 'TaskIndexOutOfRange')
                .withArgs(second.dealId, 4n, 2n, 2n);
            await (await scheduler.initialize(second.dealId, 3)).wait();
            expect((await context.task.views.viewTask(taskIdOf(second.dealId, 3))).idx).to.equal(3n);
        });

        it('reverts for an unknown deal and for a task initialized already', async function () {
            const { context, scheduler, tasks } = await setup();
            const unknown = `0x${'ab'.repeat(32)}`;
            await expect(scheduler.initialize(unknown, 0))
                .to.be.revertedWithCustomError(tasks, 'TaskIndexOutOfRange')
                .withArgs(unknown, 0n, 0n, 0n);
            const { dealId, taskId } = await initializedTask(context);
            await expect(scheduler.initialize(dealId, 0))
                .to.be.revertedWithCustomError(tasks, 'TaskInvalidStatus')
                .withArgs(taskId, TaskStatus.ACTIVE);
        });

        it('lets anyone initialize, even after the deadlines (the task can then only be claimed)', async function () {
            const { context, anyone, workers, scheduler, tasks } = await setup();
            const deal = await createDeal(context);
            await time.increaseTo(deal.deal.startTime + 10n * T);
            await (await anyone.initialize(deal.dealId, 0)).wait();
            const taskId = deal.taskIds[0];
            const authorization = await scheduler.authorize(await workers[0].address(), taskId);
            await expect(workers[0].contribute(taskId, DIGEST, authorization)).to.be.revertedWithCustomError(
                context.task.consensus,
                'ConsensusContributionDeadlineReached',
            );
            await expect(anyone.claim(taskId)).to.emit(tasks, 'TaskClaimed').withArgs(taskId);
        });

        it('saturates deadlines of absurd categories at 2^40 - 1 instead of reverting', async function () {
            const { context, scheduler } = await setup();
            const categories = CategoryManagerFacet__factory.connect(context.hubAddress, context.deployer);
            await (await categories.createCategory('forever', '', 2n ** 200n)).wait();
            const deal = await createDeal(context, { category: 5n });
            await (await scheduler.initialize(deal.dealId, 0)).wait();
            const task = await context.task.views.viewTask(deal.taskIds[0]);
            expect(task.contributionDeadline).to.equal(2n ** 40n - 1n);
            expect(task.finalDeadline).to.equal(2n ** 40n - 1n);
            expect(task.timeref).to.equal(2n ** 200n);
        });
    });

    describe('initializeArray', function () {
        it('initializes every pair and returns true', async function () {
            const { context, scheduler, tasks } = await setup();
            const a = await createDeal(context, { volume: 2n });
            const b = await createDeal(context);
            expect(await tasks.initializeArray.staticCall([a.dealId, a.dealId, b.dealId], [0, 1, 0])).to.equal(true);
            await (await scheduler.initializeArray([a.dealId, a.dealId, b.dealId], [0, 1, 0])).wait();
            for (const id of [...a.taskIds, ...b.taskIds]) {
                expect((await context.task.views.viewTask(id)).status).to.equal(TaskStatus.ACTIVE);
            }
        });

        it('reverts on arrays of different lengths, and as a whole when one element fails', async function () {
            const { context, scheduler, tasks } = await setup();
            const a = await createDeal(context, { volume: 2n });
            await expect(scheduler.initializeArray([a.dealId, a.dealId], [0]))
                .to.be.revertedWithCustomError(tasks, 'TaskArrayLengthMismatch')
                .withArgs(2n, 1n);
            await expect(scheduler.initializeArray([a.dealId, a.dealId], [0, 2])).to.be.revertedWithCustomError(
                tasks,
                'TaskIndexOutOfRange',
            );
            expect((await context.task.views.viewTask(a.taskIds[0])).status).to.equal(TaskStatus.UNSET);
        });
    });

    describe('claim', function () {
        it('reverts before the final deadline and succeeds exactly at it', async function () {
            const { context, anyone, tasks } = await setup();
            const { taskId, deal } = await initializedTask(context);
            const finalDeadline = deal.startTime + 10n * T;
            await time.setNextBlockTimestamp(finalDeadline - 1n);
            await expect(anyone.claim(taskId))
                .to.be.revertedWithCustomError(tasks, 'TaskFinalDeadlineNotReached')
                .withArgs(taskId, finalDeadline);
            await time.setNextBlockTimestamp(finalDeadline);
            await expect(anyone.claim(taskId)).to.emit(tasks, 'TaskClaimed').withArgs(taskId);
            expect((await context.task.views.viewTask(taskId)).status).to.equal(TaskStatus.FAILED);
        });

        it('claims only ACTIVE or REVEALING tasks: never an uninitialized, completed or claimed one', async function () {
            const { context, anyone, scheduler, workers, tasks } = await setup();
            const fresh = await createDeal(context);
            const completed = await initializedTask(context);
            const worker = workers[0];
            await (
                await worker.contributeAndFinalize(completed.taskId, DIGEST, {
                    authorization: await scheduler.authorize(await worker.address(), completed.taskId),
                })
            ).wait();
            const revealing = await initializedTask(context, { trust: 2n });
            await (
                await worker.contribute(
                    revealing.taskId,
                    DIGEST,
                    await scheduler.authorize(await worker.address(), revealing.taskId),
                )
            ).wait();
            expect((await context.task.views.viewTask(revealing.taskId)).status).to.equal(TaskStatus.REVEALING);
            await time.increase(10n * T);
            await expect(anyone.claim(fresh.taskIds[0]))
                .to.be.revertedWithCustomError(tasks, 'TaskInvalidStatus')
                .withArgs(fresh.taskIds[0], TaskStatus.UNSET);
            await expect(anyone.claim(completed.taskId))
                .to.be.revertedWithCustomError(tasks, 'TaskInvalidStatus')
                .withArgs(completed.taskId, TaskStatus.COMPLETED);
            await (await anyone.claim(revealing.taskId)).wait();
            await expect(anyone.claim(revealing.taskId))
                .to.be.revertedWithCustomError(tasks, 'TaskInvalidStatus')
                .withArgs(revealing.taskId, TaskStatus.FAILED);
        });

        it('refunds the sponsor (not the requester), puts the scheduler stake in the kitty, unlocks every contributor', async function () {
            const { context, anyone, scheduler, workers } = await setup();
            const { requester, sponsor } = context.actors;
            const price = { appPrice: 3n * RLC, datasetPrice: 2n * RLC, workerpoolPrice: 7n * RLC, withDataset: true };
            const { taskId, deal } = await initializedTask(context, { ...price, trust: 10n, sponsor });
            for (const worker of workers.slice(0, 2)) {
                await (
                    await worker.contribute(taskId, DIGEST, await scheduler.authorize(await worker.address(), taskId))
                ).wait();
            }
            const accounts = {
                requester: requester.address,
                sponsor: sponsor.address,
                scheduler: context.actors.scheduler.address,
                w0: context.workers[0].address,
                w1: context.workers[1].address,
            };
            const before = await readLedger(context, accounts);
            await time.increaseTo(deal.startTime + 10n * T);
            const receipt = (await (await anyone.claim(taskId)).wait())!;
            const after = await readLedger(context, accounts);
            const stake = schedulerStake(7n * RLC);
            const workerStake = deal.workerStake;
            expectChanges(before, after, {
                sponsor: { free: 12n * RLC, frozen: -12n * RLC },
                scheduler: { frozen: -stake },
                w0: { free: workerStake, frozen: -workerStake },
                w1: { free: workerStake, frozen: -workerStake },
                kitty: { frozen: stake },
                hub: { free: -12n * RLC - 2n * workerStake },
            });
            const hub = context.hubAddress;
            expect(hubEvents(receipt, hub)).to.deep.equal([
                ['Transfer', hub, sponsor.address, 12n * RLC],
                ['Unlock', sponsor.address, 12n * RLC],
                ['Seize', accounts.scheduler, stake, taskId],
                ['Reward', KITTY_ADDRESS, stake, taskId],
                ['Lock', KITTY_ADDRESS, stake],
                ['Transfer', hub, accounts.w0, workerStake],
                ['Unlock', accounts.w0, workerStake],
                ['Transfer', hub, accounts.w1, workerStake],
                ['Unlock', accounts.w1, workerStake],
                ['TaskClaimed', taskId],
            ]);
            await expectConservation(context, everyone(context));
        });

        it('moves zero amounts with their events for a free deal', async function () {
            const { context, anyone } = await setup();
            const { taskId, deal } = await initializedTask(context);
            await time.increaseTo(deal.startTime + 10n * T);
            const receipt = (await (await anyone.claim(taskId)).wait())!;
            const hub = context.hubAddress;
            const { requester, scheduler } = context.actors;
            expect(hubEvents(receipt, hub)).to.deep.equal([
                ['Transfer', hub, requester.address, 0n],
                ['Unlock', requester.address, 0n],
                ['Seize', scheduler.address, 0n, taskId],
                ['Reward', KITTY_ADDRESS, 0n, taskId],
                ['Lock', KITTY_ADDRESS, 0n],
                ['TaskClaimed', taskId],
            ]);
        });
    });

    describe('claimArray and initializeAndClaimArray', function () {
        it('claims several tasks, all or nothing', async function () {
            const { context, anyone, tasks } = await setup();
            const a = await initializedTask(context);
            const b = await initializedTask(context);
            await time.increaseTo(b.deal.startTime + 10n * T);
            await expect(anyone.claimArray([a.taskId, b.taskId, a.taskId])).to.be.revertedWithCustomError(
                tasks,
                'TaskInvalidStatus',
            );
            expect((await context.task.views.viewTask(a.taskId)).status).to.equal(TaskStatus.ACTIVE);
            expect(await tasks.claimArray.staticCall([a.taskId, b.taskId])).to.equal(true);
            await (await anyone.claimArray([a.taskId, b.taskId])).wait();
            expect((await context.task.views.viewTask(b.taskId)).status).to.equal(TaskStatus.FAILED);
        });

        it('initializes and claims tasks nobody initialized, only once their final deadline passed', async function () {
            const { context, anyone, tasks } = await setup();
            const deal = await createDeal(context, { volume: 3n, workerpoolPrice: 10n * RLC });
            await expect(
                anyone.initializeAndClaimArray([deal.dealId, deal.dealId], [0, 2]),
            ).to.be.revertedWithCustomError(tasks, 'TaskFinalDeadlineNotReached');
            await expect(anyone.initializeAndClaimArray([deal.dealId], [0, 1]))
                .to.be.revertedWithCustomError(tasks, 'TaskArrayLengthMismatch')
                .withArgs(1n, 2n);
            await time.increaseTo(deal.deal.startTime + 10n * T);
            const kitty = (await context.task.erc20.viewAccount(KITTY_ADDRESS)).locked;
            await (await anyone.initializeAndClaimArray([deal.dealId, deal.dealId], [0, 2])).wait();
            expect((await context.task.views.viewTask(deal.taskIds[2])).status).to.equal(TaskStatus.FAILED);
            expect((await context.task.views.viewTask(deal.taskIds[1])).status).to.equal(TaskStatus.UNSET);
            expect((await context.task.erc20.viewAccount(KITTY_ADDRESS)).locked).to.equal(
                kitty + 2n * schedulerStake(10n * RLC),
            );
            await expectConservation(context, everyone(context));
        });
    });
});
