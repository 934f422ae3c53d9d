import { expect } from 'chai';
import { time } from '@nomicfoundation/hardhat-network-helpers';
import { hexlify, id, toUtf8Bytes, type ContractTransactionResponse, type TransactionReceipt } from 'ethers';
import { textResultDigest } from '../../sdk/results';
import { TaskStatus } from '../../sdk/tasks';
import { checkSnapshot, recordGasTotal } from '../helpers/gas';
import { createDeal, loadGasContext, rolesOf, RLC, type DealOptions, type TaskContext } from '../helpers/deals';

/**
 * Gas of a whole task (issue #5's gas table): the sum of the receipts' `gasUsed` of everything a
 * task costs its participants, from the match to the finalization, recorded in `gas/snapshot.json`
 * and held below the targets. Measured on a hub in use (a claimed deal filled the kitty, a
 * replicated task paid the owners and scored the workers), with a dataset, realistic params and
 * results (`/ipfs/<CIDv0>`, 53 bytes).
 *
 * The figures are reproducible: the hub is deployed at fixed addresses (`loadGasContext`, a pinned
 * nonce) and every order has a fixed salt, so every byte of every measured transaction's calldata
 * is the same whatever ran before.
 */
const TARGETS = {
    /** matchOrders + initialize + contribute + reveal + finalize, 1 worker, trust 1 (reference: 1,844,588). */
    standard: 1_100_000n,
    /** matchOrders + initialize + 3 contributions + 3 reveals + finalize (reference: 2,667,474). */
    replicated3: 1_600_000n,
};

const RESULTS = hexlify(toUtf8Bytes('/ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG'));
const DIGEST = textResultDigest('result');
const PARAMS = '{"iexec_args":"hello"}';
const PRICES = { appPrice: 2n * RLC, datasetPrice: RLC, workerpoolPrice: 10n * RLC, withDataset: true, params: PARAMS };

/** Fixed salts of the four orders of the deal `label`. */
function saltsOf(label: string): Pick<DealOptions, 'salt' | 'orderSalts'> {
    return {
        salt: id(`whole-task ${label}/request`),
        orderSalts: {
            app: id(`whole-task ${label}/app`),
            dataset: id(`whole-task ${label}/dataset`),
            workerpool: id(`whole-task ${label}/workerpool`),
        },
    };
}

async function mined(tx: Promise<ContractTransactionResponse>): Promise<TransactionReceipt> {
    const receipt = await (await tx).wait();
    if (receipt === null) throw new Error('no receipt');
    return receipt;
}

/**
 * Run a task of `dealOptions` with `workerCount` workers (each authorized by the scheduler):
 * match, initialize, contribute, reveal, finalize. Returns every receipt, in order.
 */
async function wholeTask(context: TaskContext, dealOptions: DealOptions, workerCount: number) {
    const { scheduler, workers } = rolesOf(context);
    const deal = await createDeal(context, dealOptions);
    const receipts: TransactionReceipt[] = [deal.receipt];
    receipts.push(await mined(scheduler.initialize(deal.dealId, deal.botFirst)));
    const taskId = deal.taskIds[0];
    const participants = workers.slice(0, workerCount);
    for (const [i, worker] of participants.entries()) {
        expect((await context.task.views.viewTask(taskId)).status).to.equal(BigInt(TaskStatus.ACTIVE));
        const authorization = await scheduler.authorize(await worker.address(), taskId);
        receipts.push(await mined(worker.contribute(taskId, DIGEST, authorization)));
        if (i < participants.length - 1) continue;
        expect((await context.task.views.viewTask(taskId)).status).to.equal(BigInt(TaskStatus.REVEALING));
    }
    for (const worker of participants) receipts.push(await mined(worker.reveal(taskId, DIGEST)));
    receipts.push(await mined(scheduler.finalize(taskId, RESULTS)));
    const task = await context.task.views.viewTask(taskId);
    expect(task.status).to.equal(BigInt(TaskStatus.COMPLETED));
    expect(task.results).to.equal(RESULTS);
    return receipts;
}

/** The 3-worker deal: trust 5, which three agreeing workers of score < 12 reach only together. */
const REPLICATED = { ...PRICES, trust: 5n };

/** The funded fixture at fixed addresses, in use: a claimed deal (the kitty) and a replicated task. */
async function usedHub(): Promise<TaskContext> {
    const context = await loadGasContext();
    const { scheduler } = rolesOf(context);
    const failed = await createDeal(context, { ...PRICES, ...saltsOf('warm-up claimed') });
    await (await scheduler.initialize(failed.dealId, failed.botFirst)).wait();
    await time.increase(3_000);
    await (await scheduler.claim(failed.taskIds[0])).wait();
    await wholeTask(context, { ...REPLICATED, ...saltsOf('warm-up replicated') }, 3);
    return context;
}

describe('Whole-task gas @gas', function () {
    after(function () {
        checkSnapshot('gasUsed');
    });

    it(`a standard task (1 worker, trust 1) costs at most ${TARGETS.standard} gas in all`, async function () {
        const context = await usedHub();
        const receipts = await wholeTask(context, { ...PRICES, ...saltsOf('standard') }, 1);
        expect(receipts).to.have.length(5);
        const total = recordGasTotal('whole task: standard (1 worker, trust 1)', receipts);
        expect(total).to.be.at.most(TARGETS.standard);
    });

    it(`a replicated task (3 workers) costs at most ${TARGETS.replicated3} gas in all`, async function () {
        const context = await usedHub();
        const receipts = await wholeTask(context, { ...REPLICATED, ...saltsOf('replicated') }, 3);
        expect(receipts).to.have.length(9);
        const total = recordGasTotal('whole task: replicated (3 workers)', receipts);
        expect(total).to.be.at.most(TARGETS.replicated3);
    });
});
