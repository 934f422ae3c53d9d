import { task } from 'hardhat/config';
import { TaskViewsFacet__factory } from '../../typechain-types';
import { contributionStatusName } from '../../sdk/tasks';
import { bytesForDisplay, printFields } from '../lib/assets';
import { resolveHub } from '../lib/context';
import { runTask } from '../lib/errors';
import { describeTime, readTaskAndDeal, statusOf } from '../lib/tasks';
import { address, bytes32 } from '../lib/types';

interface Args {
    taskid: string;
    worker?: string;
    hub?: string;
}

task('task:show', "Show a task: status, deadlines, consensus, contributors, results (and a worker's contribution)")
    .addPositionalParam('taskid', 'The task id', undefined, bytes32)
    .addOptionalParam('worker', 'Also show this worker’s contribution', undefined, address)
    .addOptionalParam('hub', 'The hub (default: the PocoDiamond deployment of the network)', undefined, address)
    .setAction(async (args: Args, hre) =>
        runTask('task:show', async () => {
            const hub = await resolveHub(hre, args.hub);
            const provider = hre.ethers.provider;
            const { task: view, deal } = await readTaskAndDeal(provider, hub, args.taskid);
            printFields({
                task: args.taskid,
                status: statusOf(view),
                deal: view.dealid,
                index: view.idx,
                scheduler: deal.scheduler,
                trust: deal.trust,
                timeref: view.timeref,
                contributionDeadline: describeTime(view.contributionDeadline),
                revealDeadline: describeTime(view.revealDeadline),
                finalDeadline: describeTime(view.finalDeadline),
                consensus: view.consensusValue,
                reveals: `${view.revealCounter}/${view.winnerCounter}`,
                contributors: view.contributors.length === 0 ? '-' : view.contributors.join(', '),
                resultDigest: view.resultDigest,
                results: bytesForDisplay(view.results),
                resultsCallback: view.resultsCallback === '0x' ? '' : view.resultsCallback,
            });
            let contribution;
            if (args.worker !== undefined) {
                contribution = await TaskViewsFacet__factory.connect(hub, provider).viewContribution(
                    args.taskid,
                    args.worker,
                );
                printFields({
                    worker: args.worker,
                    contribution: contributionStatusName(contribution.status),
                    resultHash: contribution.resultHash,
                    resultSeal: contribution.resultSeal,
                    enclaveChallenge: contribution.enclaveChallenge,
                    logWeight: contribution.weight,
                });
            }
            return { task: view, deal, contribution };
        }),
    );
