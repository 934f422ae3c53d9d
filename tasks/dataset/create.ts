import { task } from 'hardhat/config';
import { DatasetRegistry__factory } from '../../typechain-types';
import { createDataset, predictDataset, type DatasetParams } from '../../sdk/assets';
import { fileChecksum } from '../../sdk/dataset-crypto';
import { requireFile } from '../lib/files';
import { ownerOrSigner, printFields } from '../lib/assets';
import { pocoContext } from '../lib/context';
import { runTask, TaskError } from '../lib/errors';
import { address, bytes32, bytesOrText } from '../lib/types';

interface Args {
    name: string;
    multiaddr: string;
    checksum?: string;
    file?: string;
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
    .addOptionalParam('checksum', 'Checksum of the dataset (bytes32); or give --file', undefined, bytes32)
    .addOptionalParam('file', 'The (encrypted) dataset file: its sha256 is the checksum; or give --checksum')
    .addOptionalParam('owner', 'Owner of the dataset (default: the signer)', undefined, address)
    .addOptionalParam('from', 'Account to send the transaction from (default: the first account)', undefined, address)
    .setAction(async (args: Args, hre) =>
        runTask('dataset:create', async () => {
            if (args.name.trim() === '') throw new TaskError('--name must not be empty');
            if ((args.checksum === undefined) === (args.file === undefined)) {
                throw new TaskError(
                    args.file === undefined
                        ? 'give --checksum or --file (the encrypted dataset file, whose sha256 is registered)'
                        : 'give --checksum or --file, not both',
                );
            }
            let checksum = args.checksum;
            if (args.file !== undefined) {
                await requireFile(args.file, 'file');
                checksum = await fileChecksum(args.file);
            }
            const { signer, datasetRegistry } = await pocoContext(hre, args.from);
            const registry = DatasetRegistry__factory.connect(datasetRegistry, signer);
            const owner = await ownerOrSigner(args.owner, signer);
            const params: DatasetParams = { name: args.name, multiaddr: args.multiaddr, checksum: checksum! };
            const predicted = await predictDataset(registry, owner, params);
            if ((await hre.ethers.provider.getCode(predicted)) !== '0x') {
                throw new TaskError(`this dataset already exists at ${predicted} (same owner and fields)`);
            }
            const { address: dataset, receipt } = await createDataset(registry, owner, params);
            printFields({ dataset, owner, checksum: checksum!, tx: receipt.hash, gasUsed: receipt.gasUsed });
        }),
    );
