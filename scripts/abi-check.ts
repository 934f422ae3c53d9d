/**
 * `npm run abi:check`: how much of the reference PoCo ABI each flavour of our hub exposes.
 * Prints, per flavour, `ABI coverage: functions X/Y, events X/Y, errors X/Y`, then what is
 * missing and what conflicts (same name with another signature, or other struct members). Exits
 * non-zero on any conflict; missing entries are reported, not fatal.
 */
import { artifacts } from 'hardhat';
import type { Flavour } from '../sdk/networks';
import { conflictsOf, coverageLine, compareAbi, type Kind } from './lib/abi-compat';
import { hubAbi, referenceHubAbi } from './lib/hub-abi';

const REFERENCE: Record<Flavour, string> = { token: 'IexecInterfaceToken', native: 'IexecInterfaceNative' };

function main(): number {
    let conflicts = 0;
    for (const flavour of ['token', 'native'] as const) {
        const report = compareAbi(referenceHubAbi(flavour), hubAbi(artifacts, flavour));
        console.log(`${flavour} flavour, against ${REFERENCE[flavour]} (PoCo 6.2):`);
        console.log(coverageLine(report));
        for (const kind of ['function', 'event', 'error'] as Kind[]) {
            for (const signature of report[kind].missing) console.log(`  missing ${kind} ${signature}`);
        }
        for (const line of conflictsOf(report)) console.log(`  CONFLICT ${line}`);
        conflicts += conflictsOf(report).length;
        console.log('');
    }
    return conflicts === 0 ? 0 : 1;
}

process.exitCode = main();
