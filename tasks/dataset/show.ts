import { task } from 'hardhat/config';
import { Dataset__factory, DatasetRegistry__factory } from '../../typechain-types';
import { bytesForDisplay, printFields, requireRegistered } from '../lib/assets';
import { pocoContext } from '../lib/context';
import { runTask } from '../lib/errors';
import { address } from '../lib/types';

task('dataset:show', 'Show a registered dataset')
    .addPositionalParam('dataset', 'Dataset address', undefined, address)
    .setAction(async (args: { dataset: string }, hre) =>
        runTask('dataset:show', async () => {
            const { signer, datasetRegistry } = await pocoContext(hre);
            await requireRegistered(DatasetRegistry__factory.connect(datasetRegistry, signer), 'dataset', args.dataset);
            const dataset = Dataset__factory.connect(args.dataset, signer);
            printFields({
                dataset: args.dataset,
                owner: await dataset.owner(),
                name: await dataset.m_datasetName(),
                multiaddr: bytesForDisplay(await dataset.m_datasetMultiaddr()),
                checksum: await dataset.m_datasetChecksum(),
                registry: await dataset.registry(),
            });
        }),
    );
