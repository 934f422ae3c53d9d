import { expect } from 'chai';
import { time } from '@nomicfoundation/hardhat-network-helpers';
import { hexlify, toUtf8Bytes } from 'ethers';
import { createWorkerpool } from '../../sdk/assets';
import { textResultDigest } from '../../sdk/results';
import { SchedulerRole, WorkerRole } from '../../sdk/roles';
import { TaskStatus } from '../../sdk/tasks';
import { KITTY_ADDRESS } from '../helpers/escrow';
import { createDeal, fund, loadTaskContext, setPolicy } from '../helpers/deals';
import { hubEvents } from '../helpers/events';
import { expectChanges, expectConservation, readLedger } from '../helpers/ledger';

/**
 * consensus.md §19, replayed on the real deployment in both flavours: a 3-worker replicated task
 * with one faulty worker, every balance and every event of the spec checked, then its variants
 * (a winner does not reveal; nobody finalizes; the same deal at trust 1).
 */
const A = 2_000_000_000n;
const D = 1_000_000_000n;
const P = 10_000_000_000n;
const STAKE = 3_000_000_000n;
const KITTY = 25_000_000_000n;
const RESULTS = hexlify(toUtf8Bytes('/ipfs/QmWorkedExample'));
const H = textResultDigest('the right result');
const B = textResultDigest('a wrong result');
/** Category M: T = 3 600 s. */
const CATEGORY_M = 2n;
const T = 3_600n;

for (const flavour of ['token', 'native'] as const) {
    describe(`Worked example, consensus.md §19 (${flavour} flavour)`, function () {
        /**
         * The starting point of §19: kitty 25e9 (a claimed task of another pool whose per-task
         * stake is exactly 25e9), requester 13e9, scheduler 3e9, W1 = W2 = W3 = 3e9, scores 6, 9,
         * 15, workerpool policy (30, 5); nothing else in the escrow.
         */
        async function setup(trust = 3n) {
            const context = await loadTaskContext(flavour);
            const { requester, scheduler, stranger, appOwner, datasetOwner } = context.actors;
            const [w1, w2, w3] = context.workers;
            // The kitty: another pool (the stranger's), whose only task is claimed.
            const otherPool = await createWorkerpool(context.workerpoolRegistry, stranger.address, {
                description: 'kitty filler',
            });
            const fillerPrice = 83_333_333_334n; // floor(price × 30 / 100) = 25e9
            await fund(context, [stranger], fillerPrice + KITTY);
            const filler = await createDeal(context, {
                workerpool: otherPool.address,
                workerpoolPrice: fillerPrice,
                requester: stranger,
            });
            const anyone = new SchedulerRole(stranger, context.hubAddress);
            await time.increaseTo(filler.deal.startTime + 10n * 300n);
            await (await anyone.initializeAndClaimArray([filler.dealId], [filler.botFirst])).wait();

            await setPolicy(context, 30n, 5n);
            await context.task.taskHarness.harnessSetScore(w1.address, 6);
            await context.task.taskHarness.harnessSetScore(w2.address, 9);
            await context.task.taskHarness.harnessSetScore(w3.address, 15);
            await fund(context, [requester], A + D + P);
            await fund(context, [scheduler, w1, w2, w3], STAKE);

            const accounts = {
                requester: requester.address,
                appOwner: appOwner.address,
                datasetOwner: datasetOwner.address,
                scheduler: scheduler.address,
                w1: w1.address,
                w2: w2.address,
                w3: w3.address,
            };
            const start = await readLedger(context, accounts);
            expect(start.kitty).to.deep.equal({ free: 0n, frozen: KITTY });
            expect(start.hub.free).to.equal(KITTY);
            expect(start.requester).to.deep.equal({ free: 13_000_000_000n, frozen: 0n });

            const deal = await createDeal(context, {
                appPrice: A,
                datasetPrice: D,
                withDataset: true,
                workerpoolPrice: P,
                trust,
                category: CATEGORY_M,
            });
            return {
                context,
                deal,
                accounts,
                start,
                taskId: deal.taskIds[0],
                scheduler: new SchedulerRole(scheduler, context.hubAddress),
                W1: new WorkerRole(w1, context.hubAddress),
                W2: new WorkerRole(w2, context.hubAddress),
                W3: new WorkerRole(w3, context.hubAddress),
                all: [...Object.values(accounts), stranger.address],
            };
        }

        async function contribute(scheduler: SchedulerRole, worker: WorkerRole, taskId: string, digest: string) {
            const authorization = await scheduler.authorize(await worker.address(), taskId);
            return (await (await worker.contribute(taskId, digest, authorization)).wait())!;
        }

        /** Steps 1 to 3: match, initialize, W2 (wrong), W1 and W3 contribute; consensus at W3. */
        async function toConsensus(s: Awaited<ReturnType<typeof setup>>) {
            const { context, deal, taskId, scheduler, W1, W2, W3, accounts, start } = s;
            // Step 1: the match locked the requester's 13e9 and the scheduler's 3e9.
            const matched = await readLedger(context, accounts);
            expectChanges(start, matched, {
                requester: { free: -13_000_000_000n, frozen: 13_000_000_000n },
                scheduler: { free: -STAKE, frozen: STAKE },
                hub: { free: 16_000_000_000n },
            });
            expect(matched.hub.free).to.equal(41_000_000_000n);
            expect(deal.deal.workerStake).to.equal(STAKE);
            expect(deal.deal.schedulerRewardRatio).to.equal(5n);

            // Step 2.
            await (await scheduler.initialize(deal.dealId, 0)).wait();
            const t0 = deal.deal.startTime;
            let task = await context.task.views.viewTask(taskId);
            expect(task.contributionDeadline).to.equal(t0 + 25_200n);
            expect(task.finalDeadline).to.equal(t0 + 36_000n);
            expect(task.timeref).to.equal(T);

            // Step 3.
            await contribute(scheduler, W2, taskId, B);
            await contribute(scheduler, W1, taskId, H);
            expect((await context.task.views.viewTask(taskId)).status).to.equal(TaskStatus.ACTIVE);
            const receipt = await contribute(scheduler, W3, taskId, H);
            const tc = BigInt((await receipt.getBlock()).timestamp);
            const hash = (await W3.commit(taskId, H)).hash;
            expect(hubEvents(receipt, context.hubAddress)).to.deep.equal([
                ['Transfer', await W3.address(), context.hubAddress, STAKE],
                ['Lock', await W3.address(), STAKE],
                ['TaskContribute', taskId, await W3.address(), hash],
                ['TaskConsensus', taskId, hash],
            ]);
            task = await context.task.views.viewTask(taskId);
            expect(task.status).to.equal(TaskStatus.REVEALING);
            expect(task.consensusValue).to.equal(hash);
            expect(task.revealDeadline).to.equal(tc + 7_200n);
            expect(task.revealCounter).to.equal(0n);
            expect(task.winnerCounter).to.equal(2n);
            expect(task.contributors).to.deep.equal([await W2.address(), await W1.address(), await W3.address()]);
            const weights = await Promise.all(
                [W1, W2, W3].map(
                    async (w) => (await context.task.views.viewContribution(taskId, await w.address())).weight,
                ),
            );
            expect(weights).to.deep.equal([1n, 1n, 2n]);
            expect((await readLedger(context, accounts)).hub.free).to.equal(50_000_000_000n);
            return tc;
        }

        it('replays the 3-worker task: every balance, every event, the scores', async function () {
            const s = await setup();
            const { context, taskId, scheduler, W1, W2, W3, accounts, start } = s;
            await toConsensus(s);

            // Step 4.
            await (await W1.reveal(taskId, H)).wait();
            await (await W3.reveal(taskId, H)).wait();
            await expect(W2.reveal(taskId, B)).to.be.revertedWithCustomError(
                context.task.consensus,
                'ConsensusNotInConsensus',
            );

            // Step 5: every winner revealed, finalize at once.
            const receipt = (await (await scheduler.finalize(taskId, RESULTS)).wait())!;
            const hub = context.hubAddress;
            const { requester, appOwner, datasetOwner, scheduler: sched, w1, w2, w3 } = accounts;
            expect(hubEvents(receipt, hub)).to.deep.equal([
                ['Seize', requester, 13_000_000_000n, taskId],
                ['Transfer', hub, appOwner, A],
                ['Reward', appOwner, A, taskId],
                ['Transfer', hub, datasetOwner, D],
                ['Reward', datasetOwner, D, taskId],
                ['Transfer', hub, sched, STAKE],
                ['Unlock', sched, STAKE],
                ['Seize', KITTY_ADDRESS, 2_500_000_000n, taskId],
                ['Transfer', hub, sched, 2_500_000_000n],
                ['Reward', sched, 2_500_000_000n, taskId],
                ['Seize', w2, STAKE, taskId],
                ['FaultyContribution', w2, taskId],
                ['Transfer', hub, w1, STAKE],
                ['Unlock', w1, STAKE],
                ['Transfer', hub, w1, 4_116_666_666n],
                ['Reward', w1, 4_116_666_666n, taskId],
                ['AccurateContribution', w1, taskId],
                ['Transfer', hub, w3, STAKE],
                ['Unlock', w3, STAKE],
                ['Transfer', hub, w3, 8_233_333_333n],
                ['Reward', w3, 8_233_333_333n, taskId],
                ['AccurateContribution', w3, taskId],
                ['Transfer', hub, sched, 650_000_001n],
                ['Reward', sched, 650_000_001n, taskId],
                ['TaskFinalize', taskId, RESULTS],
            ]);

            const end = await readLedger(context, accounts);
            expect(end).to.deep.equal({
                requester: { free: 0n, frozen: 0n },
                appOwner: { free: A, frozen: 0n },
                datasetOwner: { free: D, frozen: 0n },
                scheduler: { free: 6_150_000_001n, frozen: 0n },
                w1: { free: 7_116_666_666n, frozen: 0n },
                w2: { free: 0n, frozen: 0n },
                w3: { free: 11_233_333_333n, frozen: 0n },
                kitty: { free: 0n, frozen: 22_500_000_000n },
                hub: { free: 22_500_000_000n, frozen: 0n },
            });
            expectChanges(start, end, {
                requester: { free: -13_000_000_000n },
                appOwner: { free: 2_000_000_000n },
                datasetOwner: { free: 1_000_000_000n },
                scheduler: { free: 3_150_000_001n },
                w1: { free: 4_116_666_666n },
                w2: { free: -3_000_000_000n },
                w3: { free: 8_233_333_333n },
                kitty: { frozen: -2_500_000_000n },
                hub: { free: -2_500_000_000n },
            });
            const scores = await Promise.all([w1, w2, w3].map((w) => context.task.views.viewScore(w)));
            expect(scores).to.deep.equal([7n, 6n, 16n]);
            const task = await context.task.views.viewTask(taskId);
            expect(task.status).to.equal(TaskStatus.COMPLETED);
            expect(task.results).to.equal(RESULTS);
            expect(task.resultDigest).to.equal(H);
            expect(task.revealCounter).to.equal(2n);
            await expectConservation(context, s.all);
        });

        it('variant: W1 does not reveal; finalize waits for the reveal deadline and seizes W1', async function () {
            const s = await setup();
            const { context, taskId, scheduler, W3, accounts, start } = s;
            const tc = await toConsensus(s);
            await (await W3.reveal(taskId, H)).wait();
            await expect(scheduler.finalize(taskId, RESULTS))
                .to.be.revertedWithCustomError(context.task.finalization, 'FinalizationRevealsPending')
                .withArgs(taskId, 1n, 2n, tc + 7_200n);
            await time.setNextBlockTimestamp(tc + 7_200n);
            await (await scheduler.finalize(taskId, RESULTS)).wait();
            const end = await readLedger(context, accounts);
            expectChanges(start, end, {
                requester: { free: -13_000_000_000n },
                appOwner: { free: A },
                datasetOwner: { free: D },
                // 3e9 stake back + 2.5e9 kitty + 16e9 - 15.2e9
                scheduler: { free: 2_500_000_000n + 800_000_000n },
                w1: { free: -STAKE },
                w2: { free: -STAKE },
                w3: { free: 15_200_000_000n },
                kitty: { frozen: -2_500_000_000n },
                hub: { free: -2_500_000_000n },
            });
            const scores = await Promise.all(
                [accounts.w1, accounts.w2, accounts.w3].map((w) => context.task.views.viewScore(w)),
            );
            expect(scores).to.deep.equal([4n, 6n, 16n]);
            await expectConservation(context, s.all);
        });

        it('variant: nobody finalizes; anyone claims at the final deadline', async function () {
            const s = await setup();
            const { context, deal, taskId, accounts, start } = s;
            await toConsensus(s);
            const finalDeadline = deal.deal.startTime + 10n * T;
            await time.setNextBlockTimestamp(finalDeadline);
            const claimer = new SchedulerRole(context.actors.stranger, context.hubAddress);
            const receipt = (await (await claimer.claim(taskId)).wait())!;
            const { requester, scheduler, w1, w2, w3 } = accounts;
            const hub = context.hubAddress;
            expect(hubEvents(receipt, hub)).to.deep.equal([
                ['Transfer', hub, requester, 13_000_000_000n],
                ['Unlock', requester, 13_000_000_000n],
                ['Seize', scheduler, STAKE, taskId],
                ['Reward', KITTY_ADDRESS, STAKE, taskId],
                ['Lock', KITTY_ADDRESS, STAKE],
                ['Transfer', hub, w2, STAKE],
                ['Unlock', w2, STAKE],
                ['Transfer', hub, w1, STAKE],
                ['Unlock', w1, STAKE],
                ['Transfer', hub, w3, STAKE],
                ['Unlock', w3, STAKE],
                ['TaskClaimed', taskId],
            ]);
            const end = await readLedger(context, accounts);
            expectChanges(start, end, {
                scheduler: { free: -STAKE },
                kitty: { frozen: STAKE },
                hub: { free: STAKE },
            });
            expect(end.kitty.frozen).to.equal(28_000_000_000n);
            const scores = await Promise.all([w1, w2, w3].map((w) => context.task.views.viewScore(w)));
            expect(scores).to.deep.equal([6n, 9n, 15n]);
            expect((await context.task.views.viewTask(taskId)).status).to.equal(TaskStatus.FAILED);
            await expectConservation(context, s.all);
        });

        it('variant: the same deal at trust 1, W1 contributes and finalizes at once', async function () {
            const s = await setup(1n);
            const { context, deal, taskId, scheduler, W1, accounts, start } = s;
            await (await scheduler.initialize(deal.dealId, 0)).wait();
            const authorization = await scheduler.authorize(await W1.address(), taskId);
            await (await W1.contributeAndFinalize(taskId, H, { authorization, results: RESULTS })).wait();
            const end = await readLedger(context, accounts);
            expectChanges(start, end, {
                requester: { free: -13_000_000_000n },
                appOwner: { free: A },
                datasetOwner: { free: D },
                // no stake locked: the worker gets 95 % of P, the scheduler 5 % + the kitty share
                scheduler: { free: 500_000_000n + 2_500_000_000n },
                w1: { free: 9_500_000_000n },
                kitty: { frozen: -2_500_000_000n },
                hub: { free: -2_500_000_000n },
            });
            expect(await context.task.views.viewScore(accounts.w1)).to.equal(6n);
            await expectConservation(context, s.all);
        });
    });
}
