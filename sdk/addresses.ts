/**
 * Where a PoCo deployment lives: the hub address of a network (from the `deployments/` folder
 * hardhat-deploy writes) and the addresses the hub itself reports (token, registries).
 */
import { readFileSync, existsSync } from 'fs';
import { join } from 'path';
import type { ContractRunner } from 'ethers';
import { ConfigurationFacet__factory } from '../typechain-types';
import { DeployIds } from './deploy-ids';

export interface PocoAddresses {
    chainId: number;
    hub: string;
    /** The RLC token, or the zero address on a native-flavour hub. */
    token: string;
    appRegistry: string;
    datasetRegistry: string;
    workerpoolRegistry: string;
}

/**
 * The hub address recorded for a network in a hardhat-deploy `deployments/` folder, or
 * undefined if there is none.
 */
export function hubAddressFromDeployments(network: string, deploymentsDir = 'deployments'): string | undefined {
    const file = join(deploymentsDir, network, `${DeployIds.Hub}.json`);
    if (!existsSync(file)) return undefined;
    return (JSON.parse(readFileSync(file, 'utf8')) as { address: string }).address;
}

/** Read the addresses a hub reports about itself. */
export async function readPocoAddresses(runner: ContractRunner, hub: string): Promise<PocoAddresses> {
    const config = ConfigurationFacet__factory.connect(hub, runner);
    const provider = runner.provider;
    if (!provider) throw new Error('readPocoAddresses needs a runner with a provider');
    const [network, token, appRegistry, datasetRegistry, workerpoolRegistry] = await Promise.all([
        provider.getNetwork(),
        config.token(),
        config.appregistry(),
        config.datasetregistry(),
        config.workerpoolregistry(),
    ]);
    return { chainId: Number(network.chainId), hub, token, appRegistry, datasetRegistry, workerpoolRegistry };
}
