/**
 * The flow `npm run e2e:sidechain` runs against the local sidechain (network `sidechainLocal`,
 * native flavour): deposit → match → execute → finalize → withdraw, every step through `sdk/`,
 * every balance checked; throws on any difference.
 *
 * Actors (Hardhat's mnemonic accounts): 1 requester, 2 app owner, 3 dataset owner, 4 scheduler
 * (the workerpool's owner), 5 worker. One task of a deal with a dataset, trust 1, one worker; the
 * workerpool keeps its initial policy (worker stake 30 %, scheduler reward 1 %).
 */
import { deployments, ethers, network } from 'hardhat';
import { strict as assert } from 'assert';
import { hexlify, toUtf8Bytes, type TransactionReceipt } from 'ethers';
import type { HardhatEthersSigner } from '@nomicfoundation/hardhat-ethers/signers';
import {
    AppRegistry__factory,
    ClerkFacet__factory,
    DatasetRegistry__factory,
    WorkerpoolRegistry__factory,
} from '../../typechain-types';
import { DeployIds } from '../../sdk/deploy-ids';
import { readPocoAddresses } from '../../sdk/addresses';
import { createApp, createDataset, createWorkerpool } from '../../sdk/assets';
import { matchedOrdersOf, readDeal } from '../../sdk/deals';
import { accountOf, backingOf, deposit, withdraw } from '../../sdk/escrow';
import {
    createAppOrder,
    createDatasetOrder,
    createRequestOrder,
    createWorkerpoolOrder,
    readDomain,
    signOrder,
} from '../../sdk/orders';
import { textResultDigest } from '../../sdk/results';
import { SchedulerRole, WorkerRole } from '../../sdk/roles';
import { readTask, readTaskConstants, TaskStatus } from '../../sdk/tasks';
import { NRLC_PER_RLC, nRLCToWei } from '../../sdk/units';

const RLC = NRLC_PER_RLC;
const APP_PRICE = 2n * RLC;
const DATASET_PRICE = 1n * RLC;
const WORKERPOOL_PRICE = 10n * RLC;
/** The scheduler's stake per task: 30 % of the workerpool price (the hub's constant). */
const SCHEDULER_STAKE = (WORKERPOOL_PRICE * 30n) / 100n;
/** The worker's stake: the workerpool's initial worker stake policy, 30 %. */
const WORKER_STAKE = (WORKERPOOL_PRICE * 30n) / 100n;
/** The worker's reward at trust 1: (100 − 1) % of the workerpool price; the scheduler gets the rest. */
const WORKER_REWARD = (WORKERPOOL_PRICE * 99n) / 100n;
const SCHEDULER_REWARD = WORKERPOOL_PRICE - WORKER_REWARD;
/** What each actor deposits: the requester one RLC more than the prices, the others one more than their stake. */
const DEPOSITS = {
    requester: APP_PRICE + DATASET_PRICE + WORKERPOOL_PRICE + RLC,
    scheduler: SCHEDULER_STAKE + RLC,
    worker: WORKER_STAKE + RLC,
};
const RESULTS = hexlify(toUtf8Bytes('/ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG'));
const DIGEST = textResultDigest('e2e:sidechain result');

/** Every receipt of the flow, checked at the end for a zero gas price and a block without base fee. */
const receipts: TransactionReceipt[] = [];

async function mined(tx: Promise<{ wait(): Promise<TransactionReceipt | null> }>): Promise<TransactionReceipt> {
    const receipt = await (await tx).wait();
    if (receipt === null) throw new Error('a transaction was dropped');
    assert.equal(receipt.status, 1, 'transaction reverted');
    receipts.push(receipt);
    return receipt;
}

function keep(...list: TransactionReceipt[]): TransactionReceipt[] {
    receipts.push(...list);
    return list;
}

async function main() {
    const chain = await ethers.provider.getNetwork();
    const [, requester, appOwner, datasetOwner, schedulerSigner, workerSigner] = await ethers.getSigners();
    const hub = (await deployments.get(DeployIds.Hub)).address;
    const addresses = await readPocoAddresses(requester, hub);
    assert.equal(addresses.token, ethers.ZeroAddress, 'the sidechain hub is native-flavoured');
    console.log(`${network.name} (chain ${chain.chainId}): hub ${hub}, native flavour`);

    const actors: Record<string, HardhatEthersSigner> = {
        requester,
        appOwner,
        datasetOwner,
        scheduler: schedulerSigner,
        worker: workerSigner,
    };
    const wallet = async (signer: HardhatEthersSigner) => ethers.provider.getBalance(signer.address);
    const walletsBefore = Object.fromEntries(
        await Promise.all(Object.entries(actors).map(async ([name, s]) => [name, await wallet(s)] as const)),
    );
    const { kittyAddress } = await readTaskConstants(requester, hub);
    const kittyBefore = await accountOf(requester, hub, kittyAddress);
    const backingBefore = await backingOf(requester, hub);
    for (const [name, signer] of Object.entries(actors)) {
        assert.deepEqual(await accountOf(requester, hub, signer.address), { free: 0n, frozen: 0n }, `${name} escrow`);
    }

    // Assets, through the registries.
    const checksum = ethers.id('e2e:sidechain');
    const app = await createApp(AppRegistry__factory.connect(addresses.appRegistry, appOwner), appOwner.address, {
        name: 'e2e app',
        type: 'DOCKER',
        multiaddr: toUtf8Bytes('docker.io/poco/e2e-app:1.0.0'),
        checksum,
        mrenclave: '0x',
    });
    const dataset = await createDataset(
        DatasetRegistry__factory.connect(addresses.datasetRegistry, datasetOwner),
        datasetOwner.address,
        { name: 'e2e dataset', multiaddr: toUtf8Bytes('https://data.example/e2e.zip'), checksum },
    );
    const workerpool = await createWorkerpool(
        WorkerpoolRegistry__factory.connect(addresses.workerpoolRegistry, schedulerSigner),
        schedulerSigner.address,
        { description: 'e2e workerpool' },
    );
    keep(app.receipt, dataset.receipt, workerpool.receipt);
    console.log(`assets: app ${app.address}, dataset ${dataset.address}, workerpool ${workerpool.address}`);

    // Deposit.
    keep(...(await deposit(requester, hub, DEPOSITS.requester)));
    keep(...(await deposit(schedulerSigner, hub, DEPOSITS.scheduler)));
    keep(...(await deposit(workerSigner, hub, DEPOSITS.worker)));
    assert.deepEqual(await accountOf(requester, hub, requester.address), { free: DEPOSITS.requester, frozen: 0n });
    assert.deepEqual(await accountOf(requester, hub, schedulerSigner.address), {
        free: DEPOSITS.scheduler,
        frozen: 0n,
    });
    assert.deepEqual(await accountOf(requester, hub, workerSigner.address), { free: DEPOSITS.worker, frozen: 0n });
    for (const name of ['requester', 'scheduler', 'worker'] as const) {
        assert.equal(
            await wallet(actors[name]),
            walletsBefore[name] - nRLCToWei(DEPOSITS[name]),
            `${name} paid its deposit in the native coin, and nothing for gas`,
        );
    }
    console.log(
        `deposit: requester ${DEPOSITS.requester}, scheduler ${DEPOSITS.scheduler}, worker ${DEPOSITS.worker} nRLC`,
    );

    // Match: the four orders signed by their owners (sdk/orders.ts), matched by the requester.
    const domain = await readDomain(hub, requester);
    const appOrder = await signOrder(
        appOwner,
        domain,
        'app',
        createAppOrder({ app: app.address, appprice: APP_PRICE }),
    );
    const datasetOrder = await signOrder(
        datasetOwner,
        domain,
        'dataset',
        createDatasetOrder({ dataset: dataset.address, datasetprice: DATASET_PRICE }),
    );
    const workerpoolOrder = await signOrder(
        schedulerSigner,
        domain,
        'workerpool',
        createWorkerpoolOrder({ workerpool: workerpool.address, workerpoolprice: WORKERPOOL_PRICE, trust: 1n }),
    );
    const requestOrder = await signOrder(
        requester,
        domain,
        'request',
        createRequestOrder({
            app: app.address,
            appmaxprice: APP_PRICE,
            dataset: dataset.address,
            datasetmaxprice: DATASET_PRICE,
            workerpool: workerpool.address,
            workerpoolmaxprice: WORKERPOOL_PRICE,
            requester: requester.address,
            trust: 1n,
            params: '{"iexec_args":"e2e"}',
        }),
    );
    const clerk = ClerkFacet__factory.connect(hub, requester);
    const matchReceipt = await mined(clerk.matchOrders(appOrder, datasetOrder, workerpoolOrder, requestOrder));
    const [matched] = matchedOrdersOf(matchReceipt, hub);
    assert.ok(matched, 'matchOrders emitted OrdersMatched');
    const deal = await readDeal(requester, hub, matched.dealId);
    assert.ok(deal, 'the deal exists');
    assert.equal(deal.requester, requester.address);
    assert.equal(deal.app.owner, appOwner.address);
    assert.equal(deal.dataset.owner, datasetOwner.address);
    assert.equal(deal.workerpool.owner, schedulerSigner.address);
    assert.equal(deal.trust, 1n);
    assert.equal(deal.botSize, 1n);
    assert.equal(deal.workerStake, WORKER_STAKE);
    assert.equal(deal.schedulerRewardRatio, 1n);
    const price = APP_PRICE + DATASET_PRICE + WORKERPOOL_PRICE;
    assert.deepEqual(await accountOf(requester, hub, requester.address), { free: RLC, frozen: price });
    assert.deepEqual(await accountOf(requester, hub, schedulerSigner.address), {
        free: RLC,
        frozen: SCHEDULER_STAKE,
    });
    console.log(`match: deal ${matched.dealId}, ${price} nRLC locked for the requester, ${SCHEDULER_STAKE} staked`);

    // Execute: the scheduler initializes the task and authorizes the worker, who contributes and reveals.
    const scheduler = new SchedulerRole(schedulerSigner, hub);
    const worker = new WorkerRole(workerSigner, hub);
    await mined(scheduler.initialize(matched.dealId, deal.botFirst));
    const taskId = scheduler.taskId(matched.dealId, deal.botFirst);
    assert.equal((await readTask(requester, hub, taskId)).status, BigInt(TaskStatus.ACTIVE));
    const authorization = await scheduler.authorize(workerSigner.address, taskId);
    await mined(worker.contribute(taskId, DIGEST, authorization));
    assert.equal((await readTask(requester, hub, taskId)).status, BigInt(TaskStatus.REVEALING), 'consensus');
    assert.deepEqual(await accountOf(requester, hub, workerSigner.address), { free: RLC, frozen: WORKER_STAKE });
    await mined(worker.reveal(taskId, DIGEST));
    console.log(`execute: task ${taskId} initialized, contributed, revealed`);

    // Finalize.
    await mined(scheduler.finalize(taskId, RESULTS));
    const task = await readTask(requester, hub, taskId);
    assert.equal(task.status, BigInt(TaskStatus.COMPLETED));
    assert.equal(task.results, RESULTS);
    assert.equal(task.resultDigest, DIGEST);
    const expected = {
        requester: DEPOSITS.requester - price,
        appOwner: APP_PRICE,
        datasetOwner: DATASET_PRICE,
        scheduler: DEPOSITS.scheduler + SCHEDULER_REWARD,
        worker: DEPOSITS.worker + WORKER_REWARD,
    };
    for (const [name, signer] of Object.entries(actors)) {
        assert.deepEqual(
            await accountOf(requester, hub, signer.address),
            { free: expected[name as keyof typeof expected], frozen: 0n },
            `${name}'s escrow after finalize: paid or rewarded, stakes released`,
        );
    }
    assert.deepEqual(await accountOf(requester, hub, kittyAddress), kittyBefore, 'the kitty is untouched');
    console.log(
        `finalize: app owner +${APP_PRICE}, dataset owner +${DATASET_PRICE}, scheduler +${SCHEDULER_REWARD}, ` +
            `worker +${WORKER_REWARD} nRLC; stakes released`,
    );

    // Withdraw everyone's free balance.
    for (const [name, signer] of Object.entries(actors)) {
        const { free } = await accountOf(signer, hub, signer.address);
        keep(await withdraw(signer, hub, free));
        assert.deepEqual(await accountOf(signer, hub, signer.address), { free: 0n, frozen: 0n }, `${name} withdrew`);
    }
    const walletChange = {
        requester: -price,
        appOwner: APP_PRICE,
        datasetOwner: DATASET_PRICE,
        scheduler: SCHEDULER_REWARD,
        worker: WORKER_REWARD,
    };
    for (const [name, signer] of Object.entries(actors)) {
        assert.equal(
            await wallet(signer),
            walletsBefore[name] + nRLCToWei(walletChange[name as keyof typeof walletChange]),
            `${name}'s wallet at the end`,
        );
    }
    console.log('withdraw: every free balance paid back in the native coin');

    // The hub holds exactly what it owes, and holds what it held before.
    const backing = await backingOf(requester, hub);
    assert.equal(backing.held, nRLCToWei(backing.totalSupply), 'the hub holds exactly what it owes');
    assert.deepEqual(backing, backingBefore, 'the hub owes and holds what it did before the flow');

    // The sidechain charges nothing: every transaction at gas price 0, no base fee in any block.
    for (const receipt of receipts) {
        assert.equal(receipt.gasPrice, 0n, `transaction ${receipt.hash} has gas price 0`);
        const block = await ethers.provider.getBlock(receipt.blockNumber);
        assert.equal(block?.baseFeePerGas ?? null, null, `block ${receipt.blockNumber} has no base fee`);
        const tx = await ethers.provider.getTransaction(receipt.hash);
        assert.equal(tx?.gasPrice, 0n, `transaction ${receipt.hash} was sent at gas price 0`);
    }
    console.log(`${receipts.length} transactions, all at gas price 0 in blocks without base fee`);
}

main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
