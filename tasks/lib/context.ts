import type { HardhatEthersSigner } from '@nomicfoundation/hardhat-ethers/signers';
import type { HardhatRuntimeEnvironment } from 'hardhat/types';
import { readPocoAddresses, type PocoAddresses } from '../../sdk/addresses';
import { DeployIds } from '../../sdk/deploy-ids';
import { TaskError } from './errors';

/** The PoCo deployment of the selected network, as tasks need it. */
export interface PocoContext extends PocoAddresses {
    signer: HardhatEthersSigner;
}

/**
 * The hub to talk to: `explicit` (a `--hub` parameter), else the network's hardhat-deploy
 * deployment. It must have code.
 */
export async function resolveHub(hre: HardhatRuntimeEnvironment, explicit?: string): Promise<string> {
    let hub = explicit;
    if (hub === undefined) {
        const deployment = await hre.deployments.getOrNull(DeployIds.Hub);
        if (!deployment) {
            throw new TaskError(
                `no PoCo deployment on network "${hre.network.name}": run \`npx hardhat deploy --network ${hre.network.name}\` first, or pass --hub <address>`,
            );
        }
        hub = deployment.address;
    }
    if ((await hre.ethers.provider.getCode(hub)) === '0x') {
        throw new TaskError(`no contract at ${hub} on network "${hre.network.name}"`);
    }
    return hub;
}

/** The signer `from` (it must be one of the network's accounts), else the network's first account. */
export async function resolveSigner(hre: HardhatRuntimeEnvironment, from?: string): Promise<HardhatEthersSigner> {
    const signers = await hre.ethers.getSigners();
    if (signers.length === 0) {
        throw new TaskError(`network "${hre.network.name}" has no account to sign with (set DEPLOYER_PRIVATE_KEY)`);
    }
    if (from === undefined) return signers[0];
    const signer = signers.find((s) => s.address.toLowerCase() === from.toLowerCase());
    if (signer === undefined) throw new TaskError(`--from ${from} is not an account of network "${hre.network.name}"`);
    return signer;
}

/** The hub of the selected network with the addresses it reports, and the signer to act with. */
export async function pocoContext(hre: HardhatRuntimeEnvironment, from?: string, hub?: string): Promise<PocoContext> {
    const hubAddress = await resolveHub(hre, hub);
    const signer = await resolveSigner(hre, from);
    return { ...(await readPocoAddresses(signer, hubAddress)), signer };
}
