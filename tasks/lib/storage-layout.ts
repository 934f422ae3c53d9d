import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { HardhatRuntimeEnvironment } from 'hardhat/types';
import {
    bundledSolcVersion,
    compareLayouts,
    namespacedLayout,
    RELEASE_PATTERN,
    SNAPSHOT_FORMAT,
    sortReleases,
    type AstNode,
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
 * The namespaced storage layout of the last compilation (`npx hardhat compile`), read from its
 * build info.
 */
export async function currentLayout(hre: HardhatRuntimeEnvironment): Promise<StorageLayout> {
    const sources: Sources = {};
    const asts: Record<string, AstNode> = {};
    const seen = new Set<string>();
    const names = (await hre.artifacts.getAllFullyQualifiedNames()).filter((n) => isProtocolSource(n));
    if (names.length === 0) throw new TaskError('no compiled contract: run `npx hardhat compile` first');
    for (const name of names) {
        const buildInfo = await hre.artifacts.getBuildInfo(name);
        if (buildInfo === undefined || seen.has(buildInfo.id)) continue;
        seen.add(buildInfo.id);
        if (buildInfo.solcVersion !== bundledSolcVersion()) {
            throw new TaskError(
                `the build used solc ${buildInfo.solcVersion} but the layout probe uses the npm solc ${bundledSolcVersion()}`,
            );
        }
        for (const [path, source] of Object.entries(buildInfo.input.sources)) sources[path] = source;
        for (const [path, output] of Object.entries(buildInfo.output.sources)) asts[path] = output.ast as AstNode;
    }
    return namespacedLayout(sources, { asts, include: isProtocolSource });
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
