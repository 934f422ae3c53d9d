/**
 * ABI compatibility of the registries and assets: the ABI we compile for each contract must be
 * exactly the reference one (`@iexec/poco` 6.1.0, copied in test/fixtures/reference-abi/), entry by
 * entry and field by field — names, input and output types and names, `internalType`, state
 * mutability, indexed flags — in any order, with nothing missing and nothing extra (no custom errors).
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
    AppRegistry__factory,
    App__factory,
    DatasetRegistry__factory,
    Dataset__factory,
    RegistryEntry__factory,
    WorkerpoolRegistry__factory,
    Workerpool__factory,
} from '../../typechain-types';

type AbiEntry = { type: string; name?: string; inputs?: { type: string }[] } & Record<string, unknown>;

const REFERENCE_DIR = path.join(__dirname, '..', 'fixtures', 'reference-abi');

const COMPILED: Record<string, readonly unknown[]> = {
    AppRegistry: AppRegistry__factory.abi,
    DatasetRegistry: DatasetRegistry__factory.abi,
    WorkerpoolRegistry: WorkerpoolRegistry__factory.abi,
    App: App__factory.abi,
    Dataset: Dataset__factory.abi,
    Workerpool: Workerpool__factory.abi,
    RegistryEntry: RegistryEntry__factory.abi,
};

function readReference(contract: string): AbiEntry[] {
    return JSON.parse(readFileSync(path.join(REFERENCE_DIR, `${contract}.json`), 'utf8')) as AbiEntry[];
}

/** JSON with object keys sorted at every level, so that key order does not matter. */
function canonical(value: unknown): string {
    const sort = (v: unknown): unknown =>
        Array.isArray(v)
            ? v.map(sort)
            : v !== null && typeof v === 'object'
              ? Object.fromEntries(
                    Object.entries(v as Record<string, unknown>)
                        .sort(([a], [b]) => a.localeCompare(b))
                        .map(([k, x]) => [k, sort(x)]),
                )
              : v;
    return JSON.stringify(sort(value));
}

/** What identifies an entry: its kind, name and input types (e.g. `function safeTransferFrom(address,...)`). */
function signature(entry: AbiEntry): string {
    return `${entry.type} ${entry.name ?? ''}(${(entry.inputs ?? []).map((input) => input.type).join(',')})`;
}

/**
 * Compares two ABIs as sets of entries.
 * @returns A readable list of differences, empty when the ABIs are equal.
 */
function abiDiff(compiled: AbiEntry[], reference: AbiEntry[]): string[] {
    const bySignature = (abi: AbiEntry[]) => new Map(abi.map((entry) => [signature(entry), entry]));
    const ours = bySignature(compiled);
    const theirs = bySignature(reference);
    const lines: string[] = [];
    for (const [sig, entry] of theirs) {
        const mine = ours.get(sig);
        if (mine === undefined) {
            lines.push(`- missing  ${sig}\n    reference: ${canonical(entry)}`);
        } else if (canonical(mine) !== canonical(entry)) {
            lines.push(`~ differs  ${sig}\n    reference: ${canonical(entry)}\n    compiled:  ${canonical(mine)}`);
        }
    }
    for (const [sig, entry] of ours) {
        if (!theirs.has(sig)) {
            lines.push(`+ extra    ${sig}\n    compiled:  ${canonical(entry)}`);
        }
    }
    return lines;
}

describe('Registry ABIs', () => {
    for (const [contract, abi] of Object.entries(COMPILED)) {
        it(`${contract} has exactly the reference ABI`, () => {
            const compiled = JSON.parse(JSON.stringify(abi)) as AbiEntry[];
            const reference = readReference(contract);
            const diff = abiDiff(compiled, reference);
            expect(diff, `${contract} ABI differs from the reference:\n${diff.join('\n')}`).to.deep.equal([]);
            // Two entries with the same signature would hide each other in the maps above.
            expect(compiled).to.have.lengthOf(reference.length);
        });
    }

    it('reports a changed parameter name, a missing entry and an extra entry', () => {
        const reference = readReference('RegistryEntry');
        const renamed = reference.map((entry) =>
            entry.name === 'owner'
                ? { ...entry, outputs: [{ internalType: 'address', name: 'x', type: 'address' }] }
                : entry,
        );
        const compiled = [
            ...renamed.filter((entry) => entry.name !== 'registry'),
            { type: 'error', name: 'Unexpected', inputs: [] },
        ];
        const diff = abiDiff(compiled, reference);
        expect(diff).to.have.lengthOf(3);
        expect(diff[0]).to.match(/^~ differs {2}function owner\(\)/);
        expect(diff[1]).to.match(/^- missing {2}function registry\(\)/);
        expect(diff[2]).to.match(/^\+ extra {4}error Unexpected\(\)/);
    });
});
