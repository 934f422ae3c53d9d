import { expect } from 'chai';
import { time } from '@nomicfoundation/hardhat-network-helpers';
import { toUtf8Bytes, hexlify, type ContractTransactionResponse } from 'ethers';
import { buildTag } from '../../sdk/tags';
import { textResultDigest } from '../../sdk/results';
import { createEnclaveChallenge, signAuthorization } from '../../sdk/tee';
import { checkSnapshot, recordGas } from '../helpers/gas';
import { createDeal, fund, loadTaskContext, rolesOf, RLC, type TaskContext } from '../helpers/deals';

/**
 * Gas of the task lifecycle (receipt `gasUsed`, what the sender pays), recorded in
 * `gas/snapshot.json` and held below the targets of issue #5. Measured on a hub in use: the kitty
 * holds value, the asset owners, the scheduler and the workers already have escrow balances and
 * the workers a score (they worked before), so that no figure includes a first-ever write of an
 * account. The `cold.*` entries measure the same calls by fresh accounts (score 0, empty owner
 * balances): recorded, and bounded by the same targets where they fit.
 *
 * Results are a typical storage location (`/ipfs/<CIDv0>`, 53 bytes): `finalize` stores them.
 */
const TARGETS = {
    initialize: 100_000n,
    contribute: 220_000n,
    contributeTee: 250_000n,
    revealFirst: 75_000n,
    revealLater: 50_000n,
    finalize1: 220_000n,
    finalize3: 300_000n,
    contributeAndFinalize: 320_000n,
    claim: 110_000n,
};

const RESULTS = hexlify(toUtf8Bytes('/ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG'));
const DIGEST = textResultDigest('result');
const PRICES = { appPrice: 2n * RLC, datasetPrice: RLC, workerpoolPrice: 10n * RLC, withDataset: true };

async function gasOf(name: string, tx: Promise<ContractTransactionResponse>): Promise<bigint> {
    return recordGas(name, await (await tx).wait());
}

/**
 * A hub in use: everyone funded; a first deal claimed (the kitty holds the scheduler's stake)
 * and a second one run through a replicated task (owners paid, workers scored).
 */
async function usedHub(): Promise<TaskContext> {
    const context = await loadTaskContext('token');
    const { scheduler, workers } = rolesOf(context);
    await fund(context, [context.actors.requester, context.actors.scheduler, ...context.workers], 1_000n * RLC);
    const failed = await createDeal(context, PRICES);
    await scheduler.initialize(failed.dealId, failed.botFirst);
    await time.increase(3_000);
    await scheduler.claim(failed.taskIds[0]);
    const warmup = await createDeal(context, { ...PRICES, trust: 3n });
    await scheduler.initialize(warmup.dealId, warmup.botFirst);
    const [taskId] = warmup.taskIds;
    for (const worker of workers) {
        await worker.contribute(taskId, DIGEST, await scheduler.authorize(await worker.address(), taskId));
        if ((await context.task.views.viewTask(taskId)).status === 2n) break;
    }
    for (const worker of workers.slice(0, 2)) await worker.reveal(taskId, DIGEST);
    await scheduler.finalize(taskId, RESULTS);
    return context;
}

/** An initialized task of a fresh deal on `context`. */
async function initializedTask(context: TaskContext, options: Parameters<typeof createDeal>[1] = {}) {
    const deal = await createDeal(context, { ...PRICES, ...options });
    await rolesOf(context).scheduler.initialize(deal.dealId, deal.botFirst);
    return deal.taskIds[0];
}

describe('Task lifecycle gas', function () {
    after(function () {
        checkSnapshot('gasUsed');
    });

    for (const [label, fixture] of [
        ['', usedHub],
        ['cold.', () => loadTaskContext('token')],
    ] as const) {
        const cold = label !== '';
        const prepare = async () => {
            const context = await fixture();
            if (cold) {
                await fund(
                    context,
                    [context.actors.requester, context.actors.scheduler, ...context.workers],
                    1_000n * RLC,
                );
            }
            return { context, ...rolesOf(context) };
        };
        const bound = (target: bigint) => (cold ? target + 100_000n : target);

        describe(cold ? 'by fresh accounts' : 'on a hub in use', function () {
            it(`initialize <= ${TARGETS.initialize}`, async function () {
                const { context, scheduler } = await prepare();
                const deal = await createDeal(context, PRICES);
                const gas = await gasOf(`${label}initialize`, scheduler.initialize(deal.dealId, deal.botFirst));
                expect(gas).to.be.at.most(TARGETS.initialize);
            });

            it(`contribute (trust 1) <= ${TARGETS.contribute}, reveal, finalize (1 worker) <= ${TARGETS.finalize1}`, async function () {
                const { context, scheduler, workers } = await prepare();
                const taskId = await initializedTask(context);
                const worker = workers[0];
                const authorization = await scheduler.authorize(await worker.address(), taskId);
                const contribute = await gasOf(`${label}contribute`, worker.contribute(taskId, DIGEST, authorization));
                const reveal = await gasOf(`${label}reveal.single`, worker.reveal(taskId, DIGEST));
                const finalize = await gasOf(`${label}finalize.1worker`, scheduler.finalize(taskId, RESULTS));
                expect(contribute).to.be.at.most(bound(TARGETS.contribute));
                expect(reveal).to.be.at.most(bound(TARGETS.revealFirst));
                expect(finalize).to.be.at.most(bound(TARGETS.finalize1));
            });

            it(`contribute TEE (trust 1) <= ${TARGETS.contributeTee}, with and without TEE broker`, async function () {
                const { context, scheduler, workers } = await prepare();
                const tag = buildTag(['TEE', 'TDX']);
                const worker = workers[0];
                const enclave = createEnclaveChallenge();
                let taskId = await initializedTask(context, { tag });
                let authorization = await scheduler.authorize(await worker.address(), taskId, enclave.address);
                const tee = await gasOf(
                    `${label}contribute.tee`,
                    worker.contribute(taskId, DIGEST, authorization, { enclave }),
                );
                await context.hub.configuration.setTeeBroker(context.actors.broker.address);
                taskId = await initializedTask(context, { tag });
                authorization = await signAuthorization(context.actors.broker, {
                    worker: await worker.address(),
                    taskId,
                    enclaveChallenge: enclave.address,
                });
                const broker = await gasOf(
                    `${label}contribute.teeBroker`,
                    worker.contribute(taskId, DIGEST, authorization, { enclave }),
                );
                expect(tee).to.be.at.most(bound(TARGETS.contributeTee));
                expect(broker).to.be.at.most(bound(TARGETS.contributeTee));
            });

            it(`reveal first <= ${TARGETS.revealFirst} / later <= ${TARGETS.revealLater}, finalize (3 workers) <= ${TARGETS.finalize3}`, async function () {
                const { context, scheduler, workers } = await prepare();
                // Trust 5: three agreeing workers of score >= 0 reach it (2^3 > 4).
                const taskId = await initializedTask(context, { trust: 5n });
                const three = workers.slice(0, 3);
                const contributions: bigint[] = [];
                for (const worker of three) {
                    const authorization = await scheduler.authorize(await worker.address(), taskId);
                    contributions.push(
                        await gasOf(
                            `${label}contribute.replicated${contributions.length + 1}`,
                            worker.contribute(taskId, DIGEST, authorization),
                        ),
                    );
                }
                expect((await context.task.views.viewTask(taskId)).status).to.equal(2n);
                const first = await gasOf(`${label}reveal.first`, three[0].reveal(taskId, DIGEST));
                const later = await gasOf(`${label}reveal.later`, three[1].reveal(taskId, DIGEST));
                await three[2].reveal(taskId, DIGEST);
                const finalize = await gasOf(`${label}finalize.3workers`, scheduler.finalize(taskId, RESULTS));
                expect(first).to.be.at.most(bound(TARGETS.revealFirst));
                expect(later).to.be.at.most(bound(TARGETS.revealLater));
                expect(finalize).to.be.at.most(bound(TARGETS.finalize3));
                for (const gas of contributions) expect(gas).to.be.at.most(bound(TARGETS.contribute));
            });

            it(`contributeAndFinalize (trust 1) <= ${TARGETS.contributeAndFinalize}`, async function () {
                const { context, scheduler, workers } = await prepare();
                const taskId = await initializedTask(context);
                const worker = workers[0];
                const authorization = await scheduler.authorize(await worker.address(), taskId);
                const gas = await gasOf(
                    `${label}contributeAndFinalize`,
                    worker.contributeAndFinalize(taskId, DIGEST, { authorization, results: RESULTS }),
                );
                expect(gas).to.be.at.most(bound(TARGETS.contributeAndFinalize));
            });

            it(`claim after the final deadline <= ${TARGETS.claim} (no contributor, one contributor)`, async function () {
                const { context, scheduler, workers } = await prepare();
                const empty = await initializedTask(context);
                const contributed = await initializedTask(context, { trust: 3n });
                const worker = workers[0];
                await worker.contribute(
                    contributed,
                    DIGEST,
                    await scheduler.authorize(await worker.address(), contributed),
                );
                await time.increase(3_000);
                const none = await gasOf(`${label}claim`, scheduler.claim(empty));
                const one = await gasOf(`${label}claim.1contributor`, scheduler.claim(contributed));
                expect(none).to.be.at.most(bound(TARGETS.claim));
                expect(one).to.be.at.most(bound(TARGETS.claim));
            });
        });
    }
});
