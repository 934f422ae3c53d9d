import { expect } from 'chai';
import { ethers } from 'hardhat';
import { time } from '@nomicfoundation/hardhat-network-helpers';
import { hexlify, keccak256, randomBytes, toUtf8Bytes, ZeroAddress } from 'ethers';
import { WorkerpoolRegistry__factory } from '../../typechain-types';
import { addressToTokenId } from '../../sdk/assets';
import { callbackResultDigest, textResultDigest } from '../../sdk/results';
import { SchedulerRole, WorkerRole } from '../../sdk/roles';
import { ContributionStatus, TaskStatus } from '../../sdk/tasks';
import { KITTY_ADDRESS, impersonate } from '../helpers/escrow';
import {
    CATEGORY_TIMEREF,
    RLC,
    createDeal,
    everyone,
    fund,
    initializedTask,
    loadFundedContext,
    rolesOf,
    setPolicy,
    type TaskContext,
} from '../helpers/deals';
import { hubEvents } from '../helpers/events';
import { expectChanges, expectConservation, readLedger } from '../helpers/ledger';
import { finalizeSplit, kittyPayout, log2, schedulerStake, scoreAfter, workerWeight } from '../helpers/model';

const GOOD = textResultDigest('good');
const BAD = textResultDigest('bad');
const T = CATEGORY_TIMEREF[0];
const RESULTS = hexlify(toUtf8Bytes('/ipfs/QmResult'));

describe('FinalizationFacet', function () {
    async function setup() {
        const context = await loadFundedContext();
        return { context, ...rolesOf(context), finalization: context.task.finalization };
    }

    /** A trust-1 task whose only worker contributed and revealed. */
    async function revealed(context: TaskContext, options: Parameters<typeof initializedTask>[1] = {}) {
        const roles = rolesOf(context);
        const task = await initializedTask(context, options);
        const worker = roles.workers[0];
        await (
            await worker.contribute(
                task.taskId,
                GOOD,
                await roles.scheduler.authorize(await worker.address(), task.taskId),
            )
        ).wait();
        await (await worker.reveal(task.taskId, GOOD)).wait();
        return task;
    }

    describe('finalize: conditions', function () {
        it('is reserved to the scheduler of the deal, even after the workerpool changed hands', async function () {
            const { context, scheduler, finalization } = await setup();
            const { taskId } = await revealed(context);
            const { stranger } = context.actors;
            const registry = WorkerpoolRegistry__factory.connect(
                await context.workerpoolRegistry.getAddress(),
                context.actors.scheduler,
            );
            await (
                await registry.transferFrom(
                    context.actors.scheduler.address,
                    stranger.address,
                    addressToTokenId(context.assets.workerpool),
                )
            ).wait();
            await expect(new SchedulerRole(stranger, context.hubAddress).finalize(taskId, RESULTS))
                .to.be.revertedWithCustomError(finalization, 'TaskCallerNotScheduler')
                .withArgs(taskId, stranger.address, context.actors.scheduler.address);
            await expect(scheduler.finalize(taskId, RESULTS)).to.emit(finalization, 'TaskFinalize');
        });

        it('reverts on a task that is not REVEALING', async function () {
            const { context, scheduler, finalization } = await setup();
            const { taskId } = await initializedTask(context);
            await expect(scheduler.finalize(taskId, RESULTS))
                .to.be.revertedWithCustomError(finalization, 'TaskInvalidStatus')
                .withArgs(taskId, TaskStatus.ACTIVE);
        });

        it('finalizes until the second before the final deadline; at it, only claim works', async function () {
            const { context, scheduler, finalization } = await setup();
            const a = await revealed(context);
            const b = await revealed(context);
            await time.setNextBlockTimestamp(a.deal.startTime + 10n * T - 1n);
            await (await scheduler.finalize(a.taskId, RESULTS)).wait();
            const finalDeadline = b.deal.startTime + 10n * T;
            await time.setNextBlockTimestamp(finalDeadline);
            await expect(scheduler.finalize(b.taskId, RESULTS))
                .to.be.revertedWithCustomError(finalization, 'TaskFinalDeadlineReached')
                .withArgs(b.taskId, finalDeadline);
            await expect(scheduler.claim(b.taskId)).to.emit(context.task.tasks, 'TaskClaimed');
        });

        it('needs every winner revealed, or one reveal and the reveal deadline passed', async function () {
            const { context, scheduler, workers, finalization } = await setup();
            const { taskId } = await initializedTask(context, { trust: 3n });
            let consensusTime = 0n;
            for (const worker of workers.slice(0, 2)) {
                const receipt = (await (
                    await worker.contribute(taskId, GOOD, await scheduler.authorize(await worker.address(), taskId))
                ).wait())!;
                consensusTime = BigInt((await receipt.getBlock()).timestamp);
            }
            const revealDeadline = consensusTime + 2n * T;
            await expect(scheduler.finalize(taskId, RESULTS))
                .to.be.revertedWithCustomError(finalization, 'FinalizationRevealsPending')
                .withArgs(taskId, 0n, 2n, revealDeadline);
            await (await workers[0].reveal(taskId, GOOD)).wait();
            await time.setNextBlockTimestamp(revealDeadline - 1n);
            await expect(scheduler.finalize(taskId, RESULTS))
                .to.be.revertedWithCustomError(finalization, 'FinalizationRevealsPending')
                .withArgs(taskId, 1n, 2n, revealDeadline);
            await time.setNextBlockTimestamp(revealDeadline);
            await expect(scheduler.finalize(taskId, RESULTS)).to.emit(finalization, 'TaskFinalize');
        });

        it('without callback, takes empty callback data, or data that hashes to the digest, nothing else', async function () {
            const { context, scheduler, workers, finalization } = await setup();
            const data = hexlify(toUtf8Bytes('callback data'));
            const digest = callbackResultDigest(data);
            const { taskId } = await initializedTask(context);
            const worker = workers[0];
            await (
                await worker.contribute(taskId, digest, await scheduler.authorize(await worker.address(), taskId))
            ).wait();
            await (await worker.reveal(taskId, digest)).wait();
            await expect(scheduler.finalize(taskId, RESULTS, '0x1234'))
                .to.be.revertedWithCustomError(finalization, 'FinalizationInvalidCallbackData')
                .withArgs(taskId, digest, keccak256('0x1234'));
            await (await scheduler.finalize(taskId, RESULTS, data)).wait();
            expect(await context.task.views.resultFor(taskId)).to.equal(data);
        });
    });

    describe('finalize: money and scores', function () {
        interface Case {
            name: string;
            appPrice: bigint;
            datasetPrice: bigint;
            workerpoolPrice: bigint;
            workerStakeRatio: bigint;
            schedulerRewardRatio: bigint;
            /** Per contributor: its digest, its score, whether it reveals. */
            votes: { digest: string; score: bigint; reveals: boolean }[];
            trust: bigint;
            sponsored: boolean;
        }
        const win = (score: bigint, reveals = true) => ({ digest: GOOD, score, reveals });
        const lose = (score: bigint) => ({ digest: BAD, score, reveals: false });
        const cases: Case[] = [
            {
                name: 'odd prices, ratio 1, one loser',
                appPrice: 7n,
                datasetPrice: 3n,
                workerpoolPrice: 101n,
                workerStakeRatio: 30n,
                schedulerRewardRatio: 1n,
                votes: [lose(0n), win(0n), win(40n)],
                trust: 3n,
                sponsored: false,
            },
            {
                name: 'free app and dataset, ratio 0, stake ratio 150, an unrevealed winner',
                appPrice: 0n,
                datasetPrice: 0n,
                workerpoolPrice: 99n * RLC + 1n,
                workerStakeRatio: 150n,
                schedulerRewardRatio: 0n,
                votes: [lose(2n), win(0n), win(0n, false), win(31n)],
                trust: 5n,
                sponsored: true,
            },
            {
                name: 'ratio 100 (the scheduler takes everything), no stake',
                appPrice: 1n,
                datasetPrice: 0n,
                workerpoolPrice: 3n,
                workerStakeRatio: 0n,
                schedulerRewardRatio: 100n,
                votes: [win(12n), win(300n)],
                trust: 4n,
                sponsored: false,
            },
            {
                name: 'ratio 99, a single worker (no score change), large prices',
                appPrice: 10n ** 12n + 7n,
                datasetPrice: 10n ** 11n + 3n,
                workerpoolPrice: 10n ** 12n + 1n,
                workerStakeRatio: 30n,
                schedulerRewardRatio: 99n,
                votes: [win(5n)],
                trust: 1n,
                sponsored: false,
            },
        ];

        for (const c of cases) {
            it(`pays what the model says: ${c.name}`, async function () {
                const context = await loadFundedContext();
                const { scheduler } = rolesOf(context);
                const { requester, sponsor, appOwner, datasetOwner } = context.actors;
                const workers: WorkerRole[] = [];
                for (const vote of c.votes) {
                    const signer = await impersonate(ethers.Wallet.createRandom().address);
                    await fund(context, [signer], 10n ** 15n);
                    await context.task.taskHarness.harnessSetScore(signer.address, vote.score);
                    workers.push(new WorkerRole(signer, context.hubAddress));
                }
                await setPolicy(context, c.workerStakeRatio, c.schedulerRewardRatio);
                const payer = c.sponsored ? sponsor : requester;
                await fund(context, [payer], c.appPrice + c.datasetPrice + c.workerpoolPrice);
                // Fill the kitty a little first, so that the kitty share is paid too.
                const filler = await initializedTask(context, { workerpoolPrice: 7n * RLC });
                await time.increaseTo(filler.deal.startTime + 10n * T);
                await (await scheduler.claim(filler.taskId)).wait();

                const { taskId, deal } = await initializedTask(context, {
                    appPrice: c.appPrice,
                    datasetPrice: c.datasetPrice,
                    withDataset: true,
                    workerpoolPrice: c.workerpoolPrice,
                    trust: c.trust,
                    sponsor: c.sponsored ? sponsor : undefined,
                });
                for (const [i, vote] of c.votes.entries()) {
                    const worker = workers[i];
                    await (
                        await worker.contribute(
                            taskId,
                            vote.digest,
                            await scheduler.authorize(await worker.address(), taskId),
                        )
                    ).wait();
                }
                const task = await context.task.views.viewTask(taskId);
                expect(task.status, 'consensus reached').to.equal(TaskStatus.REVEALING);
                for (const [i, vote] of c.votes.entries())
                    if (vote.reveals) await (await workers[i].reveal(taskId, vote.digest)).wait();
                if (task.revealCounter !== task.winnerCounter) await time.increaseTo(task.revealDeadline);

                const accounts: Record<string, string> = {
                    requester: requester.address,
                    sponsor: sponsor.address,
                    appOwner: appOwner.address,
                    datasetOwner: datasetOwner.address,
                    scheduler: context.actors.scheduler.address,
                };
                for (const [i, w] of workers.entries()) accounts[`w${i}`] = await w.address();
                const before = await readLedger(context, accounts);
                const receipt = (await (await scheduler.finalize(taskId, RESULTS)).wait())!;
                const after = await readLedger(context, accounts);

                const proved = c.votes.map((v) => v.reveals);
                const split = finalizeSplit(
                    c.workerpoolPrice,
                    deal.workerStake,
                    c.schedulerRewardRatio,
                    c.votes.map((v, i) => ({ proved: proved[i], logWeight: log2(workerWeight(v.score)) })),
                );
                const kitty = kittyPayout(before.kitty.frozen);
                const taskPrice = c.appPrice + c.datasetPrice + c.workerpoolPrice;
                const stake = deal.workerStake;
                const changes: Record<string, { free?: bigint; frozen?: bigint }> = {
                    [c.sponsored ? 'sponsor' : 'requester']: { frozen: -taskPrice },
                    appOwner: { free: c.appPrice },
                    datasetOwner: { free: c.datasetPrice },
                    scheduler: {
                        free: schedulerStake(c.workerpoolPrice) + kitty + split.schedulerRemainder,
                        frozen: -schedulerStake(c.workerpoolPrice),
                    },
                    kitty: { frozen: -kitty },
                };
                // The price, the stakes and the kitty share leave the hub's balance.
                let hubChange = -taskPrice;
                for (const [i] of c.votes.entries()) {
                    changes[`w${i}`] = proved[i]
                        ? { free: stake + split.shares[i], frozen: -stake }
                        : { frozen: -stake };
                    hubChange -= stake;
                }
                hubChange -= schedulerStake(c.workerpoolPrice) + kitty;
                changes.hub = { free: hubChange };
                expectChanges(before, after, changes);
                // Nothing created, nothing lost, no dust in the hub.
                const paid =
                    c.appPrice + c.datasetPrice + split.shares.reduce((a, b) => a + b, 0n) + split.schedulerRemainder;
                const losers = BigInt(proved.filter((p) => !p).length);
                expect(paid).to.equal(taskPrice + losers * stake);
                const replicated = c.votes.length > 1;
                for (const [i, vote] of c.votes.entries()) {
                    expect(await context.task.views.viewScore(accounts[`w${i}`])).to.equal(
                        scoreAfter(vote.score, proved[i], replicated),
                    );
                }
                const names = hubEvents(receipt, context.hubAddress).map(([n]) => n);
                expect(names.filter((n) => n === 'AccurateContribution')).to.have.length(
                    replicated ? proved.filter(Boolean).length : 0,
                );
                expect(names.filter((n) => n === 'FaultyContribution')).to.have.length(Number(losers));
                await expectConservation(context, [...everyone(context), ...Object.values(accounts)]);
            });
        }
    });

    describe('results storage', function () {
        for (const length of [0, 1, 27, 28, 29, 31, 32, 33, 59, 60, 61, 64, 65, 100, 300]) {
            it(`returns results and callback data of ${length} bytes as given`, async function () {
                const { context, scheduler, workers } = await setup();
                const results = hexlify(randomBytes(length));
                const data = hexlify(randomBytes(length));
                const digest = callbackResultDigest(data);
                const { taskId } = await initializedTask(context);
                const worker = workers[0];
                await (
                    await worker.contributeAndFinalize(taskId, digest, {
                        authorization: await scheduler.authorize(await worker.address(), taskId),
                        results,
                        resultsCallback: data,
                    })
                ).wait();
                const task = await context.task.views.viewTask(taskId);
                expect(task.results).to.equal(results);
                expect(task.resultsCallback).to.equal(data);
                expect(await context.task.views.resultFor(taskId)).to.equal(data);
                const legacy = await context.task.views.viewTaskABILegacy(taskId);
                expect(legacy[11]).to.equal(results);
            });
        }
    });

    describe('contributeAndFinalize', function () {
        it('completes the task in one call: fields, PROVED contribution, payments, events in order', async function () {
            const { context, scheduler, workers, finalization } = await setup();
            await setPolicy(context, 30n, 7n);
            const price = { appPrice: 2n * RLC, datasetPrice: RLC, workerpoolPrice: 10n * RLC + 3n, withDataset: true };
            const { taskId } = await initializedTask(context, price);
            const worker = workers[0];
            const address = await worker.address();
            const { hash, seal } = await worker.commit(taskId, GOOD);
            const { requester, appOwner, datasetOwner } = context.actors;
            const sched = context.actors.scheduler.address;
            const accounts = {
                requester: requester.address,
                appOwner: appOwner.address,
                datasetOwner: datasetOwner.address,
                scheduler: sched,
                worker: address,
            };
            const before = await readLedger(context, accounts);
            const receipt = (await (
                await worker.contributeAndFinalize(taskId, GOOD, {
                    authorization: await scheduler.authorize(address, taskId),
                    results: RESULTS,
                })
            ).wait())!;
            const now = BigInt((await receipt.getBlock()).timestamp);
            const after = await readLedger(context, accounts);
            const workerReward = ((10n * RLC + 3n) * 93n) / 100n;
            const schedulerReward = 10n * RLC + 3n - workerReward;
            const stake = schedulerStake(10n * RLC + 3n);
            expectChanges(before, after, {
                requester: { frozen: -(13n * RLC + 3n) },
                appOwner: { free: 2n * RLC },
                datasetOwner: { free: RLC },
                scheduler: { free: stake + schedulerReward, frozen: -stake },
                worker: { free: workerReward },
                hub: { free: -(13n * RLC + 3n) - stake },
            });
            const hub = context.hubAddress;
            expect(hubEvents(receipt, hub)).to.deep.equal([
                ['Seize', requester.address, 13n * RLC + 3n, taskId],
                ['Transfer', hub, appOwner.address, 2n * RLC],
                ['Reward', appOwner.address, 2n * RLC, taskId],
                ['Transfer', hub, datasetOwner.address, RLC],
                ['Reward', datasetOwner.address, RLC, taskId],
                ['Transfer', hub, sched, stake],
                ['Unlock', sched, stake],
                ['Transfer', hub, address, workerReward],
                ['Reward', address, workerReward, taskId],
                ['Transfer', hub, sched, schedulerReward],
                ['Reward', sched, schedulerReward, taskId],
                ['TaskContribute', taskId, address, hash],
                ['TaskConsensus', taskId, hash],
                ['TaskReveal', taskId, address, GOOD],
                ['TaskFinalize', taskId, RESULTS],
            ]);
            const task = await context.task.views.viewTask(taskId);
            expect(task.status).to.equal(TaskStatus.COMPLETED);
            expect(task.consensusValue).to.equal(hash);
            expect(task.revealDeadline).to.equal(now + 2n * T);
            expect(task.revealCounter).to.equal(1n);
            expect(task.winnerCounter).to.equal(1n);
            expect(task.contributors).to.deep.equal([address]);
            expect(task.resultDigest).to.equal(GOOD);
            expect(task.results).to.equal(RESULTS);
            expect(task.resultsCallback).to.equal('0x');
            const contribution = await context.task.views.viewContribution(taskId, address);
            expect(contribution.status).to.equal(ContributionStatus.PROVED);
            expect(contribution.resultHash).to.equal(hash);
            expect(contribution.resultSeal).to.equal(seal);
            expect(contribution.enclaveChallenge).to.equal(ZeroAddress);
            expect(contribution.weight).to.equal(0n);
            expect(await context.task.views.viewScore(address)).to.equal(0n);
            await expect(worker.reveal(taskId, GOOD)).to.be.revertedWithCustomError(finalization, 'TaskInvalidStatus');
        });

        it('charges the sponsor of a sponsored deal, never the requester', async function () {
            const { context, scheduler, workers } = await setup();
            const { requester, sponsor } = context.actors;
            const { taskId } = await initializedTask(context, { appPrice: RLC, workerpoolPrice: 4n * RLC, sponsor });
            const accounts = { requester: requester.address, sponsor: sponsor.address };
            const before = await readLedger(context, accounts);
            const worker = workers[0];
            await (
                await worker.contributeAndFinalize(taskId, GOOD, {
                    authorization: await scheduler.authorize(await worker.address(), taskId),
                })
            ).wait();
            const after = await readLedger(context, accounts);
            expect(after.requester).to.deep.equal(before.requester);
            expect(after.sponsor.frozen - before.sponsor.frozen).to.equal(-5n * RLC);
        });

        it('reverts on a task that is not ACTIVE, at the contribution deadline, with a contributor, and at trust > 1', async function () {
            const { context, scheduler, workers, finalization } = await setup();
            const [a, b] = workers;
            const fast = async (worker: WorkerRole, taskId: string) =>
                worker.contributeAndFinalize(taskId, GOOD, {
                    authorization: await scheduler.authorize(await worker.address(), taskId),
                });
            const deal = await createDeal(context, { volume: 3n });
            await expect(fast(a, deal.taskIds[0]))
                .to.be.revertedWithCustomError(finalization, 'TaskInvalidStatus')
                .withArgs(deal.taskIds[0], TaskStatus.UNSET);
            await (await scheduler.initializeArray([deal.dealId, deal.dealId], [0, 1])).wait();
            // A trust-1 task with a contributor is REVEALING: contributing reached the consensus.
            await (
                await a.contribute(deal.taskIds[0], GOOD, await scheduler.authorize(await a.address(), deal.taskIds[0]))
            ).wait();
            await expect(fast(b, deal.taskIds[0]))
                .to.be.revertedWithCustomError(finalization, 'TaskInvalidStatus')
                .withArgs(deal.taskIds[0], TaskStatus.REVEALING);
            const replicated = await initializedTask(context, { trust: 3n });
            await expect(fast(a, replicated.taskId))
                .to.be.revertedWithCustomError(finalization, 'FinalizationReplicationRequired')
                .withArgs(replicated.taskId, 3n);
            await (
                await a.contribute(
                    replicated.taskId,
                    GOOD,
                    await scheduler.authorize(await a.address(), replicated.taskId),
                )
            ).wait();
            await expect(fast(b, replicated.taskId))
                .to.be.revertedWithCustomError(finalization, 'FinalizationContributorsExist')
                .withArgs(replicated.taskId, 1n);
            const deadline = deal.deal.startTime + 7n * T;
            await time.setNextBlockTimestamp(deadline);
            await expect(fast(a, deal.taskIds[1]))
                .to.be.revertedWithCustomError(finalization, 'ConsensusContributionDeadlineReached')
                .withArgs(deal.taskIds[1], deadline);
        });

        it('pays the scheduler its kitty share: 10 %, at least 1 RLC, at most the kitty', async function () {
            // [kitty, payout]: consensus.md §13.2.
            const cases: [bigint, bigint][] = [
                [10_000_000_010n, 1_000_000_001n],
                [999_999_999n, 999_999_999n],
            ];
            for (const [kitty, payout] of cases) {
                const { context, scheduler, workers } = await setup();
                // A claimed task whose per-task stake is exactly `kitty`.
                const price = (kitty * 100n + 29n) / 30n;
                expect(schedulerStake(price)).to.equal(kitty);
                const filler = await initializedTask(context, { workerpoolPrice: price });
                await time.increaseTo(filler.deal.startTime + 10n * T);
                await (await scheduler.claim(filler.taskId)).wait();
                expect((await context.task.erc20.viewAccount(KITTY_ADDRESS)).locked).to.equal(kitty);
                const { taskId } = await initializedTask(context);
                const worker = workers[0];
                const receipt = (await (
                    await worker.contributeAndFinalize(taskId, GOOD, {
                        authorization: await scheduler.authorize(await worker.address(), taskId),
                    })
                ).wait())!;
                expect(hubEvents(receipt, context.hubAddress)).to.deep.include([
                    'Seize',
                    KITTY_ADDRESS,
                    payout,
                    taskId,
                ]);
                expect((await context.task.erc20.viewAccount(KITTY_ADDRESS)).locked).to.equal(kitty - payout);
            }
        });
    });
});
