/**
 * The hub's events in a receipt, decoded with the ABI of every task-side facet (which includes
 * the escrow events `LibEscrow` emits), as plain `[name, ...args]` tuples in emission order: tests
 * compare whole event sequences with `deep.equal`.
 */
import { artifacts } from 'hardhat';
import { Interface, type TransactionReceipt } from 'ethers';
import { mergeAbis } from '../../sdk/diamond';
import { TASK_TEST_FACETS } from './deals';

const FACETS = ['TaskManagerFacet', 'ConsensusFacet', 'FinalizationFacet', 'TaskViewsFacet', ...TASK_TEST_FACETS];

let cached: Interface | undefined;

/** The merged interface of the task-side facets. */
export function taskInterface(): Interface {
    cached ??= new Interface(mergeAbis(FACETS.map((name) => artifacts.readArtifactSync(name).abi)));
    return cached;
}

export type EventTuple = [string, ...unknown[]];

/** The events `hub` emitted in `receipt`, in order, as `[name, ...args]`. */
export function hubEvents(receipt: TransactionReceipt | null, hub: string): EventTuple[] {
    if (receipt === null) throw new Error('no receipt');
    const iface = taskInterface();
    return receipt.logs
        .filter((log) => log.address.toLowerCase() === hub.toLowerCase())
        .map((log) => {
            const parsed = iface.parseLog(log);
            if (parsed === null) throw new Error(`unknown event ${log.topics[0]}`);
            return [parsed.name, ...parsed.args.toArray()] as EventTuple;
        });
}

/** The names only, in order. */
export function hubEventNames(receipt: TransactionReceipt | null, hub: string): string[] {
    return hubEvents(receipt, hub).map(([name]) => name);
}
