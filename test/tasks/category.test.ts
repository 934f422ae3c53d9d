import { expect } from 'chai';
import hre from 'hardhat';
import { captureOutput, field, loadTaskFixture } from '../helpers/tasks';
import { deployOrdersHub } from '../helpers/orders';
// See order.test.ts: the tasks are imported here whatever SKIP_TASKS says.
import '../../tasks/category/create';
import '../../tasks/category/list';

describe('category tasks', function () {
    describe('category:create', function () {
        it('creates a category as the hub owner and prints its id', async function () {
            const hub = await loadTaskFixture(deployOrdersHub);
            const lines = await captureOutput(() =>
                hre.run('category:create', { name: 'XXL', description: 'huge', workClockTimeRef: 360_000n }),
            );
            expect(field(lines, 'catid')).to.equal('5');
            const category = await hub.categories.viewCategory(5);
            expect([category.name, category.description, category.workClockTimeRef]).to.deep.equal([
                'XXL',
                'huge',
                360_000n,
            ]);
        });

        it('fails with one line for anyone but the hub owner', async function () {
            const hub = await loadTaskFixture(deployOrdersHub);
            const from = hub.actors.stranger.address;
            await expect(hre.run('category:create', { name: 'XXL', workClockTimeRef: 1n, from })).to.be.rejectedWith(
                `${from} is not the hub owner`,
            );
        });

        it('fails with one line on an empty name or a zero work-clock reference', async function () {
            await loadTaskFixture(deployOrdersHub);
            await expect(hre.run('category:create', { name: ' ', workClockTimeRef: 1n })).to.be.rejectedWith(
                '--name must not be empty',
            );
            await expect(hre.run('category:create', { name: 'Z', workClockTimeRef: 0n })).to.be.rejectedWith(
                '--work-clock-time-ref must be positive',
            );
        });
    });

    describe('category:list', function () {
        it('lists the default categories, then the created ones', async function () {
            await loadTaskFixture(deployOrdersHub);
            await captureOutput(() => hre.run('category:create', { name: 'XXL', workClockTimeRef: 360_000n }));
            const lines = await captureOutput(() => hre.run('category:list'));
            expect(lines[0].split(/\s+/)).to.deep.equal(['catid', 'name', 'workClockTimeRef', 'description']);
            expect(lines.slice(1).map((line) => line.split(/\s+/).slice(0, 3))).to.deep.equal([
                ['0', 'XS', '300'],
                ['1', 'S', '1200'],
                ['2', 'M', '3600'],
                ['3', 'L', '10800'],
                ['4', 'XL', '36000'],
                ['5', 'XXL', '360000'],
            ]);
            expect(lines[1]).to.match(/""$/);
        });
    });
});
