/**
 * `npm run abi:check`: compare the ABI of a hub of each flavour, as the deploy scripts cut it
 * (`sdk/deploy-ids.ts`), with the reference PoCo ABI (`test/fixtures/reference-abi/`, plus the
 * three custom errors of 6.2), and print every reference entry as present, missing or different.
 *
 * Exits non-zero when an entry differs (a present entry must be exactly the reference's), and,
 * with ABI_CHECK_STRICT=1, when one is missing (the hub is complete).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { artifacts } from 'hardhat';
import { POCO_6_2_ERRORS, compareAbis, type AbiEntry, type CompatResult } from '../sdk/abi-compat';
import { DeployIds, facetNames } from '../sdk/deploy-ids';
import { mergeAbis } from '../sdk/diamond';
import type { Flavour } from '../sdk/networks';

const REFERENCE_DIR = join(__dirname, '..', 'test', 'fixtures', 'reference-abi');
const REFERENCE_FILES: Record<Flavour, string> = {
    token: 'IexecInterfaceToken.json',
    native: 'IexecInterfaceNative.json',
};
const MARKS = { present: '✓', missing: '✗', mismatch: '≠' } as const;

async function hubAbi(flavour: Flavour): Promise<AbiEntry[]> {
    const names = [DeployIds.Hub, ...facetNames(flavour)];
    const abis = await Promise.all(names.map(async (name) => (await artifacts.readArtifact(name)).abi));
    return mergeAbis(abis) as AbiEntry[];
}

function print(flavour: Flavour, results: CompatResult[]): void {
    console.log(`\n${REFERENCE_FILES[flavour]} (${flavour} flavour)`);
    for (const kind of ['function', 'event', 'error', 'receive', 'fallback']) {
        for (const result of results.filter((r) => r.signature.split(/[ (]/)[0] === kind)) {
            console.log(`  ${MARKS[result.status]} ${result.signature}`);
            for (const difference of result.differences) console.log(`      ${difference}`);
        }
    }
    const count = (status: string) => results.filter((r) => r.status === status).length;
    console.log(
        `  ${count('present')} of ${results.length} present, ${count('missing')} missing, ${count('mismatch')} different`,
    );
}

async function main(): Promise<void> {
    let failed = false;
    for (const flavour of ['token', 'native'] as const) {
        const reference = [
            ...(JSON.parse(readFileSync(join(REFERENCE_DIR, REFERENCE_FILES[flavour]), 'utf8')) as AbiEntry[]),
            ...POCO_6_2_ERRORS,
        ];
        const results = compareAbis(reference, await hubAbi(flavour));
        print(flavour, results);
        if (results.some((r) => r.status === 'mismatch')) failed = true;
        if (process.env.ABI_CHECK_STRICT === '1' && results.some((r) => r.status === 'missing')) failed = true;
    }
    if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
