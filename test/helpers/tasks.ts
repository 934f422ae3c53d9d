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

/**
 * Run a Hardhat task in-process that must fail, and return what it printed before failing and
 * its error message (which must be one line).
 */
export async function runTaskFailing(
    name: string,
    args: Record<string, unknown> = {},
): Promise<{ output: string; error: string }> {
    let failure: { error: unknown } | undefined;
    const lines = await captureOutput(async () => {
        try {
            await hre.run(name, args);
        } catch (error) {
            failure = { error };
        }
    });
    if (failure === undefined) throw new Error(`${name} did not fail; it printed:\n${lines.join('\n')}`);
    const message = (failure.error as Error).message;
    if (message.includes('\n')) throw new Error(`${name} failed with more than one line: ${message}`);
    return { output: lines.join('\n'), error: message };
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
