import { task } from 'hardhat/config';
import { pocoContext } from '../lib/context';
import { runTask } from '../lib/errors';

task('poco:addresses', 'Print the addresses of the PoCo deployment of the selected network as JSON').setAction(
    async (_args, hre) =>
        runTask('poco:addresses', async () => {
            const { chainId, hub, token, appRegistry, datasetRegistry, workerpoolRegistry } = await pocoContext(hre);
            console.log(JSON.stringify({ chainId, hub, token, appRegistry, datasetRegistry, workerpoolRegistry }));
        }),
);
