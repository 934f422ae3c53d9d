/**
 * `npm run demo` — the main job, on the embedded Hardhat network, with no setup: deploy PoCo with
 * the repository's own deploy scripts, register an app, a dataset and a workerpool through their
 * registries, and print what happened (addresses, owners, gas of every step).
 */
import { deployments, ethers, network } from 'hardhat';
import { keccak256, toUtf8Bytes } from 'ethers';
import { AppRegistry__factory, DatasetRegistry__factory, WorkerpoolRegistry__factory } from '../typechain-types';
import { readPocoAddresses } from '../sdk/addresses';
import { createApp, createDataset, createWorkerpool } from '../sdk/assets';
import { DeployIds, DeployTags } from '../sdk/deploy-ids';

interface Step {
    step: string;
    actor: string;
    gasUsed: bigint;
}

async function main() {
    const [deployer, appOwner, datasetOwner, scheduler] = await ethers.getSigners();
    const steps: Step[] = [];

    console.log(`PoCo demo on the embedded "${network.name}" network (chain ${network.config.chainId})\n`);

    const deployed = await deployments.fixture([DeployTags.Poco]);
    let deploymentGas = 0n;
    for (const deployment of Object.values(deployed)) {
        if (deployment.receipt) deploymentGas += BigInt(deployment.receipt.gasUsed.toString());
    }
    steps.push({
        step: `deploy (${Object.keys(deployed).length} contracts)`,
        actor: 'deployer',
        gasUsed: deploymentGas,
    });

    const addresses = await readPocoAddresses(deployer, deployed[DeployIds.Hub].address);
    console.log('Deployment');
    console.table({ ...addresses });

    const app = await createApp(AppRegistry__factory.connect(addresses.appRegistry, appOwner), appOwner.address, {
        name: 'hello-world',
        type: 'DOCKER',
        multiaddr: toUtf8Bytes('docker.io/poco/hello-world:1.0.0'),
        checksum: keccak256(toUtf8Bytes('hello-world image')),
        mrenclave: '0x',
    });
    steps.push({ step: 'createApp', actor: 'app owner', gasUsed: app.receipt.gasUsed });

    const dataset = await createDataset(
        DatasetRegistry__factory.connect(addresses.datasetRegistry, datasetOwner),
        datasetOwner.address,
        {
            name: 'weather-2026',
            multiaddr: toUtf8Bytes('https://datasets.example/weather-2026.zip.enc'),
            checksum: keccak256(toUtf8Bytes('weather-2026 encrypted archive')),
        },
    );
    steps.push({ step: 'createDataset', actor: 'dataset owner', gasUsed: dataset.receipt.gasUsed });

    const workerpool = await createWorkerpool(
        WorkerpoolRegistry__factory.connect(addresses.workerpoolRegistry, scheduler),
        scheduler.address,
        { description: 'demo workerpool' },
    );
    steps.push({ step: 'createWorkerpool', actor: 'scheduler', gasUsed: workerpool.receipt.gasUsed });

    console.log('\nAssets');
    console.table({
        app: { address: app.address, owner: appOwner.address },
        dataset: { address: dataset.address, owner: datasetOwner.address },
        workerpool: { address: workerpool.address, owner: scheduler.address },
    });

    console.log('\nGas per step');
    console.table(steps.map(({ step, actor, gasUsed }) => ({ step, actor, gasUsed: gasUsed.toLocaleString('en-US') })));
}

main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
