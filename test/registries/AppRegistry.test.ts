import { expect } from 'chai';
import fc from 'fast-check';
import { ethers } from 'hardhat';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { ZeroHash, hexlify, keccak256, toUtf8Bytes } from 'ethers';
import type { Signer } from 'ethers';
import { AppRegistry__factory, App__factory, Registry__factory } from '../../typechain-types';
import type { Registry } from '../../typechain-types';
import { createApp, predictApp } from '../../sdk/assets';
import type { AppParams } from '../../sdk/assets';
import { CREATE_GAS_BOUND, shouldBehaveLikeRegistry } from '../behaviours/Registry.behaviour';

/** A realistic standard app: the `index` makes each sample distinct. */
function sampleApp(index: number): AppParams {
    return {
        name: index === 0 ? 'my-app' : `my-app-${index}`,
        type: 'DOCKER',
        multiaddr: toUtf8Bytes(`docker.io/iexechub/python-hello-world:${index}.0.0-sconify-5`),
        checksum: keccak256(toUtf8Bytes(`my-app image ${index}`)),
        mrenclave: '0x',
    };
}

/** A TEE app: a ~40-byte MREnclave on top of the standard fields. */
const TEE_APP: AppParams = {
    ...sampleApp(0),
    name: 'my-tee-app',
    mrenclave: toUtf8Bytes('SCONE|5.7.5|0x9f37a2bd1d2c5b6e4e0c3d1b8a7f'),
};

async function deployAppRegistryFixture() {
    const [admin, alice, bob, carol] = await ethers.getSigners();
    const appRegistry = await new AppRegistry__factory(admin).deploy();
    const registry = Registry__factory.connect(await appRegistry.getAddress(), admin);
    return { appRegistry, registry, admin, alice, bob, carol };
}

const asAppRegistry = async (registry: Registry, runner: Signer) =>
    AppRegistry__factory.connect(await registry.getAddress(), runner);

describe('AppRegistry', () => {
    shouldBehaveLikeRegistry({
        name: 'iExec Application Registry (V5)',
        symbol: 'iExecAppsV5',
        fixture: deployAppRegistryFixture,
        deployRegistry: async (deployer) => {
            const deployed = await new AppRegistry__factory(deployer).deploy();
            return Registry__factory.connect(await deployed.getAddress(), deployer);
        },
        createAsset: async (registry, sender, owner, index, overrides) =>
            createApp(await asAppRegistry(registry, sender), owner, sampleApp(index), overrides),
        predictAsset: async (registry, owner, index) =>
            predictApp(
                AppRegistry__factory.connect(await registry.getAddress(), registry.runner),
                owner,
                sampleApp(index),
            ),
        initializer: (index) => {
            const { name, type, multiaddr, checksum, mrenclave } = sampleApp(index);
            return App__factory.createInterface().encodeFunctionData('initialize', [
                name,
                type,
                multiaddr,
                checksum,
                mrenclave,
            ]);
        },
        initializeAsset: async (asset, caller) => {
            const { name, type, multiaddr, checksum, mrenclave } = sampleApp(0);
            return App__factory.connect(asset, caller).initialize(name, type, multiaddr, checksum, mrenclave);
        },
    });

    describe('selectors', () => {
        it('keeps the reference selectors of createApp, predictApp and App.initialize', async () => {
            const registry = AppRegistry__factory.createInterface();
            expect(registry.getFunction('createApp')!.selector).to.equal('0x3f7868ff');
            expect(registry.getFunction('predictApp')!.selector).to.equal('0xe92118ed');
            expect(App__factory.createInterface().getFunction('initialize')!.selector).to.equal('0x86c02c8f');
        });
    });

    describe('createApp', () => {
        it('stores every field of the app', async () => {
            const { appRegistry, alice } = await loadFixture(deployAppRegistryFixture);
            const { address } = await createApp(appRegistry.connect(alice), alice.address, TEE_APP);
            const app = App__factory.connect(address, alice);
            expect(await app.m_appName()).to.equal(TEE_APP.name);
            expect(await app.m_appType()).to.equal(TEE_APP.type);
            expect(await app.m_appMultiaddr()).to.equal(hexlify(TEE_APP.multiaddr));
            expect(await app.m_appChecksum()).to.equal(TEE_APP.checksum);
            expect(await app.m_appMREnclave()).to.equal(hexlify(TEE_APP.mrenclave));
            expect(await app.owner()).to.equal(alice.address);
            expect(await app.registry()).to.equal(await appRegistry.getAddress());
        });

        it('stores empty fields', async () => {
            const { appRegistry, alice } = await loadFixture(deployAppRegistryFixture);
            const empty: AppParams = { name: '', type: '', multiaddr: '0x', checksum: ZeroHash, mrenclave: '0x' };
            const { address } = await createApp(appRegistry.connect(alice), alice.address, empty);
            const app = App__factory.connect(address, alice);
            expect(await app.m_appName()).to.equal('');
            expect(await app.m_appType()).to.equal('');
            expect(await app.m_appMultiaddr()).to.equal('0x');
            expect(await app.m_appChecksum()).to.equal(ZeroHash);
            expect(await app.m_appMREnclave()).to.equal('0x');
        });

        it('stores arbitrary fields exactly and at the predicted address', async () => {
            const { appRegistry, alice } = await loadFixture(deployAppRegistryFixture);
            const params = fc.record({
                name: fc.string({ maxLength: 70, unit: 'grapheme' }),
                type: fc.string({ maxLength: 40 }),
                multiaddr: fc.uint8Array({ maxLength: 100 }).map((bytes) => hexlify(bytes)),
                checksum: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => hexlify(bytes)),
                mrenclave: fc.uint8Array({ maxLength: 100 }).map((bytes) => hexlify(bytes)),
            });
            const created = new Set<string>();
            await fc.assert(
                fc.asyncProperty(params, async (app) => {
                    const predicted = await predictApp(appRegistry, alice.address, app);
                    fc.pre(!created.has(predicted));
                    const { address } = await createApp(appRegistry.connect(alice), alice.address, app);
                    created.add(address);
                    expect(address).to.equal(predicted);
                    const onChain = App__factory.connect(address, alice);
                    expect(await onChain.m_appName()).to.equal(app.name);
                    expect(await onChain.m_appType()).to.equal(app.type);
                    expect(await onChain.m_appMultiaddr()).to.equal(app.multiaddr);
                    expect(await onChain.m_appChecksum()).to.equal(app.checksum);
                    expect(await onChain.m_appMREnclave()).to.equal(app.mrenclave);
                }),
                { numRuns: 30 },
            );
        });

        it('gives each field its own place in the salt', async () => {
            const { appRegistry, alice } = await loadFixture(deployAppRegistryFixture);
            const base = sampleApp(0);
            const variants: AppParams[] = [
                base,
                { ...base, name: base.name + 'x' },
                { ...base, type: 'DOCKER2' },
                { ...base, multiaddr: toUtf8Bytes('docker.io/other:1') },
                { ...base, checksum: ZeroHash },
                { ...base, mrenclave: '0x01' },
                // Moving a character from one field to the next must change the address too.
                { ...base, name: 'my-ap', type: 'pDOCKER' },
            ];
            const addresses = await Promise.all(variants.map((app) => predictApp(appRegistry, alice.address, app)));
            expect(new Set(addresses).size).to.equal(variants.length);
        });

        it('leaves the master empty', async () => {
            const { appRegistry, alice } = await loadFixture(deployAppRegistryFixture);
            await createApp(appRegistry.connect(alice), alice.address, TEE_APP);
            const master = App__factory.connect(await appRegistry.master(), alice);
            expect(await master.m_appName()).to.equal('');
            expect(await master.m_appType()).to.equal('');
            expect(await master.m_appMultiaddr()).to.equal('0x');
            expect(await master.m_appChecksum()).to.equal(ZeroHash);
            expect(await master.m_appMREnclave()).to.equal('0x');
        });
    });

    describe('gas @gas', () => {
        it(`creates a TEE app (40-byte MREnclave) for at most ${CREATE_GAS_BOUND} gas`, async () => {
            const { appRegistry, alice } = await loadFixture(deployAppRegistryFixture);
            const { receipt } = await createApp(appRegistry.connect(alice), alice.address, TEE_APP);
            expect(receipt.gasUsed).to.be.at.most(CREATE_GAS_BOUND);
        });
    });
});
