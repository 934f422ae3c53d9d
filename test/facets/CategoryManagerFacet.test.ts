import { expect } from 'chai';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { CategoryManagerFacet__factory } from '../../typechain-types';
import { deployDiamondCore } from '../helpers/diamond';

/** The categories every deployment starts with (marketplace.md §7), ids 0-4. */
const DEFAULT_CATEGORIES = [
    { name: 'XS', workClockTimeRef: 300n },
    { name: 'S', workClockTimeRef: 1_200n },
    { name: 'M', workClockTimeRef: 3_600n },
    { name: 'L', workClockTimeRef: 10_800n },
    { name: 'XL', workClockTimeRef: 36_000n },
];
/** The v6 deployment's description: `JSON.stringify("")`, a 2-character string. */
const DEFAULT_DESCRIPTION = JSON.stringify('');

/** Topic0 of `CreateCategory` (marketplace.md §10.3). */
const CREATE_CATEGORY_TOPIC = '0x62bf08360c9d561749c54eaf4f8bf8cb6c8b6f4f40607bcec39a8172e714d25c';

async function fixture() {
    const core = await deployDiamondCore({ facets: ['CategoryManagerFacet'] });
    return { ...core, categories: CategoryManagerFacet__factory.connect(core.hubAddress, core.owner) };
}

describe('CategoryManagerFacet', function () {
    describe('default categories', function () {
        it('exist from deployment: XS, S, M, L, XL with their work-clock references', async function () {
            const { categories } = await loadFixture(fixture);
            expect(await categories.countCategory()).to.equal(BigInt(DEFAULT_CATEGORIES.length));
            for (const [id, expected] of DEFAULT_CATEGORIES.entries()) {
                const category = await categories.viewCategory(id);
                expect(category.name).to.equal(expected.name);
                expect(category.description).to.equal(DEFAULT_DESCRIPTION);
                expect(category.workClockTimeRef).to.equal(expected.workClockTimeRef);
            }
        });

        it('were announced by CreateCategory events in the deployment transaction', async function () {
            const { diamond, categories } = await loadFixture(fixture);
            const receipt = await diamond.deploymentTransaction()!.wait();
            const events = receipt!.logs
                .map((log) => categories.interface.parseLog(log))
                .filter((log) => log?.name === 'CreateCategory')
                .map((log) => log!.args.toObject());
            expect(events).to.deep.equal(
                DEFAULT_CATEGORIES.map(({ name, workClockTimeRef }, catid) => ({
                    catid: BigInt(catid),
                    name,
                    description: DEFAULT_DESCRIPTION,
                    workClockTimeRef,
                })),
            );
        });
    });

    describe('createCategory', function () {
        it('appends a category, returns its id and emits CreateCategory', async function () {
            const { categories } = await loadFixture(fixture);
            const id = BigInt(DEFAULT_CATEGORIES.length);
            expect(await categories.createCategory.staticCall('XXL', 'huge', 360_000n)).to.equal(id);
            await expect(categories.createCategory('XXL', 'huge', 360_000n))
                .to.emit(categories, 'CreateCategory')
                .withArgs(id, 'XXL', 'huge', 360_000n);
            expect(await categories.countCategory()).to.equal(id + 1n);
            const category = await categories.viewCategory(id);
            expect([category.name, category.description, category.workClockTimeRef]).to.deep.equal([
                'XXL',
                'huge',
                360_000n,
            ]);
        });

        it('validates nothing: empty strings and a zero reference are accepted', async function () {
            const { categories } = await loadFixture(fixture);
            await expect(categories.createCategory('', '', 0n)).to.emit(categories, 'CreateCategory');
        });

        it('reverts with OwnableUnauthorizedAccount(sender) for anyone but the owner', async function () {
            const { categories, other, hub } = await loadFixture(fixture);
            await expect(categories.connect(other).createCategory('XXL', '', 1n))
                .to.be.revertedWithCustomError(hub.ownership, 'OwnableUnauthorizedAccount')
                .withArgs(other.address);
        });

        it('follows ownership: the new owner may create, the previous one may not', async function () {
            const { categories, owner, other, hub } = await loadFixture(fixture);
            await (await hub.ownership.transferOwnership(other.address)).wait();
            await expect(categories.connect(other).createCategory('XXL', '', 1n)).to.emit(categories, 'CreateCategory');
            await expect(categories.connect(owner).createCategory('XXL', '', 1n))
                .to.be.revertedWithCustomError(hub.ownership, 'OwnableUnauthorizedAccount')
                .withArgs(owner.address);
        });
    });

    describe('viewCategoryABILegacy', function () {
        it('returns the category as (name, description, workClockTimeRef)', async function () {
            const { categories } = await loadFixture(fixture);
            const [name, description, workClockTimeRef] = await categories.viewCategoryABILegacy(4);
            expect([name, description, workClockTimeRef]).to.deep.equal(['XL', DEFAULT_DESCRIPTION, 36_000n]);
        });
    });

    describe('unknown ids', function () {
        for (const view of ['viewCategory', 'viewCategoryABILegacy'] as const) {
            it(`${view} reverts with CategoryUnknown(id, count), not a panic`, async function () {
                const { categories } = await loadFixture(fixture);
                const count = BigInt(DEFAULT_CATEGORIES.length);
                for (const id of [count, count + 1n, 2n ** 256n - 1n]) {
                    await expect(categories[view](id))
                        .to.be.revertedWithCustomError(categories, 'CategoryUnknown')
                        .withArgs(id, count);
                }
            });
        }
    });

    it('has the reference CreateCategory event (nothing indexed)', function () {
        const event = CategoryManagerFacet__factory.createInterface().getEvent('CreateCategory')!;
        expect(event.topicHash).to.equal(CREATE_CATEGORY_TOPIC);
        expect(event.inputs.map((input) => input.indexed)).to.deep.equal([false, false, false, false]);
    });
});
