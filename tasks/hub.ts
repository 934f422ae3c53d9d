/**
 * What every task that talks to the hub needs: the hub address (the network's `PocoDiamond`
 * deployment, or an explicit `--hub`) and the signer to act as.
 */
import type { HardhatRuntimeEnvironment } from 'hardhat/types';
import type { HardhatEthersSigner } from '@nomicfoundation/hardhat-ethers/signers';
import { DeployIds } from '../sdk/deploy-ids';
import { taskError } from './types';

/** The hub to talk to: `explicit`, or the network's deployment; it must have code. */
export async function resolveHub(hre: HardhatRuntimeEnvironment, explicit?: string): Promise<string> {
    let hub = explicit;
    if (hub === undefined) {
        const deployment = await hre.deployments.getOrNull(DeployIds.Hub);
        if (!deployment) {
            throw taskError(
                `No PoCo hub is deployed on network "${hre.network.name}": deploy one ` +
                    `(npx hardhat deploy --network ${hre.network.name}) or pass --hub <address>`,
            );
        }
        hub = deployment.address;
    }
    if ((await hre.ethers.provider.getCode(hub)) === '0x') {
        throw taskError(`No contract at ${hub} on network "${hre.network.name}"`);
    }
    return hub;
}

/** The signer `from` (default: the network's first account). */
export async function resolveSigner(hre: HardhatRuntimeEnvironment, from?: string): Promise<HardhatEthersSigner> {
    const signers = await hre.ethers.getSigners();
    if (signers.length === 0) {
        throw taskError(`Network "${hre.network.name}" has no account to sign with (set DEPLOYER_PRIVATE_KEY)`);
    }
    if (from === undefined) return signers[0];
    const signer = signers.find((s) => s.address.toLowerCase() === from.toLowerCase());
    if (signer === undefined) throw taskError(`${from} is not an account of network "${hre.network.name}"`);
    return signer;
}

/** The one line a failed transaction is reported with. */
export function describeFailure(action: string, error: unknown): Error {
    const e = error as { shortMessage?: string; message?: string };
    const reason = (e.shortMessage ?? e.message ?? String(error)).split('\n')[0];
    return taskError(`${action} failed: ${reason}`);
}
