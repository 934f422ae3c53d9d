import { expect } from 'chai';
import { time } from '@nomicfoundation/hardhat-network-helpers';
import { hexlify, toUtf8Bytes } from 'ethers';
import { resultDigestOf } from '../../sdk/results';
import { buildTag } from '../../sdk/tags';
import { TaskStatus } from '../../sdk/tasks';
import { CATEGORY_TIMEREF, createDeal, initializedTask, loadFundedContext, rolesOf } from '../helpers/deals';
import { parseFields, runTaskCapturing } from '../helpers/tasks';
// Loaded by hardhat.config.ts unless SKIP_TASKS is set; importing them keeps this file independent of it.
import '../../tasks/task/show';
import '../../tasks/task/claim';
import '../../tasks/deal/claim';
import '../../tasks/worker/contribute';
import '../../tasks/worker/reveal';
import '../../tasks/scheduler/finalize';

const T = CATEGORY_TIMEREF[0];
const RESULT = hexlify(toUtf8Bytes('42'));
const DIGEST = resultDigestOf(RESULT);

describe('task tasks', function () {
    async function setup() {
        const context = await loadFundedContext();
        return { context, scheduler: context.actors.scheduler, workers: context.workers, roles: rolesOf(context) };
    }

    it('runs a task through worker:contribute, worker:reveal, scheduler:finalize and task:show', async function () {
        const { context, scheduler, workers } = await setup();
        const { taskId, dealId } = await initializedTask(context, { trust: 1n });
        const worker = workers[0];
        const contributed = await runTaskCapturing('worker:contribute', {
            task: taskId,
            result: RESULT,
            scheduler: scheduler.address,
            from: worker.address,
        });
        expect(contributed).to.match(
            /^Contributed to task 0x[0-9a-f]{64}: hash 0x[0-9a-f]{64}, stake 0 nRLC; consensus reached/,
        );
        expect(contributed).to.include(`Keep the digest to reveal it: ${DIGEST}`);
        expect(
            await runTaskCapturing('worker:reveal', { task: taskId, digest: DIGEST, from: worker.address }),
        ).to.include(`Revealed digest ${DIGEST}`);
        const finalized = await runTaskCapturing('scheduler:finalize', {
            task: taskId,
            results: hexlify(toUtf8Bytes('/ipfs/QmTask')),
            from: scheduler.address,
        });
        expect(finalized).to.include(`Finalized task ${taskId}`);
        const shown = parseFields(await runTaskCapturing('task:show', { taskid: taskId, worker: worker.address }));
        expect(shown).to.include({
            status: 'COMPLETED',
            deal: dealId,
            index: '0',
            scheduler: scheduler.address,
            reveals: '1/1',
            contributors: worker.address,
            resultDigest: DIGEST,
            results: '/ipfs/QmTask',
            contribution: 'PROVED',
        });
    });

    it('worker:contribute takes a pre-signed authorization and checks its signer off-chain', async function () {
        const { context, scheduler, workers, roles } = await setup();
        const { taskId } = await initializedTask(context, { trust: 3n });
        const [worker, other] = workers;
        const authorization = await roles.scheduler.authorize(worker.address, taskId);
        await expect(
            runTaskCapturing('worker:contribute', { task: taskId, digest: DIGEST, authorization, from: other.address }),
        ).to.be.rejectedWith(`the authorization is signed by `);
        await runTaskCapturing('worker:contribute', {
            task: taskId,
            digest: DIGEST,
            authorization,
            from: worker.address,
        });
        await expect(
            runTaskCapturing('worker:contribute', {
                task: taskId,
                digest: DIGEST,
                authorization,
                from: worker.address,
            }),
        ).to.be.rejectedWith(`${worker.address} contributed to task ${taskId} already (CONTRIBUTED)`);
        await expect(
            runTaskCapturing('worker:contribute', {
                task: taskId,
                digest: DIGEST,
                scheduler: other.address,
                from: other.address,
            }),
        ).to.be.rejectedWith(`must be signed by ${scheduler.address}, not ${other.address}`);
    });

    it('worker:contribute refuses bad arguments and impossible contributions with one line', async function () {
        const { context, scheduler, workers } = await setup();
        const worker = workers[0].address;
        const tee = await initializedTask(context, { tag: buildTag(['TEE']) });
        const common = { scheduler: scheduler.address, from: worker };
        await expect(runTaskCapturing('worker:contribute', { task: tee.taskId, ...common })).to.be.rejectedWith(
            'give exactly one of --digest (32 bytes) and --result',
        );
        await expect(
            runTaskCapturing('worker:contribute', { task: tee.taskId, digest: DIGEST, from: worker }),
        ).to.be.rejectedWith('give exactly one of --authorization (a signature) and --scheduler');
        await expect(
            runTaskCapturing('worker:contribute', { task: tee.taskId, digest: DIGEST, ...common }),
        ).to.be.rejectedWith('is a TEE task: give --enclave-challenge and --enclave-sign');
        const unknown = (await createDeal(context)).taskIds[0];
        await expect(
            runTaskCapturing('worker:contribute', { task: unknown, digest: DIGEST, ...common }),
        ).to.be.rejectedWith(`task ${unknown} does not exist (not initialized)`);
        await time.increase(7n * T);
        await expect(
            runTaskCapturing('worker:contribute', { task: tee.taskId, digest: DIGEST, ...common }),
        ).to.be.rejectedWith('the contribution deadline');
    });

    it('worker:reveal and scheduler:finalize check what the hub would refuse', async function () {
        const { context, scheduler, workers } = await setup();
        const { taskId } = await initializedTask(context, { trust: 3n, callback: workers[4].address });
        for (const worker of workers.slice(0, 2)) {
            await runTaskCapturing('worker:contribute', {
                task: taskId,
                result: RESULT,
                scheduler: scheduler.address,
                from: worker.address,
            });
        }
        await expect(
            runTaskCapturing('scheduler:finalize', {
                task: taskId,
                results: '0x01',
                resultsCallback: RESULT,
                from: scheduler.address,
            }),
        ).to.be.rejectedWith('0 of 2 winners revealed');
        await expect(
            runTaskCapturing('worker:reveal', { task: taskId, result: '0x1234', from: workers[0].address }),
        ).to.be.rejectedWith('this digest does not give the contributed hash');
        await expect(
            runTaskCapturing('worker:reveal', { task: taskId, result: RESULT, from: workers[2].address }),
        ).to.be.rejectedWith(`${workers[2].address} has nothing to reveal on task ${taskId} (UNSET)`);
        for (const worker of workers.slice(0, 2)) {
            await runTaskCapturing('worker:reveal', { task: taskId, result: RESULT, from: worker.address });
        }
        await expect(
            runTaskCapturing('scheduler:finalize', {
                task: taskId,
                results: '0x01',
                resultsCallback: RESULT,
                from: workers[0].address,
            }),
        ).to.be.rejectedWith(`only the scheduler of the deal, ${scheduler.address}, can finalize task ${taskId}`);
        await expect(
            runTaskCapturing('scheduler:finalize', { task: taskId, results: '0x01', from: scheduler.address }),
        ).to.be.rejectedWith('the deal has a callback: --results-callback must hash to the digest');
        await runTaskCapturing('scheduler:finalize', {
            task: taskId,
            results: '0x01',
            resultsCallback: RESULT,
            from: scheduler.address,
        });
        expect((await context.task.views.viewTask(taskId)).status).to.equal(BigInt(TaskStatus.COMPLETED));
    });

    it('task:claim claims at the final deadline, not before, and never a completed task', async function () {
        const { context, roles, workers } = await setup();
        const { taskId, deal } = await initializedTask(context);
        const done = await initializedTask(context);
        await (
            await roles.workers[0].contributeAndFinalize(done.taskId, DIGEST, {
                authorization: await roles.scheduler.authorize(workers[0].address, done.taskId),
            })
        ).wait();
        await expect(runTaskCapturing('task:claim', { taskid: taskId })).to.be.rejectedWith(
            `task ${taskId} cannot be claimed before its final deadline ${deal.startTime + 10n * T}`,
        );
        await time.increaseTo(deal.startTime + 10n * T);
        expect(await runTaskCapturing('task:claim', { taskid: taskId })).to.include(`Claimed task ${taskId}`);
        await expect(runTaskCapturing('task:claim', { taskid: done.taskId })).to.be.rejectedWith(
            `task ${done.taskId} is COMPLETED: only ACTIVE or REVEALING tasks can be claimed`,
        );
    });

    it('deal:claim claims every open task of a deal, initializing the others, once', async function () {
        const { context, roles, workers } = await setup();
        const deal = await createDeal(context, { volume: 4n });
        const [first] = deal.taskIds;
        await (await roles.scheduler.initializeArray([deal.dealId, deal.dealId], [0, 1])).wait();
        await (
            await roles.workers[0].contributeAndFinalize(first, DIGEST, {
                authorization: await roles.scheduler.authorize(workers[0].address, first),
            })
        ).wait();
        await expect(runTaskCapturing('deal:claim', { dealid: deal.dealId, batch: 2 })).to.be.rejectedWith(
            `deal ${deal.dealId} cannot be claimed before its final deadline`,
        );
        await time.increaseTo(deal.deal.startTime + 10n * T);
        expect(await runTaskCapturing('deal:claim', { dealid: deal.dealId, batch: 2 })).to.include(
            `Claimed 3 task(s) of deal ${deal.dealId} (2 initialized on the way) in 2 transaction(s)`,
        );
        for (const id of deal.taskIds) {
            const expected = id === first ? TaskStatus.COMPLETED : TaskStatus.FAILED;
            expect((await context.task.views.viewTask(id)).status).to.equal(BigInt(expected));
        }
        await expect(runTaskCapturing('deal:claim', { dealid: deal.dealId, batch: 2 })).to.be.rejectedWith(
            `nothing to claim in deal ${deal.dealId}: every task is COMPLETED or FAILED`,
        );
        const unknown = `0x${'77'.repeat(32)}`;
        await expect(runTaskCapturing('deal:claim', { dealid: unknown, batch: 2 })).to.be.rejectedWith(
            `deal ${unknown} does not exist`,
        );
    });

    it('task:show fails with one line for an unknown task', async function () {
        await setup();
        const unknown = `0x${'66'.repeat(32)}`;
        await expect(runTaskCapturing('task:show', { taskid: unknown })).to.be.rejectedWith(
            `task ${unknown} does not exist (not initialized)`,
        );
    });
});
