/**
 * The protocol fixtures: a PoCo deployment made by the repository's own deploy scripts (the
 * `deploy/` folder, exactly as `npx hardhat deploy` runs them), in either flavour, with typed
 * handles on the hub and the registries. Snapshotted: each test starts from a fresh copy.
 */
import { deployments, ethers, network } from 'hardhat';
import {
    AppRegistry__factory,
    ConfigurationFacet__factory,
    DatasetRegistry__factory,
    DiamondCutFacet__factory,
    DiamondLoupeFacet__factory,
    OwnershipFacet__factory,
    RLC__factory,
    WorkerpoolRegistry__factory,
} from '../../typechain-types';
import { DeployIds } from '../../sdk/deploy-ids';
import type { Flavour, PocoNetworkConfig } from '../../sdk/networks';

/** What a test may change in the hardhat network's PoCo settings before deploying. */
export interface DeployOptions {
    flavour: Flavour;
    /** Final owner of the hub and the registries (default: the deployer). */
    owner?: string;
}

/**
 * Run the deploy scripts with the hardhat network configured as `options` says: from scratch
 * (`fresh`), or over the deployment in memory, as a second `npx hardhat deploy` would.
 */
export async function runDeployScripts({ flavour, owner }: DeployOptions, fresh: boolean) {
    const config = network.config.poco as PocoNetworkConfig;
    const original = { ...config };
    Object.assign(config, { flavour, owner, token: flavour === 'token' ? 'deploy' : undefined });
    try {
        await deployments.run(undefined, {
            resetMemory: fresh,
            deletePreviousDeployments: fresh,
            writeDeploymentsToFiles: false,
        });
    } finally {
        Object.assign(config, original);
    }
}

/**
 * A whole PoCo deployment of the given flavour (token by default), as the deploy scripts make it,
 * deployed afresh (no snapshot): for fixtures of `loadFixture`, which must not revert the chain
 * to a snapshot older than its own (hardhat-deploy's `createFixture` would).
 */
export async function deployPocoFresh(options?: DeployOptions) {
    const flavour = options?.flavour ?? 'token';
    await runDeployScripts({ flavour, owner: options?.owner }, true);
    const signers = await ethers.getSigners();
    const [deployer] = signers;
    const hubAddress = (await deployments.get(DeployIds.Hub)).address;
    const rlc = await deployments.getOrNull(DeployIds.RLC);
    return {
        flavour,
        deployer,
        signers,
        hubAddress,
        hub: {
            cut: DiamondCutFacet__factory.connect(hubAddress, deployer),
            loupe: DiamondLoupeFacet__factory.connect(hubAddress, deployer),
            ownership: OwnershipFacet__factory.connect(hubAddress, deployer),
            configuration: ConfigurationFacet__factory.connect(hubAddress, deployer),
        },
        rlc: flavour === 'token' && rlc ? RLC__factory.connect(rlc.address, deployer) : undefined,
        appRegistry: AppRegistry__factory.connect((await deployments.get(DeployIds.AppRegistry)).address, deployer),
        datasetRegistry: DatasetRegistry__factory.connect(
            (await deployments.get(DeployIds.DatasetRegistry)).address,
            deployer,
        ),
        workerpoolRegistry: WorkerpoolRegistry__factory.connect(
            (await deployments.get(DeployIds.WorkerpoolRegistry)).address,
            deployer,
        ),
    };
}

/** {@link deployPocoFresh}, snapshotted by hardhat-deploy: each call starts from a fresh copy. */
export const deployPoco = deployments.createFixture((_hre, options?: DeployOptions) => deployPocoFresh(options));
