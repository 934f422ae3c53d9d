import { expect } from 'chai';
import { ethers } from 'hardhat';
import { time } from '@nomicfoundation/hardhat-network-helpers';
import {
    AbiCoder,
    Interface,
    ZeroAddress,
    ZeroHash,
    keccak256,
    toBeHex,
    toBigInt,
    type ContractTransactionReceipt,
    type Log,
} from 'ethers';
import { ClerkFacet__factory, EscrowERC20Facet__factory, Workerpool__factory } from '../../typechain-types';
import { addressToTokenId } from '../../sdk/assets';
import { matchedOrdersOf } from '../../sdk/deals';
import { buildTag } from '../../sdk/tags';
import {
    ESCROWED,
    PARAMS,
    PRICES,
    deployMarket,
    deployNativeMarket,
    escrowOf,
    match,
    orderHashes,
    signedOrders,
    type Market,
    type OrderFields,
} from '../helpers/market';

/** `ClerkStorage.SLOT`; the deals mapping is its third member. */
const CLERK_SLOT = 0xd3ca9b04182b96e8817267e3d9254b9ebba81848ee7a7394e8dc6c73199cc400n;
const KITTY = '0x99c2268479b93fDe36232351229815DF80837e23';
const UINT96 = 1n << 96n;

/**
 * ClerkFacet: the deal a match records (spec marketplace §5.3, `PackedDeal`), its views, the locks
 * and the events (§5.5–5.6), and every party's balances.
 */
describe('ClerkFacet: the deal, the locks and the events', function () {
    async function makeDeal(market: Market, fields: OrderFields = {}) {
        const orders = await signedOrders(market, fields);
        const receipt = (await (await match(market, orders)).wait())!;
        const [matched] = matchedOrdersOf(receipt, market.hubAddress);
        return { orders, receipt, matched, deal: await market.hub.dealViews.viewDeal(matched.dealId) };
    }

    /** The raw words of the deal's storage slots 0–12 (`PackedDeal`). */
    async function rawDeal(market: Market, id: string): Promise<bigint[]> {
        const base = toBigInt(
            keccak256(AbiCoder.defaultAbiCoder().encode(['bytes32', 'uint256'], [id, CLERK_SLOT + 2n])),
        );
        const words: bigint[] = [];
        for (let i = 0n; i < 13n; i++) {
            words.push(toBigInt(await ethers.provider.getStorage(market.hubAddress, base + i)));
        }
        return words;
    }

    describe('the deal record', function () {
        it('records every field as viewDeal returns it (with a dataset)', async function () {
            const market = await deployMarket();
            const { appOwner, datasetOwner, scheduler, requester } = market.actors;
            const { receipt, deal, orders } = await makeDeal(market, {
                workerpool: { trust: 5n, category: 3n, volume: 4n },
                request: { trust: 5n, category: 3n, volume: 4n, callback: appOwner.address },
                app: { volume: 4n },
                dataset: { volume: 4n },
            });
            const block = await ethers.provider.getBlock(receipt.blockNumber);
            expect(deal.app).to.deep.equal([market.assets.app, appOwner.address, PRICES.app]);
            expect(deal.dataset).to.deep.equal([market.assets.dataset, datasetOwner.address, PRICES.dataset]);
            expect(deal.workerpool).to.deep.equal([market.assets.workerpool, scheduler.address, PRICES.workerpool]);
            expect(deal.trust).to.equal(5n);
            expect(deal.category).to.equal(3n);
            expect(deal.tag).to.equal(ZeroHash);
            expect(deal.requester).to.equal(requester.address);
            expect(deal.beneficiary).to.equal(requester.address);
            expect(deal.callback).to.equal(appOwner.address);
            expect(deal.params).to.equal(PARAMS);
            expect(deal.startTime).to.equal(BigInt(block!.timestamp));
            expect(deal.botFirst).to.equal(0n);
            expect(deal.botSize).to.equal(4n);
            // The workerpool's default policy: 30 % worker stake, 1 % scheduler reward.
            expect(deal.workerStake).to.equal((PRICES.workerpool * 30n) / 100n);
            expect(deal.schedulerRewardRatio).to.equal(1n);
            expect(deal.sponsor).to.equal(requester.address);
            expect(orders.request.requester).to.equal(requester.address);
        });

        it('records a zero dataset without a dataset, trust 0 as 1, and the combined tag', async function () {
            const market = await deployMarket();
            const tee = buildTag(['TEE']);
            const { deal } = await makeDeal(market, {
                dataset: null,
                app: { tag: tee },
                workerpool: { tag: buildTag(['TEE', 'GPU']) },
                request: { trust: 0n, tag: buildTag(['GPU']) },
            });
            expect(deal.dataset).to.deep.equal([ZeroAddress, ZeroAddress, 0n]);
            expect(deal.trust).to.equal(1n);
            expect(deal.tag).to.equal(buildTag(['TEE', 'GPU']));
        });

        it('snapshots the workerpool policy and the owners: later changes do not touch the deal', async function () {
            const market = await deployMarket();
            const { scheduler, appOwner, stranger } = market.actors;
            const pool = Workerpool__factory.connect(market.assets.workerpool, scheduler);
            await (await pool.changePolicy(50n, 20n)).wait();
            const { deal, matched } = await makeDeal(market);
            expect(deal.workerStake).to.equal((PRICES.workerpool * 50n) / 100n);
            expect(deal.schedulerRewardRatio).to.equal(20n);
            await (await pool.changePolicy(10n, 90n)).wait();
            await (
                await market.appRegistry
                    .connect(appOwner)
                    .transferFrom(appOwner.address, stranger.address, addressToTokenId(market.assets.app))
            ).wait();
            expect(await market.hub.dealViews.viewDeal(matched.dealId)).to.deep.equal(deal);
        });

        it('is stored packed as PackedDeal says, default fields never written', async function () {
            const market = await deployMarket();
            const { appOwner, datasetOwner, scheduler, requester } = market.actors;
            const { matched, deal } = await makeDeal(market, {
                request: { beneficiary: ZeroAddress, params: '', trust: 2n, category: 1n },
                workerpool: { trust: 2n, category: 1n },
            });
            const words = await rawDeal(market, matched.dealId);
            const a = (address: string) => toBigInt(address);
            expect(words[0]).to.equal(a(market.assets.app) | (PRICES.app << 160n));
            expect(words[1]).to.equal(a(appOwner.address) | (deal.startTime << 160n) | (1n << 200n) | (1n << 232n));
            expect(words[2]).to.equal(a(market.assets.workerpool) | (PRICES.workerpool << 160n));
            expect(words[3]).to.equal(a(scheduler.address) | (deal.workerStake << 160n));
            expect(words[4]).to.equal(a(requester.address) | (2n << 160n));
            expect(words[5]).to.equal(0n | (1n << 128n));
            expect(words[6]).to.equal(a(market.assets.dataset) | (PRICES.dataset << 160n));
            expect(words[7]).to.equal(a(datasetOwner.address));
            // beneficiary, callback, sponsor, tag, params: defaults, never written.
            expect(words.slice(8)).to.deep.equal([0n, 0n, 0n, 0n, 0n]);
            expect(deal.beneficiary).to.equal(ZeroAddress);
            expect(deal.params).to.equal('');
        });

        it('writes the optional fields when they are set, and nothing of the dataset without one', async function () {
            const market = await deployMarket();
            const { stranger, sponsor } = market.actors;
            const tag = buildTag(['GPU']);
            const orders = await signedOrders(market, {
                dataset: null,
                request: { callback: stranger.address, tag },
                workerpool: { tag },
            });
            const receipt = (await (
                await market.hub.clerk
                    .connect(sponsor)
                    .sponsorMatchOrders(orders.app, orders.dataset, orders.workerpool, orders.request)
            ).wait())!;
            const [{ dealId }] = matchedOrdersOf(receipt, market.hubAddress);
            const words = await rawDeal(market, dealId);
            expect(words[6]).to.equal(0n);
            expect(words[7]).to.equal(0n);
            expect(words[8]).to.equal(toBigInt(orders.request.beneficiary));
            expect(words[9]).to.equal(toBigInt(stranger.address));
            expect(words[10]).to.equal(toBigInt(sponsor.address));
            expect(toBeHex(words[11], 32)).to.equal(tag);
            // A short string: its bytes and twice its length in one slot.
            expect(words[12] & 0xffn).to.equal(BigInt(PARAMS.length * 2));
        });

        it('keeps a long params string whole', async function () {
            const market = await deployMarket();
            const params = JSON.stringify({ iexec_args: 'x'.repeat(300), iexec_input_files: ['https://a.b/c'] });
            const { deal } = await makeDeal(market, { request: { params } });
            expect(deal.params).to.equal(params);
        });
    });

    describe('views', function () {
        it('return all zeros for an unknown deal, never revert', async function () {
            const market = await deployMarket();
            const id = keccak256('0x1234');
            const deal = await market.hub.dealViews.viewDeal(id);
            expect(deal.app.pointer).to.equal(ZeroAddress);
            expect(deal.requester).to.equal(ZeroAddress);
            expect(deal.sponsor).to.equal(ZeroAddress);
            expect(deal.botSize).to.equal(0n);
            expect(deal.params).to.equal('');
            expect(await market.hub.dealViews.viewDealABILegacy_pt1(id)).to.deep.equal([
                ZeroAddress,
                ZeroAddress,
                0n,
                ZeroAddress,
                ZeroAddress,
                0n,
                ZeroAddress,
                ZeroAddress,
                0n,
            ]);
            expect(await market.hub.dealViews.viewDealABILegacy_pt2(id)).to.deep.equal([
                0n,
                ZeroHash,
                ZeroAddress,
                ZeroAddress,
                ZeroAddress,
                '',
            ]);
            expect(await market.hub.dealViews.viewConfigABILegacy(id)).to.deep.equal([0n, 0n, 0n, 0n, 0n, 0n]);
        });

        it('split the deal as the legacy ABI does', async function () {
            const market = await deployMarket();
            const { deal, matched } = await makeDeal(market, { request: { callback: market.actors.stranger.address } });
            const id = matched.dealId;
            expect(await market.hub.dealViews.viewDealABILegacy_pt1(id)).to.deep.equal([
                ...deal.app,
                ...deal.dataset,
                ...deal.workerpool,
            ]);
            expect(await market.hub.dealViews.viewDealABILegacy_pt2(id)).to.deep.equal([
                deal.trust,
                deal.tag,
                deal.requester,
                deal.beneficiary,
                deal.callback,
                deal.params,
            ]);
            expect(await market.hub.dealViews.viewConfigABILegacy(id)).to.deep.equal([
                deal.category,
                deal.startTime,
                deal.botFirst,
                deal.botSize,
                deal.workerStake,
                deal.schedulerRewardRatio,
            ]);
        });
    });

    describe('locks and balances', function () {
        it('locks the price from the requester and the stake from the scheduler; nobody else moves', async function () {
            const market = await deployMarket();
            const { requester, scheduler, appOwner, datasetOwner, deployer } = market.actors;
            const accounts = [requester, scheduler, appOwner, datasetOwner, deployer].map((s) => s.address);
            const before = await escrowOf(market, [...accounts, market.hubAddress, KITTY]);
            const supply = await market.hub.erc20.totalSupply();
            const held = await market.rlc!.balanceOf(market.hubAddress);
            const volume = 3n;
            const v = { volume };
            await makeDeal(market, { app: v, dataset: v, workerpool: v, request: v });
            const price = (PRICES.app + PRICES.dataset + PRICES.workerpool) * volume;
            const stake = ((PRICES.workerpool * 30n) / 100n) * volume;
            const after = await escrowOf(market, [...accounts, market.hubAddress, KITTY]);
            expect(after[0]).to.deep.equal({ free: before[0].free - price, frozen: before[0].frozen + price });
            expect(after[1]).to.deep.equal({ free: before[1].free - stake, frozen: before[1].frozen + stake });
            expect(after.slice(2, 5)).to.deep.equal(before.slice(2, 5));
            expect(after[5]).to.deep.equal({ free: before[5].free + price + stake, frozen: 0n });
            expect(after[6]).to.deep.equal(before[6]);
            expect(await market.hub.erc20.totalSupply()).to.equal(supply);
            expect(await market.rlc!.balanceOf(market.hubAddress)).to.equal(held);
        });

        it('takes the scheduler stake per task with integer division, then multiplies by the volume', async function () {
            const market = await deployMarket();
            const { scheduler } = market.actors;
            const v = { volume: 3n };
            const [before] = await escrowOf(market, [scheduler.address]);
            await makeDeal(market, {
                app: v,
                dataset: v,
                workerpool: { ...v, workerpoolprice: 7n },
                request: { ...v, workerpoolmaxprice: 7n },
            });
            const [after] = await escrowOf(market, [scheduler.address]);
            // (7 * 30 / 100) * 3 = 2 * 3, not 7 * 3 * 30 / 100 = 6.3.
            expect(after.frozen - before.frozen).to.equal(6n);
        });

        it('charges the requester whoever calls matchOrders', async function () {
            const market = await deployMarket();
            const { requester, stranger } = market.actors;
            const orders = await signedOrders(market);
            const [r0, s0] = await escrowOf(market, [requester.address, stranger.address]);
            await (await match(market, orders, stranger)).wait();
            const [r1, s1] = await escrowOf(market, [requester.address, stranger.address]);
            expect(r0.free - r1.free).to.equal(PRICES.app + PRICES.dataset + PRICES.workerpool);
            expect(s1).to.deep.equal(s0);
        });

        it('reverts ERC20InsufficientBalance(account, balance, needed) when the requester or the scheduler is short', async function () {
            const market = await deployMarket();
            const { requester, scheduler } = market.actors;
            const price = ESCROWED + 1n;
            const rich = await signedOrders(market, { app: { appprice: price }, request: { appmaxprice: price } });
            await expect(match(market, rich))
                .to.be.revertedWithCustomError(market.hub.erc20, 'ERC20InsufficientBalance')
                .withArgs(requester.address, ESCROWED, price + PRICES.dataset + PRICES.workerpool);
            // The scheduler's stake: 30 % of a price the requester can pay but the scheduler cannot cover.
            await (await market.hub.escrow.connect(scheduler).withdraw(ESCROWED)).wait();
            await expect(match(market, await signedOrders(market)))
                .to.be.revertedWithCustomError(market.hub.erc20, 'ERC20InsufficientBalance')
                .withArgs(scheduler.address, 0n, (PRICES.workerpool * 30n) / 100n);
        });

        it('locks on the native flavour too', async function () {
            const market = await deployNativeMarket();
            const { requester } = market.actors;
            const [before] = await escrowOf(market, [requester.address]);
            await makeDeal(market);
            const [after] = await escrowOf(market, [requester.address]);
            expect(after.frozen - before.frozen).to.equal(PRICES.app + PRICES.dataset + PRICES.workerpool);
        });
    });

    describe('events', function () {
        const erc20 = new Interface(EscrowERC20Facet__factory.abi);
        const clerk = new Interface(ClerkFacet__factory.abi);
        function parsed(receipt: ContractTransactionReceipt, hub: string) {
            return receipt.logs
                .filter((log: Log) => log.address === hub)
                .map((log) => (erc20.parseLog(log) ?? clerk.parseLog(log))!)
                .map((event) => [event.name, ...event.args]);
        }

        it('emits Transfer/Lock (requester), Transfer/Lock (scheduler), SchedulerNotice, OrdersMatched, in that order', async function () {
            const market = await deployMarket();
            const { requester, scheduler } = market.actors;
            const { receipt, matched, orders } = await makeDeal(market);
            const hashes = orderHashes(market, orders);
            const price = PRICES.app + PRICES.dataset + PRICES.workerpool;
            const stake = (PRICES.workerpool * 30n) / 100n;
            const hub = market.hubAddress;
            expect(parsed(receipt, hub)).to.deep.equal([
                ['Transfer', requester.address, hub, price],
                ['Lock', requester.address, price],
                ['Transfer', scheduler.address, hub, stake],
                ['Lock', scheduler.address, stake],
                ['SchedulerNotice', market.assets.workerpool, matched.dealId],
                ['OrdersMatched', matched.dealId, hashes.app, hashes.dataset, hashes.workerpool, hashes.request, 1n],
            ]);
        });

        it('emits the lock events for zero amounts, and a zero dataset hash without a dataset', async function () {
            const market = await deployMarket();
            const { requester, scheduler } = market.actors;
            const { receipt, matched, orders } = await makeDeal(market, {
                dataset: null,
                app: { appprice: 0n },
                workerpool: { workerpoolprice: 0n },
            });
            const hashes = orderHashes(market, orders);
            const hub = market.hubAddress;
            expect(parsed(receipt, hub)).to.deep.equal([
                ['Transfer', requester.address, hub, 0n],
                ['Lock', requester.address, 0n],
                ['Transfer', scheduler.address, hub, 0n],
                ['Lock', scheduler.address, 0n],
                ['SchedulerNotice', market.assets.workerpool, matched.dealId],
                ['OrdersMatched', matched.dealId, hashes.app, ZeroHash, hashes.workerpool, hashes.request, 1n],
            ]);
        });

        it('have the reference topics and indexed fields', function () {
            const iface = new Interface(ClerkFacet__factory.abi);
            expect(iface.getEvent('OrdersMatched')!.topicHash).to.equal(
                '0xd811b592ed0899225773e8933d8df64bd0b62761a9d7aad4ed5b22735f4610a4',
            );
            expect(iface.getEvent('SchedulerNotice')!.topicHash).to.equal(
                '0x692ad61076dceddd0f1a861f737553dd61fc8501cf4190d29c4e90af6607f765',
            );
            expect(iface.getEvent('DealSponsored')!.topicHash).to.equal(
                '0x81eec3d5401bb1693dbef61f0800bc16602905d6677d691c1262d6f08456e9a0',
            );
            expect(iface.getFunction('matchOrders')!.selector).to.equal('0x156194d4');
            expect(iface.getFunction('sponsorMatchOrders')!.selector).to.equal('0x2f391533');
            expect(iface.getFunction('computeDealVolume')!.selector).to.equal('0x66517ca6');
            expect(iface.getFunction('assertDatasetDealCompatibility')!.selector).to.equal('0x80f03425');
            expect(iface.getError('IncompatibleDatasetOrder')!.selector).to.equal('0x0afd9382');
        });
    });

    describe('values too large for the deal', function () {
        it('reverts ClerkDealValueOverflow(96, price) for a price of 2^96 or more', async function () {
            const market = await deployMarket();
            for (const kind of ['app', 'dataset', 'workerpool'] as const) {
                await expect(
                    match(
                        market,
                        await signedOrders(market, {
                            [kind]: { [`${kind}price`]: UINT96 },
                            request: { [`${kind}maxprice`]: UINT96 },
                        }),
                    ),
                )
                    .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkDealValueOverflow')
                    .withArgs(96, UINT96);
            }
        });

        it('reverts ClerkDealValueOverflow(64, trust) for a trust of 2^64', async function () {
            const market = await deployMarket();
            const trust = 1n << 64n;
            const orders = await signedOrders(market, { workerpool: { trust }, request: { trust } });
            await expect(match(market, orders))
                .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkDealValueOverflow')
                .withArgs(64, trust);
        });

        it('reverts ClerkDealValueOverflow(128, volume) for a deal of 2^128 tasks', async function () {
            const market = await deployMarket();
            const volume = 1n << 128n;
            const v = { volume };
            const free = { appprice: 0n };
            const orders = await signedOrders(market, {
                app: { ...v, ...free },
                dataset: { ...v, datasetprice: 0n },
                workerpool: { ...v, workerpoolprice: 0n },
                request: v,
            });
            await expect(match(market, orders))
                .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkDealValueOverflow')
                .withArgs(128, volume);
        });

        it('reverts ClerkDealValueOverflow(96, stake) for a worker stake policy that makes the stake too large', async function () {
            const market = await deployMarket();
            const pool = Workerpool__factory.connect(market.assets.workerpool, market.actors.scheduler);
            const ratio = 1n << 200n;
            await (await pool.changePolicy(ratio, 1n)).wait();
            const orders = await signedOrders(market);
            await expect(match(market, orders))
                .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkDealValueOverflow')
                .withArgs(96, (PRICES.workerpool * ratio) / 100n);
            // A product beyond 2^256 saturates instead of wrapping.
            await (await pool.changePolicy((1n << 256n) - 1n, 1n)).wait();
            await expect(match(market, orders))
                .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkDealValueOverflow')
                .withArgs(96, (1n << 256n) - 1n);
        });
    });

    it('starts the deal at the block of the match', async function () {
        const market = await deployMarket();
        const next = (await time.latest()) + 1000;
        await time.setNextBlockTimestamp(next);
        const { deal } = await makeDeal(market);
        expect(deal.startTime).to.equal(BigInt(next));
    });
});
