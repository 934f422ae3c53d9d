/**
 * Contribution authorizations and TEE enclave signatures: the only place these messages are built
 * and signed (tests, tasks and scripts call it).
 *
 * - authorization: keccak256(worker ‖ taskId ‖ enclaveChallenge) (challenge zero without enclave),
 *   personal-signed (EIP-191) by the deal's scheduler, or by the hub's TEE broker when the
 *   challenge is not zero and a broker is set;
 * - enclave signature: keccak256(resultHash ‖ resultSeal), personal-signed by the enclave
 *   challenge, a throw-away key created for one task (by the SMS in production).
 *
 * A contract signer (ERC-1271 scheduler or broker) is handed the EIP-191 digest: a wallet that
 * checks its key's ECDSA signature of that digest accepts exactly what {signAuthorization} returns
 * when its key signs. The enclave challenge must be a key (the hub never asks a contract).
 */
import {
    Wallet,
    ZeroAddress,
    getAddress,
    getBytes,
    hashMessage,
    solidityPackedKeccak256,
    type HDNodeWallet,
    type Signer,
} from 'ethers';

/** Who may contribute what: the fields of an authorization. */
export interface Authorization {
    worker: string;
    taskId: string;
    /** The enclave challenge, or the zero address for a task without enclave. */
    enclaveChallenge?: string;
}

/** keccak256(worker ‖ taskId ‖ enclaveChallenge): what the scheduler (or broker) signs. */
export function authorizationMessage({ worker, taskId, enclaveChallenge = ZeroAddress }: Authorization): string {
    return solidityPackedKeccak256(
        ['address', 'bytes32', 'address'],
        [getAddress(worker), taskId, getAddress(enclaveChallenge)],
    );
}

/** The EIP-191 personal-sign digest of a 32-byte message (what the hub verifies, and hands to ERC-1271). */
export function ethSignedMessageHash(message: string): string {
    return hashMessage(getBytes(message));
}

/** The authorization for `worker` to contribute to `taskId`, signed by `signer` (scheduler or broker). */
export async function signAuthorization(signer: Signer, authorization: Authorization): Promise<string> {
    return signer.signMessage(getBytes(authorizationMessage(authorization)));
}

/** keccak256(resultHash ‖ resultSeal): what the enclave signs. */
export function enclaveMessage(resultHash: string, resultSeal: string): string {
    return solidityPackedKeccak256(['bytes32', 'bytes32'], [resultHash, resultSeal]);
}

/** The enclave's signature of a contribution's result hash and seal. */
export async function signEnclaveResult(enclave: Signer, resultHash: string, resultSeal: string): Promise<string> {
    return enclave.signMessage(getBytes(enclaveMessage(resultHash, resultSeal)));
}

/** A fresh enclave challenge: a random key pair (its address goes into the authorization). */
export function createEnclaveChallenge(): HDNodeWallet | Wallet {
    return Wallet.createRandom();
}
