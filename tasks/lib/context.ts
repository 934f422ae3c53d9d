import type { HardhatEthersSigner } from '@nomicfoundation/hardhat-ethers/signers';
import type { Signer } from 'ethers';
import type { HardhatRuntimeEnvironment } from 'hardhat/types';
import { readPocoAddresses, type PocoAddresses } from '../../sdk/addresses';
import { DeployIds } from '../../sdk/deploy-ids';
import { TaskError } from './errors';

/** The PoCo deployment of the selected network, as tasks need it. */
export interface PocoContext extends PocoAddresses {
    signer: Signer;
}

/**
 * The hub of the selected network (from its hardhat-deploy deployment) with the addresses it
 * reports, and the signer to act with: `from` if given (it must be one of the network's
 * accounts), else the first account.
 */
export async function pocoContext(hre: HardhatRuntimeEnvironment, from?: string): Promise<PocoContext> {
    const hub = await hre.deployments.getOrNull(DeployIds.Hub);
    if (!hub) {
        throw new TaskError(
            `no PoCo deployment on network "${hre.network.name}": run \`npx hardhat deploy --network ${hre.network.name}\` first`,
        );
    }
    const signer = await signerFor(hre, from);
    return { ...(await readPocoAddresses(signer, hub.address)), signer };
}

/**
 * The signer to act with: `from` if given (it must be one of the network's accounts), else the
 * first account.
 */
export async function signerFor(hre: HardhatRuntimeEnvironment, from?: string): Promise<HardhatEthersSigner> {
    const signers = await hre.ethers.getSigners();
    const signer = from === undefined ? signers[0] : signers.find((s) => s.address === from);
    if (signer === undefined) {
        throw new TaskError(
            from === undefined
                ? `network "${hre.network.name}" has no account to sign with`
                : `--from ${from} is not an account of network "${hre.network.name}"`,
        );
    }
    return signer;
}
