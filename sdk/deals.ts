/**
 * Deals: ids, task ids and the deal a `matchOrders` transaction made. A deal's id is
 * `keccak256(requestHash ‖ uint256(botFirst))`, `botFirst` being the request order's consumed
 * volume before the match; its tasks are `keccak256(dealId ‖ uint256(index))` for the indexes
 * `botFirst ... botFirst + botSize - 1`.
 */
import { ZeroAddress, solidityPackedKeccak256, type ContractRunner, type TransactionReceipt } from 'ethers';
import { ClerkFacet__factory, DealViewsFacet__factory } from '../typechain-types';
import type { IexecLibCore_v5 } from '../typechain-types/contracts/facets/DealViewsFacet';

/** A deal as `viewDeal` returns it. */
export type Deal = IexecLibCore_v5.DealStructOutput;

/** The id of the deal a match of the request order `requestHash` makes when `botFirst` of it is consumed. */
export function dealId(requestHash: string, botFirst: bigint): string {
    return solidityPackedKeccak256(['bytes32', 'uint256'], [requestHash, botFirst]);
}

/** The id of the task `index` of deal `deal` (`index` counts from the request order's first task, `botFirst`). */
export function taskId(deal: string, index: bigint): string {
    return solidityPackedKeccak256(['bytes32', 'uint256'], [deal, index]);
}

/** What an `OrdersMatched` event says. */
export interface MatchedOrders {
    dealId: string;
    appHash: string;
    datasetHash: string;
    workerpoolHash: string;
    requestHash: string;
    volume: bigint;
}

/** The `OrdersMatched` events the hub emitted in a transaction, in order. */
export function matchedOrdersOf(receipt: TransactionReceipt, hub: string): MatchedOrders[] {
    const iface = ClerkFacet__factory.createInterface();
    const matched: MatchedOrders[] = [];
    for (const log of receipt.logs) {
        if (log.address.toLowerCase() !== hub.toLowerCase()) continue;
        const parsed = iface.parseLog(log);
        if (parsed?.name !== 'OrdersMatched') continue;
        const [id, appHash, datasetHash, workerpoolHash, requestHash, volume] = parsed.args;
        matched.push({ dealId: id, appHash, datasetHash, workerpoolHash, requestHash, volume });
    }
    return matched;
}

/** The deal `id` on the hub, or undefined if there is none (the hub returns an all-zero deal). */
export async function readDeal(runner: ContractRunner, hub: string, id: string): Promise<Deal | undefined> {
    const deal = await DealViewsFacet__factory.connect(hub, runner).viewDeal(id);
    return deal.requester === ZeroAddress ? undefined : deal;
}
