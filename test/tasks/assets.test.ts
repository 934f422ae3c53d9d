import { expect } from 'chai';
import { ethers } from 'hardhat';
import { keccak256, toUtf8Bytes, ZeroAddress } from 'ethers';
import { App__factory, Workerpool__factory } from '../../typechain-types';
import { deployPoco } from '../helpers/fixtures';
import { parseFields, runTaskCapturing } from '../helpers/tasks';
import { address, bytes32, bytesOrText, uint } from '../../tasks/lib/types';

describe('Asset tasks', function () {
    const checksum = keccak256(toUtf8Bytes('image'));

    describe('poco:addresses', function () {
        it('prints the deployment addresses as one JSON object', async function () {
            const { hubAddress, rlc, appRegistry, datasetRegistry, workerpoolRegistry } = await deployPoco();
            const printed = JSON.parse(await runTaskCapturing('poco:addresses'));
            expect(printed).to.deep.equal({
                chainId: 31337,
                hub: hubAddress,
                token: await rlc!.getAddress(),
                appRegistry: await appRegistry.getAddress(),
                datasetRegistry: await datasetRegistry.getAddress(),
                workerpoolRegistry: await workerpoolRegistry.getAddress(),
            });
        });

        it('prints the zero address as token on a native-flavour deployment', async function () {
            await deployPoco({ flavour: 'native' });
            expect(JSON.parse(await runTaskCapturing('poco:addresses')).token).to.equal(ZeroAddress);
        });
    });

    describe('app:create and app:show', function () {
        it('registers an app for the signer and shows every field back', async function () {
            const { appRegistry, deployer } = await deployPoco();
            const created = parseFields(
                await runTaskCapturing('app:create', {
                    name: 'my-app',
                    type: 'DOCKER',
                    multiaddr: bytesOrText.parse('multiaddr', 'docker.io/me/my-app:1.0.0'),
                    checksum,
                    mrenclave: '0x',
                }),
            );
            expect(await appRegistry.isRegistered(created.app)).to.equal(true);
            expect(created.owner).to.equal(deployer.address);
            const shown = parseFields(await runTaskCapturing('app:show', { app: created.app }));
            expect(shown).to.include({
                owner: deployer.address,
                name: 'my-app',
                type: 'DOCKER',
                multiaddr: 'docker.io/me/my-app:1.0.0',
                checksum,
                registry: await appRegistry.getAddress(),
            });
        });

        it('registers an app for another owner with --owner', async function () {
            const { signers } = await deployPoco();
            const owner = signers[3].address;
            const created = parseFields(
                await runTaskCapturing('app:create', {
                    name: 'theirs',
                    type: 'DOCKER',
                    multiaddr: '0x1234',
                    checksum,
                    mrenclave: '0x',
                    owner,
                }),
            );
            expect(await App__factory.connect(created.app, ethers.provider).owner()).to.equal(owner);
        });

        it('fails with one line when the same app exists already', async function () {
            await deployPoco();
            const args = { name: 'twice', type: 'DOCKER', multiaddr: '0x12', checksum, mrenclave: '0x' };
            await runTaskCapturing('app:create', args);
            await expect(runTaskCapturing('app:create', args)).to.be.rejectedWith(/this app already exists at 0x/);
        });

        it('fails with one line on an empty name', async function () {
            await deployPoco();
            await expect(
                runTaskCapturing('app:create', {
                    name: ' ',
                    type: 'DOCKER',
                    multiaddr: '0x12',
                    checksum,
                    mrenclave: '0x',
                }),
            ).to.be.rejectedWith('--name must not be empty');
        });

        it('refuses to show an address that is not a registered app', async function () {
            const { deployer } = await deployPoco();
            await expect(runTaskCapturing('app:show', { app: deployer.address })).to.be.rejectedWith(
                `${deployer.address} is not a registered app`,
            );
        });
    });

    describe('dataset:create and dataset:show', function () {
        it('registers a dataset and shows it back', async function () {
            const { datasetRegistry, deployer } = await deployPoco();
            const created = parseFields(
                await runTaskCapturing('dataset:create', {
                    name: 'my-data',
                    multiaddr: bytesOrText.parse('multiaddr', 'https://host/data.zip'),
                    checksum,
                }),
            );
            expect(await datasetRegistry.isRegistered(created.dataset)).to.equal(true);
            expect(parseFields(await runTaskCapturing('dataset:show', { dataset: created.dataset }))).to.include({
                owner: deployer.address,
                name: 'my-data',
                multiaddr: 'https://host/data.zip',
                checksum,
            });
        });

        it('refuses to show an address that is not a registered dataset', async function () {
            const { hubAddress } = await deployPoco();
            await expect(runTaskCapturing('dataset:show', { dataset: hubAddress })).to.be.rejectedWith(
                'is not a registered dataset',
            );
        });
    });

    describe('workerpool:create, workerpool:show and workerpool:configure', function () {
        async function withWorkerpool() {
            const fixture = await deployPoco();
            const created = parseFields(await runTaskCapturing('workerpool:create', { description: 'my pool' }));
            return { ...fixture, workerpool: created.workerpool };
        }

        it('registers a workerpool with the default policy and shows it back', async function () {
            const { workerpoolRegistry, workerpool, deployer } = await withWorkerpool();
            expect(await workerpoolRegistry.isRegistered(workerpool)).to.equal(true);
            expect(parseFields(await runTaskCapturing('workerpool:show', { workerpool }))).to.include({
                owner: deployer.address,
                description: 'my pool',
                workerStakeRatioPolicy: '30',
                schedulerRewardRatioPolicy: '1',
            });
        });

        it('changes one ratio and keeps the other', async function () {
            const { workerpool } = await withWorkerpool();
            await runTaskCapturing('workerpool:configure', { workerpool, schedulerRewardRatio: 5n });
            const pool = Workerpool__factory.connect(workerpool, ethers.provider);
            expect(await pool.m_schedulerRewardRatioPolicy()).to.equal(5n);
            expect(await pool.m_workerStakeRatioPolicy()).to.equal(30n);
        });

        it('rejects a scheduler reward ratio above 100 before sending anything', async function () {
            const { workerpool } = await withWorkerpool();
            await expect(
                runTaskCapturing('workerpool:configure', { workerpool, schedulerRewardRatio: 101n }),
            ).to.be.rejectedWith('--scheduler-reward-ratio must be at most 100');
        });

        it('rejects a signer that does not own the workerpool', async function () {
            const { workerpool, signers } = await withWorkerpool();
            await expect(
                runTaskCapturing('workerpool:configure', {
                    workerpool,
                    workerStakeRatio: 40n,
                    from: signers[2].address,
                }),
            ).to.be.rejectedWith(`${signers[2].address} is not the owner of this workerpool`);
        });

        it('asks for at least one ratio', async function () {
            const { workerpool } = await withWorkerpool();
            await expect(runTaskCapturing('workerpool:configure', { workerpool })).to.be.rejectedWith(
                'give --worker-stake-ratio and/or --scheduler-reward-ratio',
            );
        });
    });

    describe('argument types', function () {
        it('parse valid values and reject invalid ones with the argument name', function () {
            expect(address.parse('owner', '0x' + 'ab'.repeat(20))).to.equal(ethers.getAddress('0x' + 'ab'.repeat(20)));
            expect(() => address.parse('owner', '0x12')).to.throw('--owner: "0x12" is not an address');
            expect(bytes32.parse('checksum', checksum)).to.equal(checksum);
            expect(() => bytes32.parse('checksum', '0x12')).to.throw('--checksum');
            expect(uint.parse('ratio', '42')).to.equal(42n);
            expect(() => uint.parse('ratio', '-1')).to.throw('--ratio: "-1" is not a non-negative integer');
            expect(bytesOrText.parse('multiaddr', 'ab')).to.equal('0x6162');
            expect(() => bytesOrText.parse('multiaddr', '0xzz')).to.throw('--multiaddr');
        });
    });
});
