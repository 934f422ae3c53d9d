/**
 * What the task-side CLI tasks share: reading a task with its deal, and checks that turn the
 * hub's rules into one-line errors before anything is sent.
 */
import { ZeroHash, type ContractRunner } from 'ethers';
import { DealViewsFacet__factory, EscrowERC20Facet__factory, TaskViewsFacet__factory } from '../../typechain-types';
import { taskStatusName, TaskStatus } from '../../sdk/tasks';
import { TaskError } from './errors';

/** A deal as the task side needs it. */
export interface DealView {
    scheduler: string;
    workerpool: string;
    trust: bigint;
    category: bigint;
    tag: string;
    callback: string;
    startTime: bigint;
    botFirst: bigint;
    botSize: bigint;
    workerStake: bigint;
    sponsor: string;
}

/** Read a deal with the hub's `viewDeal`. */
export async function readDeal(runner: ContractRunner, hub: string, dealId: string): Promise<DealView> {
    const deal = await DealViewsFacet__factory.connect(hub, runner).viewDeal(dealId);
    return {
        scheduler: deal.workerpool.owner,
        workerpool: deal.workerpool.pointer,
        trust: deal.trust,
        category: deal.category,
        tag: deal.tag,
        callback: deal.callback,
        startTime: deal.startTime,
        botFirst: deal.botFirst,
        botSize: deal.botSize,
        workerStake: deal.workerStake,
        sponsor: deal.sponsor,
    };
}

/** A task read from the hub, with its deal; fails with one line for an unknown task. */
export async function readTaskAndDeal(runner: ContractRunner, hub: string, taskId: string) {
    const task = await TaskViewsFacet__factory.connect(hub, runner).viewTask(taskId);
    if (task.dealid === ZeroHash) throw new TaskError(`task ${taskId} does not exist (not initialized)`);
    return { task, deal: await readDeal(runner, hub, task.dealid) };
}

/** The status name of a task view. */
export function statusOf(task: { status: bigint }): string {
    return taskStatusName(task.status);
}

/** Fail with one line unless the task is in one of `expected`. */
export function requireTaskStatus(taskId: string, task: { status: bigint }, expected: number[], action: string): void {
    if (!expected.map(BigInt).includes(task.status)) {
        const names = expected.map((s) => taskStatusName(s)).join(' or ');
        throw new TaskError(`task ${taskId} is ${statusOf(task)}: only ${names} tasks can be ${action}`);
    }
}

/** Seconds since the epoch of the latest block. */
export async function chainTime(runner: ContractRunner): Promise<bigint> {
    const block = await runner.provider!.getBlock('latest');
    return BigInt(block!.timestamp);
}

/** `1795600892 (2026-11-25T12:01:32.000Z)`. */
export function describeTime(seconds: bigint): string {
    if (seconds === 0n) return '0';
    if (seconds > 8_640_000_000_000n) return seconds.toString();
    return `${seconds} (${new Date(Number(seconds) * 1000).toISOString()})`;
}

/** Fail with one line unless `account` holds at least `amount` nRLC of free escrow balance. */
export async function requireFreeBalance(
    runner: ContractRunner,
    hub: string,
    account: string,
    amount: bigint,
    what: string,
): Promise<void> {
    const { stake } = await EscrowERC20Facet__factory.connect(hub, runner).viewAccount(account);
    if (stake < amount) {
        throw new TaskError(`${account} has ${stake} nRLC free in the escrow, below the ${amount} nRLC ${what}`);
    }
}

export { TaskStatus };
