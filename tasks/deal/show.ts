import { task } from 'hardhat/config';
import { ZeroAddress } from 'ethers';
import { readDeal } from '../../sdk/deals';
import { tagBits } from '../../sdk/tags';
import { describeAmount } from '../../sdk/units';
import { printFields } from '../lib/assets';
import { resolveHub } from '../lib/context';
import { runTask, TaskError } from '../lib/errors';
import { address, bytes32 } from '../lib/types';

interface Args {
    deal: string;
    hub?: string;
}

task('deal:show', 'Show a deal: its app, dataset and workerpool with their owners and prices, its tasks and who pays')
    .addPositionalParam('deal', 'The deal id (bytes32)', undefined, bytes32)
    .addOptionalParam('hub', 'The hub (default: the PocoDiamond deployment of the network)', undefined, address)
    .setAction(async (args: Args, hre) =>
        runTask('deal:show', async () => {
            const hub = await resolveHub(hre, args.hub);
            const deal = await readDeal(hre.ethers.provider, hub, args.deal);
            if (deal === undefined) throw new TaskError(`no deal ${args.deal} on the hub at ${hub}`);
            const resource = (r: { pointer: string; owner: string; price: bigint }) =>
                r.pointer === ZeroAddress
                    ? 'none'
                    : `${r.pointer} (owner ${r.owner}, ${describeAmount(r.price)} per task)`;
            const bits = tagBits(deal.tag);
            const last = deal.botFirst + deal.botSize - 1n;
            printFields({
                deal: args.deal,
                app: resource(deal.app),
                dataset: resource(deal.dataset),
                workerpool: resource(deal.workerpool),
                category: deal.category,
                trust: deal.trust,
                tag: bits.length > 0 ? `${deal.tag} (${bits.join(', ')})` : deal.tag,
                requester: deal.requester,
                beneficiary: deal.beneficiary,
                callback: deal.callback,
                params: deal.params,
                startTime: `${deal.startTime} (${new Date(Number(deal.startTime) * 1000).toISOString()})`,
                tasks: `${deal.botSize} (indexes ${deal.botFirst} to ${last})`,
                price: describeAmount((deal.app.price + deal.dataset.price + deal.workerpool.price) * deal.botSize),
                workerStake: describeAmount(deal.workerStake),
                schedulerRewardRatio: `${deal.schedulerRewardRatio} %`,
                sponsor: deal.sponsor,
            });
            return deal;
        }),
    );
