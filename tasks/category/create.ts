import { task, types } from 'hardhat/config';
import { CategoryManagerFacet__factory, OwnershipFacet__factory } from '../../typechain-types';
import { printFields } from '../lib/assets';
import { pocoContext } from '../lib/context';
import { runTask, TaskError } from '../lib/errors';
import { address, uint } from '../lib/types';

interface Args {
    name: string;
    description: string;
    workClockTimeRef: bigint;
    from?: string;
}

task('category:create', 'Create a computation category (the hub owner only) and print its id')
    .addParam('name', 'Category name (e.g. XXL)')
    .addOptionalParam('description', 'Free text', '', types.string)
    .addParam(
        'workClockTimeRef',
        "Work-clock reference in seconds: a task's deadlines are multiples of it",
        undefined,
        uint,
    )
    .addOptionalParam('from', 'Account to send from: the hub owner (default: the first account)', undefined, address)
    .setAction(async (args: Args, hre) =>
        runTask('category:create', async () => {
            if (args.name.trim() === '') throw new TaskError('--name must not be empty');
            if (args.workClockTimeRef === 0n) throw new TaskError('--work-clock-time-ref must be positive');
            const { signer, hub } = await pocoContext(hre, args.from);
            const account = await signer.getAddress();
            const owner = await OwnershipFacet__factory.connect(hub, signer).owner();
            if (owner !== account) throw new TaskError(`${account} is not the hub owner (${owner})`);
            const categories = CategoryManagerFacet__factory.connect(hub, signer);
            const receipt = await (
                await categories.createCategory(args.name, args.description, args.workClockTimeRef)
            ).wait();
            const created = receipt!.logs
                .map((log) => categories.interface.parseLog(log))
                .find((log) => log?.name === 'CreateCategory');
            printFields({
                catid: created!.args.catid,
                name: args.name,
                description: args.description,
                workClockTimeRef: args.workClockTimeRef,
                tx: receipt!.hash,
            });
        }),
    );
