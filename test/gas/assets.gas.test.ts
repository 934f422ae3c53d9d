import { expect } from 'chai';
import { toUtf8Bytes } from 'ethers';
import { createApp, createDataset, createWorkerpool } from '../../sdk/assets';
import { checkSnapshot, recordGas } from '../helpers/gas';
import { deployGasMarket } from '../helpers/market';

/**
 * Gas of creating assets through the registries (receipt `gasUsed`), with the fields the iexec SDK
 * sends, on the real deployment at fixed addresses. Upper bounds leave a margin over the figures
 * recorded in `gas/snapshot.json`.
 */
const BOUNDS = { createApp: 285_000n, createDataset: 280_000n, createWorkerpool: 230_000n };

describe('Asset creation gas', function () {
    after(function () {
        checkSnapshot('gasUsed');
    });

    it(`creates an app for at most ${BOUNDS.createApp} gas`, async function () {
        const { appRegistry, actors } = await deployGasMarket();
        const { receipt } = await createApp(appRegistry.connect(actors.appOwner), actors.appOwner.address, {
            name: 'my-app',
            type: 'DOCKER',
            multiaddr: toUtf8Bytes('docker.io/iexechub/python-hello-world:8.0.0'),
            checksum: '0x' + 'ab'.repeat(32),
            mrenclave: '0x',
        });
        expect(recordGas('createApp', receipt)).to.be.at.most(BOUNDS.createApp);
    });

    it(`creates a dataset for at most ${BOUNDS.createDataset} gas`, async function () {
        const { datasetRegistry, actors } = await deployGasMarket();
        const { receipt } = await createDataset(
            datasetRegistry.connect(actors.datasetOwner),
            actors.datasetOwner.address,
            {
                name: 'my-dataset',
                multiaddr: toUtf8Bytes('ipfs://QmW2WQi7j6c7UgJTarActp7tDNikE4B2qXtFCfLPdsgaTQ'),
                checksum: '0x' + 'cd'.repeat(32),
            },
        );
        expect(recordGas('createDataset', receipt)).to.be.at.most(BOUNDS.createDataset);
    });

    it(`creates a workerpool for at most ${BOUNDS.createWorkerpool} gas`, async function () {
        const { workerpoolRegistry, actors } = await deployGasMarket();
        const { receipt } = await createWorkerpool(
            workerpoolRegistry.connect(actors.scheduler),
            actors.scheduler.address,
            { description: 'my-workerpool' },
        );
        expect(recordGas('createWorkerpool', receipt)).to.be.at.most(BOUNDS.createWorkerpool);
    });
});
