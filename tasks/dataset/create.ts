import { task } from 'hardhat/config';
import { DatasetRegistry__factory } from '../../typechain-types';
import { createDataset, predictDataset, type DatasetParams } from '../../sdk/assets';
import { ownerOrSigner, printFields } from '../lib/assets';
import { pocoContext } from '../lib/context';
import { runTask, TaskError } from '../lib/errors';
import { address, bytes32, bytesOrText } from '../lib/types';

interface Args {
    name: string;
    multiaddr: string;
    checksum: string;
    owner?: string;
    from?: string;
}

task('dataset:create', 'Register a dataset (an ERC-721 in the dataset registry) and print its address')
    .addParam('name', 'Dataset name')
    .addParam(
        'multiaddr',
        'Where the (encrypted) dataset is (text, e.g. an URL, or 0x-hex bytes)',
        undefined,
        bytesOrText,
    )
    .addParam('checksum', 'Checksum of the dataset (bytes32)', undefined, bytes32)
    .addOptionalParam('owner', 'Owner of the dataset (default: the signer)', undefined, address)
    .addOptionalParam('from', 'Account to send the transaction from (default: the first account)', undefined, address)
    .setAction(async (args: Args, hre) =>
        runTask('dataset:create', async () => {
            if (args.name.trim() === '') throw new TaskError('--name must not be empty');
            const { signer, datasetRegistry } = await pocoContext(hre, args.from);
            const registry = DatasetRegistry__factory.connect(datasetRegistry, signer);
            const owner = await ownerOrSigner(args.owner, signer);
            const params: DatasetParams = { name: args.name, multiaddr: args.multiaddr, checksum: args.checksum };
            const predicted = await predictDataset(registry, owner, params);
            if ((await hre.ethers.provider.getCode(predicted)) !== '0x') {
                throw new TaskError(`this dataset already exists at ${predicted} (same owner and fields)`);
            }
            const { address: dataset, receipt } = await createDataset(registry, owner, params);
            printFields({ dataset, owner, tx: receipt.hash, gasUsed: receipt.gasUsed });
        }),
    );
