import { expect } from 'chai';
import { AbiCoder, ZeroAddress, concat, getBytes, keccak256, toBeHex, type Signer } from 'ethers';
import type { HardhatEthersSigner } from '@nomicfoundation/hardhat-ethers/signers';
import { ERC1271WalletMock__factory } from '../../typechain-types';
import { createWorkerpool } from '../../sdk/assets';
import { compactSignature, highSTwin, withRecoveryByte } from '../../sdk/orders';
import { commitResult, textResultDigest } from '../../sdk/results';
import { ContributionStatus, TaskStatus } from '../../sdk/tasks';
import { buildTag } from '../../sdk/tags';
import {
    authorizationMessage,
    createEnclaveChallenge,
    enclaveMessage,
    ethSignedMessageHash,
    signAuthorization,
    signEnclaveResult,
} from '../../sdk/tee';
import { WorkerRole } from '../../sdk/roles';
import { initializedTask, loadFundedContext, rolesOf, type TaskContext } from '../helpers/deals';

/**
 * The TEE and authorization matrix of consensus.md §15.4 and the iExec-mode cases of
 * tee-attestation.md §6 (B, C), for `contribute` and for `contributeAndFinalize`.
 */
const DIGEST = textResultDigest('enclave result');
const TEE_TAG = buildTag(['TEE', 'TDX']);
/** `ERC1271WalletMock.Mode`. */
const WalletMode = { Valid: 0, Invalid: 1, Revert: 2, ShortReturn: 3, DirtyReturn: 4, BurnGas: 5 } as const;

type Path = 'contribute' | 'contributeAndFinalize';

/** What a worker submits: the challenge, the enclave signature, the authorization (and, for contribute, hash and seal). */
interface Submission {
    worker: HardhatEthersSigner;
    taskId: string;
    enclaveChallenge: string;
    enclaveSign: string;
    authorization: string;
    resultHash?: string;
    resultSeal?: string;
}

function submit(context: TaskContext, path: Path, s: Submission, overrides: { gasLimit?: number } = {}) {
    if (path === 'contribute') {
        const commitment = commitResult(s.worker.address, s.taskId, DIGEST);
        return context.task.consensus
            .connect(s.worker)
            .contribute(
                s.taskId,
                s.resultHash ?? commitment.hash,
                s.resultSeal ?? commitment.seal,
                s.enclaveChallenge,
                s.enclaveSign,
                s.authorization,
                overrides,
            );
    }
    return context.task.finalization
        .connect(s.worker)
        .contributeAndFinalize(
            s.taskId,
            DIGEST,
            '0x',
            '0x',
            s.enclaveChallenge,
            s.enclaveSign,
            s.authorization,
            overrides,
        );
}

/** The enclave's signature of the worker's own hash and seal for the task. */
async function enclaveSignature(enclave: Signer, worker: string, taskId: string) {
    const { hash, seal } = commitResult(worker, taskId, DIGEST);
    return signEnclaveResult(enclave, hash, seal);
}

for (const path of ['contribute', 'contributeAndFinalize'] as const) {
    describe(`TEE and authorization matrix (${path})`, function () {
        async function setup(tag = TEE_TAG) {
            const context = await loadFundedContext();
            const roles = rolesOf(context);
            const { taskId } = await initializedTask(context, { tag });
            const enclave = createEnclaveChallenge();
            const worker = context.workers[0];
            const valid = async (overrides: Partial<Submission> = {}): Promise<Submission> => ({
                worker,
                taskId,
                enclaveChallenge: enclave.address,
                enclaveSign: await enclaveSignature(enclave, worker.address, taskId),
                authorization: await roles.scheduler.authorize(worker.address, taskId, enclave.address),
                ...overrides,
            });
            return {
                context,
                ...roles,
                taskId,
                enclave,
                worker,
                valid,
                consensus: context.task.consensus,
                expectContributed: async (submitter = worker) => {
                    const contribution = await context.task.views.viewContribution(taskId, submitter.address);
                    expect(contribution.status).to.equal(
                        path === 'contribute' ? ContributionStatus.CONTRIBUTED : ContributionStatus.PROVED,
                    );
                    expect(contribution.enclaveChallenge).to.equal(enclave.address);
                },
            };
        }

        const unauthorized = (consensus: TaskContext['task']['consensus']) =>
            [consensus, 'ConsensusUnauthorizedContribution'] as const;

        it('#1 TEE deal: scheduler authorization and enclave signature → accepted, challenge stored', async function () {
            const { context, valid, expectContributed, taskId } = await setup();
            await (await submit(context, path, await valid())).wait();
            await expectContributed();
            const status = (await context.task.views.viewTask(taskId)).status;
            expect(status).to.equal(path === 'contribute' ? TaskStatus.REVEALING : TaskStatus.COMPLETED);
        });

        it('#2/#3 broker set: the broker signs TEE authorizations, the scheduler no longer can', async function () {
            const { context, valid, consensus, taskId, worker, enclave, expectContributed } = await setup();
            const broker = context.actors.broker;
            await (await context.hub.configuration.setTeeBroker(broker.address)).wait();
            await expect(submit(context, path, await valid()))
                .to.be.revertedWithCustomError(...unauthorized(consensus))
                .withArgs(taskId, worker.address, enclave.address, broker.address);
            const authorization = await signAuthorization(broker, {
                worker: worker.address,
                taskId,
                enclaveChallenge: enclave.address,
            });
            await (await submit(context, path, await valid({ authorization }))).wait();
            await expectContributed();
        });

        it('#4 TEE deal without challenge → ConsensusEnclaveChallengeRequired, even well authorized', async function () {
            const { context, valid, consensus, taskId, worker, scheduler } = await setup();
            const authorization = await scheduler.authorize(worker.address, taskId);
            await expect(
                submit(context, path, await valid({ enclaveChallenge: ZeroAddress, enclaveSign: '0x', authorization })),
            )
                .to.be.revertedWithCustomError(consensus, 'ConsensusEnclaveChallengeRequired')
                .withArgs(taskId, TEE_TAG);
        });

        it('#5 non-TEE deal with a challenge and a valid enclave signature → accepted', async function () {
            const { context, valid, expectContributed } = await setup(toBeHex(0, 32));
            await (await submit(context, path, await valid())).wait();
            await expectContributed();
        });

        it('#6 non-TEE deal, broker set, no challenge: the scheduler signs, not the broker', async function () {
            const { context, valid, consensus, taskId, worker, scheduler } = await setup(toBeHex(0, 32));
            const broker = context.actors.broker;
            await (await context.hub.configuration.setTeeBroker(broker.address)).wait();
            const byBroker = await signAuthorization(broker, { worker: worker.address, taskId });
            const plain = { enclaveChallenge: ZeroAddress, enclaveSign: '0x' };
            await expect(submit(context, path, await valid({ ...plain, authorization: byBroker })))
                .to.be.revertedWithCustomError(...unauthorized(consensus))
                .withArgs(taskId, worker.address, ZeroAddress, context.actors.scheduler.address);
            const byScheduler = await scheduler.authorize(worker.address, taskId);
            await (await submit(context, path, await valid({ ...plain, authorization: byScheduler }))).wait();
        });

        it('#7/#8 enclave signature by another key, without prefix, over other messages → refused', async function () {
            const { context, valid, consensus, taskId, worker, enclave } = await setup();
            const { hash, seal } = commitResult(worker.address, taskId, DIGEST);
            const raw = enclave.signingKey.sign(enclaveMessage(hash, seal)).serialized;
            const wrong = [
                await enclaveSignature(createEnclaveChallenge(), worker.address, taskId),
                raw,
                await enclave.signMessage(getBytes(hash)),
                await signEnclaveResult(enclave, seal, hash),
            ];
            for (const enclaveSign of wrong) {
                await expect(submit(context, path, await valid({ enclaveSign })))
                    .to.be.revertedWithCustomError(consensus, 'ConsensusInvalidEnclaveSignature')
                    .withArgs(taskId, enclave.address);
            }
        });

        it('#9/#13 signatures of a length other than 64/65 revert with SignatureInvalidLength', async function () {
            const { context, valid, consensus } = await setup();
            const good = await valid();
            for (const bad of [
                '0x',
                '0xbadd',
                `0x${'11'.repeat(63)}`,
                `0x${'11'.repeat(66)}`,
                `0x${'11'.repeat(130)}`,
            ]) {
                const length = BigInt(getBytes(bad).length);
                await expect(submit(context, path, { ...good, enclaveSign: bad }))
                    .to.be.revertedWithCustomError(consensus, 'SignatureInvalidLength')
                    .withArgs(length);
                await expect(submit(context, path, { ...good, authorization: bad }))
                    .to.be.revertedWithCustomError(consensus, 'SignatureInvalidLength')
                    .withArgs(length);
            }
        });

        it('#10/#11/#12 an authorization for another worker, task or challenge → refused', async function () {
            const { context, valid, consensus, taskId, worker, enclave, scheduler } = await setup();
            const other = context.workers[1];
            const otherTask = (await initializedTask(context, { tag: TEE_TAG })).taskId;
            const otherEnclave = createEnclaveChallenge();
            const cases = [
                // A's authorization used by B.
                { worker: other, authorization: await scheduler.authorize(worker.address, taskId, enclave.address) },
                // T2's authorization used on T1.
                { authorization: await scheduler.authorize(worker.address, otherTask, enclave.address) },
                // An authorization naming another challenge.
                { authorization: await scheduler.authorize(worker.address, taskId, otherEnclave.address) },
            ];
            for (const overrides of cases) {
                const submission = await valid(overrides);
                if (overrides.worker) {
                    submission.enclaveSign = await enclaveSignature(enclave, other.address, taskId);
                }
                await expect(submit(context, path, submission))
                    .to.be.revertedWithCustomError(...unauthorized(consensus))
                    .withArgs(taskId, submission.worker.address, enclave.address, context.actors.scheduler.address);
            }
        });

        it('#14 EIP-2098 64-byte signatures → accepted', async function () {
            const { context, valid, expectContributed } = await setup();
            const good = await valid();
            await (
                await submit(context, path, {
                    ...good,
                    authorization: compactSignature(good.authorization),
                    enclaveSign: compactSignature(good.enclaveSign),
                })
            ).wait();
            await expectContributed();
        });

        it('§6 B: high-s, v 0/1, all-zero, double-prefixed and abi.encode authorizations → refused', async function () {
            const { context, valid, consensus, taskId, worker, enclave } = await setup();
            const good = await valid();
            const scheduler = context.actors.scheduler;
            const signature = good.authorization;
            // The scheduler's signature of the authorization's EIP-191 digest (signed twice over).
            const doublePrefixed = await scheduler.signMessage(
                getBytes(
                    ethSignedMessageHash(
                        authorizationMessage({ worker: worker.address, taskId, enclaveChallenge: enclave.address }),
                    ),
                ),
            );
            const encoded = await scheduler.signMessage(
                getBytes(
                    keccak256(
                        AbiCoder.defaultAbiCoder().encode(
                            ['address', 'bytes32', 'address'],
                            [worker.address, taskId, enclave.address],
                        ),
                    ),
                ),
            );
            const bad = [
                highSTwin(signature),
                withRecoveryByte(signature, 0),
                withRecoveryByte(signature, 1),
                concat([new Uint8Array(65)]),
                doublePrefixed,
                encoded,
            ];
            for (const authorization of bad) {
                await expect(submit(context, path, { ...good, authorization })).to.be.revertedWithCustomError(
                    ...unauthorized(consensus),
                );
            }
            // The high-s twin of a valid enclave signature is refused too.
            await expect(
                submit(context, path, { ...good, enclaveSign: highSTwin(good.enclaveSign) }),
            ).to.be.revertedWithCustomError(consensus, 'ConsensusInvalidEnclaveSignature');
        });

        describe('#15 ERC-1271 signers', function () {
            /** A task of a deal whose workerpool is owned by an ERC-1271 wallet (the scheduler). */
            async function walletScheduler(mode: number) {
                const s = await setup();
                const key = s.context.actors.stranger;
                // The wallet accepts its key's signature of the workerpool order at match time,
                // then answers as `mode` says when the TEE authorization is checked.
                const wallet = await new ERC1271WalletMock__factory(s.context.deployer).deploy(key.address);
                const pool = await createWorkerpool(s.context.workerpoolRegistry, await wallet.getAddress(), {
                    description: 'wallet pool',
                });
                const { taskId } = await initializedTask(s.context, {
                    tag: TEE_TAG,
                    workerpool: pool.address,
                    workerpoolWalletKey: key,
                });
                await (await wallet.setMode(mode)).wait();
                const submission = await s.valid({
                    taskId,
                    enclaveSign: await enclaveSignature(s.enclave, s.worker.address, taskId),
                    authorization: await signAuthorization(key, {
                        worker: s.worker.address,
                        taskId,
                        enclaveChallenge: s.enclave.address,
                    }),
                });
                return { ...s, wallet, submission };
            }

            it('a wallet scheduler that accepts its key’s signature → accepted', async function () {
                const { context, submission } = await walletScheduler(WalletMode.Valid);
                await (await submit(context, path, submission)).wait();
            });

            for (const [name, mode] of Object.entries(WalletMode).filter(([n]) => n !== 'Valid')) {
                it(`a wallet scheduler that answers ${name} → refused, without reverting through`, async function () {
                    const { context, submission, consensus, wallet } = await walletScheduler(mode);
                    // A bounded gas limit: the BurnGas wallet burns what it is given.
                    const tx = submit(context, path, submission, { gasLimit: 1_000_000 });
                    await expect(tx)
                        .to.be.revertedWithCustomError(...unauthorized(consensus))
                        .withArgs(
                            submission.taskId,
                            submission.worker.address,
                            submission.enclaveChallenge,
                            await wallet.getAddress(),
                        );
                });
            }

            it('a wallet TEE broker → accepted', async function () {
                const { context, valid, taskId, worker, enclave } = await setup();
                const key = context.actors.stranger;
                const wallet = await new ERC1271WalletMock__factory(context.deployer).deploy(key.address);
                await (await context.hub.configuration.setTeeBroker(await wallet.getAddress())).wait();
                const authorization = await signAuthorization(key, {
                    worker: worker.address,
                    taskId,
                    enclaveChallenge: enclave.address,
                });
                await (await submit(context, path, await valid({ authorization }))).wait();
            });

            it('an enclave challenge that is a contract → refused (ECDSA only, a deviation from the reference)', async function () {
                const { context, valid, consensus, taskId, worker, scheduler } = await setup();
                const key = context.actors.stranger;
                const wallet = await new ERC1271WalletMock__factory(context.deployer).deploy(key.address);
                const challenge = await wallet.getAddress();
                const { hash, seal } = commitResult(worker.address, taskId, DIGEST);
                const submission = await valid({
                    enclaveChallenge: challenge,
                    enclaveSign: await signEnclaveResult(key, hash, seal),
                    authorization: await scheduler.authorize(worker.address, taskId, challenge),
                });
                await expect(submit(context, path, submission))
                    .to.be.revertedWithCustomError(consensus, 'ConsensusInvalidEnclaveSignature')
                    .withArgs(taskId, challenge);
            });
        });

        it('#17 a replay of A’s (hash, seal, enclave signature) by B with its own authorization', async function () {
            const { context, valid, consensus, taskId, worker, enclave, scheduler } = await setup();
            const b = context.workers[1];
            const a = await valid();
            const replay = {
                ...a,
                worker: b,
                authorization: await scheduler.authorize(b.address, taskId, enclave.address),
                // What A sent: its hash and seal (contribute takes them as given).
                resultHash: commitResult(worker.address, taskId, DIGEST).hash,
                resultSeal: commitResult(worker.address, taskId, DIGEST).seal,
            };
            if (path === 'contributeAndFinalize') {
                // The hub recomputes the seal for B: A's enclave signature does not cover it.
                await expect(submit(context, path, replay))
                    .to.be.revertedWithCustomError(consensus, 'ConsensusInvalidEnclaveSignature')
                    .withArgs(taskId, enclave.address);
                return;
            }
            // Accepted at contribute (hash and seal are opaque until reveal) ...
            await (await submit(context, path, replay)).wait();
            expect((await context.task.views.viewTask(taskId)).status).to.equal(TaskStatus.REVEALING);
            // ... but B can never reveal: the seal binds A.
            await expect(new WorkerRole(b, context.hubAddress).reveal(taskId, DIGEST)).to.be.revertedWithCustomError(
                consensus,
                'ConsensusResultSealMismatch',
            );
        });

        it('§6 C #21/#23: an enclave signature replayed on another task', async function () {
            const { context, consensus, worker, enclave, scheduler, valid } = await setup();
            const first = await valid();
            const other = (await initializedTask(context, { tag: TEE_TAG })).taskId;
            const replay = {
                ...first,
                taskId: other,
                authorization: await scheduler.authorize(worker.address, other, enclave.address),
                resultHash: commitResult(worker.address, first.taskId, DIGEST).hash,
                resultSeal: commitResult(worker.address, first.taskId, DIGEST).seal,
            };
            if (path === 'contributeAndFinalize') {
                await expect(submit(context, path, replay))
                    .to.be.revertedWithCustomError(consensus, 'ConsensusInvalidEnclaveSignature')
                    .withArgs(other, enclave.address);
                return;
            }
            await (await submit(context, path, replay)).wait();
            await expect(
                new WorkerRole(worker, context.hubAddress).reveal(other, DIGEST),
            ).to.be.revertedWithCustomError(consensus, 'ConsensusResultHashMismatch');
        });
    });
}
