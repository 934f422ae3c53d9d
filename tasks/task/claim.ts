import { task } from 'hardhat/config';
import { TaskManagerFacet__factory } from '../../typechain-types';
import { pocoContext } from '../lib/context';
import { runTask, TaskError } from '../lib/errors';
import { chainTime, describeTime, readTaskAndDeal, requireTaskStatus, TaskStatus } from '../lib/tasks';
import { address, bytes32 } from '../lib/types';

interface Args {
    taskid: string;
    from?: string;
    hub?: string;
}

task('task:claim', 'Claim a task whose final deadline passed: refund its sponsor and its contributors')
    .addPositionalParam('taskid', 'The task id', undefined, bytes32)
    .addOptionalParam(
        'from',
        'Account that sends the claim (anyone may; default: the first account)',
        undefined,
        address,
    )
    .addOptionalParam('hub', 'The hub (default: the PocoDiamond deployment of the network)', undefined, address)
    .setAction(async (args: Args, hre) =>
        runTask('task:claim', async () => {
            const { signer, hub } = await pocoContext(hre, args.from, args.hub);
            const { task: view } = await readTaskAndDeal(signer, hub, args.taskid);
            requireTaskStatus(args.taskid, view, [TaskStatus.ACTIVE, TaskStatus.REVEALING], 'claimed');
            if ((await chainTime(signer)) + 1n < view.finalDeadline) {
                throw new TaskError(
                    `task ${args.taskid} cannot be claimed before its final deadline ${describeTime(view.finalDeadline)}`,
                );
            }
            const receipt = await (await TaskManagerFacet__factory.connect(hub, signer).claim(args.taskid)).wait();
            console.log(`Claimed task ${args.taskid} (transaction ${receipt!.hash})`);
            return { taskId: args.taskid, transaction: receipt!.hash };
        }),
    );
