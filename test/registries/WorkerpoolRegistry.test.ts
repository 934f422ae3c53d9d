import { expect } from 'chai';
import fc from 'fast-check';
import { ethers } from 'hardhat';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { Registry__factory, WorkerpoolRegistry__factory, Workerpool__factory } from '../../typechain-types';
import { createWorkerpool, predictWorkerpool } from '../../sdk/assets';
import type { WorkerpoolParams } from '../../sdk/assets';
import { shouldBehaveLikeRegistry } from '../behaviours/Registry.behaviour';

/** Initial policy of every workerpool (reference values). */
const INITIAL_WORKER_STAKE_RATIO = 30n;
const INITIAL_SCHEDULER_REWARD_RATIO = 1n;

/** A realistic workerpool: the `index` makes each sample distinct. */
function sampleWorkerpool(index: number): WorkerpoolParams {
    return { description: index === 0 ? 'my-workerpool' : `my-workerpool-${index}` };
}

async function deployWorkerpoolRegistryFixture() {
    const [admin, alice, bob, carol] = await ethers.getSigners();
    const workerpoolRegistry = await new WorkerpoolRegistry__factory(admin).deploy();
    const registry = Registry__factory.connect(await workerpoolRegistry.getAddress(), admin);
    return { workerpoolRegistry, registry, admin, alice, bob, carol };
}

describe('WorkerpoolRegistry', () => {
    shouldBehaveLikeRegistry({
        name: 'iExec Workerpool Registry (V5)',
        symbol: 'iExecWorkerpoolV5',
        fixture: deployWorkerpoolRegistryFixture,
        deployRegistry: async (deployer) => {
            const deployed = await new WorkerpoolRegistry__factory(deployer).deploy();
            return Registry__factory.connect(await deployed.getAddress(), deployer);
        },
        createAsset: async (registry, sender, owner, index, overrides) =>
            createWorkerpool(
                WorkerpoolRegistry__factory.connect(await registry.getAddress(), sender),
                owner,
                sampleWorkerpool(index),
                overrides,
            ),
        predictAsset: async (registry, owner, index) =>
            predictWorkerpool(
                WorkerpoolRegistry__factory.connect(await registry.getAddress(), registry.runner),
                owner,
                sampleWorkerpool(index),
            ),
        initializer: (index) =>
            Workerpool__factory.createInterface().encodeFunctionData('initialize', [
                sampleWorkerpool(index).description,
            ]),
        initializeAsset: async (asset, caller) =>
            Workerpool__factory.connect(asset, caller).initialize(sampleWorkerpool(0).description),
    });

    describe('selectors', () => {
        it('keeps the reference selectors of createWorkerpool, predictWorkerpool and Workerpool.initialize', async () => {
            const registry = WorkerpoolRegistry__factory.createInterface();
            expect(registry.getFunction('createWorkerpool')!.selector).to.equal('0xe40238f4');
            expect(registry.getFunction('predictWorkerpool')!.selector).to.equal('0x064a6c2a');
            expect(Workerpool__factory.createInterface().getFunction('initialize')!.selector).to.equal('0xf62d1888');
        });
    });

    describe('createWorkerpool', () => {
        it('stores the description and the initial policy (30, 1)', async () => {
            const { workerpoolRegistry, alice } = await loadFixture(deployWorkerpoolRegistryFixture);
            const { address } = await createWorkerpool(
                workerpoolRegistry.connect(alice),
                alice.address,
                sampleWorkerpool(0),
            );
            const workerpool = Workerpool__factory.connect(address, alice);
            expect(await workerpool.m_workerpoolDescription()).to.equal('my-workerpool');
            expect(await workerpool.m_workerStakeRatioPolicy()).to.equal(INITIAL_WORKER_STAKE_RATIO);
            expect(await workerpool.m_schedulerRewardRatioPolicy()).to.equal(INITIAL_SCHEDULER_REWARD_RATIO);
            expect(await workerpool.owner()).to.equal(alice.address);
            expect(await workerpool.registry()).to.equal(await workerpoolRegistry.getAddress());
        });

        it('stores arbitrary descriptions exactly and at the predicted address', async () => {
            const { workerpoolRegistry, alice } = await loadFixture(deployWorkerpoolRegistryFixture);
            const created = new Set<string>();
            await fc.assert(
                fc.asyncProperty(fc.string({ maxLength: 100, unit: 'grapheme' }), async (description) => {
                    const predicted = await predictWorkerpool(workerpoolRegistry, alice.address, { description });
                    fc.pre(!created.has(predicted));
                    const { address } = await createWorkerpool(workerpoolRegistry.connect(alice), alice.address, {
                        description,
                    });
                    created.add(address);
                    expect(address).to.equal(predicted);
                    expect(await Workerpool__factory.connect(address, alice).m_workerpoolDescription()).to.equal(
                        description,
                    );
                }),
                { numRuns: 30 },
            );
        });

        it('leaves the master empty, without policy', async () => {
            const { workerpoolRegistry, alice } = await loadFixture(deployWorkerpoolRegistryFixture);
            await createWorkerpool(workerpoolRegistry.connect(alice), alice.address, sampleWorkerpool(0));
            const master = Workerpool__factory.connect(await workerpoolRegistry.master(), alice);
            expect(await master.m_workerpoolDescription()).to.equal('');
            expect(await master.m_workerStakeRatioPolicy()).to.equal(0n);
            expect(await master.m_schedulerRewardRatioPolicy()).to.equal(0n);
        });
    });
});
