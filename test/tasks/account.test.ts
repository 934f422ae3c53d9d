import { expect } from 'chai';
import hre from 'hardhat';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { Wallet } from 'ethers';
import { DeployIds } from '../../sdk/deploy-ids';
import type { Flavour } from '../../sdk/networks';
import { NRLC_PER_RLC } from '../../sdk/units';
import { hubFixture } from '../helpers/hub';
import { escrowDriver } from '../helpers/escrow';

/** Run a task, returning its result and what it printed. */
async function run(task: string, args: Record<string, unknown>) {
    const printed: string[] = [];
    const log = console.log;
    console.log = (...parts: unknown[]) => void printed.push(parts.join(' '));
    try {
        const result = await hre.run(task, args);
        return { result, output: printed.join('\n') };
    } finally {
        console.log = log;
    }
}

/**
 * The `account:*` tasks on both flavours. The full hardhat-deploy fixture needs the registries,
 * which are not on this branch yet: the tests pass the hub of the direct fixture with `--hub`.
 */
describe('account tasks', function () {
    before(function () {
        // Tasks are not loaded when SKIP_TASKS is set.
        if (hre.tasks['account:deposit'] === undefined) this.skip();
    });

    for (const flavour of ['token', 'native'] as const satisfies readonly Flavour[]) {
        describe(`on the ${flavour} flavour`, function () {
            async function fixture() {
                const hub = await loadFixture(hubFixture(flavour));
                const [alice, bob] = hub.accounts;
                return { ...hub, driver: escrowDriver(hub), alice, bob };
            }

            it('deposits, shows and withdraws, in RLC or nRLC', async function () {
                const { hub, hubAddress, driver, alice } = await fixture();
                const wallet = await driver.walletOf(alice.address);

                const deposited = await run('account:deposit', {
                    amount: '1.5',
                    unit: 'RLC',
                    hub: hubAddress,
                    from: alice.address,
                });
                expect(deposited.result).to.include({ flavour, free: 1_500_000_000n, frozen: 0n });
                expect(deposited.output).to.include('Deposited 1.5 RLC (1500000000 nRLC)');
                expect(await hub.erc20.balanceOf(alice.address)).to.equal(1_500_000_000n);

                await hub.harness.harnessLock(alice.address, 200_000_000n);
                const shown = await run('account:show', { account: alice.address, hub: hubAddress });
                expect(shown.result).to.include({ free: 1_300_000_000n, frozen: 200_000_000n });
                expect(shown.output).to.include('free:   1.3 RLC (1300000000 nRLC)');
                expect(shown.output).to.include('frozen: 0.2 RLC (200000000 nRLC)');

                const withdrawn = await run('account:withdraw', {
                    amount: '300000000',
                    unit: 'nRLC',
                    hub: hubAddress,
                    from: alice.address,
                });
                expect(withdrawn.result).to.include({ free: 1_000_000_000n, frozen: 200_000_000n });
                // Fees aside (native), the wallet paid 1.2 RLC in all.
                const spent = wallet - (await driver.walletOf(alice.address));
                if (flavour === 'token') expect(spent).to.equal(driver.toAsset(1_200_000_000n));
                else expect(spent >= driver.toAsset(1_200_000_000n)).to.equal(true);
            });

            it('deposits for another account and withdraws to another account', async function () {
                const { hub, hubAddress, driver, alice, bob } = await fixture();
                await run('account:deposit', {
                    amount: '2',
                    unit: 'RLC',
                    target: bob.address,
                    hub: hubAddress,
                    from: alice.address,
                });
                expect(await hub.erc20.balanceOf(bob.address)).to.equal(2n * NRLC_PER_RLC);
                const receiver = Wallet.createRandom().address;
                await run('account:withdraw', {
                    amount: '1',
                    unit: 'RLC',
                    to: receiver,
                    hub: hubAddress,
                    from: bob.address,
                });
                expect(await driver.walletOf(receiver)).to.equal(driver.toAsset(NRLC_PER_RLC));
                expect(await hub.erc20.balanceOf(bob.address)).to.equal(NRLC_PER_RLC);
            });

            it('refuses to withdraw beyond the free balance, saying what is free and frozen', async function () {
                const { hubAddress, alice } = await fixture();
                await run('account:deposit', { amount: '1', unit: 'RLC', hub: hubAddress, from: alice.address });
                await expect(
                    run('account:withdraw', { amount: '2', unit: 'RLC', hub: hubAddress, from: alice.address }),
                ).to.be.rejectedWith(/Cannot withdraw 2\.0 RLC .*free balance .* is 1\.0 RLC/);
            });
        });
    }

    describe('argument checks', function () {
        it('rejects malformed amounts and units with one line', async function () {
            const { hubAddress } = await loadFixture(hubFixture('token'));
            await expect(
                run('account:deposit', { amount: '1.0000000001', unit: 'RLC', hub: hubAddress }),
            ).to.be.rejectedWith(
                'Invalid amount "1.0000000001": expected a non-negative number of RLC with at most 9 decimals',
            );
            await expect(run('account:deposit', { amount: '1.5', unit: 'nRLC', hub: hubAddress })).to.be.rejectedWith(
                'Invalid amount "1.5": expected a non-negative whole number of nRLC',
            );
            await expect(run('account:withdraw', { amount: '-1', unit: 'nRLC', hub: hubAddress })).to.be.rejectedWith(
                'Invalid amount "-1"',
            );
            await expect(run('account:deposit', { amount: '1', unit: 'ETH', hub: hubAddress })).to.be.rejectedWith(
                'Unknown unit "ETH": use RLC or nRLC',
            );
        });

        it('rejects a malformed address', async function () {
            await expect(run('account:show', { hub: '0x12' })).to.be.rejectedWith('--hub: "0x12" is not an address');
        });

        it('says when the network has no deployment and no hub is given', async function () {
            await hre.deployments.delete(DeployIds.Hub);
            await expect(run('account:show', {})).to.be.rejectedWith(
                'no PoCo deployment on network "hardhat": run `npx hardhat deploy --network hardhat` first, or pass --hub <address>',
            );
        });

        it('says when there is no contract at the hub address', async function () {
            const nowhere = Wallet.createRandom().address;
            await expect(run('account:show', { hub: nowhere })).to.be.rejectedWith(
                `no contract at ${nowhere} on network "hardhat"`,
            );
        });

        it('says when the paying account is not one of the network', async function () {
            const { hubAddress } = await loadFixture(hubFixture('token'));
            const stranger = Wallet.createRandom().address;
            await expect(
                run('account:deposit', { amount: '1', unit: 'nRLC', hub: hubAddress, from: stranger }),
            ).to.be.rejectedWith(`${stranger} is not an account of network "hardhat"`);
        });

        it('reports a failed transaction in one line', async function () {
            const { hubAddress, accounts } = await loadFixture(hubFixture('token'));
            // The 8th account holds no RLC.
            await expect(
                run('account:deposit', { amount: '1', unit: 'nRLC', hub: hubAddress, from: accounts[7].address }),
            ).to.be.rejectedWith(
                /^Depositing 0\.000000001 RLC \(1 nRLC\) failed: .*ERC20: transfer amount exceeds balance/,
            );
        });
    });
});
