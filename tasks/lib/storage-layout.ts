import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import {
    TASK_COMPILE_SOLIDITY_GET_DEPENDENCY_GRAPH,
    TASK_COMPILE_SOLIDITY_GET_SOURCE_NAMES,
    TASK_COMPILE_SOLIDITY_GET_SOURCE_PATHS,
} from 'hardhat/builtin-tasks/task-names';
import type { DependencyGraph } from 'hardhat/types/builtin-tasks';
import type { HardhatRuntimeEnvironment } from 'hardhat/types';
import {
    bundledSolcVersion,
    compareLayouts,
    namespacedLayout,
    RELEASE_PATTERN,
    SNAPSHOT_FORMAT,
    sortReleases,
    type LayoutComparison,
    type LayoutSnapshot,
    type Sources,
} from '../../sdk/storage-layout';
import type { StorageLayout } from '@openzeppelin/upgrades-core';
import { TaskError } from './errors';

/** Where release snapshots are committed. */
export function snapshotDir(hre: HardhatRuntimeEnvironment): string {
    return join(hre.config.paths.root, 'storage-layout');
}

/** The namespaces of the protocol's contracts: everything under `contracts/` but the test mocks. */
export const isProtocolSource = (source: string): boolean =>
    source.startsWith('contracts/') && !source.startsWith('contracts/mocks/');

/**
 * The namespaced storage layout of the sources as they are on disk: every file of `contracts/`
 * (but the mocks) that declares a namespace, with its imports resolved as Hardhat resolves them,
 * compiled with the project's compiler version.
 */
export async function currentLayout(hre: HardhatRuntimeEnvironment): Promise<StorageLayout> {
    const versions = new Set(hre.config.solidity.compilers.map((c) => c.version));
    if (versions.size !== 1 || !versions.has(bundledSolcVersion())) {
        throw new TaskError(
            `the layout probe compiles with the npm solc ${bundledSolcVersion()}, the project with ${[...versions].join(', ')}`,
        );
    }
    const sourcePaths: string[] = await hre.run(TASK_COMPILE_SOLIDITY_GET_SOURCE_PATHS, {});
    const sourceNames: string[] = await hre.run(TASK_COMPILE_SOLIDITY_GET_SOURCE_NAMES, { sourcePaths });
    const graph: DependencyGraph = await hre.run(TASK_COMPILE_SOLIDITY_GET_DEPENDENCY_GRAPH, {
        sourceNames: sourceNames.filter(isProtocolSource),
    });
    // Only the files that declare a namespace, and what they import, need compiling.
    const sources: Sources = {};
    for (const file of graph.getResolvedFiles()) {
        if (!isProtocolSource(file.sourceName) || !file.content.rawContent.includes('@custom:storage-location')) {
            continue;
        }
        for (const needed of [file, ...graph.getTransitiveDependencies(file).map((d) => d.dependency)]) {
            sources[needed.sourceName] = { content: needed.content.rawContent };
        }
    }
    return namespacedLayout(sources, { include: isProtocolSource });
}

/** The releases that have a committed snapshot, oldest first. */
export function releases(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return sortReleases(
        readdirSync(dir)
            .filter((f) => f.endsWith('.json'))
            .map((f) => f.slice(0, -'.json'.length))
            .filter((r) => RELEASE_PATTERN.test(r)),
    );
}

/** Read and check a snapshot file. */
export function readSnapshot(file: string): LayoutSnapshot {
    if (!existsSync(file)) throw new TaskError(`no storage layout snapshot at ${file}`);
    let snapshot: LayoutSnapshot;
    try {
        snapshot = JSON.parse(readFileSync(file, 'utf8')) as LayoutSnapshot;
    } catch (error) {
        throw new TaskError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    if (snapshot.format !== SNAPSHOT_FORMAT || snapshot.layout?.namespaces === undefined) {
        throw new TaskError(`${file} is not a storage layout snapshot (format ${SNAPSHOT_FORMAT})`);
    }
    return snapshot;
}

/** Print a comparison: one line per namespace, then upgrades-core's explanation of each problem. */
export function printComparison(comparison: LayoutComparison): void {
    const width = Math.max(0, ...comparison.namespaces.map((n) => n.location.length));
    for (const n of comparison.namespaces) {
        let status: string;
        if (n.status === 'new') status = `new namespace, ${n.currentFields} fields`;
        else if (n.status === 'removed') status = `REMOVED (had ${n.previousFields} fields)`;
        else if (n.addedFields.length === 0 && n.previousFields === n.currentFields)
            status = `${n.currentFields} fields`;
        else
            status =
                `${n.previousFields} → ${n.currentFields} fields` +
                (n.addedFields.length > 0 ? ` (added: ${n.addedFields.join(', ')})` : '');
        console.log(`  ${n.location.padEnd(width)}  ${status}`);
    }
    if (!comparison.pass) {
        console.log('');
        console.log(comparison.problems);
    }
}

export { compareLayouts };
