/**
 * The report of `npm run demo` (scripts/demo.ts): the gas of every step, the escrow balances of
 * every actor, and who was paid or slashed and why, read from the hub's events.
 */
import { Interface, type ContractRunner, type ContractTransactionReceipt } from 'ethers';
import {
    ClerkFacet__factory,
    ConsensusFacet__factory,
    IEscrowLedger__factory,
    IFinalization__factory,
    TaskManagerFacet__factory,
} from '../../typechain-types';
import { mergeAbis } from '../../sdk/diamond';
import { accountOf, backingOf, type EscrowAccount } from '../../sdk/escrow';
import { formatRLC } from '../../sdk/units';

/** What an actor is, for the explanations of its events. */
export type Role = 'requester' | 'app owner' | 'dataset owner' | 'scheduler' | 'worker' | 'kitty' | 'hub' | 'broker';

export interface Actor {
    name: string;
    address: string;
    role: Role;
}

/** One transaction of the demo. */
export interface Step {
    step: string;
    actor: string;
    receipt?: ContractTransactionReceipt;
    gasUsed: bigint;
}

/** The steps of the demo, in order, with their receipts. */
export class StepLog {
    readonly steps: Step[] = [];

    /** Record a mined transaction and return its receipt. */
    add(step: string, actor: string, receipt: ContractTransactionReceipt): ContractTransactionReceipt {
        this.steps.push({ step, actor, receipt, gasUsed: receipt.gasUsed });
        return receipt;
    }

    /** Record a step made of several transactions (or none with a receipt, e.g. the deployment). */
    addGas(step: string, actor: string, gasUsed: bigint): void {
        this.steps.push({ step, actor, gasUsed });
    }

    table() {
        const rows = this.steps.map(({ step, actor, gasUsed }) => ({
            step,
            actor,
            gasUsed: gasUsed.toLocaleString('en-US'),
        }));
        const total = this.steps.reduce((sum, { gasUsed }) => sum + gasUsed, 0n);
        rows.push({ step: 'total', actor: '', gasUsed: total.toLocaleString('en-US') });
        return rows;
    }
}

/** Free and frozen escrow balances of each actor, by name. */
export type Balances = Map<string, EscrowAccount>;

export async function readBalances(runner: ContractRunner, hub: string, actors: readonly Actor[]): Promise<Balances> {
    const balances: Balances = new Map();
    for (const actor of actors) balances.set(actor.name, await accountOf(runner, hub, actor.address));
    return balances;
}

const rlc = (amount: bigint) => formatRLC(amount);
const signed = (amount: bigint) => (amount > 0n ? `+${rlc(amount)}` : amount === 0n ? '0' : rlc(amount));

/** The table of every actor's free and frozen balance before and after (and in between), in RLC. */
export function balanceTable(actors: readonly Actor[], before: Balances, after: Balances, during?: Balances) {
    const rows: Record<string, Record<string, string>> = {};
    for (const { name } of actors) {
        const b = before.get(name)!;
        const a = after.get(name)!;
        rows[name] = {
            'free before': rlc(b.free),
            'frozen before': rlc(b.frozen),
            ...(during ? { 'free at consensus': rlc(during.get(name)!.free) } : {}),
            ...(during ? { 'frozen at consensus': rlc(during.get(name)!.frozen) } : {}),
            'free after': rlc(a.free),
            'frozen after': rlc(a.frozen),
            'Δ total': signed(a.free + a.frozen - b.free - b.frozen),
        };
    }
    return rows;
}

/** What the hub holds and what it owes: equal when no RLC was created or lost. */
export async function conservation(runner: ContractRunner, hub: string) {
    const { held, totalSupply } = await backingOf(runner, hub);
    return { held, totalSupply, balanced: held === totalSupply };
}

let eventInterface: Interface | undefined;

/** The hub's events this report reads (escrow, consensus, finalization, task manager, clerk). */
function hubInterface(): Interface {
    eventInterface ??= new Interface(
        mergeAbis([
            IEscrowLedger__factory.abi,
            IFinalization__factory.abi,
            ConsensusFacet__factory.abi,
            TaskManagerFacet__factory.abi,
            ClerkFacet__factory.abi,
        ]),
    );
    return eventInterface;
}

/** An escrow or scoring event of the hub, with the step that emitted it. */
export interface MoneyEvent {
    step: string;
    event: string;
    account: string;
    amount?: bigint;
    task?: string;
}

const MONEY_EVENTS = ['Lock', 'Unlock', 'Seize', 'Reward', 'AccurateContribution', 'FaultyContribution'];

/** The money and scoring events of every step, in order. */
export function moneyEvents(log: StepLog, hub: string): MoneyEvent[] {
    const iface = hubInterface();
    const events: MoneyEvent[] = [];
    for (const { step, receipt } of log.steps) {
        if (!receipt) continue;
        for (const entry of receipt.logs) {
            if (entry.address.toLowerCase() !== hub.toLowerCase()) continue;
            const parsed = iface.parseLog(entry);
            if (!parsed || !MONEY_EVENTS.includes(parsed.name)) continue;
            const args = parsed.args;
            if (parsed.name === 'AccurateContribution' || parsed.name === 'FaultyContribution') {
                events.push({ step, event: parsed.name, account: args.worker, task: args.taskid });
            } else {
                events.push({
                    step,
                    event: parsed.name,
                    account: args.owner,
                    amount: args.amount,
                    task: parsed.name === 'Seize' || parsed.name === 'Reward' ? args.ref : undefined,
                });
            }
        }
    }
    return events;
}

/** Why an account got an event, from its role and the event before it in the same step. */
function reason(event: MoneyEvent, role: Role | undefined, previous: MoneyEvent | undefined): string {
    const kittyPayout =
        previous?.event === 'Seize' && previous.step === event.step && previous.account !== event.account;
    switch (`${event.event}:${role}`) {
        case 'Lock:requester':
            return 'deal price frozen by the match';
        case 'Lock:scheduler':
            return 'scheduler stake (30% of the workerpool price) frozen by the match';
        case 'Lock:worker':
            return 'worker stake frozen by the contribution';
        case 'Lock:kitty':
            return 'a seized stake goes to the kitty';
        case 'Seize:requester':
            return 'task price taken from the frozen deal price';
        case 'Seize:worker':
            return 'SLASHED: its contribution was not proved, its stake funds the others';
        case 'Seize:kitty':
            return 'kitty payout to the scheduler of a completed task';
        case 'Unlock:scheduler':
            return 'scheduler stake released (task completed)';
        case 'Unlock:worker':
            return 'worker stake released (contribution proved)';
        case 'Unlock:requester':
            return 'deal price refunded';
        case 'Reward:app owner':
            return 'app price';
        case 'Reward:dataset owner':
            return 'dataset price';
        case 'Reward:worker':
            return 'PAID: its share of the workers reward';
        case 'Reward:scheduler':
            return kittyPayout ? 'kitty payout' : 'scheduler reward (its ratio + rounding)';
        case 'AccurateContribution:worker':
            return 'revealed the consensus result: score +1';
        case 'FaultyContribution:worker':
            return 'did not prove the consensus result: score × 2/3';
        default:
            return '';
    }
}

/** The table of who was paid, locked, released or slashed, and why. */
export function paymentsTable(events: readonly MoneyEvent[], actors: readonly Actor[], taskNames: Map<string, string>) {
    const byAddress = new Map(actors.map((actor) => [actor.address.toLowerCase(), actor]));
    return events.map((event, index) => {
        const actor = byAddress.get(event.account.toLowerCase());
        return {
            step: event.step,
            event: event.event,
            account: actor?.name ?? event.account,
            RLC: event.amount === undefined ? '' : rlc(event.amount),
            task: event.task ? (taskNames.get(event.task) ?? event.task.slice(0, 10)) : '',
            why: reason(event, actor?.role, events[index - 1]),
        };
    });
}
