/**
 * Results of a task: the digest a worker computes, the hash it votes with and the seal that binds
 * it to the worker. The only place these messages are built (tests, tasks and scripts call it).
 *
 * - digest: any 32 bytes identifying the result; on a deal with a callback it must be
 *   keccak256(resultsCallback) ({@link callbackResultDigest}), the data the hub pushes to the callback;
 * - result hash (the vote, public): keccak256(taskId ‖ digest);
 * - result seal (proof the worker knows the digest): keccak256(worker ‖ taskId ‖ digest).
 */
import { getAddress, keccak256, solidityPackedKeccak256, toUtf8Bytes, type BytesLike } from 'ethers';

/** What a worker commits to and later reveals. */
export interface ResultCommitment {
    /** The result digest, revealed at `reveal`. */
    digest: string;
    /** keccak256(taskId ‖ digest), given to `contribute`. */
    hash: string;
    /** keccak256(worker ‖ taskId ‖ digest), given to `contribute`. */
    seal: string;
}

/** keccak256 of a result's content (bytes): a digest for a deal without callback. */
export function resultDigestOf(content: BytesLike): string {
    return keccak256(content);
}

/** keccak256 of the UTF-8 encoding of a text result. */
export function textResultDigest(text: string): string {
    return keccak256(toUtf8Bytes(text));
}

/** The digest a callback deal requires: keccak256(resultsCallback). */
export function callbackResultDigest(resultsCallback: BytesLike): string {
    return keccak256(resultsCallback);
}

/** keccak256(taskId ‖ digest): the vote. */
export function resultHash(taskId: string, digest: string): string {
    return solidityPackedKeccak256(['bytes32', 'bytes32'], [taskId, digest]);
}

/** keccak256(worker ‖ taskId ‖ digest): the proof the worker knows the digest. */
export function resultSeal(worker: string, taskId: string, digest: string): string {
    return solidityPackedKeccak256(['address', 'bytes32', 'bytes32'], [getAddress(worker), taskId, digest]);
}

/** The hash and seal `worker` contributes for `digest` on `taskId`. */
export function commitResult(worker: string, taskId: string, digest: string): ResultCommitment {
    return { digest, hash: resultHash(taskId, digest), seal: resultSeal(worker, taskId, digest) };
}
