/**
 * Running tasks in tests: the hub registered as the network's deployment (what `pocoContext`
 * reads), and the console output of a task captured.
 */
import { deployments } from 'hardhat';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { DeployIds } from '../../sdk/deploy-ids';
import { deployOrdersHub } from './orders';

/**
 * `loadFixture(fixture)`, then its hub recorded as the hardhat network's `PocoDiamond` deployment,
 * where tasks look for it (`pocoContext`). Recorded on every load: the record lives outside the
 * chain, so a snapshot revert does not restore it. Stands in for the deploy scripts' fixture
 * (`helpers/fixtures.ts` `deployPoco`), which needs the registries.
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

/** The hub of {@link deployOrdersHub}, for tasks ({@link loadTaskFixture}). */
export const deployOrdersHubForTasks = deployOrdersHub;

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

/** The value printed on a `label  value` line by `printFields`. */
export function field(lines: string[], label: string): string {
    const line = lines.find((l) => l.startsWith(`${label} `));
    if (line === undefined) throw new Error(`no "${label}" line in:\n${lines.join('\n')}`);
    return line.slice(label.length).trim();
}
