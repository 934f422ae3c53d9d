import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { join, relative } from 'path';
import { task } from 'hardhat/config';
import * as prettier from 'prettier';
import { bundledSolcVersion, RELEASE_PATTERN, SNAPSHOT_FORMAT, type LayoutSnapshot } from '../../sdk/storage-layout';
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
    release: string;
    force: boolean;
    dir?: string;
}

task(
    'storage:snapshot',
    'Record the compiled ERC-7201 namespaces as a release (storage-layout/<release>.json), after checking them against the previous release',
)
    .addPositionalParam('release', 'Release name, vMAJOR.MINOR.PATCH')
    .addFlag('force', 'Overwrite an existing snapshot of this release')
    .addOptionalParam('dir', 'Folder of the release snapshots (default: storage-layout/)')
    .setAction(async (args: Args, hre) =>
        runTask('storage:snapshot', async () => {
            if (!RELEASE_PATTERN.test(args.release)) {
                throw new TaskError(`"${args.release}" is not a release name (vMAJOR.MINOR.PATCH, e.g. v0.2.0)`);
            }
            const dir = args.dir ?? snapshotDir(hre);
            const file = join(dir, `${args.release}.json`);
            if (existsSync(file) && !args.force) {
                throw new TaskError(`${file} exists already (--force to overwrite it)`);
            }
            const layout = await currentLayout(hre);
            const previous = releases(dir)
                .filter((r) => r !== args.release)
                .at(-1);
            if (previous !== undefined) {
                const snapshot = readSnapshot(join(dir, `${previous}.json`));
                const comparison = compareLayouts(snapshot.layout, layout);
                console.log(`storage layout vs ${previous}`);
                printComparison(comparison);
                if (!comparison.pass) {
                    throw new TaskError(`refusing to record ${args.release}: not compatible with ${previous}`);
                }
            }
            const snapshot: LayoutSnapshot = {
                format: SNAPSHOT_FORMAT,
                release: args.release,
                solcVersion: bundledSolcVersion(),
                layout,
            };
            const options = (await prettier.resolveConfig(file)) ?? {};
            mkdirSync(dir, { recursive: true });
            writeFileSync(file, await prettier.format(JSON.stringify(snapshot), { ...options, filepath: file }));
            const count = Object.keys(layout.namespaces ?? {}).length;
            console.log(`recorded ${count} namespaces as ${args.release} in ${relative(hre.config.paths.root, file)}`);
        }),
    );
