import { task } from 'hardhat/config';
import { ZeroAddress, keccak256 } from 'ethers';
import { FinalizationFacet__factory } from '../../typechain-types';
import { pocoContext } from '../lib/context';
import { runTask, TaskError } from '../lib/errors';
import { chainTime, describeTime, readTaskAndDeal, requireTaskStatus, TaskStatus } from '../lib/tasks';
import { address, bytes32, bytesOrText } from '../lib/types';

interface Args {
    task: string;
    results: string;
    resultsCallback?: string;
    from?: string;
    hub?: string;
}

task('scheduler:finalize', 'Complete a task: store its results, pay and seize stakes, push the result to its callback')
    .addParam('task', 'The task id', undefined, bytes32)
    .addParam('results', 'The results (text, e.g. a storage location, or 0x bytes)', undefined, bytesOrText)
    .addOptionalParam(
        'resultsCallback',
        'The data for the callback (text or 0x bytes); its keccak256 must be the revealed digest',
        undefined,
        bytesOrText,
    )
    .addOptionalParam('from', 'The scheduler (default: the first account)', undefined, address)
    .addOptionalParam('hub', 'The hub (default: the PocoDiamond deployment of the network)', undefined, address)
    .setAction(async (args: Args, hre) =>
        runTask('scheduler:finalize', async () => {
            const { signer, hub } = await pocoContext(hre, args.from, args.hub);
            const sender = await signer.getAddress();
            const { task: view, deal } = await readTaskAndDeal(signer, hub, args.task);
            if (sender.toLowerCase() !== deal.scheduler.toLowerCase()) {
                throw new TaskError(
                    `only the scheduler of the deal, ${deal.scheduler}, can finalize task ${args.task}`,
                );
            }
            requireTaskStatus(args.task, view, [TaskStatus.REVEALING], 'finalized');
            const now = (await chainTime(signer)) + 1n;
            if (now >= view.finalDeadline) {
                throw new TaskError(
                    `task ${args.task}: the final deadline ${describeTime(view.finalDeadline)} has come: claim it`,
                );
            }
            if (view.revealCounter !== view.winnerCounter && (view.revealCounter === 0n || now < view.revealDeadline)) {
                throw new TaskError(
                    `task ${args.task}: ${view.revealCounter} of ${view.winnerCounter} winners revealed; wait for every reveal or, with at least one, for the reveal deadline ${describeTime(view.revealDeadline)}`,
                );
            }
            const data = args.resultsCallback ?? '0x';
            if (!(deal.callback === ZeroAddress && data === '0x') && keccak256(data) !== view.resultDigest) {
                throw new TaskError(
                    deal.callback === ZeroAddress
                        ? `--results-callback must be empty or hash to the digest ${view.resultDigest}`
                        : `the deal has a callback: --results-callback must hash to the digest ${view.resultDigest}`,
                );
            }
            const receipt = await (
                await FinalizationFacet__factory.connect(hub, signer).finalize(args.task, args.results, data)
            ).wait();
            console.log(`Finalized task ${args.task} (transaction ${receipt!.hash})`);
            return { taskId: args.task, transaction: receipt!.hash };
        }),
    );
