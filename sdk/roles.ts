/**
 * The two roles of task execution, as small typed clients of a hub: the scheduler (the deal's
 * workerpool owner: initializes tasks, authorizes workers, finalizes or reopens) and the worker
 * (contributes, reveals, or contributes and finalizes at once). Every method sends one
 * transaction and returns it unmined, so callers can await it, wait for its receipt or assert on
 * it. Messages and signatures come from `results.ts` and `tee.ts`.
 */
import { ZeroAddress, type ContractTransactionResponse, type Signer } from 'ethers';
import {
    ConsensusFacet__factory,
    FinalizationFacet__factory,
    TaskManagerFacet__factory,
    type ConsensusFacet,
    type FinalizationFacet,
    type TaskManagerFacet,
} from '../typechain-types';
import { commitResult, type ResultCommitment } from './results';
import { signAuthorization, signEnclaveResult } from './tee';
import { taskIdOf } from './tasks';

/** The facets a role talks to, connected to its signer. */
interface Facets {
    tasks: TaskManagerFacet;
    consensus: ConsensusFacet;
    finalization: FinalizationFacet;
}

function facets(hub: string, signer: Signer): Facets {
    return {
        tasks: TaskManagerFacet__factory.connect(hub, signer),
        consensus: ConsensusFacet__factory.connect(hub, signer),
        finalization: FinalizationFacet__factory.connect(hub, signer),
    };
}

/** What anyone may do with tasks: initialize and claim them. */
class TaskClient {
    protected readonly facets: Facets;

    constructor(
        readonly signer: Signer,
        readonly hub: string,
    ) {
        this.facets = facets(hub, signer);
    }

    /** The signer's address. */
    address(): Promise<string> {
        return this.signer.getAddress();
    }

    /** Initialize task `idx` of `dealId`; its id is {@link taskIdOf}(dealId, idx). */
    initialize(dealId: string, idx: bigint | number): Promise<ContractTransactionResponse> {
        return this.facets.tasks.initialize(dealId, idx);
    }

    /** Initialize several tasks at once (all or nothing). */
    initializeArray(dealIds: string[], indexes: (bigint | number)[]): Promise<ContractTransactionResponse> {
        return this.facets.tasks.initializeArray(dealIds, indexes);
    }

    /** Claim a task whose final deadline passed. */
    claim(taskId: string): Promise<ContractTransactionResponse> {
        return this.facets.tasks.claim(taskId);
    }

    /** Claim several initialized tasks (all or nothing). */
    claimArray(taskIds: string[]): Promise<ContractTransactionResponse> {
        return this.facets.tasks.claimArray(taskIds);
    }

    /** Initialize and claim tasks nobody initialized (all or nothing). */
    initializeAndClaimArray(dealIds: string[], indexes: (bigint | number)[]): Promise<ContractTransactionResponse> {
        return this.facets.tasks.initializeAndClaimArray(dealIds, indexes);
    }
}

/** The scheduler of a deal: its workerpool's owner at match time (or anyone for initialize/claim). */
export class SchedulerRole extends TaskClient {
    /** The id of task `idx` of `dealId`. */
    taskId(dealId: string, idx: bigint | number): string {
        return taskIdOf(dealId, idx);
    }

    /**
     * Authorize `worker` to contribute to `taskId`, with `enclaveChallenge` for a TEE task (the
     * signature a worker hands to `contribute`). Also what a TEE broker signs.
     */
    authorize(worker: string, taskId: string, enclaveChallenge: string = ZeroAddress): Promise<string> {
        return signAuthorization(this.signer, { worker, taskId, enclaveChallenge });
    }

    /** Complete a REVEALING task with its results (and the callback data, on a callback deal). */
    finalize(taskId: string, results: string, resultsCallback: string = '0x'): Promise<ContractTransactionResponse> {
        return this.facets.finalization.finalize(taskId, results, resultsCallback);
    }

    /** Drop a consensus nobody revealed. */
    reopen(taskId: string): Promise<ContractTransactionResponse> {
        return this.facets.consensus.reopen(taskId);
    }
}

/** A TEE contribution: the task's enclave challenge key, which signs the result. */
export interface EnclaveOptions {
    /** The enclave challenge key (its address is the challenge). */
    enclave?: Signer;
}

/** What `contribute` takes, in full (for callers that build unusual contributions). */
export interface RawContribution {
    taskId: string;
    resultHash: string;
    resultSeal: string;
    enclaveChallenge?: string;
    enclaveSign?: string;
    authorization: string;
}

/** What `contributeAndFinalize` needs besides the task and the digest. */
export interface FastResult extends EnclaveOptions {
    /** The scheduler's (or broker's) authorization. */
    authorization: string;
    /** The result (default: empty). */
    results?: string;
    /** The callback data (default: empty); its keccak256 must be the digest on a callback deal. */
    resultsCallback?: string;
}

/** A worker: contributes to the tasks it is authorized for. */
export class WorkerRole extends TaskClient {
    /** The hash and seal this worker contributes for `digest` on `taskId`. */
    async commit(taskId: string, digest: string): Promise<ResultCommitment> {
        return commitResult(await this.address(), taskId, digest);
    }

    /**
     * Contribute `digest` to `taskId`: its hash and seal, staking the deal's worker stake, with
     * the scheduler's `authorization`; for a TEE task, the enclave key signs the hash and seal.
     */
    async contribute(
        taskId: string,
        digest: string,
        authorization: string,
        options: EnclaveOptions = {},
    ): Promise<ContractTransactionResponse> {
        const { hash, seal } = await this.commit(taskId, digest);
        const enclave = options.enclave;
        return this.contributeRaw({
            taskId,
            resultHash: hash,
            resultSeal: seal,
            enclaveChallenge: enclave ? await enclave.getAddress() : ZeroAddress,
            enclaveSign: enclave ? await signEnclaveResult(enclave, hash, seal) : '0x',
            authorization,
        });
    }

    /** `contribute` with every argument given. */
    contributeRaw(contribution: RawContribution): Promise<ContractTransactionResponse> {
        return this.facets.consensus.contribute(
            contribution.taskId,
            contribution.resultHash,
            contribution.resultSeal,
            contribution.enclaveChallenge ?? ZeroAddress,
            contribution.enclaveSign ?? '0x',
            contribution.authorization,
        );
    }

    /** Reveal the digest behind this worker's winning contribution. */
    reveal(taskId: string, digest: string): Promise<ContractTransactionResponse> {
        return this.facets.consensus.reveal(taskId, digest);
    }

    /** Contribute, reveal and finalize a task of a trust-1 deal in one transaction. */
    async contributeAndFinalize(
        taskId: string,
        digest: string,
        result: FastResult,
    ): Promise<ContractTransactionResponse> {
        const enclave = result.enclave;
        let enclaveChallenge = ZeroAddress;
        let enclaveSign = '0x';
        if (enclave) {
            const { hash, seal } = await this.commit(taskId, digest);
            enclaveChallenge = await enclave.getAddress();
            enclaveSign = await signEnclaveResult(enclave, hash, seal);
        }
        return this.facets.finalization.contributeAndFinalize(
            taskId,
            digest,
            result.results ?? '0x',
            result.resultsCallback ?? '0x',
            enclaveChallenge,
            enclaveSign,
            result.authorization,
        );
    }
}
