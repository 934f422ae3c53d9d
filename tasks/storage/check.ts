import { join, relative } from 'path';
import { task } from 'hardhat/config';
import { runTask, TaskError } from '../lib/errors';
import {
    compareLayouts,
    currentLayout,
    printComparison,
    readSnapshot,
    releases,
    snapshotDir,
} from '../lib/storage-layout';

interface Args {
    release?: string;
    dir?: string;
}

task(
    'storage:check',
    "Check that the compiled ERC-7201 namespaces only append to a release's recorded layout (default: the latest release)",
)
    .addOptionalParam('release', 'Release to compare with (default: the latest one recorded)')
    .addOptionalParam('dir', 'Folder of the release snapshots (default: storage-layout/)')
    .setAction(async (args: Args, hre) =>
        runTask('storage:check', async () => {
            const dir = args.dir ?? snapshotDir(hre);
            const release = args.release ?? releases(dir).at(-1);
            if (release === undefined) {
                throw new TaskError(
                    `no release snapshot in ${dir}: record one with \`npm run storage:snapshot -- v0.1.0\``,
                );
            }
            const file = join(dir, `${release}.json`);
            const snapshot = readSnapshot(file);
            const comparison = compareLayouts(snapshot.layout, await currentLayout(hre));
            console.log(`storage layout vs ${snapshot.release} (${relative(hre.config.paths.root, file)})`);
            printComparison(comparison);
            if (!comparison.pass) {
                throw new TaskError(`the storage layout is not compatible with ${snapshot.release} (see above)`);
            }
            console.log(`compatible with ${snapshot.release}`);
        }),
    );
