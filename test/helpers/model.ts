/**
 * A TypeScript model of the consensus and money rules of consensus.md §5, §8, §10, §13, §14, in
 * bigint arithmetic (floor division, as Solidity): tests predict with it, then compare the chain.
 */

/** §5.3: weight = max(score / 3, 3) - 1. */
export function workerWeight(score: bigint): bigint {
    const third = score / 3n;
    return (third > 3n ? third : 3n) - 1n;
}

/** floor(log2(value)), value >= 1 (v6 semantics). */
export function log2(value: bigint): bigint {
    let log = 0n;
    while (value > 1n) {
        value >>= 1n;
        log += 1n;
    }
    return log;
}

/** The consensus state of one task: group weights per result hash and the total (with its prior 1). */
export class ConsensusModel {
    groups = new Map<string, bigint>();
    total = 1n;

    constructor(readonly trust: bigint) {}

    /** §5.3-5.4: weigh a vote; whether it reaches the consensus (`group × trust > total × (trust − 1)`). */
    vote(hash: string, score: bigint): boolean {
        const weight = workerWeight(score);
        const group = this.groups.get(hash) ?? 0n;
        const delta = (group > 1n ? group : 1n) * weight - group;
        this.groups.set(hash, group + delta);
        this.total += delta;
        return (group + delta) * this.trust > this.total * (this.trust - 1n);
    }

    /** §9: drop the consensus on `hash`. */
    reopen(hash: string): void {
        this.total -= this.groups.get(hash) ?? 0n;
        this.groups.set(hash, 0n);
    }
}

/** How many agreeing fresh workers (weight 2) reach a consensus at `trust`. */
export function freshWorkersForConsensus(trust: bigint): number {
    const model = new ConsensusModel(trust);
    for (let n = 1; ; ++n) if (model.vote('h', 0n)) return n;
}

/** A contribution at finalization time, for {@link finalizeSplit}. */
export interface SettledContribution {
    proved: boolean;
    logWeight: bigint;
}

/**
 * §8.3: what `finalize` pays each contribution (shares, in contribution order; 0 for losers) and
 * the scheduler's remainder.
 */
export function finalizeSplit(
    workerpoolPrice: bigint,
    workerStake: bigint,
    schedulerRewardRatio: bigint,
    contributions: SettledContribution[],
): { shares: bigint[]; schedulerRemainder: bigint } {
    const totalLogWeight = contributions.filter((c) => c.proved).reduce((sum, c) => sum + c.logWeight, 0n);
    let totalReward = workerpoolPrice + workerStake * BigInt(contributions.filter((c) => !c.proved).length);
    const workersReward = (totalReward * (100n - schedulerRewardRatio)) / 100n;
    const shares = contributions.map((c) => (c.proved ? (workersReward * c.logWeight) / totalLogWeight : 0n));
    totalReward -= shares.reduce((sum, share) => sum + share, 0n);
    return { shares, schedulerRemainder: totalReward };
}

/** §13.2: the kitty's payout to the scheduler of a completed task. */
export function kittyPayout(kitty: bigint): bigint {
    if (kitty === 0n) return 0n;
    const tenth = (kitty * 10n) / 100n;
    const payout = tenth > 1_000_000_000n ? tenth : 1_000_000_000n;
    return payout < kitty ? payout : kitty;
}

/** §1.5: the scheduler's per-task stake. */
export function schedulerStake(workerpoolPrice: bigint): bigint {
    return (workerpoolPrice * 30n) / 100n;
}

/** §14: a score after finalization. */
export function scoreAfter(score: bigint, proved: boolean, replicated: boolean): bigint {
    if (proved) return replicated ? score + 1n : score;
    return (score * 2n) / 3n;
}
