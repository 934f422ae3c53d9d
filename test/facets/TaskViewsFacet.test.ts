import { expect } from 'chai';
import { Wallet, ZeroAddress, ZeroHash } from 'ethers';
import { V3HubMock__factory } from '../../typechain-types';
import { textResultDigest } from '../../sdk/results';
import { readTaskConstants, TaskStatus } from '../../sdk/tasks';
import { KITTY_ADDRESS } from '../helpers/escrow';
import { initializedTask, loadFundedContext, rolesOf } from '../helpers/deals';

const GOOD = textResultDigest('good');

describe('TaskViewsFacet', function () {
    async function setup() {
        const context = await loadFundedContext();
        return { context, ...rolesOf(context), views: context.task.views };
    }

    it('returns an all-zero task and contribution for unknown ids', async function () {
        const { views } = await setup();
        const id = `0x${'ef'.repeat(32)}`;
        const task = await views.viewTask(id);
        expect([...task]).to.deep.equal([
            0n,
            ZeroHash,
            0n,
            0n,
            0n,
            0n,
            0n,
            ZeroHash,
            0n,
            0n,
            [],
            ZeroHash,
            '0x',
            0n,
            '0x',
        ]);
        expect([...(await views.viewTaskABILegacy(id))]).to.deep.equal([
            0n,
            ZeroHash,
            0n,
            0n,
            0n,
            0n,
            0n,
            ZeroHash,
            0n,
            0n,
            [],
            '0x',
        ]);
        const worker = Wallet.createRandom().address;
        expect([...(await views.viewContribution(id, worker))]).to.deep.equal([
            0n,
            ZeroHash,
            ZeroHash,
            ZeroAddress,
            0n,
        ]);
        expect([...(await views.viewContributionABILegacy(id, worker))]).to.deep.equal([
            0n,
            ZeroHash,
            ZeroHash,
            ZeroAddress,
        ]);
        expect(await views.viewScore(worker)).to.equal(0n);
    });

    it('returns the same fields in the legacy shapes', async function () {
        const { context, scheduler, workers, views } = await setup();
        const { taskId } = await initializedTask(context, { trust: 2n });
        const worker = workers[0];
        const address = await worker.address();
        await (await worker.contribute(taskId, GOOD, await scheduler.authorize(address, taskId))).wait();
        await (await worker.reveal(taskId, GOOD)).wait();
        await (await scheduler.finalize(taskId, '0x1234')).wait();
        const task = await views.viewTask(taskId);
        expect([...(await views.viewTaskABILegacy(taskId))]).to.deep.equal([...[...task].slice(0, 11), task.results]);
        expect(task.resultsTimestamp).to.equal(0n);
        const contribution = await views.viewContribution(taskId, address);
        expect([...(await views.viewContributionABILegacy(taskId, address))]).to.deep.equal(
            [...contribution].slice(0, 4),
        );
    });

    it('returns the result of COMPLETED tasks only (resultFor)', async function () {
        const { context, views, scheduler, workers } = await setup();
        const unknown = `0x${'12'.repeat(32)}`;
        await expect(views.resultFor(unknown))
            .to.be.revertedWithCustomError(views, 'TaskResultPending')
            .withArgs(unknown, TaskStatus.UNSET);
        const { taskId } = await initializedTask(context);
        await expect(views.resultFor(taskId))
            .to.be.revertedWithCustomError(views, 'TaskResultPending')
            .withArgs(taskId, TaskStatus.ACTIVE);
        const worker = workers[0];
        await (
            await worker.contributeAndFinalize(taskId, GOOD, {
                authorization: await scheduler.authorize(await worker.address(), taskId),
            })
        ).wait();
        expect(await views.resultFor(taskId)).to.equal('0x');
    });

    it('reports the constants of the execution side', async function () {
        const { context, views } = await setup();
        expect(await readTaskConstants(context.deployer, context.hubAddress)).to.deep.equal({
            contributionDeadlineRatio: 7n,
            revealDeadlineRatio: 2n,
            finalDeadlineRatio: 10n,
            workerpoolStakeRatio: 30n,
            kittyRatio: 10n,
            kittyMin: 1_000_000_000n,
            kittyAddress: KITTY_ADDRESS,
        });
        expect(await views.groupmember_purpose()).to.equal(4n);
    });

    describe('importScore', function () {
        async function withV3Hub() {
            const s = await setup();
            const v3 = await new V3HubMock__factory(s.context.deployer).deploy();
            await (await s.context.task.taskHarness.harnessSetV3Hub(await v3.getAddress())).wait();
            return { ...s, v3, consensus: s.context.task.consensus.connect(s.context.actors.stranger) };
        }

        it('raises a worker score to its v3 score, once; anyone may call it', async function () {
            const { views, v3, consensus } = await withV3Hub();
            const worker = Wallet.createRandom().address;
            await (await v3.setScore(worker, 22n)).wait();
            await expect(consensus.importScore(worker)).to.emit(consensus, 'ScoreImported').withArgs(worker, 22n, 22n);
            expect(await views.viewScore(worker)).to.equal(22n);
            await expect(consensus.importScore(worker))
                .to.be.revertedWithCustomError(consensus, 'ConsensusScoreAlreadyImported')
                .withArgs(worker);
        });

        it('keeps a higher current score', async function () {
            const { context, views, v3, consensus } = await withV3Hub();
            const worker = Wallet.createRandom().address;
            await (await context.task.taskHarness.harnessSetScore(worker, 30n)).wait();
            await (await v3.setScore(worker, 7n)).wait();
            await expect(consensus.importScore(worker)).to.emit(consensus, 'ScoreImported').withArgs(worker, 7n, 30n);
            expect(await views.viewScore(worker)).to.equal(30n);
        });

        it('fails without a v3 hub, with a hub that reverts or has no code, and above 2^128 - 1', async function () {
            const { context, v3, consensus } = await withV3Hub();
            const worker = Wallet.createRandom().address;
            const v3Address = await v3.getAddress();
            await (await v3.setReverting(true)).wait();
            await expect(consensus.importScore(worker))
                .to.be.revertedWithCustomError(consensus, 'ConsensusScoreImportFailed')
                .withArgs(v3Address, worker);
            await (await v3.setReverting(false)).wait();
            await (await v3.setScore(worker, 2n ** 128n)).wait();
            await expect(consensus.importScore(worker))
                .to.be.revertedWithCustomError(consensus, 'ConsensusScoreImportFailed')
                .withArgs(v3Address, worker);
            for (const hub of [ZeroAddress, Wallet.createRandom().address]) {
                await (await context.task.taskHarness.harnessSetV3Hub(hub)).wait();
                await expect(consensus.importScore(worker))
                    .to.be.revertedWithCustomError(consensus, 'ConsensusScoreImportFailed')
                    .withArgs(hub, worker);
            }
        });
    });
});
