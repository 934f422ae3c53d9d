import { ZeroHash } from 'ethers';
import { task, types } from 'hardhat/config';
import { AppRegistry__factory } from '../../typechain-types';
import { createApp, predictApp, type AppParams } from '../../sdk/assets';
import { ownerOrSigner, printFields } from '../lib/assets';
import { pocoContext } from '../lib/context';
import { runTask, TaskError } from '../lib/errors';
import { address, bytes32, bytesOrText } from '../lib/types';

interface Args {
    name: string;
    type: string;
    multiaddr: string;
    checksum: string;
    mrenclave: string;
    owner?: string;
    from?: string;
}

task('app:create', 'Register an app (an ERC-721 in the app registry) and print its address')
    .addParam('name', 'App name')
    .addOptionalParam('type', 'App type (the iexec SDK accepts DOCKER only)', 'DOCKER', types.string)
    .addParam(
        'multiaddr',
        'Where the image is (text, e.g. docker.io/org/app:1.0.0, or 0x-hex bytes)',
        undefined,
        bytesOrText,
    )
    .addOptionalParam('checksum', 'Image checksum (bytes32)', ZeroHash, bytes32)
    .addOptionalParam(
        'mrenclave',
        'TEE enclave description (text or 0x-hex); empty for a standard app',
        '0x',
        bytesOrText,
    )
    .addOptionalParam('owner', 'Owner of the app (default: the signer)', undefined, address)
    .addOptionalParam('from', 'Account to send the transaction from (default: the first account)', undefined, address)
    .setAction(async (args: Args, hre) =>
        runTask('app:create', async () => {
            if (args.name.trim() === '') throw new TaskError('--name must not be empty');
            if (args.type.trim() === '') throw new TaskError('--type must not be empty');
            const { signer, appRegistry } = await pocoContext(hre, args.from);
            const registry = AppRegistry__factory.connect(appRegistry, signer);
            const owner = await ownerOrSigner(args.owner, signer);
            const params: AppParams = {
                name: args.name,
                type: args.type,
                multiaddr: args.multiaddr,
                checksum: args.checksum,
                mrenclave: args.mrenclave,
            };
            const predicted = await predictApp(registry, owner, params);
            if ((await hre.ethers.provider.getCode(predicted)) !== '0x') {
                throw new TaskError(`this app already exists at ${predicted} (same owner and fields)`);
            }
            const { address: app, receipt } = await createApp(registry, owner, params);
            printFields({ app, owner, tx: receipt.hash, gasUsed: receipt.gasUsed });
        }),
    );
