/**
 * The flow `npm run e2e:sidechain` runs against the local sidechain (network `sidechainLocal`,
 * native flavour): every step through `sdk/`, every balance checked; throws on any difference.
 */
import { deployments, ethers, network } from 'hardhat';
import { strict as assert } from 'assert';
import { DeployIds } from '../../sdk/deploy-ids';
import { readPocoAddresses } from '../../sdk/addresses';
import { accountOf, backingOf, deposit, withdraw } from '../../sdk/escrow';
import { NRLC_PER_RLC, nRLCToWei } from '../../sdk/units';

async function main() {
    const chain = await ethers.provider.getNetwork();
    const block = await ethers.provider.getBlock('latest');
    assert.equal(block?.baseFeePerGas ?? null, null, 'the sidechain runs Berlin: blocks have no base fee');
    const [, requester] = await ethers.getSigners();
    const hub = (await deployments.get(DeployIds.Hub)).address;
    const addresses = await readPocoAddresses(requester, hub);
    assert.equal(addresses.token, ethers.ZeroAddress, 'the sidechain hub is native-flavoured');
    console.log(`${network.name} (chain ${chain.chainId}): hub ${hub}, native flavour`);

    const amount = 5n * NRLC_PER_RLC;
    const walletBefore = await ethers.provider.getBalance(requester.address);
    const [depositReceipt] = await deposit(requester, hub, amount);
    assert.equal(depositReceipt.gasPrice, 0n, 'transactions cost no gas on the sidechain');
    assert.deepEqual(await accountOf(requester, hub, requester.address), { free: amount, frozen: 0n });
    assert.equal(await ethers.provider.getBalance(requester.address), walletBefore - nRLCToWei(amount));
    console.log(`deposit: ${amount} nRLC credited to ${requester.address}`);

    await withdraw(requester, hub, amount);
    assert.deepEqual(await accountOf(requester, hub, requester.address), { free: 0n, frozen: 0n });
    assert.equal(await ethers.provider.getBalance(requester.address), walletBefore);
    console.log(`withdraw: ${amount} nRLC paid back in the native coin`);

    const backing = await backingOf(requester, hub);
    assert.equal(backing.held, nRLCToWei(backing.totalSupply), 'the hub holds exactly what it owes');
}

main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
