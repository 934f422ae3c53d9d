import { expect } from 'chai';
import { Interface, type ContractTransactionReceipt } from 'ethers';
import { ClerkFacet__factory, EscrowERC20Facet__factory } from '../../typechain-types';
import { createAppOrder, createWorkerpoolOrder, signOrder } from '../../sdk/orders';
import { matchedOrdersOf } from '../../sdk/deals';
import { NRLC_PER_RLC } from '../../sdk/units';
import { PRICES, deployMarket, escrowOf, match, signedOrders, type Market, type Orders } from '../helpers/market';

/**
 * ClerkFacet.sponsorMatchOrders (spec marketplace §5.1): the caller pays and is recorded as the
 * deal's sponsor; the front-running the reference documents (checklist A.2 34–35).
 */
describe('ClerkFacet: sponsored matches', function () {
    function sponsorMatch(market: Market, orders: Orders) {
        return market.hub.clerk
            .connect(market.actors.sponsor)
            .sponsorMatchOrders(orders.app, orders.dataset, orders.workerpool, orders.request);
    }

    function eventNames(receipt: ContractTransactionReceipt, hub: string): string[] {
        const iface = new Interface([...ClerkFacet__factory.abi, ...EscrowERC20Facet__factory.abi]);
        return receipt.logs.filter((log) => log.address === hub).map((log) => iface.parseLog(log)!.name);
    }

    it('locks the price from the sponsor, not the requester, and records the sponsor in the deal', async function () {
        const market = await deployMarket();
        const { sponsor, requester, scheduler } = market.actors;
        const before = await escrowOf(market, [sponsor.address, requester.address, scheduler.address]);
        const receipt = (await (await sponsorMatch(market, await signedOrders(market))).wait())!;
        const after = await escrowOf(market, [sponsor.address, requester.address, scheduler.address]);
        const price = PRICES.app + PRICES.dataset + PRICES.workerpool;
        expect(after[0]).to.deep.equal({ free: before[0].free - price, frozen: before[0].frozen + price });
        expect(after[1]).to.deep.equal(before[1]);
        expect(after[2].frozen - before[2].frozen).to.equal((PRICES.workerpool * 30n) / 100n);
        const [{ dealId }] = matchedOrdersOf(receipt, market.hubAddress);
        const deal = await market.hub.dealViews.viewDeal(dealId);
        expect(deal.sponsor).to.equal(sponsor.address);
        expect(deal.requester).to.equal(requester.address);
    });

    it('emits DealSponsored(dealId, sponsor) after OrdersMatched, the sponsor’s lock first', async function () {
        const market = await deployMarket();
        const { sponsor } = market.actors;
        const tx = sponsorMatch(market, await signedOrders(market));
        const receipt = (await (await tx).wait())!;
        const [{ dealId }] = matchedOrdersOf(receipt, market.hubAddress);
        await expect(tx).to.emit(market.hub.clerk, 'DealSponsored').withArgs(dealId, sponsor.address);
        await expect(tx)
            .to.emit(market.hub.erc20, 'Lock')
            .withArgs(sponsor.address, PRICES.app + PRICES.dataset + PRICES.workerpool);
        expect(eventNames(receipt, market.hubAddress)).to.deep.equal([
            'Transfer',
            'Lock',
            'Transfer',
            'Lock',
            'SchedulerNotice',
            'OrdersMatched',
            'DealSponsored',
        ]);
    });

    it('reverts ERC20InsufficientBalance when the sponsor cannot pay, even if the requester could', async function () {
        const market = await deployMarket();
        const { sponsor } = market.actors;
        const { stake } = await market.hub.erc20.viewAccount(sponsor.address);
        await (await market.hub.escrow.connect(sponsor).withdraw(stake)).wait();
        await expect(sponsorMatch(market, await signedOrders(market)))
            .to.be.revertedWithCustomError(market.hub.erc20, 'ERC20InsufficientBalance')
            .withArgs(sponsor.address, 0n, PRICES.app + PRICES.dataset + PRICES.workerpool);
    });

    it('records the requester as sponsor when the requester sponsors itself (nothing more stored)', async function () {
        const market = await deployMarket();
        const { requester } = market.actors;
        const orders = await signedOrders(market);
        const tx = market.hub.clerk
            .connect(requester)
            .sponsorMatchOrders(orders.app, orders.dataset, orders.workerpool, orders.request);
        const [{ dealId }] = matchedOrdersOf((await (await tx).wait())!, market.hubAddress);
        await expect(tx).to.emit(market.hub.clerk, 'DealSponsored').withArgs(dealId, requester.address);
        expect((await market.hub.dealViews.viewDeal(dealId)).sponsor).to.equal(requester.address);
    });

    describe('front-running (documented, as in the reference)', function () {
        it('anyone who sees a request order can match it first with matchOrders: the requester pays, the sponsor’s match finds no volume', async function () {
            const market = await deployMarket();
            const { requester, sponsor, stranger } = market.actors;
            const orders = await signedOrders(market);
            const before = await escrowOf(market, [requester.address, sponsor.address]);
            await (await match(market, orders, stranger)).wait();
            await expect(sponsorMatch(market, orders))
                .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkNoVolume')
                .withArgs(0n, 0n, 0n, 0n);
            const after = await escrowOf(market, [requester.address, sponsor.address]);
            expect(before[0].free - after[0].free).to.equal(PRICES.app + PRICES.dataset + PRICES.workerpool);
            expect(after[1]).to.deep.equal(before[1]);
        });

        it('bounds what a third party can make the requester pay by the request’s maximum prices and volume', async function () {
            const market = await deployMarket();
            const { requester, appOwner, scheduler, stranger } = market.actors;
            const max = {
                appmaxprice: 4n * NRLC_PER_RLC,
                datasetmaxprice: PRICES.dataset,
                workerpoolmaxprice: 12n * NRLC_PER_RLC,
            };
            const orders = await signedOrders(market, { request: { ...max, volume: 2n }, dataset: { volume: 5n } });
            // A third party picks the most expensive orders the request admits.
            const app = await signOrder(
                appOwner,
                market.domain,
                'app',
                createAppOrder({ app: market.assets.app, appprice: max.appmaxprice, volume: 5n }),
            );
            const workerpool = await signOrder(
                scheduler,
                market.domain,
                'workerpool',
                createWorkerpoolOrder({
                    workerpool: market.assets.workerpool,
                    workerpoolprice: max.workerpoolmaxprice,
                    volume: 5n,
                }),
            );
            const [before] = await escrowOf(market, [requester.address]);
            await (await match(market, { ...orders, app, workerpool }, stranger)).wait();
            const [after] = await escrowOf(market, [requester.address]);
            const bound = (max.appmaxprice + max.datasetmaxprice + max.workerpoolmaxprice) * 2n;
            expect(before.free - after.free).to.equal(bound);
            // Overpriced orders are refused.
            const greedy = await signOrder(
                appOwner,
                market.domain,
                'app',
                createAppOrder({ app: market.assets.app, appprice: max.appmaxprice + 1n, volume: 5n }),
            );
            await expect(match(market, { ...orders, app: greedy, workerpool }, stranger)).to.be.revertedWithCustomError(
                market.hub.clerk,
                'ClerkAppPriceTooHigh',
            );
        });
    });
});
