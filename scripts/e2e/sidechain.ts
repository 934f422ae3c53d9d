/**
 * `npm run e2e:sidechain`: the native flavour on a real (local) PoA-sidechain-like chain.
 *
 * 1. starts `hardhat node` on loopback as the sidechain: its chain id, the Berlin EVM, gas price 0
 *    (`POCO_HARDHAT_PROFILE=sidechain`, see `sdk/networks.ts`);
 * 2. deploys the native flavour to it with the repository's deploy scripts (`--network
 *    sidechainLocal`), then runs them again and checks that nothing changed;
 * 3. runs the flow of `sidechain-flow.ts` against it through `sdk/`;
 * 4. stops the node; exits non-zero on any failure.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { HDNodeWallet } from 'ethers';
import { HARDHAT_MNEMONIC } from '../../sdk/networks';
import { rpc, run, startNode } from './node';

const PORT = Number(process.env.E2E_SIDECHAIN_PORT ?? 8645);

async function main() {
    // The throw-away deployment is recorded outside the checkout (POCO_DEPLOYMENTS_DIR).
    const deploymentsDir = mkdtempSync(join(tmpdir(), 'poco-e2e-sidechain-'));
    console.log(`Starting a Berlin, zero-gas-price chain on 127.0.0.1:${PORT}`);
    const node = await startNode(PORT, { POCO_HARDHAT_PROFILE: 'sidechain' });
    const env = { SIDECHAIN_LOCAL_RPC_URL: node.url, POCO_DEPLOYMENTS_DIR: deploymentsDir };
    try {
        await run('npx', ['hardhat', 'deploy', '--network', 'sidechainLocal'], env);
        // A second run of the deploy scripts must send nothing.
        const deployer = HDNodeWallet.fromPhrase(HARDHAT_MNEMONIC).address;
        const nonce = await rpc(node.url, 'eth_getTransactionCount', [deployer, 'latest']);
        await run('npx', ['hardhat', 'deploy', '--network', 'sidechainLocal'], env);
        if ((await rpc(node.url, 'eth_getTransactionCount', [deployer, 'latest'])) !== nonce) {
            throw new Error('the second deployment sent transactions: the deploy scripts are not idempotent');
        }
        console.log('second deployment: nothing to do');
        await run('npx', ['hardhat', 'run', '--network', 'sidechainLocal', 'scripts/e2e/sidechain-flow.ts'], env);
    } finally {
        await node.stop();
        rmSync(deploymentsDir, { recursive: true, force: true });
    }
    console.log('e2e:sidechain passed');
}

main().catch((error) => {
    console.error(`e2e:sidechain FAILED: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
});
