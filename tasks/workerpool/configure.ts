import { task } from 'hardhat/config';
import { Workerpool__factory, WorkerpoolRegistry__factory } from '../../typechain-types';
import { printFields, requireRegistered } from '../lib/assets';
import { pocoContext } from '../lib/context';
import { runTask, TaskError } from '../lib/errors';
import { address, uint } from '../lib/types';

/** The workerpool contract rejects a scheduler reward ratio above 100 (%). */
const MAX_SCHEDULER_REWARD_RATIO = 100n;

interface Args {
    workerpool: string;
    workerStakeRatio?: bigint;
    schedulerRewardRatio?: bigint;
    from?: string;
}

task('workerpool:configure', "Change a workerpool's policy (its owner only)")
    .addPositionalParam('workerpool', 'Workerpool address', undefined, address)
    .addOptionalParam(
        'workerStakeRatio',
        'Percentage of the task price each worker stakes (unbounded: a high value prices workers out); default: unchanged',
        undefined,
        uint,
    )
    .addOptionalParam(
        'schedulerRewardRatio',
        "Percentage of the workerpool's reward kept by the scheduler, 0 to 100; default: unchanged",
        undefined,
        uint,
    )
    .addOptionalParam('from', 'Account to send the transaction from (default: the first account)', undefined, address)
    .setAction(async (args: Args, hre) =>
        runTask('workerpool:configure', async () => {
            if (args.workerStakeRatio === undefined && args.schedulerRewardRatio === undefined) {
                throw new TaskError('give --worker-stake-ratio and/or --scheduler-reward-ratio');
            }
            if (args.schedulerRewardRatio !== undefined && args.schedulerRewardRatio > MAX_SCHEDULER_REWARD_RATIO) {
                throw new TaskError(`--scheduler-reward-ratio must be at most ${MAX_SCHEDULER_REWARD_RATIO}`);
            }
            const { signer, workerpoolRegistry } = await pocoContext(hre, args.from);
            await requireRegistered(
                WorkerpoolRegistry__factory.connect(workerpoolRegistry, signer),
                'workerpool',
                args.workerpool,
            );
            const workerpool = Workerpool__factory.connect(args.workerpool, signer);
            const owner = await workerpool.owner();
            if (owner !== (await signer.getAddress())) {
                throw new TaskError(`${await signer.getAddress()} is not the owner of this workerpool (${owner})`);
            }
            const workerStakeRatio = args.workerStakeRatio ?? (await workerpool.m_workerStakeRatioPolicy());
            const schedulerRewardRatio = args.schedulerRewardRatio ?? (await workerpool.m_schedulerRewardRatioPolicy());
            const receipt = await (await workerpool.changePolicy(workerStakeRatio, schedulerRewardRatio)).wait();
            printFields({
                workerpool: args.workerpool,
                workerStakeRatioPolicy: workerStakeRatio,
                schedulerRewardRatioPolicy: schedulerRewardRatio,
                tx: receipt!.hash,
            });
        }),
    );
