import { task } from 'hardhat/config';
import { ConsensusFacet__factory, TaskViewsFacet__factory } from '../../typechain-types';
import { commitResult } from '../../sdk/results';
import { ContributionStatus, contributionStatusName } from '../../sdk/tasks';
import { pocoContext } from '../lib/context';
import { runTask, TaskError } from '../lib/errors';
import { chainTime, describeTime, readTaskAndDeal, requireTaskStatus, TaskStatus } from '../lib/tasks';
import { address, bytes32, bytesOrText } from '../lib/types';
import { digestFromArgs } from './contribute';

interface Args {
    task: string;
    digest?: string;
    result?: string;
    from?: string;
    hub?: string;
}

task('worker:reveal', 'Reveal the digest behind a winning contribution')
    .addParam('task', 'The task id', undefined, bytes32)
    .addOptionalParam('digest', 'The result digest (32 bytes)', undefined, bytes32)
    .addOptionalParam('result', 'The result (text or 0x bytes); the digest is its keccak256', undefined, bytesOrText)
    .addOptionalParam('from', 'The worker (default: the first account)', undefined, address)
    .addOptionalParam('hub', 'The hub (default: the PocoDiamond deployment of the network)', undefined, address)
    .setAction(async (args: Args, hre) =>
        runTask('worker:reveal', async () => {
            const digest = digestFromArgs(args);
            const { signer, hub } = await pocoContext(hre, args.from, args.hub);
            const worker = await signer.getAddress();
            const { task: view } = await readTaskAndDeal(signer, hub, args.task);
            requireTaskStatus(args.task, view, [TaskStatus.REVEALING], 'revealed');
            if ((await chainTime(signer)) + 1n >= view.revealDeadline) {
                throw new TaskError(
                    `task ${args.task}: the reveal deadline ${describeTime(view.revealDeadline)} has come`,
                );
            }
            const contribution = await TaskViewsFacet__factory.connect(hub, signer).viewContribution(args.task, worker);
            if (contribution.status !== BigInt(ContributionStatus.CONTRIBUTED)) {
                throw new TaskError(
                    `${worker} has nothing to reveal on task ${args.task} (${contributionStatusName(contribution.status)})`,
                );
            }
            if (contribution.resultHash !== view.consensusValue) {
                throw new TaskError(`${worker} voted for another result than the consensus of task ${args.task}`);
            }
            const { hash, seal } = commitResult(worker, args.task, digest);
            if (hash !== contribution.resultHash) {
                throw new TaskError(`this digest does not give the contributed hash ${contribution.resultHash}`);
            }
            if (seal !== contribution.resultSeal) throw new TaskError('the contributed seal is not this worker’s');
            const receipt = await (await ConsensusFacet__factory.connect(hub, signer).reveal(args.task, digest)).wait();
            console.log(`Revealed digest ${digest} of task ${args.task} (transaction ${receipt!.hash})`);
            return { taskId: args.task, digest, transaction: receipt!.hash };
        }),
    );
