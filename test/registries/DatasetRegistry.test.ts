import { expect } from 'chai';
import fc from 'fast-check';
import { ethers } from 'hardhat';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { ZeroHash, hexlify, keccak256, toUtf8Bytes } from 'ethers';
import { DatasetRegistry__factory, Dataset__factory, Registry__factory } from '../../typechain-types';
import { createDataset, predictDataset } from '../../sdk/assets';
import type { DatasetParams } from '../../sdk/assets';
import { shouldBehaveLikeRegistry } from '../behaviours/Registry.behaviour';

/** A realistic dataset: the `index` makes each sample distinct. */
function sampleDataset(index: number): DatasetParams {
    return {
        name: index === 0 ? 'my-dataset' : `my-dataset-${index}`,
        multiaddr: toUtf8Bytes(`/ipfs/QmW2WQi7j6c7UgJTarActp7tDNikE4B2qXtFCfLPdsgaT${index}`),
        checksum: keccak256(toUtf8Bytes(`my-dataset content ${index}`)),
    };
}

async function deployDatasetRegistryFixture() {
    const [admin, alice, bob, carol] = await ethers.getSigners();
    const datasetRegistry = await new DatasetRegistry__factory(admin).deploy();
    const registry = Registry__factory.connect(await datasetRegistry.getAddress(), admin);
    return { datasetRegistry, registry, admin, alice, bob, carol };
}

describe('DatasetRegistry', () => {
    shouldBehaveLikeRegistry({
        name: 'iExec Dataset Registry (V5)',
        symbol: 'iExecDatasetsV5',
        fixture: deployDatasetRegistryFixture,
        deployRegistry: async (deployer) => {
            const deployed = await new DatasetRegistry__factory(deployer).deploy();
            return Registry__factory.connect(await deployed.getAddress(), deployer);
        },
        createAsset: async (registry, sender, owner, index, overrides) =>
            createDataset(
                DatasetRegistry__factory.connect(await registry.getAddress(), sender),
                owner,
                sampleDataset(index),
                overrides,
            ),
        predictAsset: async (registry, owner, index) =>
            predictDataset(
                DatasetRegistry__factory.connect(await registry.getAddress(), registry.runner),
                owner,
                sampleDataset(index),
            ),
        initializer: (index) => {
            const { name, multiaddr, checksum } = sampleDataset(index);
            return Dataset__factory.createInterface().encodeFunctionData('initialize', [name, multiaddr, checksum]);
        },
        initializeAsset: async (asset, caller) => {
            const { name, multiaddr, checksum } = sampleDataset(0);
            return Dataset__factory.connect(asset, caller).initialize(name, multiaddr, checksum);
        },
    });

    describe('selectors', () => {
        it('keeps the reference selectors of createDataset, predictDataset and Dataset.initialize', async () => {
            const registry = DatasetRegistry__factory.createInterface();
            expect(registry.getFunction('createDataset')!.selector).to.equal('0x3354bcdb');
            expect(registry.getFunction('predictDataset')!.selector).to.equal('0xfe17fc7a');
            expect(Dataset__factory.createInterface().getFunction('initialize')!.selector).to.equal('0x8c2b1e2f');
        });
    });

    describe('createDataset', () => {
        it('stores every field of the dataset', async () => {
            const { datasetRegistry, alice } = await loadFixture(deployDatasetRegistryFixture);
            const params = sampleDataset(0);
            const { address } = await createDataset(datasetRegistry.connect(alice), alice.address, params);
            const dataset = Dataset__factory.connect(address, alice);
            expect(await dataset.m_datasetName()).to.equal(params.name);
            expect(await dataset.m_datasetMultiaddr()).to.equal(hexlify(params.multiaddr));
            expect(await dataset.m_datasetChecksum()).to.equal(params.checksum);
            expect(await dataset.owner()).to.equal(alice.address);
            expect(await dataset.registry()).to.equal(await datasetRegistry.getAddress());
        });

        it('stores empty fields', async () => {
            const { datasetRegistry, alice } = await loadFixture(deployDatasetRegistryFixture);
            const empty: DatasetParams = { name: '', multiaddr: '0x', checksum: ZeroHash };
            const { address } = await createDataset(datasetRegistry.connect(alice), alice.address, empty);
            const dataset = Dataset__factory.connect(address, alice);
            expect(await dataset.m_datasetName()).to.equal('');
            expect(await dataset.m_datasetMultiaddr()).to.equal('0x');
            expect(await dataset.m_datasetChecksum()).to.equal(ZeroHash);
        });

        it('stores arbitrary fields exactly and at the predicted address', async () => {
            const { datasetRegistry, alice } = await loadFixture(deployDatasetRegistryFixture);
            const params = fc.record({
                name: fc.string({ maxLength: 70, unit: 'grapheme' }),
                multiaddr: fc.uint8Array({ maxLength: 100 }).map((bytes) => hexlify(bytes)),
                checksum: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => hexlify(bytes)),
            });
            const created = new Set<string>();
            await fc.assert(
                fc.asyncProperty(params, async (dataset) => {
                    const predicted = await predictDataset(datasetRegistry, alice.address, dataset);
                    fc.pre(!created.has(predicted));
                    const { address } = await createDataset(datasetRegistry.connect(alice), alice.address, dataset);
                    created.add(address);
                    expect(address).to.equal(predicted);
                    const onChain = Dataset__factory.connect(address, alice);
                    expect(await onChain.m_datasetName()).to.equal(dataset.name);
                    expect(await onChain.m_datasetMultiaddr()).to.equal(dataset.multiaddr);
                    expect(await onChain.m_datasetChecksum()).to.equal(dataset.checksum);
                }),
                { numRuns: 30 },
            );
        });

        it('leaves the master empty', async () => {
            const { datasetRegistry, alice } = await loadFixture(deployDatasetRegistryFixture);
            await createDataset(datasetRegistry.connect(alice), alice.address, sampleDataset(0));
            const master = Dataset__factory.connect(await datasetRegistry.master(), alice);
            expect(await master.m_datasetName()).to.equal('');
            expect(await master.m_datasetMultiaddr()).to.equal('0x');
            expect(await master.m_datasetChecksum()).to.equal(ZeroHash);
        });
    });
});
