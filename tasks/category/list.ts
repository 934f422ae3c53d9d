import { task } from 'hardhat/config';
import { CategoryManagerFacet__factory } from '../../typechain-types';
import { pocoContext } from '../lib/context';
import { runTask } from '../lib/errors';

task('category:list', 'List the computation categories of the hub').setAction(async (_args, hre) =>
    runTask('category:list', async () => {
        const { signer, hub } = await pocoContext(hre);
        const categories = CategoryManagerFacet__factory.connect(hub, signer);
        const count = await categories.countCategory();
        const rows = [['catid', 'name', 'workClockTimeRef', 'description']];
        for (let id = 0n; id < count; id++) {
            const category = await categories.viewCategory(id);
            rows.push([id.toString(), category.name, category.workClockTimeRef.toString(), category.description]);
        }
        const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
        for (const row of rows)
            console.log(
                row
                    .map((cell, column) => cell.padEnd(widths[column]))
                    .join('  ')
                    .trimEnd(),
            );
    }),
);
