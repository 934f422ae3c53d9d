import { expect } from 'chai';
import { Wallet, ZeroAddress, keccak256, recoverAddress, toUtf8Bytes, verifyMessage, getBytes } from 'ethers';
import {
    callbackResultDigest,
    commitResult,
    resultDigestOf,
    resultHash,
    resultSeal,
    textResultDigest,
} from '../../sdk/results';
import {
    authorizationMessage,
    enclaveMessage,
    ethSignedMessageHash,
    signAuthorization,
    signEnclaveResult,
    createEnclaveChallenge,
} from '../../sdk/tee';
import {
    ContributionStatus,
    TaskStatus,
    contributionStatusName,
    taskIdOf,
    taskIdsOf,
    taskStatusName,
} from '../../sdk/tasks';

/** The test vectors of consensus.md §2 (computed there with Keccak-256). */
const DEAL = `0x${'11'.repeat(32)}`;
const WORKER = `0x${'22'.repeat(20)}`;
const DIGEST = `0x${'33'.repeat(32)}`;
const CHALLENGE = `0x${'44'.repeat(20)}`;
const VECTORS = {
    taskId: '0x3b31255a9f930bb80359c3ba2fef22133cd773f2653bd87c6035861658aa0882',
    authorization: '0x89ae366dc9447d8de7b5063af55b8621605333a6af3820e3064977e12fd56a3a',
    authorizationPrefixed: '0x32f140b6e859910bf87e8b0fca1f364304eaa6da49bedf869f08a55863f8fddf',
    authorizationWithChallenge: '0x37e0700708a33ede91aa2affaf9f8eafc6dd9b48015087a86b935841dce6be8a',
    resultHash: '0x6a9d713a53baedc980d19e6fffb5c1046ea8fb4b19f6aa16a5b08ad97ef18a07',
    resultSeal: '0x8de45eb07523af47c17dec11bd26c3a00e5ecb220241bb4760b0369ef29f417f',
    enclave: '0xb067b9b872ddc923b200768361b2c0aa74f462e0cef687d135bc4f19ea2189e7',
    enclavePrefixed: '0xb317f727ebc3952855ed9d2a5858204f485a00e5d671ceed43c595eca6dd99aa',
};

describe('sdk: tasks, results and TEE messages', function () {
    it('derives task ids as keccak256(dealId ‖ uint256(idx))', function () {
        expect(taskIdOf(DEAL, 3)).to.equal(VECTORS.taskId);
        expect(taskIdsOf(DEAL, 2n, 3n)).to.deep.equal([taskIdOf(DEAL, 2), VECTORS.taskId, taskIdOf(DEAL, 4)]);
    });

    it('builds result hashes and seals of the spec vectors', function () {
        const taskId = VECTORS.taskId;
        expect(resultHash(taskId, DIGEST)).to.equal(VECTORS.resultHash);
        expect(resultSeal(WORKER, taskId, DIGEST)).to.equal(VECTORS.resultSeal);
        expect(commitResult(WORKER, taskId, DIGEST)).to.deep.equal({
            digest: DIGEST,
            hash: VECTORS.resultHash,
            seal: VECTORS.resultSeal,
        });
    });

    it('builds authorization and enclave messages of the spec vectors, with their EIP-191 digests', function () {
        const taskId = VECTORS.taskId;
        expect(authorizationMessage({ worker: WORKER, taskId })).to.equal(VECTORS.authorization);
        expect(authorizationMessage({ worker: WORKER, taskId, enclaveChallenge: ZeroAddress })).to.equal(
            VECTORS.authorization,
        );
        expect(ethSignedMessageHash(VECTORS.authorization)).to.equal(VECTORS.authorizationPrefixed);
        expect(authorizationMessage({ worker: WORKER, taskId, enclaveChallenge: CHALLENGE })).to.equal(
            VECTORS.authorizationWithChallenge,
        );
        expect(enclaveMessage(VECTORS.resultHash, VECTORS.resultSeal)).to.equal(VECTORS.enclave);
        expect(ethSignedMessageHash(VECTORS.enclave)).to.equal(VECTORS.enclavePrefixed);
    });

    it('signs authorizations and enclave results as EIP-191 personal signatures', async function () {
        const scheduler = Wallet.createRandom();
        const enclave = createEnclaveChallenge();
        const taskId = VECTORS.taskId;
        const authorization = await signAuthorization(scheduler, {
            worker: WORKER,
            taskId,
            enclaveChallenge: enclave.address,
        });
        const message = authorizationMessage({ worker: WORKER, taskId, enclaveChallenge: enclave.address });
        expect(verifyMessage(getBytes(message), authorization)).to.equal(scheduler.address);
        expect(recoverAddress(ethSignedMessageHash(message), authorization)).to.equal(scheduler.address);
        const signature = await signEnclaveResult(enclave, VECTORS.resultHash, VECTORS.resultSeal);
        expect(recoverAddress(VECTORS.enclavePrefixed, signature)).to.equal(enclave.address);
    });

    it('computes digests of results and callback data with keccak256', function () {
        expect(resultDigestOf('0x1234')).to.equal(keccak256('0x1234'));
        expect(callbackResultDigest('0x')).to.equal(keccak256('0x'));
        expect(textResultDigest('hello')).to.equal(keccak256(toUtf8Bytes('hello')));
    });

    it('names statuses', function () {
        expect(taskStatusName(TaskStatus.REVEALING)).to.equal('REVEALING');
        expect(taskStatusName(4n)).to.equal('FAILED');
        expect(contributionStatusName(ContributionStatus.REJECTED)).to.equal('REJECTED');
        expect(() => taskStatusName(5)).to.throw('unknown task status 5');
    });
});
