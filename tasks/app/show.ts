import { task } from 'hardhat/config';
import { App__factory, AppRegistry__factory } from '../../typechain-types';
import { bytesForDisplay, printFields, requireRegistered } from '../lib/assets';
import { pocoContext } from '../lib/context';
import { runTask } from '../lib/errors';
import { address } from '../lib/types';

task('app:show', 'Show a registered app')
    .addPositionalParam('app', 'App address', undefined, address)
    .setAction(async (args: { app: string }, hre) =>
        runTask('app:show', async () => {
            const { signer, appRegistry } = await pocoContext(hre);
            await requireRegistered(AppRegistry__factory.connect(appRegistry, signer), 'app', args.app);
            const app = App__factory.connect(args.app, signer);
            printFields({
                app: args.app,
                owner: await app.owner(),
                name: await app.m_appName(),
                type: await app.m_appType(),
                multiaddr: bytesForDisplay(await app.m_appMultiaddr()),
                checksum: await app.m_appChecksum(),
                mrenclave: bytesForDisplay(await app.m_appMREnclave()),
                registry: await app.registry(),
            });
        }),
    );
