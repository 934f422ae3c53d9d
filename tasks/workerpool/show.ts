import { task } from 'hardhat/config';
import { Workerpool__factory, WorkerpoolRegistry__factory } from '../../typechain-types';
import { printFields, requireRegistered } from '../lib/assets';
import { pocoContext } from '../lib/context';
import { runTask } from '../lib/errors';
import { address } from '../lib/types';

task('workerpool:show', 'Show a registered workerpool and its policy')
    .addPositionalParam('workerpool', 'Workerpool address', undefined, address)
    .setAction(async (args: { workerpool: string }, hre) =>
        runTask('workerpool:show', async () => {
            const { signer, workerpoolRegistry } = await pocoContext(hre);
            await requireRegistered(
                WorkerpoolRegistry__factory.connect(workerpoolRegistry, signer),
                'workerpool',
                args.workerpool,
            );
            const workerpool = Workerpool__factory.connect(args.workerpool, signer);
            printFields({
                workerpool: args.workerpool,
                owner: await workerpool.owner(),
                description: await workerpool.m_workerpoolDescription(),
                workerStakeRatioPolicy: await workerpool.m_workerStakeRatioPolicy(),
                schedulerRewardRatioPolicy: await workerpool.m_schedulerRewardRatioPolicy(),
                registry: await workerpool.registry(),
            });
        }),
    );
