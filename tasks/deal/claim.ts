import { task, types } from 'hardhat/config';
import {
    CategoryManagerFacet__factory,
    TaskManagerFacet__factory,
    TaskViewsFacet__factory,
} from '../../typechain-types';
import { TaskStatus, taskIdOf } from '../../sdk/tasks';
import { pocoContext } from '../lib/context';
import { runTask, TaskError } from '../lib/errors';
import { chainTime, describeTime, readDeal } from '../lib/tasks';
import { address, bytes32 } from '../lib/types';

interface Args {
    dealid: string;
    batch: number;
    from?: string;
    hub?: string;
}

task(
    'deal:claim',
    'Claim every task of a deal that is not completed once its final deadline passed (initializing those nobody initialized)',
)
    .addPositionalParam('dealid', 'The deal id', undefined, bytes32)
    .addOptionalParam('batch', 'Tasks per transaction', 50, types.int)
    .addOptionalParam(
        'from',
        'Account that sends the claims (anyone may; default: the first account)',
        undefined,
        address,
    )
    .addOptionalParam('hub', 'The hub (default: the PocoDiamond deployment of the network)', undefined, address)
    .setAction(async (args: Args, hre) =>
        runTask('deal:claim', async () => {
            if (!Number.isInteger(args.batch) || args.batch < 1)
                throw new TaskError('--batch must be a positive integer');
            const { signer, hub } = await pocoContext(hre, args.from, args.hub);
            const deal = await readDeal(signer, hub, args.dealid);
            if (deal.botSize === 0n) throw new TaskError(`deal ${args.dealid} does not exist`);
            const views = TaskViewsFacet__factory.connect(hub, signer);
            const category = await CategoryManagerFacet__factory.connect(hub, signer).viewCategory(deal.category);
            const finalDeadline = deal.startTime + (await views.final_deadline_ratio()) * category.workClockTimeRef;
            if ((await chainTime(signer)) + 1n < finalDeadline) {
                throw new TaskError(
                    `deal ${args.dealid} cannot be claimed before its final deadline ${describeTime(finalDeadline)}`,
                );
            }
            const toInitialize: bigint[] = [];
            const toClaim: string[] = [];
            for (let idx = deal.botFirst; idx < deal.botFirst + deal.botSize; ++idx) {
                const taskId = taskIdOf(args.dealid, idx);
                const status = Number((await views.viewTask(taskId)).status);
                if (status === TaskStatus.UNSET) toInitialize.push(idx);
                else if (status === TaskStatus.ACTIVE || status === TaskStatus.REVEALING) toClaim.push(taskId);
            }
            if (toInitialize.length + toClaim.length === 0) {
                throw new TaskError(`nothing to claim in deal ${args.dealid}: every task is COMPLETED or FAILED`);
            }
            const tasks = TaskManagerFacet__factory.connect(hub, signer);
            const transactions: string[] = [];
            for (let i = 0; i < toClaim.length; i += args.batch) {
                const receipt = await (await tasks.claimArray(toClaim.slice(i, i + args.batch))).wait();
                transactions.push(receipt!.hash);
            }
            for (let i = 0; i < toInitialize.length; i += args.batch) {
                const indexes = toInitialize.slice(i, i + args.batch);
                const receipt = await (
                    await tasks.initializeAndClaimArray(
                        indexes.map(() => args.dealid),
                        indexes,
                    )
                ).wait();
                transactions.push(receipt!.hash);
            }
            const claimed = [...toClaim, ...toInitialize.map((idx) => taskIdOf(args.dealid, idx))];
            console.log(
                `Claimed ${claimed.length} task(s) of deal ${args.dealid} (${toInitialize.length} initialized on the way) in ${transactions.length} transaction(s)`,
            );
            return { claimed, transactions };
        }),
    );
