import { expect } from 'chai';
import { ethers } from 'hardhat';
import { AbiCoder, Wallet } from 'ethers';
import { OracleConsumerMock__factory } from '../../typechain-types';
import { callbackResultDigest } from '../../sdk/results';
import { TaskStatus } from '../../sdk/tasks';
import { RLC, everyone, initializedTask, loadFundedContext, rolesOf, type TaskContext } from '../helpers/deals';
import { expectConservation, readLedger } from '../helpers/ledger';

/** `OracleConsumerMock.Mode`. */
const Mode = { Record: 0, Revert: 1, BurnGas: 2, ReturnBomb: 3, Reenter: 4 } as const;

const DATA = AbiCoder.defaultAbiCoder().encode(['uint256', 'string'], [42n, 'the answer']);
const DIGEST = callbackResultDigest(DATA);
const RESULTS = '0xabcd';

describe('FinalizationFacet: result callbacks', function () {
    async function setup(mode: number = Mode.Record) {
        const context = await loadFundedContext();
        const consumer = await new OracleConsumerMock__factory(context.deployer).deploy();
        await (await consumer.setMode(mode)).wait();
        return { context, consumer, ...rolesOf(context), finalization: context.task.finalization };
    }

    /** A callback deal's task, contributed and revealed by one worker, ready to finalize. */
    async function revealed(context: TaskContext, callback: string) {
        const { scheduler, workers } = rolesOf(context);
        const { taskId } = await initializedTask(context, { callback, workerpoolPrice: 5n * RLC });
        const worker = workers[0];
        await (
            await worker.contribute(taskId, DIGEST, await scheduler.authorize(await worker.address(), taskId))
        ).wait();
        await (await worker.reveal(taskId, DIGEST)).wait();
        return taskId;
    }

    async function expectSettled(context: TaskContext, taskId: string) {
        expect((await context.task.views.viewTask(taskId)).status).to.equal(TaskStatus.COMPLETED);
        const worker = await readLedger(context, { worker: context.workers[0].address });
        expect(worker.worker.frozen).to.equal(0n);
        await expectConservation(context, everyone(context));
    }

    it('calls receiveResult(taskId, resultsCallback) last, when the result is already readable', async function () {
        const { context, consumer, scheduler } = await setup();
        const taskId = await revealed(context, await consumer.getAddress());
        const tx = scheduler.finalize(taskId, RESULTS, DATA);
        await expect(tx)
            .to.emit(consumer, 'ResultReceived')
            .withArgs(context.hubAddress, taskId, DATA, DATA, (gas: bigint) => gas < 200_000n);
        expect(await consumer.calls()).to.equal(1n);
        expect(await consumer.lastData()).to.equal(DATA);
        await expectSettled(context, taskId);
    });

    it('refuses callback data that does not hash to the digest, and empty data on a callback deal', async function () {
        const { context, consumer, scheduler, finalization } = await setup();
        const taskId = await revealed(context, await consumer.getAddress());
        await expect(scheduler.finalize(taskId, RESULTS, '0x'))
            .to.be.revertedWithCustomError(finalization, 'FinalizationInvalidCallbackData')
            .withArgs(taskId, DIGEST, callbackResultDigest('0x'));
        await expect(scheduler.finalize(taskId, RESULTS, `${DATA}00`)).to.be.revertedWithCustomError(
            finalization,
            'FinalizationInvalidCallbackData',
        );
    });

    it('gives the callback exactly callbackgas() gas', async function () {
        const { context, consumer, scheduler } = await setup(Mode.BurnGas);
        await (await context.hub.configuration.setCallbackGas(150_000n)).wait();
        const taskId = await revealed(context, await consumer.getAddress());
        const receipt = (await (await scheduler.finalize(taskId, RESULTS, DATA)).wait())!;
        const other = await setup(Mode.Record);
        await (await other.context.hub.configuration.setCallbackGas(150_000n)).wait();
        const reference = await revealed(other.context, await other.consumer.getAddress());
        await (await other.consumer.setMode(Mode.Revert)).wait();
        const baseline = (await (await other.scheduler.finalize(reference, RESULTS, DATA)).wait())!;
        // Burning everything costs the whole callback gas more than reverting at once.
        const burned = receipt.gasUsed - baseline.gasUsed;
        expect(burned > 140_000n && burned <= 150_000n, `burned ${burned}`).to.equal(true);
    });

    for (const [name, mode] of [
        ['reverts', Mode.Revert],
        ['burns all its gas', Mode.BurnGas],
        ['returns 256 KiB', Mode.ReturnBomb],
    ] as const) {
        it(`completes the task when the callback ${name}`, async function () {
            const { context, consumer, scheduler } = await setup(mode);
            const taskId = await revealed(context, await consumer.getAddress());
            const receipt = (await (await scheduler.finalize(taskId, RESULTS, DATA)).wait())!;
            expect(receipt.gasUsed < 500_000n, `gas ${receipt.gasUsed}`).to.equal(true);
            await expect(receipt).to.not.emit(consumer, 'ResultReceived');
            await expectSettled(context, taskId);
        });
    }

    it('completes the task when the callback is an account without code, or the hub itself', async function () {
        for (const target of [Wallet.createRandom().address, 'hub']) {
            const { context, scheduler } = await setup();
            const taskId = await revealed(context, target === 'hub' ? context.hubAddress : target);
            await (await scheduler.finalize(taskId, RESULTS, DATA)).wait();
            await expectSettled(context, taskId);
        }
    });

    it('pays once when the callback re-enters claim and finalize', async function () {
        const { context, consumer, scheduler } = await setup(Mode.Reenter);
        const taskId = await revealed(context, await consumer.getAddress());
        const before = await readLedger(context, { scheduler: context.actors.scheduler.address });
        await expect(scheduler.finalize(taskId, RESULTS, DATA))
            .to.emit(consumer, 'ReentryAttempted')
            .withArgs(false, false);
        const after = await readLedger(context, { scheduler: context.actors.scheduler.address });
        expect(after.scheduler.frozen).to.equal(before.scheduler.frozen - (5n * RLC * 30n) / 100n);
        await expectSettled(context, taskId);
    });

    it('reverts the whole finalization when the caller starves the callback (EIP-150)', async function () {
        const { context, consumer, scheduler, finalization } = await setup(Mode.BurnGas);
        const taskId = await revealed(context, await consumer.getAddress());
        const data = finalization.interface.encodeFunctionData('finalize', [taskId, RESULTS, DATA]);
        const from = context.actors.scheduler;
        const needed = await ethers.provider.estimateGas({ from: from.address, to: context.hubAddress, data });
        // Lower the gas limit until the callback cannot get its full gas: the check must catch it.
        let limit = needed;
        for (; limit > needed - 20_000n; limit -= 500n) {
            try {
                await ethers.provider.call({ from: from.address, to: context.hubAddress, data, gasLimit: limit });
            } catch {
                break;
            }
        }
        await expect(
            from.sendTransaction({ to: context.hubAddress, data, gasLimit: limit }),
        ).to.be.revertedWithCustomError(finalization, 'FinalizationCallbackGasTooLow');
        expect((await context.task.views.viewTask(taskId)).status).to.equal(TaskStatus.REVEALING);
        await (await scheduler.finalize(taskId, RESULTS, DATA)).wait();
    });

    it('pushes the result of contributeAndFinalize too', async function () {
        const { context, consumer, scheduler, workers } = await setup();
        const { taskId } = await initializedTask(context, { callback: await consumer.getAddress() });
        const worker = workers[0];
        await expect(
            worker.contributeAndFinalize(taskId, DIGEST, {
                authorization: await scheduler.authorize(await worker.address(), taskId),
                results: RESULTS,
                resultsCallback: DATA,
            }),
        )
            .to.emit(consumer, 'ResultReceived')
            .withArgs(context.hubAddress, taskId, DATA, DATA, (gas: bigint) => gas > 0n);
        await expect(
            worker.contributeAndFinalize(taskId, DIGEST, {
                authorization: await scheduler.authorize(await worker.address(), taskId),
            }),
        ).to.be.revertedWithCustomError(context.task.finalization, 'TaskInvalidStatus');
    });

    it('checks the callback data of contributeAndFinalize against the digest it is given', async function () {
        const { context, consumer, scheduler, workers } = await setup();
        const { taskId } = await initializedTask(context, { callback: await consumer.getAddress() });
        const worker = workers[0];
        await expect(
            worker.contributeAndFinalize(taskId, DIGEST, {
                authorization: await scheduler.authorize(await worker.address(), taskId),
                resultsCallback: '0x1234',
            }),
        )
            .to.be.revertedWithCustomError(context.task.finalization, 'FinalizationInvalidCallbackData')
            .withArgs(taskId, DIGEST, callbackResultDigest('0x1234'));
    });
});
