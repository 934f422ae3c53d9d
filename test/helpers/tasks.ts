/**
 * Running tasks in tests: the hub registered as the network's deployment (what `pocoContext`
 * reads), and the console output of a task captured.
 */
import { deployments } from 'hardhat';
import { DeployIds } from '../../sdk/deploy-ids';
import { deployOrdersHub } from './orders';

/**
 * {@link deployOrdersHub}, recorded as the hardhat network's `PocoDiamond` deployment so that tasks
 * find it. Stands in for the deploy scripts' fixture (`helpers/fixtures.ts` `deployPoco`), which
 * needs the registries.
 */
export async function deployOrdersHubForTasks() {
    const hub = await deployOrdersHub();
    await deployments.save(DeployIds.Hub, { address: hub.hubAddress, abi: [] });
    return hub;
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

/** The value printed on a `label  value` line by `printFields`. */
export function field(lines: string[], label: string): string {
    const line = lines.find((l) => l.startsWith(`${label} `));
    if (line === undefined) throw new Error(`no "${label}" line in:\n${lines.join('\n')}`);
    return line.slice(label.length).trim();
}
