import { task } from 'hardhat/config';
import { ZeroAddress, isHexString, recoverAddress } from 'ethers';
import { ConfigurationFacet__factory, ConsensusFacet__factory, TaskViewsFacet__factory } from '../../typechain-types';
import { commitResult, resultDigestOf } from '../../sdk/results';
import { authorizationMessage, ethSignedMessageHash, signAuthorization } from '../../sdk/tee';
import { ContributionStatus, contributionStatusName } from '../../sdk/tasks';
import { hasTagBit } from '../../sdk/tags';
import { pocoContext, resolveSigner } from '../lib/context';
import { runTask, TaskError } from '../lib/errors';
import {
    chainTime,
    describeTime,
    readTaskAndDeal,
    requireFreeBalance,
    requireTaskStatus,
    TaskStatus,
} from '../lib/tasks';
import { address, bytes32, bytesOrText } from '../lib/types';

interface Args {
    task: string;
    digest?: string;
    result?: string;
    authorization?: string;
    scheduler?: string;
    enclaveChallenge?: string;
    enclaveSign?: string;
    from?: string;
    hub?: string;
}

/** The digest given directly, or keccak256 of the result (the callback data on a callback deal). */
export function digestFromArgs(args: { digest?: string; result?: string }): string {
    if ((args.digest === undefined) === (args.result === undefined)) {
        throw new TaskError('give exactly one of --digest (32 bytes) and --result (its keccak256 is the digest)');
    }
    return args.digest ?? resultDigestOf(args.result!);
}

task('worker:contribute', "Contribute a result's hash and seal to a task, staking the deal's worker stake")
    .addParam('task', 'The task id', undefined, bytes32)
    .addOptionalParam('digest', 'The result digest (32 bytes)', undefined, bytes32)
    .addOptionalParam('result', 'The result (text or 0x bytes); the digest is its keccak256', undefined, bytesOrText)
    .addOptionalParam('authorization', "The scheduler's (or TEE broker's) authorization signature", undefined)
    .addOptionalParam(
        'scheduler',
        'Sign the authorization with this account of the network (the scheduler or the TEE broker) instead',
        undefined,
        address,
    )
    .addOptionalParam('enclaveChallenge', 'The enclave challenge of a TEE task', undefined, address)
    .addOptionalParam('enclaveSign', "The enclave's signature of the result hash and seal", undefined)
    .addOptionalParam('from', 'The worker (default: the first account)', undefined, address)
    .addOptionalParam('hub', 'The hub (default: the PocoDiamond deployment of the network)', undefined, address)
    .setAction(async (args: Args, hre) =>
        runTask('worker:contribute', async () => {
            const digest = digestFromArgs(args);
            if ((args.authorization === undefined) === (args.scheduler === undefined)) {
                throw new TaskError(
                    'give exactly one of --authorization (a signature) and --scheduler (an account that signs)',
                );
            }
            if ((args.enclaveChallenge === undefined) !== (args.enclaveSign === undefined)) {
                throw new TaskError('--enclave-challenge and --enclave-sign go together');
            }
            for (const [name, value] of [
                ['authorization', args.authorization],
                ['enclave-sign', args.enclaveSign],
            ] as const) {
                if (value !== undefined && !isHexString(value)) throw new TaskError(`--${name}: "${value}" is not hex`);
            }
            const { signer, hub } = await pocoContext(hre, args.from, args.hub);
            const worker = await signer.getAddress();
            const { task: view, deal } = await readTaskAndDeal(signer, hub, args.task);
            requireTaskStatus(args.task, view, [TaskStatus.ACTIVE], 'contributed to');
            if ((await chainTime(signer)) + 1n >= view.contributionDeadline) {
                throw new TaskError(
                    `task ${args.task}: the contribution deadline ${describeTime(view.contributionDeadline)} has come`,
                );
            }
            const views = TaskViewsFacet__factory.connect(hub, signer);
            const previous = await views.viewContribution(args.task, worker);
            if (previous.status !== BigInt(ContributionStatus.UNSET)) {
                throw new TaskError(
                    `${worker} contributed to task ${args.task} already (${contributionStatusName(previous.status)})`,
                );
            }
            const challenge = args.enclaveChallenge ?? ZeroAddress;
            if (challenge === ZeroAddress && hasTagBit(deal.tag, 'TEE')) {
                throw new TaskError(`task ${args.task} is a TEE task: give --enclave-challenge and --enclave-sign`);
            }
            const broker = await ConfigurationFacet__factory.connect(hub, signer).teebroker();
            const expected = challenge !== ZeroAddress && broker !== ZeroAddress ? broker : deal.scheduler;
            const fields = { worker, taskId: args.task, enclaveChallenge: challenge };
            let authorization = args.authorization;
            if (args.scheduler !== undefined) {
                if (args.scheduler.toLowerCase() !== expected.toLowerCase()) {
                    throw new TaskError(
                        `the authorization of this contribution must be signed by ${expected}, not ${args.scheduler}`,
                    );
                }
                authorization = await signAuthorization(await resolveSigner(hre, args.scheduler), fields);
            } else if ((await signer.provider!.getCode(expected)) === '0x') {
                let recovered: string;
                try {
                    recovered = recoverAddress(ethSignedMessageHash(authorizationMessage(fields)), authorization!);
                } catch {
                    throw new TaskError('--authorization is not a 65-byte or 64-byte signature');
                }
                if (recovered !== expected) {
                    throw new TaskError(`the authorization is signed by ${recovered}, not by ${expected}`);
                }
            }
            await requireFreeBalance(signer, hub, worker, deal.workerStake, 'worker stake');
            const { hash, seal } = commitResult(worker, args.task, digest);
            const receipt = await (
                await ConsensusFacet__factory.connect(hub, signer).contribute(
                    args.task,
                    hash,
                    seal,
                    challenge,
                    args.enclaveSign ?? '0x',
                    authorization!,
                )
            ).wait();
            const after = await views.viewTask(args.task);
            const consensus =
                after.status === BigInt(TaskStatus.REVEALING)
                    ? `; consensus reached, reveal before ${describeTime(after.revealDeadline)}`
                    : '';
            console.log(
                `Contributed to task ${args.task}: hash ${hash}, stake ${deal.workerStake} nRLC${consensus}\n` +
                    `Keep the digest to reveal it: ${digest}`,
            );
            return { taskId: args.task, digest, hash, seal, transaction: receipt!.hash, status: after.status };
        }),
    );
