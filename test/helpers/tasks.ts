/**
 * Running tasks in tests: the console output of a task captured, its `label  value` lines read
 * back, and a directly deployed hub recorded as the network's deployment (what `pocoContext` reads).
 */
import hre, { deployments } from 'hardhat';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { DeployIds } from '../../sdk/deploy-ids';

/**
 * `loadFixture(fixture)`, then its hub recorded as the hardhat network's `PocoDiamond` deployment,
 * where tasks look for it (`pocoContext`). Recorded on every load: the record lives outside the
 * chain, so a snapshot revert does not restore it. For hubs deployed directly; tests on the real
 * deployment use `deployPoco()` (helpers/fixtures.ts), which records it itself.
 */
export async function loadTaskFixture<T extends { hubAddress: string }>(fixture: () => Promise<T>): Promise<T> {
    const loaded = await loadFixture(fixture);
    await recordHub(loaded.hubAddress);
    return loaded;
}

/** Record `hubAddress` as the hardhat network's `PocoDiamond` deployment. */
export async function recordHub(hubAddress: string): Promise<void> {
    await deployments.save(DeployIds.Hub, { address: hubAddress, abi: [] });
}

/** Run `body` with `console.log` captured; returns what it printed, line by line. */
export async function captureOutput(body: () => Promise<unknown>): Promise<string[]> {
    const lines: string[] = [];
    const original = console.log;
    console.log = (...values: unknown[]) => {
        lines.push(values.map(String).join(' '));
    };
    try {
        await body();
    } finally {
        console.log = original;
    }
    return lines.flatMap((line) => line.split('\n'));
}

/** Run a Hardhat task in-process and return what it printed. */
export async function runTaskCapturing(name: string, args: Record<string, unknown> = {}): Promise<string> {
    return (await captureOutput(() => hre.run(name, args))).join('\n');
}

/** The value printed on a `label  value` line by `printFields`. */
export function field(lines: string[], label: string): string {
    const line = lines.find((l) => l.startsWith(`${label} `));
    if (line === undefined) throw new Error(`no "${label}" line in:\n${lines.join('\n')}`);
    return line.slice(label.length).trim();
}

/** Every `label  value` line printed by `printFields`, as an object. */
export function parseFields(output: string): Record<string, string> {
    return Object.fromEntries(
        output
            .split('\n')
            .map((line) => line.match(/^(\S+)\s+(.*)$/))
            .filter((m): m is RegExpMatchArray => m !== null)
            .map((m) => [m[1], m[2]]),
    );
}
