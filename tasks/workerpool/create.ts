import { task } from 'hardhat/config';
import { WorkerpoolRegistry__factory } from '../../typechain-types';
import { createWorkerpool, predictWorkerpool } from '../../sdk/assets';
import { ownerOrSigner, printFields } from '../lib/assets';
import { pocoContext } from '../lib/context';
import { runTask, TaskError } from '../lib/errors';
import { address } from '../lib/types';

interface Args {
    description: string;
    owner?: string;
    from?: string;
}

task('workerpool:create', 'Register a workerpool (an ERC-721 in the workerpool registry) and print its address')
    .addParam('description', 'Workerpool description')
    .addOptionalParam('owner', 'Owner of the workerpool, its scheduler (default: the signer)', undefined, address)
    .addOptionalParam('from', 'Account to send the transaction from (default: the first account)', undefined, address)
    .setAction(async (args: Args, hre) =>
        runTask('workerpool:create', async () => {
            if (args.description.trim() === '') throw new TaskError('--description must not be empty');
            const { signer, workerpoolRegistry } = await pocoContext(hre, args.from);
            const registry = WorkerpoolRegistry__factory.connect(workerpoolRegistry, signer);
            const owner = await ownerOrSigner(args.owner, signer);
            const params = { description: args.description };
            const predicted = await predictWorkerpool(registry, owner, params);
            if ((await hre.ethers.provider.getCode(predicted)) !== '0x') {
                throw new TaskError(`this workerpool already exists at ${predicted} (same owner and description)`);
            }
            const { address: workerpool, receipt } = await createWorkerpool(registry, owner, params);
            printFields({ workerpool, owner, tx: receipt.hash, gasUsed: receipt.gasUsed });
        }),
    );
