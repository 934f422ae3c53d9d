/**
 * Tasks: ids, statuses and reads. A task is the unit of work of a deal: task `idx` of deal
 * `dealId` (`botFirst <= idx < botFirst + botSize`) has the id keccak256(dealId ‖ uint256(idx)).
 */
import { solidityPackedKeccak256, type ContractRunner } from 'ethers';
import { TaskViewsFacet__factory } from '../typechain-types';

/** `IexecLibCore_v5.TaskStatusEnum`. */
export const TaskStatus = { UNSET: 0, ACTIVE: 1, REVEALING: 2, COMPLETED: 3, FAILED: 4 } as const;
export type TaskStatusValue = (typeof TaskStatus)[keyof typeof TaskStatus];

/** `IexecLibCore_v5.ContributionStatusEnum`. */
export const ContributionStatus = { UNSET: 0, CONTRIBUTED: 1, PROVED: 2, REJECTED: 3 } as const;
export type ContributionStatusValue = (typeof ContributionStatus)[keyof typeof ContributionStatus];

/** The name of a task status value (`'ACTIVE'`, ...). */
export function taskStatusName(status: bigint | number): keyof typeof TaskStatus {
    const entry = Object.entries(TaskStatus).find(([, value]) => BigInt(value) === BigInt(status));
    if (entry === undefined) throw new Error(`unknown task status ${status}`);
    return entry[0] as keyof typeof TaskStatus;
}

/** The name of a contribution status value. */
export function contributionStatusName(status: bigint | number): keyof typeof ContributionStatus {
    const entry = Object.entries(ContributionStatus).find(([, value]) => BigInt(value) === BigInt(status));
    if (entry === undefined) throw new Error(`unknown contribution status ${status}`);
    return entry[0] as keyof typeof ContributionStatus;
}

/** keccak256(dealId ‖ uint256(idx)): the id of task `idx` of a deal. */
export function taskIdOf(dealId: string, idx: bigint | number): string {
    return solidityPackedKeccak256(['bytes32', 'uint256'], [dealId, idx]);
}

/** The ids of the tasks `botFirst .. botFirst + botSize - 1` of a deal. */
export function taskIdsOf(dealId: string, botFirst: bigint, botSize: bigint): string[] {
    return Array.from({ length: Number(botSize) }, (_, i) => taskIdOf(dealId, botFirst + BigInt(i)));
}

/** The task as the hub reports it (`viewTask`: all zero for an unknown id). */
export async function readTask(runner: ContractRunner, hub: string, taskId: string) {
    return TaskViewsFacet__factory.connect(hub, runner).viewTask(taskId);
}

/** Read the hub's `final_deadline_ratio()`-style constants of the execution side. */
export async function readTaskConstants(runner: ContractRunner, hub: string) {
    const views = TaskViewsFacet__factory.connect(hub, runner);
    const [contribution, reveal, final, stakeRatio, kittyRatio, kittyMin, kitty] = await Promise.all([
        views.contribution_deadline_ratio(),
        views.reveal_deadline_ratio(),
        views.final_deadline_ratio(),
        views.workerpool_stake_ratio(),
        views.kitty_ratio(),
        views.kitty_min(),
        views.kitty_address(),
    ]);
    return {
        contributionDeadlineRatio: contribution,
        revealDeadlineRatio: reveal,
        finalDeadlineRatio: final,
        workerpoolStakeRatio: stakeRatio,
        kittyRatio,
        kittyMin,
        kittyAddress: kitty,
    };
}
