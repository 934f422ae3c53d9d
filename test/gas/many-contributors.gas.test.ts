import { expect } from 'chai';
import { ethers } from 'hardhat';
import { time } from '@nomicfoundation/hardhat-network-helpers';
import { EscrowTokenFacet__factory, RLC__factory } from '../../typechain-types';
import { textResultDigest } from '../../sdk/results';
import { WorkerRole } from '../../sdk/roles';
import { TaskStatus } from '../../sdk/tasks';
import { impersonate } from '../helpers/escrow';
import { CATEGORY_TIMEREF, RLC, initializedTask, loadFundedContext, rolesOf, type TaskContext } from '../helpers/deals';

/**
 * security-checklist #80: `task.contributors` is unbounded (the reference too; CD-v5 6.6). The
 * loops over it are in the consensus (winner count), reopen, finalize and claim: measure them with
 * many contributors and check that they stay far below a 30 M block, per contributor.
 */
const N = 60;
const BLOCK = 30_000_000n;
const T = CATEGORY_TIMEREF[0];
const WRONG = (i: number) => textResultDigest(`wrong ${i}`);
const RIGHT = textResultDigest('right');

describe('Many contributors (gas per contributor)', function () {
    this.timeout(120_000);
    const measured: Record<string, bigint> = {};

    after(function () {
        console.log(
            `      with ${N} contributors: ` +
                Object.entries(measured)
                    .map(([k, v]) => `${k} ${v}`)
                    .join(', '),
        );
    });

    /** N funded fresh workers. */
    async function crowd(context: TaskContext): Promise<WorkerRole[]> {
        const signers = [];
        for (let i = 0; i < N; ++i) signers.push(await impersonate(ethers.Wallet.createRandom().address));
        const token = await context.hub.configuration.token();
        await (
            await RLC__factory.connect(token, context.deployer).approve(context.hubAddress, BigInt(N) * 10n * RLC)
        ).wait();
        await (
            await EscrowTokenFacet__factory.connect(context.hubAddress, context.deployer).depositForArray(
                signers.map(() => 10n * RLC),
                signers.map((s) => s.address),
            )
        ).wait();
        return signers.map((s) => new WorkerRole(s, context.hubAddress));
    }

    /**
     * A trust-3 task where N - 1 workers vote different wrong results (no consensus), then a
     * worker of huge score votes the right one and reaches the consensus alone.
     */
    async function crowdedTask() {
        const context = await loadFundedContext();
        const { scheduler } = rolesOf(context);
        const workers = await crowd(context);
        const { taskId, deal } = await initializedTask(context, { trust: 3n, workerpoolPrice: 10n * RLC });
        for (const [i, worker] of workers.slice(0, N - 1).entries()) {
            await (
                await worker.contribute(taskId, WRONG(i), await scheduler.authorize(await worker.address(), taskId))
            ).wait();
        }
        const last = workers[N - 1];
        await (await context.task.taskHarness.harnessSetScore(await last.address(), 2n ** 100n)).wait();
        const receipt = (await (
            await last.contribute(taskId, RIGHT, await scheduler.authorize(await last.address(), taskId))
        ).wait())!;
        expect((await context.task.views.viewTask(taskId)).status).to.equal(BigInt(TaskStatus.REVEALING));
        return { context, scheduler, taskId, deal, last, consensusGas: receipt.gasUsed };
    }

    it('reaches a consensus, reveals and finalizes with N contributors', async function () {
        const { scheduler, taskId, last, consensusGas } = await crowdedTask();
        measured.consensus = consensusGas;
        await (await last.reveal(taskId, RIGHT)).wait();
        const finalize = (await (await scheduler.finalize(taskId, '0x')).wait())!.gasUsed;
        measured.finalize = finalize;
        measured.finalizePerContributor = finalize / BigInt(N);
        expect(finalize * 10n < BLOCK, `finalize ${finalize}`).to.equal(true);
    });

    it('reopens and claims with N contributors', async function () {
        const { context, scheduler, taskId, deal } = await crowdedTask();
        const task = await context.task.views.viewTask(taskId);
        await time.increaseTo(task.revealDeadline);
        const reopen = (await (await scheduler.reopen(taskId)).wait())!.gasUsed;
        await time.increaseTo(deal.startTime + 10n * T);
        const claim = (await (await scheduler.claim(taskId)).wait())!.gasUsed;
        measured.reopen = reopen;
        measured.claim = claim;
        measured.claimPerContributor = claim / BigInt(N);
        expect(reopen * 10n < BLOCK && claim * 10n < BLOCK, `reopen ${reopen}, claim ${claim}`).to.equal(true);
    });
});
