/**
 * Real-client compatibility: the `iexec` SDK CLI v9 (the pinned devDependency, run as users run
 * it: `node_modules/.bin/iexec … --raw`) driven through a whole marketplace scenario against our
 * PoCo, deployed by our deploy scripts on a `hardhat node` of its own. Each step asserts what the
 * same step printed against the reference PoCo 6.1 deployment (the reference run of the scenario:
 * same actors, amounts, prices and categories, so the same balances, statuses and messages).
 *
 * Actors (Hardhat's public accounts): #0 hub owner and RLC holder, #1 app owner, #2 dataset owner,
 * #3 workerpool owner (scheduler), #4 requester, #5 spender and receiver of transfers.
 * Deal A: app 1000 nRLC + workerpool 100000 nRLC in category 0 (XS), volume 2, no dataset.
 * Deal B: the same plus a dataset at 500 nRLC, in a new category 5 (workClockTimeRef 10 s), volume 1.
 *
 * Steps that need hub functions not implemented yet (`matchOrders`, `initialize`, `claim`, …) ask
 * the hub's loupe first and are skipped, naming the missing function, until it is cut in.
 *
 * `IEXEC_E2E_RPC_URL` + `IEXEC_E2E_HUB` run the scenario against an already running chain instead
 * (e.g. a reference deployment, to recheck the expectations); it must be freshly deployed, since
 * balances and ids are compared with those of a fresh chain. `IEXEC_E2E_KEEP=1` keeps the temporary
 * folder (node log, CLI project, `steps.jsonl` of every command and answer).
 */
import { expect } from 'chai';
import hre from 'hardhat';
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
    AbiCoder,
    Contract,
    JsonRpcProvider,
    Wallet,
    ZeroAddress,
    ZeroHash,
    getAddress,
    isHexString,
    keccak256,
    solidityPacked,
    type InterfaceAbi,
    type TypedDataDomain,
} from 'ethers';
import referenceAbi from '../fixtures/reference-abi/IexecInterfaceToken.json';
import { readPocoAddresses, type PocoAddresses } from '../../sdk/addresses';
import { DeployIds } from '../../sdk/deploy-ids';
import { hashOrder, parseOrder, readDomain, type OrderKind } from '../../sdk/orders';
import { TEE_TDX_TAG } from '../../sdk/tags';
import { NRLC_PER_RLC } from '../../sdk/units';
import { writeCliPreload } from './helpers/cli-preload';
import { rpc, startHardhatNode, type HardhatNode } from './helpers/hardhat-node';
import { HubGates, type HubFunction } from './helpers/hub-gates';
import { IexecCli } from './helpers/iexec-cli';
import {
    getJsonField,
    hardhatAccounts,
    setJsonField,
    writeChainJson,
    writeKeystores,
    type Actor,
} from './helpers/iexec-project';
import { startMockSms, type MockSms } from './helpers/mock-sms';
import type * as A from './helpers/iexec-answers';

const PASSWORD = 'poco-e2e-password';
/** The reference's deadline ratios: final = 10 × workClockTimeRef, contribution = 7 × it. */
const FINAL_DEADLINE_RATIO = 10n;
const CONTRIBUTION_DEADLINE_RATIO = 7n;
/** The reference's worker stake policy of a new workerpool: 30 % of the workerpool price per task. */
const WORKER_STAKE_RATIO = 30n;

const APP_PRICE = 1000n;
const DATASET_PRICE = 500n;
const WORKERPOOL_PRICE = 100000n;
const WORKER_STAKE = (WORKERPOOL_PRICE * WORKER_STAKE_RATIO) / 100n;
const RLC = (n: bigint) => n * NRLC_PER_RLC;

interface Env {
    dir: string;
    url: string;
    node?: HardhatNode;
    sms: MockSms;
    provider: JsonRpcProvider;
    addresses: PocoAddresses;
    hub: Contract;
    domain: TypedDataDomain;
    gates: HubGates;
    cli: IexecCli;
    /** The CLI's `iexec.json`. */
    config: string;
    actors: Actor[];
}

/** What the steps produce for the later ones. */
interface State {
    app?: string;
    dataset?: string;
    workerpool?: string;
    category?: bigint;
    dealA?: string;
    dealB?: string;
    startA?: bigint;
    startB?: bigint;
    taskA0?: string;
    taskB0?: string;
    /** Task 0 of deal A claimed by `task claim` (else `deal claim` A would send two transactions). */
    taskA0Claimed?: true;
    /** Hash of the request order signed last (the one `order fill` uses). */
    requestHash?: string;
    cancelled: Partial<Record<OrderKind, { hash: string; volume: bigint }>>;
}

const ORDER_KEYS: Record<OrderKind, A.OrderKey> = {
    app: 'apporder',
    dataset: 'datasetorder',
    workerpool: 'workerpoolorder',
    request: 'requestorder',
};

function skip(ctx: Mocha.Context, reason: string): never {
    if (ctx.test) ctx.test.title += ` [skipped: ${reason}]`;
    ctx.skip();
}

function need<T>(ctx: Mocha.Context, value: T | undefined, what: string): T {
    if (value === undefined) skip(ctx, `no ${what}: the step producing it did not pass`);
    return value;
}

/** The reference's deal id: the request order's hash and how much of it was consumed before the deal. */
function dealId(requestHash: string, consumedBefore: bigint): string {
    return keccak256(solidityPacked(['bytes32', 'uint256'], [requestHash, consumedBefore]));
}

/** The reference's (and the SDK's) task id: the deal id and the task's index in the deal. */
function taskId(dealid: string, index: bigint): string {
    return keccak256(AbiCoder.defaultAbiCoder().encode(['bytes32', 'uint256'], [dealid, index]));
}

describe('iexec SDK v9 CLI against our PoCo (end to end)', function () {
    this.timeout(120_000);
    let env: Env;
    const state: State = { cancelled: {} };
    let started = 0;
    let failed = false;

    const A0 = () => env.actors[0];
    const A1 = () => env.actors[1];
    const A2 = () => env.actors[2];
    const A3 = () => env.actors[3];
    const A4 = () => env.actors[4];
    const A5 = () => env.actors[5];
    const conf = (path: string, value: Parameters<typeof setJsonField>[2]) => setJsonField(env.config, path, value);

    /** Skip the step unless the hub routes every function of `names`. */
    async function requireHub(ctx: Mocha.Context, ...names: HubFunction[]): Promise<void> {
        const missing = await env.gates.missing(names);
        if (missing.length > 0) skip(ctx, `the hub does not implement ${missing.join(', ')} yet`);
    }

    /** Sign `kind`'s order of iexec.json as `actor`; checks the answer and the signature on the hub. */
    async function signOrder(kind: OrderKind, actor: Actor): Promise<A.SignedOrderJson> {
        const key = ORDER_KEYS[kind];
        const answer = await env.cli.ok<A.OrdersAnswer>(['order', 'sign', `--${kind}`], actor);
        const signed = answer[key];
        expect(signed, `${key} in the answer`).to.not.equal(undefined);
        const json = signed!;
        // SDK 9 ORs TEE + TDX into every tag it signs.
        expect(json.tag).to.equal(TEE_TDX_TAG);
        expect(isHexString(json.salt, 32), 'salt: 32 bytes').to.equal(true);
        expect(isHexString(json.sign, 65), 'sign: 65 bytes').to.equal(true);
        // The SDK signed the EIP-712 digest our hub computes, under the domain our hub reports.
        const hash = hashOrder(env.domain, kind, parseOrder(kind, json));
        const owner = kind === 'request' ? json.requester : actor.address;
        expect(await env.hub.verifySignature(owner, hash, json.sign), 'hub.verifySignature').to.equal(true);
        if (kind === 'request') state.requestHash = hash;
        return json;
    }

    /** Cancel `kind`'s signed order as `actor`; checks the answer and that the hub closed it. */
    async function cancelOrder(kind: OrderKind, actor: Actor, signed: A.SignedOrderJson): Promise<void> {
        const key = ORDER_KEYS[kind];
        const answer = await env.cli.ok<A.CancelAnswer>(['order', 'cancel', `--${kind}`, '--force'], actor);
        expect(isHexString(answer[key]?.txHash, 32), `${key}.txHash`).to.equal(true);
        const hash = hashOrder(env.domain, kind, parseOrder(kind, signed));
        const volume = BigInt(signed.volume);
        expect(await env.hub.viewConsumed(hash), 'hub.viewConsumed: the whole volume').to.equal(volume);
        state.cancelled[kind] = { hash, volume };
    }

    before(async function () {
        this.timeout(300_000);
        started = Date.now();
        // Until the setup completes, a failure keeps the temporary folder (node log) for inspection.
        failed = true;
        const root = hre.config.paths.root;
        const dir = mkdtempSync(join(tmpdir(), 'poco-iexec-e2e-'));
        let node: HardhatNode | undefined;
        let hubAddress: string;
        let url: string;
        if (process.env.IEXEC_E2E_RPC_URL) {
            url = process.env.IEXEC_E2E_RPC_URL;
            const hub = process.env.IEXEC_E2E_HUB;
            if (!hub) throw new Error('IEXEC_E2E_RPC_URL needs IEXEC_E2E_HUB (the hub address)');
            hubAddress = getAddress(hub);
        } else {
            node = await startHardhatNode({ root, dir });
            url = node.url;
            hubAddress = node.deployment.contracts[DeployIds.Hub].address;
        }
        // Published before anything else can fail, so that `after` stops the node.
        env = { dir, url, node } as Env;

        const chainId = Number(await rpc<string>(url, 'eth_chainId'));
        const provider = new JsonRpcProvider(url, chainId, { staticNetwork: true, pollingInterval: 100 });
        env.provider = provider;
        env.sms = await startMockSms();
        env.addresses = await readPocoAddresses(provider, hubAddress);
        env.hub = new Contract(hubAddress, referenceAbi as InterfaceAbi, provider);
        env.domain = await readDomain(hubAddress, provider);
        env.gates = new HubGates(hubAddress, provider);
        env.actors = hardhatAccounts(6);

        const workDir = join(dir, 'project');
        const keystoreDir = join(dir, 'keystore');
        mkdirSync(workDir);
        writeKeystores(keystoreDir, env.actors, PASSWORD);
        env.config = join(workDir, 'iexec.json');
        env.cli = new IexecCli({
            root,
            workDir,
            keystoreDir,
            password: PASSWORD,
            nodeOptions: writeCliPreload(dir),
            // The CLI compares deadlines with its own clock: keep it at the chain's time. (A raw
            // call: ethers' provider may answer 'latest' from before an evm_mine.)
            clockOffsetMs: async () => {
                const block = await rpc<{ timestamp: string }>(url, 'eth_getBlockByNumber', ['latest', false]);
                return Number(block.timestamp) * 1000 - Date.now();
            },
            logFile: join(dir, 'steps.jsonl'),
        });
        // The project files, then our chain as the only one (a local id: no iExec service defaults).
        await env.cli.ok(['init', '--skip-wallet', '--force']);
        writeChainJson(workDir, 'poco-e2e', {
            id: String(chainId),
            host: url,
            hub: hubAddress,
            sms: env.sms.url,
        });
        failed = false;
    });

    afterEach(function () {
        if (this.currentTest?.state === 'failed') failed = true;
    });

    after(async function () {
        this.timeout(30_000);
        if (env === undefined) return;
        await env.node?.stop();
        env.provider?.destroy();
        await env.sms?.close();
        const timings = env.cli?.timings ?? [];
        const cliMs = timings.reduce((sum, t) => sum + t.ms, 0);
        console.log(
            `      iexec e2e: ${timings.length} CLI commands in ${(cliMs / 1000).toFixed(1)} s ` +
                `(${timings.length ? Math.round(cliMs / timings.length) : 0} ms each), ` +
                `${((Date.now() - started) / 1000).toFixed(1)} s in all`,
        );
        if (failed || process.env.IEXEC_E2E_KEEP === '1') {
            console.log(`      iexec e2e: node log, CLI project and steps.jsonl kept in ${env.dir}`);
        } else {
            rmSync(env.dir, { recursive: true, force: true });
        }
    });

    // ------------------------------------------------------------------------------------------
    describe('wallet', function () {
        it('wallet show: the hub owner holds the whole RLC supply', async function () {
            const answer = await env.cli.ok<A.WalletShow>(['wallet', 'show'], A0());
            expect(answer.wallet.address).to.equal(A0().address);
            expect(answer.balance.RLC).to.equal('87000000.0');
            expect(answer.balance.nRLC).to.equal('87000000000000000');
            expect(BigInt(answer.balance.wei)).to.equal(await env.provider.getBalance(A0().address));
        });

        it('wallet send-RLC: 100 RLC to the scheduler #3 and the requester #4', async function () {
            for (const actor of [A3(), A4()]) {
                const answer = await env.cli.ok<A.SendRlc>(
                    ['wallet', 'send-RLC', '100', 'RLC', '--to', actor.address, '--force'],
                    A0(),
                );
                expect(answer).to.include({ amount: String(RLC(100n)), from: A0().address, to: actor.address });
            }
        });

        it('wallet show: the requester now holds 100 RLC', async function () {
            const answer = await env.cli.ok<A.WalletShow>(['wallet', 'show'], A4());
            expect(answer.balance).to.include({ RLC: '100.0', nRLC: String(RLC(100n)) });
        });
    });

    // ------------------------------------------------------------------------------------------
    describe('account', function () {
        it('account show: an empty account', async function () {
            const answer = await env.cli.ok<A.AccountShow>(['account', 'show'], A4());
            expect(answer.balance).to.deep.equal({ stake: '0', locked: '0' });
        });

        it('account deposit: 10 RLC (requester #4) and 5 RLC (scheduler #3), through RLC approveAndCall', async function () {
            const requester = await env.cli.ok<A.AmountTx>(['account', 'deposit', '10', 'RLC'], A4());
            expect(requester.amount).to.equal(String(RLC(10n)));
            const scheduler = await env.cli.ok<A.AmountTx>(['account', 'deposit', '5', 'RLC'], A3());
            expect(scheduler.amount).to.equal(String(RLC(5n)));
        });

        it('account show: the deposit is the stake', async function () {
            const answer = await env.cli.ok<A.AccountShow>(['account', 'show'], A4());
            expect(answer.balance).to.deep.equal({ stake: String(RLC(10n)), locked: '0' });
        });

        it('account withdraw: 1 RLC, then account show', async function () {
            const answer = await env.cli.ok<A.AmountTx>(['account', 'withdraw', '1', 'RLC'], A4());
            expect(answer.amount).to.equal(String(RLC(1n)));
            const shown = await env.cli.ok<A.AccountShow>(['account', 'show'], A4());
            expect(shown.balance).to.deep.equal({ stake: String(RLC(9n)), locked: '0' });
        });

        it('account deposit: 1 RLC more into an account that has a stake', async function () {
            const answer = await env.cli.ok<A.AmountTx>(['account', 'deposit', '1', 'RLC'], A4());
            expect(answer.amount).to.equal(String(RLC(1n)));
        });

        it('account approve / allowance / revoke / allowance (the hub as an ERC-20 of staked RLC)', async function () {
            const spender = A5().address;
            const approved = await env.cli.ok<A.Tx>(['account', 'approve', '5', spender], A4());
            expect(isHexString(approved.txHash, 32)).to.equal(true);
            // The SDK prints the allowance as hex (a BN's toJSON), as against the reference.
            const allowance = await env.cli.ok<A.Allowance>(['account', 'allowance', spender], A4());
            expect(allowance.amount).to.equal('05');
            const revoked = await env.cli.ok<A.Tx>(['account', 'revoke', spender], A4());
            expect(isHexString(revoked.txHash, 32)).to.equal(true);
            const after = await env.cli.ok<A.Allowance>(['account', 'allowance', spender], A4());
            expect(after.amount).to.equal('00');
        });

        it('account show <address>: without a wallet', async function () {
            const answer = await env.cli.ok<A.AccountShow>(['account', 'show', A5().address]);
            expect(answer.balance).to.deep.equal({ stake: '0', locked: '0' });
        });
    });

    // ------------------------------------------------------------------------------------------
    describe('assets', function () {
        it('app init + app deploy (app owner #1)', async function () {
            await env.cli.ok(['app', 'init'], A1());
            conf('app.name', 'poco-e2e-app');
            const answer = await env.cli.ok<A.Deployed>(['app', 'deploy'], A1());
            expect(isHexString(answer.txHash, 32)).to.equal(true);
            state.app = getAddress(answer.address);
        });

        it('app show <address> and app show <index> --user: the fields deployed', async function () {
            const app = need(this, state.app, 'app');
            const template = getJsonField(env.config, 'app') as Record<string, string>;
            const expected = {
                appName: 'poco-e2e-app',
                appType: template.type,
                appMultiaddr: template.multiaddr,
                appChecksum: template.checksum,
                appMREnclave: '',
                owner: A1().address,
                registry: env.addresses.appRegistry,
            };
            const byAddress = await env.cli.ok<A.AppShow>(['app', 'show', app], A1());
            expect(byAddress.address).to.equal(app);
            expect(byAddress.app).to.deep.equal(expected);
            const byIndex = await env.cli.ok<A.AppShow>(['app', 'show', '0', '--user', A1().address]);
            expect(byIndex.address).to.equal(app);
            expect(byIndex.app).to.deep.equal(expected);
        });

        it('app deploy again with the same fields: refused before sending (CREATE2 address taken)', async function () {
            const app = need(this, state.app, 'app');
            await env.cli.fails(['app', 'deploy'], `App already deployed at address ${app}`, A1());
        });

        it('dataset init + deploy + show (dataset owner #2)', async function () {
            await env.cli.ok(['dataset', 'init'], A2());
            conf('dataset.name', 'poco-e2e-dataset');
            const template = getJsonField(env.config, 'dataset') as Record<string, string>;
            const deployed = await env.cli.ok<A.Deployed>(['dataset', 'deploy'], A2());
            state.dataset = getAddress(deployed.address);
            const answer = await env.cli.ok<A.DatasetShow>(['dataset', 'show', state.dataset], A2());
            expect(answer.address).to.equal(state.dataset);
            expect(answer.dataset).to.deep.equal({
                datasetName: 'poco-e2e-dataset',
                // The SDK decodes the multiaddr bytes: `/ipfs/Qm…` comes back as `/p2p/Qm…`.
                datasetMultiaddr: template.multiaddr.replace(/^\/ipfs\//, '/p2p/'),
                datasetChecksum: template.checksum,
                owner: A2().address,
                registry: env.addresses.datasetRegistry,
            });
        });

        it('workerpool init + deploy + show (scheduler #3): default policies 30 % / 1 %', async function () {
            await env.cli.ok(['workerpool', 'init'], A3());
            conf('workerpool.description', 'poco-e2e-workerpool');
            const deployed = await env.cli.ok<A.Deployed>(['workerpool', 'deploy'], A3());
            state.workerpool = getAddress(deployed.address);
            const answer = await env.cli.ok<A.WorkerpoolShow>(['workerpool', 'show', state.workerpool], A3());
            expect(answer.address).to.equal(state.workerpool);
            expect(answer.workerpool).to.deep.equal({
                workerpoolDescription: 'poco-e2e-workerpool',
                workerStakeRatioPolicy: String(WORKER_STAKE_RATIO),
                schedulerRewardRatioPolicy: '1',
                owner: A3().address,
                registry: env.addresses.workerpoolRegistry,
            });
        });
    });

    // ------------------------------------------------------------------------------------------
    describe('categories', function () {
        it('category show 0 and category count: the default categories', async function () {
            const shown = await env.cli.ok<A.CategoryShow>(['category', 'show', '0']);
            expect(shown.index).to.equal('0');
            expect(shown.category).to.deep.equal({ name: 'XS', description: '""', workClockTimeRef: '300' });
            const count = await env.cli.ok<A.CategoryCount>(['category', 'count']);
            expect(count.count).to.equal('5');
        });

        it('category init + create by the hub owner, then category show', async function () {
            await env.cli.ok(['category', 'init']);
            conf('category.name', 'PROBE');
            conf('category.description', 'probe category');
            conf('category.workClockTimeRef', 10);
            const created = await env.cli.ok<A.CategoryCreated>(['category', 'create'], A0());
            expect(created.catid).to.equal('5');
            state.category = BigInt(created.catid);
            const shown = await env.cli.ok<A.CategoryShow>(['category', 'show', created.catid]);
            expect(shown.index).to.equal('5');
            expect(shown.category).to.deep.equal({
                name: 'PROBE',
                description: 'probe category',
                workClockTimeRef: '10',
            });
        });

        it('category create by another account: refused, naming the hub owner', async function () {
            await env.cli.fails(
                ['category', 'create'],
                `only category owner ${A0().address} can create new categories`,
                A4(),
            );
        });
    });

    // ------------------------------------------------------------------------------------------
    describe('deal A: app + workerpool, category 0, volume 2', function () {
        it('order init --app / --workerpool / --request: templates for the deployed assets', async function () {
            const app = need(this, state.app, 'app');
            const workerpool = need(this, state.workerpool, 'workerpool');
            const apporder = await env.cli.ok<{ apporder: Record<string, unknown> }>(['order', 'init', '--app'], A1());
            expect(apporder.apporder).to.include({ app, appprice: '0' });
            expect(apporder.apporder.tag).to.deep.equal(['tee', 'tdx']);
            const pool = await env.cli.ok<{ workerpoolorder: Record<string, unknown> }>(
                ['order', 'init', '--workerpool'],
                A3(),
            );
            expect(pool.workerpoolorder).to.include({ workerpool, category: '0' });
            const request = await env.cli.ok<{ requestorder: Record<string, unknown> }>(
                ['order', 'init', '--request'],
                A4(),
            );
            expect(request.requestorder).to.include({ requester: A4().address, beneficiary: A4().address });

            conf('order.apporder.appprice', String(APP_PRICE));
            conf('order.apporder.volume', '10');
            conf('order.workerpoolorder.workerpoolprice', String(WORKERPOOL_PRICE));
            conf('order.workerpoolorder.volume', '10');
            conf('order.workerpoolorder.category', '0');
            conf('order.requestorder.app', app);
            conf('order.requestorder.appmaxprice', String(APP_PRICE));
            conf('order.requestorder.workerpool', workerpool);
            conf('order.requestorder.workerpoolmaxprice', String(WORKERPOOL_PRICE));
            conf('order.requestorder.volume', '2');
            conf('order.requestorder.category', '0');
            conf('order.requestorder.params', { iexec_args: 'e2e deal A' });
        });

        it('order sign --app: signed as the app owner, valid on the hub', async function () {
            need(this, state.app, 'app');
            const signed = await signOrder('app', A1());
            expect(signed).to.include({ app: state.app, appprice: String(APP_PRICE), volume: '10' });
        });

        it('order sign --workerpool: signed as the scheduler, valid on the hub', async function () {
            need(this, state.workerpool, 'workerpool');
            const signed = await signOrder('workerpool', A3());
            expect(signed).to.include({
                workerpool: state.workerpool,
                workerpoolprice: String(WORKERPOOL_PRICE),
                volume: '10',
                category: '0',
                trust: '0',
            });
        });

        it('order sign --request: signed as the requester, valid on the hub', async function () {
            need(this, state.app, 'app');
            need(this, state.workerpool, 'workerpool');
            const signed = await signOrder('request', A4());
            expect(signed).to.include({
                app: state.app,
                dataset: ZeroAddress,
                workerpool: state.workerpool,
                requester: A4().address,
                beneficiary: A4().address,
                volume: '2',
                category: '0',
                // The SDK adds the result storage provider to the params, hashed as they are.
                params: '{"iexec_result_storage_provider":"ipfs","iexec_args":"e2e deal A"}',
            });
        });

        it('order fill: the deal of volume 2', async function () {
            await requireHub(this, 'matchOrders');
            const requestHash = need(this, state.requestHash, 'signed request order');
            const answer = await env.cli.ok<A.Filled>(['order', 'fill', '--force'], A4());
            expect(answer.dealid).to.equal(dealId(requestHash, 0n));
            expect(answer.volume).to.equal('2');
            state.dealA = answer.dealid;
        });

        it('deal show: the deal as the reference shows it', async function () {
            await requireHub(this, 'matchOrders', 'viewDeal', 'final_deadline_ratio');
            const dealid = need(this, state.dealA, 'deal A');
            const { deal } = await env.cli.ok<A.DealShow>(['deal', 'show', dealid], A4());
            const startTime = BigInt(deal.startTime);
            state.startA = startTime;
            expect(deal).to.deep.include({
                dealid,
                app: { pointer: state.app, owner: A1().address, price: String(APP_PRICE) },
                dataset: { pointer: ZeroAddress, owner: ZeroAddress, price: '0' },
                workerpool: { pointer: state.workerpool, owner: A3().address, price: String(WORKERPOOL_PRICE) },
                // The hub stores max(trust, 1).
                trust: '1',
                category: '0',
                tag: TEE_TDX_TAG,
                requester: A4().address,
                beneficiary: A4().address,
                callback: ZeroAddress,
                params: '{"iexec_result_storage_provider":"ipfs","iexec_args":"e2e deal A"}',
                botFirst: '0',
                botSize: '2',
                workerStake: String(WORKER_STAKE),
                schedulerRewardRatio: '1',
                sponsor: A4().address,
                finalTime: String(startTime + FINAL_DEADLINE_RATIO * 300n),
                deadlineReached: false,
            });
            expect(deal.tasks).to.deep.equal([taskId(dealid, 0n), taskId(dealid, 1n)]);
        });

        it('account show: requester and scheduler have the deal price and the worker stakes locked', async function () {
            await requireHub(this, 'matchOrders');
            need(this, state.dealA, 'deal A');
            const requester = await env.cli.ok<A.AccountShow>(['account', 'show'], A4());
            const price = 2n * (APP_PRICE + WORKERPOOL_PRICE);
            expect(requester.balance).to.deep.equal({ stake: String(RLC(10n) - price), locked: String(price) });
            const scheduler = await env.cli.ok<A.AccountShow>(['account', 'show'], A3());
            const stake = 2n * WORKER_STAKE;
            expect(scheduler.balance).to.deep.equal({ stake: String(RLC(5n) - stake), locked: String(stake) });
        });
    });

    // ------------------------------------------------------------------------------------------
    describe('deal B: with a dataset, in the new category, volume 1', function () {
        it('order init --dataset, then the orders edited for deal B', async function () {
            const dataset = need(this, state.dataset, 'dataset');
            const category = need(this, state.category, 'category');
            const answer = await env.cli.ok<{ datasetorder: Record<string, unknown> }>(
                ['order', 'init', '--dataset'],
                A2(),
            );
            expect(answer.datasetorder).to.include({ dataset });
            conf('order.datasetorder.datasetprice', String(DATASET_PRICE));
            conf('order.datasetorder.volume', '10');
            conf('order.workerpoolorder.category', String(category));
            conf('order.requestorder.dataset', dataset);
            conf('order.requestorder.datasetmaxprice', String(DATASET_PRICE));
            conf('order.requestorder.category', String(category));
            conf('order.requestorder.volume', '1');
            conf('order.requestorder.params', { iexec_args: 'e2e deal B' });
        });

        it('order sign --dataset: after the SMS preflight check of the TEE dataset', async function () {
            const dataset = need(this, state.dataset, 'dataset');
            const before = env.sms.requests.length;
            const signed = await signOrder('dataset', A2());
            expect(signed).to.include({ dataset, datasetprice: String(DATASET_PRICE), volume: '10' });
            expect(env.sms.requests.slice(before)).to.deep.include({
                method: 'HEAD',
                url: `/secrets/web3?secretAddress=${dataset}`,
            });
        });

        it('order sign --workerpool (new category) and --request (with the dataset)', async function () {
            const category = need(this, state.category, 'category');
            const pool = await signOrder('workerpool', A3());
            expect(pool.category).to.equal(String(category));
            const request = await signOrder('request', A4());
            expect(request).to.include({
                dataset: state.dataset,
                datasetmaxprice: String(DATASET_PRICE),
                category: String(category),
                volume: '1',
                params: '{"iexec_result_storage_provider":"ipfs","iexec_args":"e2e deal B"}',
            });
        });

        it('order fill: the deal of volume 1 with the dataset', async function () {
            await requireHub(this, 'matchOrders');
            const requestHash = need(this, state.requestHash, 'signed request order');
            const answer = await env.cli.ok<A.Filled>(['order', 'fill', '--force'], A4());
            expect(answer.dealid).to.equal(dealId(requestHash, 0n));
            expect(answer.volume).to.equal('1');
            state.dealB = answer.dealid;
        });

        it('deal show: the dataset in the deal, final time from the new category', async function () {
            await requireHub(this, 'matchOrders', 'viewDeal', 'final_deadline_ratio');
            const dealid = need(this, state.dealB, 'deal B');
            const { deal } = await env.cli.ok<A.DealShow>(['deal', 'show', dealid], A4());
            const startTime = BigInt(deal.startTime);
            state.startB = startTime;
            expect(deal).to.deep.include({
                dealid,
                app: { pointer: state.app, owner: A1().address, price: String(APP_PRICE) },
                dataset: { pointer: state.dataset, owner: A2().address, price: String(DATASET_PRICE) },
                workerpool: { pointer: state.workerpool, owner: A3().address, price: String(WORKERPOOL_PRICE) },
                trust: '1',
                category: String(state.category),
                tag: TEE_TDX_TAG,
                params: '{"iexec_result_storage_provider":"ipfs","iexec_args":"e2e deal B"}',
                botFirst: '0',
                botSize: '1',
                workerStake: String(WORKER_STAKE),
                schedulerRewardRatio: '1',
                sponsor: A4().address,
                finalTime: String(startTime + FINAL_DEADLINE_RATIO * 10n),
                deadlineReached: false,
            });
            expect(deal.tasks).to.deep.equal([taskId(dealid, 0n)]);
        });
    });

    // ------------------------------------------------------------------------------------------
    describe('tasks and claims', function () {
        /** `hub.initialize(dealid, idx)` as the scheduler: no SDK command does it. */
        async function initialize(dealid: string, index: bigint): Promise<string> {
            const scheduler = new Wallet(A3().privateKey, env.provider);
            const hub = env.hub.connect(scheduler) as Contract;
            const taskid = (await hub.initialize.staticCall(dealid, index)) as string;
            await (await hub.initialize(dealid, index)).wait();
            return taskid;
        }

        it('task show: task 0 of deal A, initialized by the scheduler (ethers), is ACTIVE', async function () {
            await requireHub(this, 'initialize', 'viewTask');
            const dealid = need(this, state.dealA, 'deal A');
            const startTime = need(this, state.startA, 'deal A start time');
            const taskid = await initialize(dealid, 0n);
            expect(taskid).to.equal(taskId(dealid, 0n));
            state.taskA0 = taskid;
            const answer = await env.cli.ok<A.TaskShow>(['task', 'show', taskid], A4());
            expect(answer.task).to.deep.equal({
                taskid,
                status: 1,
                statusName: 'ACTIVE',
                dealid,
                idx: '0',
                timeref: '300',
                contributionDeadline: String(startTime + CONTRIBUTION_DEADLINE_RATIO * 300n),
                revealDeadline: '0',
                finalDeadline: String(startTime + FINAL_DEADLINE_RATIO * 300n),
                consensusValue: ZeroHash,
                revealCounter: '0',
                winnerCounter: '0',
                contributors: [],
                resultDigest: ZeroHash,
                results: { storage: 'none' },
                resultsTimestamp: '0',
                resultsCallback: '0x',
                taskTimedOut: false,
            });
            expect(answer.claimable).to.equal(false);
        });

        it('task claim and deal claim before the deadlines: refused by the CLI', async function () {
            await requireHub(this, 'viewTask', 'viewDeal', 'final_deadline_ratio');
            const taskid = need(this, state.taskA0, 'task A0');
            const dealB = need(this, state.dealB, 'deal B');
            const startA = need(this, state.startA, 'deal A start time');
            const startB = need(this, state.startB, 'deal B start time');
            const finalA = startA + FINAL_DEADLINE_RATIO * 300n;
            await env.cli.fails(
                ['task', 'claim', taskid],
                `Cannot claim a task before reaching the consensus deadline date: ${new Date(Number(finalA) * 1000)}`,
                A4(),
            );
            const finalB = startB + FINAL_DEADLINE_RATIO * 10n;
            await env.cli.fails(
                ['deal', 'claim', dealB],
                `Cannot claim a deal before reaching the final time: ${new Date(Number(finalB) * 1000)}`,
                A4(),
            );
        });

        it('after the final deadlines (time travel, CLI clock shifted): task claim, then task show FAILED', async function () {
            await requireHub(this, 'initialize', 'viewTask', 'claim');
            const taskid = need(this, state.taskA0, 'task A0');
            const dealB = need(this, state.dealB, 'deal B');
            // Task 0 of deal B initialized too, so that `deal claim` B takes the claimArray path.
            state.taskB0 = await initialize(dealB, 0n);
            await env.provider.send('evm_increaseTime', [3100]);
            await env.provider.send('evm_mine', []);

            const claimed = await env.cli.ok<A.Tx>(['task', 'claim', taskid], A4());
            expect(isHexString(claimed.txHash, 32)).to.equal(true);
            const answer = await env.cli.ok<A.TaskShow>(['task', 'show', taskid], A4());
            expect(answer.task).to.include({ status: 4, statusName: 'FAILED', taskTimedOut: true });
            expect(answer.claimable).to.equal(false);
            state.taskA0Claimed = true;
        });

        it('deal claim A: its uninitialized task 1 through initializeAndClaimArray', async function () {
            await requireHub(this, 'initializeAndClaimArray', 'viewDeal', 'viewTask');
            const dealid = need(this, state.dealA, 'deal A');
            need(this, state.taskA0Claimed, 'claimed task A0');
            const answer = await env.cli.ok<A.DealClaimed>(['deal', 'claim', dealid], A4());
            expect(answer.claimed).to.deep.equal({ '1': taskId(dealid, 1n) });
            expect(answer.transactions.map((t) => t.type)).to.deep.equal(['initializeAndClaimArray']);
        });

        it('deal claim B: its ACTIVE task 0 through claimArray', async function () {
            await requireHub(this, 'claimArray', 'viewDeal', 'viewTask');
            const dealid = need(this, state.dealB, 'deal B');
            const taskid = need(this, state.taskB0, 'task B0');
            const answer = await env.cli.ok<A.DealClaimed>(['deal', 'claim', dealid], A4());
            expect(answer.claimed).to.deep.equal({ '0': taskid });
            expect(answer.transactions.map((t) => t.type)).to.deep.equal(['claimArray']);
        });

        it('deal show after the claims: deadline reached; accounts: requester refunded, scheduler stakes seized', async function () {
            await requireHub(this, 'viewDeal', 'claim', 'claimArray', 'initializeAndClaimArray');
            const dealid = need(this, state.dealA, 'deal A');
            need(this, state.taskB0, 'task B0');
            const { deal } = await env.cli.ok<A.DealShow>(['deal', 'show', dealid], A4());
            expect(deal.deadlineReached).to.equal(true);
            const requester = await env.cli.ok<A.AccountShow>(['account', 'show'], A4());
            expect(requester.balance).to.deep.equal({ stake: String(RLC(10n)), locked: '0' });
            // Three failed tasks (two of deal A, one of deal B): three worker stakes to the kitty.
            const scheduler = await env.cli.ok<A.AccountShow>(['account', 'show'], A3());
            expect(scheduler.balance).to.deep.equal({ stake: String(RLC(5n) - 3n * WORKER_STAKE), locked: '0' });
        });
    });

    // ------------------------------------------------------------------------------------------
    describe('order cancel', function () {
        it('order sign + cancel --app: the order is closed on the hub; cancelling again fails (exit code 0)', async function () {
            need(this, state.app, 'app');
            const signed = await signOrder('app', A1());
            await cancelOrder('app', A1(), signed);
            const again = await env.cli.fails(
                ['order', 'cancel', '--app', '--force'],
                'apporder already canceled',
                A1(),
            );
            // The `order` commands report failures with exit code 0: only `ok` tells.
            expect(again.exitCode).to.equal(0);
            expect(again.messages).to.deep.equal(['apporder: apporder already canceled']);
        });

        it('order sign + cancel --dataset', async function () {
            need(this, state.dataset, 'dataset');
            await cancelOrder('dataset', A2(), await signOrder('dataset', A2()));
        });

        it('order sign + cancel --workerpool', async function () {
            need(this, state.workerpool, 'workerpool');
            await cancelOrder('workerpool', A3(), await signOrder('workerpool', A3()));
        });

        it('order sign + cancel --request', async function () {
            need(this, state.app, 'app');
            await cancelOrder('request', A4(), await signOrder('request', A4()));
        });

        it('order fill with the cancelled orders: refused, the app order is fully consumed', async function () {
            need(this, state.cancelled.app, 'cancelled app order');
            need(this, state.cancelled.request, 'cancelled request order');
            await env.cli.fails(['order', 'fill', '--force'], 'apporder is fully consumed', A4());
        });
    });

    // ------------------------------------------------------------------------------------------
    describe('transfers', function () {
        for (const kind of ['app', 'dataset', 'workerpool'] as const) {
            it(`${kind} transfer to #5, then ${kind} show: the new owner`, async function () {
                const asset = need(this, state[kind], kind);
                const owner = { app: A1(), dataset: A2(), workerpool: A3() }[kind];
                const answer = await env.cli.ok<A.Transferred>(
                    [kind, 'transfer', asset, '--to', A5().address, '--force'],
                    owner,
                );
                expect(answer).to.include({ address: asset, to: A5().address });
                expect(isHexString(answer.txHash, 32)).to.equal(true);
                const shown = await env.cli.ok<Record<string, { owner: string }>>([kind, 'show', asset]);
                expect(shown[kind].owner).to.equal(A5().address);
            });
        }

        it('account withdraw 1 RLC (scheduler), then wallet show: 100 − 5 + 1 RLC in the wallet', async function () {
            const answer = await env.cli.ok<A.AmountTx>(['account', 'withdraw', '1', 'RLC'], A3());
            expect(answer.amount).to.equal(String(RLC(1n)));
            const wallet = await env.cli.ok<A.WalletShow>(['wallet', 'show'], A3());
            expect(wallet.balance).to.include({ RLC: '96.0', nRLC: String(RLC(96n)) });
        });
    });
});
