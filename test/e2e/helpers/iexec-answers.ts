/**
 * The shapes of the `--raw` answers of the `iexec` CLI v9 that the end-to-end test reads (only the
 * fields it asserts on). Integers are decimal strings, except `account allowance`, whose amount is
 * hex (the SDK serializes a BN with `toJSON`).
 */

export interface WalletShow {
    balance: { ether: string; RLC: string; nRLC: string; wei: string };
    wallet: { address: string };
}

export interface SendRlc {
    amount: string;
    from: string;
    to: string;
    txHash: string;
}

export interface AccountShow {
    balance: { stake: string; locked: string };
}

export interface AmountTx {
    amount: string;
    txHash: string;
}

export interface Tx {
    txHash: string;
}

export interface Allowance {
    /** Hex without 0x, e.g. `"05"`. */
    amount: string;
}

export interface Deployed {
    address: string;
    txHash: string;
}

export interface AppShow {
    address: string;
    app: {
        appName: string;
        appType: string;
        appMultiaddr: string;
        appChecksum: string;
        appMREnclave: string;
        owner: string;
        registry: string;
    };
}

export interface DatasetShow {
    address: string;
    dataset: {
        datasetName: string;
        datasetMultiaddr: string;
        datasetChecksum: string;
        owner: string;
        registry: string;
    };
}

export interface WorkerpoolShow {
    address: string;
    workerpool: {
        workerpoolDescription: string;
        workerStakeRatioPolicy: string;
        schedulerRewardRatioPolicy: string;
        owner: string;
        registry: string;
    };
}

export interface Transferred {
    address: string;
    to: string;
    txHash: string;
}

export interface CategoryShow {
    index: string;
    category: { name: string; description: string; workClockTimeRef: string };
}

export interface CategoryCount {
    count: string;
}

export interface CategoryCreated {
    catid: string;
    txHash: string;
}

/** A signed order as the CLI prints it: every field a string, `tag` hex, plus `salt` and `sign`. */
export type SignedOrderJson = Record<string, string>;

export type OrderKey = 'apporder' | 'datasetorder' | 'workerpoolorder' | 'requestorder';

export type OrdersAnswer = Partial<Record<OrderKey, SignedOrderJson>>;

export type CancelAnswer = Partial<Record<OrderKey, { txHash: string }>>;

export interface Filled {
    dealid: string;
    volume: string;
    txHash: string;
}

export interface DealResource {
    pointer: string;
    owner: string;
    price: string;
}

export interface DealShow {
    deal: {
        dealid: string;
        app: DealResource;
        dataset: DealResource;
        workerpool: DealResource;
        trust: string;
        category: string;
        tag: string;
        requester: string;
        beneficiary: string;
        callback: string;
        params: string;
        startTime: string;
        botFirst: string;
        botSize: string;
        workerStake: string;
        schedulerRewardRatio: string;
        sponsor: string;
        finalTime: string;
        deadlineReached: boolean;
        tasks: string[];
    };
}

export interface TaskShow {
    task: {
        taskid: string;
        status: number;
        statusName: string;
        dealid: string;
        idx: string;
        timeref: string;
        contributionDeadline: string;
        revealDeadline: string;
        finalDeadline: string;
        consensusValue: string;
        revealCounter: string;
        winnerCounter: string;
        contributors: string[];
        resultDigest: string;
        results: unknown;
        resultsTimestamp: string;
        resultsCallback: string;
        taskTimedOut: boolean;
    };
    claimable: boolean;
}

export interface DealClaimed {
    claimed: Record<string, string>;
    transactions: { txHash: string; type: string }[];
}
