import { expect } from 'chai';
import { time } from '@nomicfoundation/hardhat-network-helpers';
import fc from 'fast-check';
import { textResultDigest } from '../../sdk/results';
import { ContributionStatus, TaskStatus, taskStatusName } from '../../sdk/tasks';
import type { Flavour } from '../../sdk/networks';
import { KITTY_ADDRESS } from '../helpers/escrow';
import { CATEGORY_TIMEREF, RLC, createDeal, everyone, loadFundedContext, rolesOf, setPolicy } from '../helpers/deals';
import { expectConservation } from '../helpers/ledger';

/**
 * Random full lifecycles on the real deployment, both flavours: a few deals (volumes, trust
 * levels, prices, pool policies, sponsors), then a random sequence of initialize, contribute
 * (honest or faulty), reveal, reopen, finalize, contributeAndFinalize, claim and time passing.
 * Steps the protocol refuses simply revert. After EVERY step:
 *   - no RLC created or lost: held by the hub == total supply == Σ (free + frozen), and the hub's
 *     balance == Σ frozen (`expectConservation`);
 *   - every task and contribution status moved along an allowed edge of the state machine.
 * At the end, time passes every final deadline and every open task is claimed: every task must
 * be COMPLETED or FAILED, and nothing but the kitty may stay frozen.
 *
 * Replay a failure with FC_SEED=<seed> (and FC_RUNS); the seed is printed when the suite starts.
 */
const SEED = Number(process.env.FC_SEED ?? 20_260_512);
const RUNS = Number(process.env.FC_RUNS ?? 40);
const T = CATEGORY_TIMEREF[0];
const GOOD = textResultDigest('good');
const BAD = [textResultDigest('bad-1'), textResultDigest('bad-2')];

const TASK_EDGES: Record<number, number[]> = {
    // UNSET → FAILED: initializeAndClaimArray, in one call.
    [TaskStatus.UNSET]: [TaskStatus.UNSET, TaskStatus.ACTIVE, TaskStatus.FAILED],
    [TaskStatus.ACTIVE]: [TaskStatus.ACTIVE, TaskStatus.REVEALING, TaskStatus.COMPLETED, TaskStatus.FAILED],
    [TaskStatus.REVEALING]: [TaskStatus.REVEALING, TaskStatus.COMPLETED, TaskStatus.ACTIVE, TaskStatus.FAILED],
    [TaskStatus.COMPLETED]: [TaskStatus.COMPLETED],
    [TaskStatus.FAILED]: [TaskStatus.FAILED],
};
const CONTRIBUTION_EDGES: Record<number, number[]> = {
    [ContributionStatus.UNSET]: [ContributionStatus.UNSET, ContributionStatus.CONTRIBUTED, ContributionStatus.PROVED],
    [ContributionStatus.CONTRIBUTED]: [
        ContributionStatus.CONTRIBUTED,
        ContributionStatus.PROVED,
        ContributionStatus.REJECTED,
    ],
    [ContributionStatus.PROVED]: [ContributionStatus.PROVED],
    [ContributionStatus.REJECTED]: [ContributionStatus.REJECTED],
};

interface DealSpec {
    volume: number;
    trust: bigint;
    appPrice: bigint;
    datasetPrice: bigint;
    withDataset: boolean;
    workerpoolPrice: bigint;
    workerStakeRatio: bigint;
    schedulerRewardRatio: bigint;
    sponsored: boolean;
}

type Step =
    | { kind: 'initialize'; task: number }
    | { kind: 'contribute'; task: number; worker: number; digest: number }
    | { kind: 'reveal'; task: number; worker: number }
    | { kind: 'finalize'; task: number }
    | { kind: 'fast'; task: number; worker: number }
    | { kind: 'reopen'; task: number }
    | { kind: 'claim'; task: number }
    | { kind: 'wait'; seconds: number };

const amount = fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 20n * RLC }));
const dealSpec: fc.Arbitrary<DealSpec> = fc.record({
    volume: fc.integer({ min: 1, max: 2 }),
    trust: fc.constantFrom(1n, 2n, 3n, 5n),
    appPrice: amount,
    datasetPrice: amount,
    withDataset: fc.boolean(),
    workerpoolPrice: amount,
    workerStakeRatio: fc.constantFrom(0n, 30n, 100n),
    schedulerRewardRatio: fc.constantFrom(0n, 1n, 50n, 100n),
    sponsored: fc.boolean(),
});
const task = fc.integer({ min: 0, max: 3 });
const worker = fc.integer({ min: 0, max: 4 });
const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('initialize' as const), task }) },
    {
        weight: 8,
        arbitrary: fc.record({
            kind: fc.constant('contribute' as const),
            task,
            worker,
            // 0: the right result; 1, 2: wrong ones (one worker in five is faulty).
            digest: fc.oneof(
                { weight: 4, arbitrary: fc.constant(0) },
                { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) },
            ),
        }),
    },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('reveal' as const), task, worker }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('finalize' as const), task }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('fast' as const), task, worker }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), task }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('claim' as const), task }) },
    {
        weight: 2,
        arbitrary: fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 1_000 }) }),
    },
);
const scenario = fc.record({
    flavour: fc.constantFrom<Flavour>('token', 'native'),
    deals: fc.array(dealSpec, { minLength: 1, maxLength: 2 }),
    scores: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 5, maxLength: 5 }),
    /** Tasks left uninitialized at the start (by index; the others are initialized). */
    uninitialized: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    steps: fc.array(step, { minLength: 15, maxLength: 40 }),
});

/** How many steps of each kind succeeded, over all runs (the suite checks the paths were taken). */
const succeeded: Record<string, number> = {};

/** Send a step's transaction; a refusal (revert) is a legal outcome. */
async function attempt(kind: string, send: () => Promise<{ wait(): Promise<unknown> }>): Promise<boolean> {
    try {
        await (await send()).wait();
        succeeded[kind] = (succeeded[kind] ?? 0) + 1;
        return true;
    } catch (error) {
        if (process.env.FC_DEBUG) console.log(kind, String(error).slice(0, 200));
        return false;
    }
}

describe('Task lifecycle invariants (property-based)', function () {
    before(function () {
        console.log(`      fast-check seed ${SEED}, ${RUNS} runs (FC_SEED / FC_RUNS to change)`);
    });

    it('creates or loses no RLC, follows the state machine, and ends every task with every stake released', async function () {
        this.timeout(240_000);
        await fc.assert(
            fc.asyncProperty(scenario, async ({ flavour, deals, scores, uninitialized, steps }) => {
                const context = await loadFundedContext(flavour);
                const roles = rolesOf(context);
                const accounts = everyone(context);
                const workers = context.workers;
                for (const [i, w] of workers.entries()) {
                    await (await context.task.taskHarness.harnessSetScore(w.address, scores[i])).wait();
                }
                const taskIds: string[] = [];
                const origin = new Map<string, { dealId: string; idx: bigint }>();
                for (const spec of deals) {
                    await setPolicy(context, spec.workerStakeRatio, spec.schedulerRewardRatio);
                    const deal = await createDeal(context, {
                        volume: BigInt(spec.volume),
                        trust: spec.trust,
                        appPrice: spec.appPrice,
                        datasetPrice: spec.datasetPrice,
                        withDataset: spec.withDataset,
                        workerpoolPrice: spec.workerpoolPrice,
                        sponsor: spec.sponsored ? context.actors.sponsor : undefined,
                    });
                    for (const [i, id] of deal.taskIds.entries()) {
                        taskIds.push(id);
                        origin.set(id, { dealId: deal.dealId, idx: deal.botFirst + BigInt(i) });
                    }
                }
                const taskStatus = async (id: string) => Number((await context.task.views.viewTask(id)).status);
                const contributionStatuses = async (id: string) =>
                    Promise.all(
                        workers.map(async (w) =>
                            Number((await context.task.views.viewContribution(id, w.address)).status),
                        ),
                    );
                const snapshot = async () =>
                    Promise.all(
                        taskIds.map(async (id) => ({
                            task: await taskStatus(id),
                            contributions: await contributionStatuses(id),
                        })),
                    );
                const checkStep = async (before: Awaited<ReturnType<typeof snapshot>>, label: string) => {
                    await expectConservation(context, accounts);
                    const after = await snapshot();
                    for (const [i, state] of after.entries()) {
                        expect(
                            TASK_EDGES[before[i].task],
                            `${label}: task ${i} ${taskStatusName(before[i].task)} → ${taskStatusName(state.task)}`,
                        ).to.include(state.task);
                        for (const [w, status] of state.contributions.entries()) {
                            expect(
                                CONTRIBUTION_EDGES[before[i].contributions[w]],
                                `${label}: contribution ${i}/${w}`,
                            ).to.include(status);
                        }
                    }
                    return after;
                };

                let state = await snapshot();
                for (const [i, id] of taskIds.entries()) {
                    if (uninitialized[i] && i % 2 === 1) continue;
                    const { dealId, idx } = origin.get(id)!;
                    await attempt('initialize', () => roles.scheduler.initialize(dealId, idx));
                }
                state = await checkStep(state, 'initialize');
                for (const s of steps) {
                    const id = taskIds[('task' in s ? s.task : 0) % taskIds.length];
                    const w = 'worker' in s ? workers[s.worker] : undefined;
                    const role = 'worker' in s ? roles.workers[s.worker] : undefined;
                    switch (s.kind) {
                        case 'initialize': {
                            const { dealId, idx } = origin.get(id)!;
                            await attempt('initialize', () => roles.scheduler.initialize(dealId, idx));
                            break;
                        }
                        case 'contribute': {
                            const digest = s.digest === 0 ? GOOD : BAD[s.digest - 1];
                            const authorization = await roles.scheduler.authorize(w!.address, id);
                            await attempt('contribute', () => role!.contribute(id, digest, authorization));
                            break;
                        }
                        case 'reveal': {
                            // A worker reveals what it contributed: try the right result, then the wrong ones.
                            for (const digest of [GOOD, ...BAD])
                                if (await attempt('reveal', () => role!.reveal(id, digest))) break;
                            break;
                        }
                        case 'finalize':
                            await attempt('finalize', () => roles.scheduler.finalize(id, '0x1234'));
                            break;
                        case 'fast': {
                            const authorization = await roles.scheduler.authorize(w!.address, id);
                            await attempt('contributeAndFinalize', () =>
                                role!.contributeAndFinalize(id, GOOD, { authorization, results: '0x12' }),
                            );
                            break;
                        }
                        case 'reopen':
                            await attempt('reopen', () => roles.scheduler.reopen(id));
                            break;
                        case 'claim':
                            await attempt('claim', () => roles.anyone.claim(id));
                            break;
                        case 'wait':
                            await time.increase(s.seconds);
                            break;
                    }
                    state = await checkStep(state, s.kind);
                }

                // The end: every final deadline passes, every open task is claimed.
                await time.increase(10n * T);
                for (const id of taskIds) {
                    const status = await taskStatus(id);
                    if (status === TaskStatus.UNSET) {
                        const { dealId, idx } = origin.get(id)!;
                        expect(
                            await attempt('initializeAndClaim', () =>
                                roles.anyone.initializeAndClaimArray([dealId], [idx]),
                            ),
                        ).to.equal(true);
                    } else if (status === TaskStatus.ACTIVE || status === TaskStatus.REVEALING) {
                        expect(await attempt('claim', () => roles.anyone.claim(id))).to.equal(true);
                    }
                    state = await checkStep(state, 'final claim');
                }
                for (const id of taskIds) {
                    expect([TaskStatus.COMPLETED, TaskStatus.FAILED]).to.include(await taskStatus(id));
                }
                for (const account of accounts) {
                    expect((await context.task.erc20.viewAccount(account)).locked, `frozen of ${account}`).to.equal(0n);
                }
                const kitty = (await context.task.erc20.viewAccount(KITTY_ADDRESS)).locked;
                expect((await context.task.erc20.viewAccount(context.hubAddress)).stake).to.equal(kitty);
            }),
            { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
        console.log(`      successful steps: ${JSON.stringify(succeeded)}`);
        for (const kind of ['contribute', 'reveal', 'finalize', 'contributeAndFinalize', 'reopen', 'claim']) {
            expect(succeeded[kind] ?? 0, `no successful ${kind} in ${RUNS} runs`).to.be.greaterThan(0);
        }
    });
});
