/**
 * `npm run demo` — the main job, on the embedded Hardhat network, with no setup:
 *
 * 1. deploy PoCo with the repository's own deploy scripts;
 * 2. register an app, an encrypted dataset (a generated file encrypted with `sdk/dataset-crypto.ts`,
 *    its checksum registered) and a workerpool; fund the escrow of the requester, the scheduler and
 *    three workers;
 * 3. sign the orders (a standard and a TEE one for each side) and let the broker (`sdk/broker.ts`)
 *    find and submit the matches: a replicated deal (trust 5) and a TEE deal (trust 1);
 * 4. run the replicated task with three workers, one of them faulty (it copies another worker's
 *    result hash without knowing the result, so it can never reveal and is slashed), and the TEE
 *    task (enclave signature, scheduler authorization, `contributeAndFinalize`);
 * 5. print the report: balances before and after, who was paid or slashed and why, the deal and
 *    task ids, the gas of every step, and the conservation check.
 *
 * Why trust 5 and a copying worker rather than a wrong result: with fresh workers (score 0, weight
 * 2, consensus.md §5.3) a dissenting vote keeps 2 agreeing workers out of 3 below the consensus
 * threshold at any trust (at trust 2 the first vote alone is a consensus); three agreeing votes
 * reach it at trust 5 to 8 (§5.4), and a vote that is not revealed is slashed (§8.3).
 */
import { deployments, ethers, network } from 'hardhat';
import { time } from '@nomicfoundation/hardhat-network-helpers';
import { hexlify, keccak256, toUtf8Bytes, type ContractTransactionResponse } from 'ethers';
import {
    AppRegistry__factory,
    DatasetRegistry__factory,
    TaskViewsFacet__factory,
    WorkerpoolRegistry__factory,
} from '../typechain-types';
import { readPocoAddresses } from '../sdk/addresses';
import { createApp, createDataset, createWorkerpool } from '../sdk/assets';
import { bestMatches, bookOf, loadMarketState, submitMatches } from '../sdk/broker';
import { readDeal } from '../sdk/deals';
import { DeployIds, DeployTags } from '../sdk/deploy-ids';
import { deposit } from '../sdk/escrow';
import { readDomain } from '../sdk/orders';
import { textResultDigest, resultSeal } from '../sdk/results';
import { SchedulerRole, WorkerRole } from '../sdk/roles';
import { hasTagBit } from '../sdk/tags';
import { readTaskConstants, taskIdOf, taskStatusName } from '../sdk/tasks';
import { createEnclaveChallenge } from '../sdk/tee';
import { NRLC_PER_RLC, formatRLC } from '../sdk/units';
import { demoOrderBook, encryptedDatasetFile } from './lib/demo-market';
import {
    StepLog,
    balanceTable,
    conservation,
    moneyEvents,
    paymentsTable,
    readBalances,
    type Actor,
} from './lib/demo-report';

const RLC = NRLC_PER_RLC;

function heading(title: string) {
    console.log(`\n=== ${title} ===`);
}

async function mined(tx: Promise<ContractTransactionResponse>) {
    const receipt = await (await tx).wait();
    if (receipt === null) throw new Error('transaction dropped');
    return receipt;
}

async function main() {
    const started = Date.now();
    const [deployer, appOwner, datasetOwner, scheduler, requester, broker, w1, w2, w3] = await ethers.getSigners();
    const log = new StepLog();
    console.log(`PoCo demo on the embedded "${network.name}" network (chain ${network.config.chainId})`);

    // 1. Deployment.
    const deployed = await deployments.fixture([DeployTags.Poco]);
    let deploymentGas = 0n;
    for (const deployment of Object.values(deployed)) {
        if (deployment.receipt) deploymentGas += BigInt(deployment.receipt.gasUsed.toString());
    }
    log.addGas(`deploy (${Object.keys(deployed).length} contracts)`, 'deployer', deploymentGas);
    const hub = deployed[DeployIds.Hub].address;
    const addresses = await readPocoAddresses(deployer, hub);
    const { kittyAddress } = await readTaskConstants(deployer, hub);
    heading('Deployment');
    console.table({ ...addresses, kitty: kittyAddress });

    // 2. Assets.
    const app = await createApp(AppRegistry__factory.connect(addresses.appRegistry, appOwner), appOwner.address, {
        name: 'weather-stats',
        type: 'DOCKER',
        multiaddr: toUtf8Bytes('docker.io/poco/weather-stats:1.0.0'),
        checksum: keccak256(toUtf8Bytes('weather-stats image')),
        mrenclave: '0x',
    });
    log.add('createApp', 'app owner', app.receipt);

    const { encrypted, checksum, size, decryptsBack } = await encryptedDatasetFile();
    const dataset = await createDataset(
        DatasetRegistry__factory.connect(addresses.datasetRegistry, datasetOwner),
        datasetOwner.address,
        { name: 'weather-lyon', multiaddr: toUtf8Bytes(`file://${encrypted}`), checksum },
    );
    log.add('createDataset (encrypted)', 'dataset owner', dataset.receipt);

    const workerpool = await createWorkerpool(
        WorkerpoolRegistry__factory.connect(addresses.workerpoolRegistry, scheduler),
        scheduler.address,
        { description: 'demo workerpool' },
    );
    log.add('createWorkerpool', 'scheduler', workerpool.receipt);

    heading('Assets');
    console.table({
        app: { address: app.address, owner: appOwner.address },
        dataset: { address: dataset.address, owner: datasetOwner.address },
        workerpool: { address: workerpool.address, owner: scheduler.address },
    });
    console.log(`Encrypted dataset: ${encrypted} (${size} bytes, AES-256-GCM)`);
    console.log(`  checksum (SHA-256 of the encrypted file, registered): ${checksum}`);
    console.log(`  decrypts back to the original: ${decryptsBack ? 'yes' : 'NO'}`);

    const actors: Actor[] = [
        { name: 'requester', address: requester.address, role: 'requester' },
        { name: 'app owner', address: appOwner.address, role: 'app owner' },
        { name: 'dataset owner', address: datasetOwner.address, role: 'dataset owner' },
        { name: 'scheduler', address: scheduler.address, role: 'scheduler' },
        { name: 'worker 1', address: w1.address, role: 'worker' },
        { name: 'worker 2 (faulty)', address: w2.address, role: 'worker' },
        { name: 'worker 3', address: w3.address, role: 'worker' },
        { name: 'kitty', address: kittyAddress, role: 'kitty' },
        { name: 'hub', address: hub, role: 'hub' },
    ];

    // Escrow deposits (the deployer holds the RLC supply).
    const funding: [string, string, bigint][] = [
        ['requester', requester.address, 40n * RLC],
        ['scheduler', scheduler.address, 10n * RLC],
        ['worker 1', w1.address, 10n * RLC],
        ['worker 2', w2.address, 10n * RLC],
        ['worker 3', w3.address, 10n * RLC],
    ];
    for (const [name, target, amount] of funding) {
        const receipts = await deposit(deployer, hub, amount, { target });
        log.addGas(
            `deposit ${formatRLC(amount)} RLC for ${name}`,
            'deployer',
            receipts.reduce((s, r) => s + r.gasUsed, 0n),
        );
    }
    const before = await readBalances(deployer, hub, actors);

    // 3. Orders, signed by their owners, and the broker's matches.
    const domain = await readDomain(hub, deployer);
    const entries = await demoOrderBook({
        domain,
        app: app.address,
        dataset: dataset.address,
        workerpool: workerpool.address,
        appOwner,
        datasetOwner,
        scheduler,
        requester,
    });

    const book = bookOf(entries, domain);
    const state = await loadMarketState(broker, hub, book);
    const matches = bestMatches(book, state);
    if (matches.length !== 2) throw new Error(`the broker found ${matches.length} matches, expected 2`);
    const submitted = await submitMatches(broker, hub, matches);
    const isTee = (s: (typeof submitted)[number]) => hasTagBit(s.match.request.order.tag, 'TEE');
    const replicated = submitted.find((s) => !isTee(s))!;
    const tee = submitted.find(isTee)!;
    log.add('matchOrders (replicated deal)', 'broker', replicated.receipt);
    log.add('matchOrders (TEE deal)', 'broker', tee.receipt);
    heading('Order book and broker');
    console.log(
        `${book.apps.length} app, ${book.datasets.length} dataset, ${book.workerpools.length} workerpool and ` +
            `${book.requests.length} request orders, signed by their owners; the broker matched:`,
    );
    console.table(
        [replicated, tee].map(({ match, deal }) => ({
            deal: match === tee.match ? 'TEE' : 'replicated',
            dealId: deal.dealId,
            volume: match.volume.toString(),
            trust: match.request.order.trust.toString(),
            tag: hasTagBit(match.request.order.tag, 'TEE') ? 'TEE' : 'none',
            'price (RLC)': formatRLC(match.dealPrice),
            'scheduler stake (RLC)': formatRLC(match.schedulerStake),
        })),
    );

    // 4a. The replicated task: three workers, worker 2 copies worker 1's result hash.
    const sched = new SchedulerRole(scheduler, hub);
    const [W1, W2, W3] = [w1, w2, w3].map((w) => new WorkerRole(w, hub));
    const views = TaskViewsFacet__factory.connect(hub, deployer);
    const replicatedDeal = (await readDeal(deployer, hub, replicated.deal.dealId))!;
    const replicatedTask = taskIdOf(replicated.deal.dealId, replicatedDeal.botFirst);
    log.add(
        'initialize (replicated task)',
        'scheduler',
        await mined(sched.initialize(replicated.deal.dealId, replicatedDeal.botFirst)),
    );
    const result = textResultDigest('Lyon, January 2026: mean 13.0 °C');
    const authorize = async (worker: WorkerRole) => sched.authorize(await worker.address(), replicatedTask, undefined);
    log.add(
        'contribute (replicated)',
        'worker 1',
        await mined(W1.contribute(replicatedTask, result, await authorize(W1))),
    );
    const copied = (await views.viewContribution(replicatedTask, w1.address)).resultHash;
    log.add(
        'contribute (replicated, copied hash)',
        'worker 2 (faulty)',
        await mined(
            W2.contributeRaw({
                taskId: replicatedTask,
                resultHash: copied,
                // Worker 2 does not know the result: its seal commits to a guess.
                resultSeal: resultSeal(w2.address, replicatedTask, textResultDigest('a guess')),
                authorization: await authorize(W2),
            }),
        ),
    );
    log.add(
        'contribute (replicated)',
        'worker 3',
        await mined(W3.contribute(replicatedTask, result, await authorize(W3))),
    );
    const atConsensus = await views.viewTask(replicatedTask);
    const during = await readBalances(deployer, hub, actors);
    log.add('reveal (replicated)', 'worker 1', await mined(W1.reveal(replicatedTask, result)));
    log.add('reveal (replicated)', 'worker 3', await mined(W3.reveal(replicatedTask, result)));
    let faultyReveal = 'accepted (unexpected)';
    try {
        await mined(W2.reveal(replicatedTask, textResultDigest('a guess')));
    } catch {
        faultyReveal = 'rejected: its hash and seal do not commit to the same result';
    }
    // Finalize once the reveal deadline has passed (worker 2 will never reveal).
    await time.increaseTo(atConsensus.revealDeadline);
    const replicatedResults = hexlify(toUtf8Bytes('ipfs://QmDemoReplicatedResult'));
    log.add('finalize (replicated)', 'scheduler', await mined(sched.finalize(replicatedTask, replicatedResults)));

    // 4b. The TEE task: an enclave challenge for the task, the scheduler's authorization, one worker.
    const teeDeal = (await readDeal(deployer, hub, tee.deal.dealId))!;
    const teeTask = taskIdOf(tee.deal.dealId, teeDeal.botFirst);
    log.add('initialize (TEE task)', 'scheduler', await mined(sched.initialize(tee.deal.dealId, teeDeal.botFirst)));
    const enclave = createEnclaveChallenge();
    const teeAuthorization = await sched.authorize(w3.address, teeTask, enclave.address);
    const teeResult = textResultDigest('Lyon, February 2026: mean 12.6 °C (computed in an enclave)');
    log.add(
        'contributeAndFinalize (TEE)',
        'worker 3',
        await mined(
            W3.contributeAndFinalize(teeTask, teeResult, {
                authorization: teeAuthorization,
                enclave,
                results: hexlify(toUtf8Bytes('ipfs://QmDemoTeeResult')),
            }),
        ),
    );

    // 5. The report.
    heading('Replicated task (trust 5, 3 workers)');
    console.log(`consensus reached at the 3rd contribution: ${atConsensus.winnerCounter} votes for the same hash`);
    console.log(`worker 2 copied worker 1's result hash ${copied.slice(0, 18)}…; its reveal was ${faultyReveal}`);
    const taskRows = [];
    for (const [kind, dealId, taskId, worker] of [
        ['replicated', replicated.deal.dealId, replicatedTask, '1, 2 (faulty), 3'],
        ['TEE', tee.deal.dealId, teeTask, `3 (enclave ${enclave.address.slice(0, 10)}…)`],
    ] as const) {
        const task = await views.viewTask(taskId);
        taskRows.push({
            task: kind,
            dealId,
            taskId,
            status: taskStatusName(task.status),
            workers: worker,
            reveals: `${task.revealCounter}/${task.winnerCounter}`,
        });
    }
    heading('Deals and tasks');
    console.table(taskRows);

    const after = await readBalances(deployer, hub, actors);
    heading('Escrow balances (RLC): before the deals, at the replicated consensus, and after');
    console.table(balanceTable(actors, before, after, during));

    const taskNames = new Map([
        [replicatedTask, 'replicated'],
        [teeTask, 'TEE'],
    ]);
    heading('Who was paid, locked, released or slashed, and why (hub events)');
    console.table(paymentsTable(moneyEvents(log, hub), actors, taskNames));
    const scores = await Promise.all([w1, w2, w3].map((w) => views.viewScore(w.address)));
    console.log(`worker scores after the tasks: ${scores.map((s, i) => `worker ${i + 1}: ${s}`).join(', ')}`);

    heading('Gas per step');
    console.table(log.table());

    const check = await conservation(deployer, hub);
    heading('Conservation');
    console.log(
        `hub RLC holdings: ${formatRLC(check.held)} RLC; SRLC total supply: ${formatRLC(check.totalSupply)} RLC; ` +
            (check.balanced ? 'equal: no RLC created or lost' : 'NOT EQUAL'),
    );
    if (!check.balanced) process.exitCode = 1;
    console.log(
        `\nDemo finished: its steps took ${((Date.now() - started) / 1000).toFixed(1)} s (plus the Hardhat start-up)`,
    );
}

main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
});
