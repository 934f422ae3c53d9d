import { expect } from 'chai';
import { cancelOrder, presignOrder, createAppOrder } from '../../sdk/orders';
import { checkSnapshot, recordGas } from '../helpers/gas';
import { deployGasMarket, matchArgs, saltOf, signedOrders, type Market, type OrderFields } from '../helpers/market';

/**
 * Gas of the Clerk's paths (receipt `gasUsed` on the in-process network): real registry assets,
 * real EIP-712 signatures (`sdk/orders.ts`), realistic params, the requester as beneficiary, no
 * tag. Matches run on a hub that already holds escrowed deals (as any live hub does): a first
 * match is made before the measured one, with other orders. The reference (PoCo v6.2) pays 812,621
 * for a fresh match with a dataset. Fixed addresses (`deployGasMarket`) and fixed salts make the
 * figures reproducible.
 */
const TARGETS = {
    manageAppOrderPresign: 60_000n,
    manageAppOrderClose: 60_000n,
    matchOrdersFresh: 500_000n,
    matchOrdersPartiallyConsumed: 450_000n,
    matchOrdersWithoutDataset: 420_000n,
    sponsorMatchOrders: 505_000n,
};

describe('Clerk gas', function () {
    after(function () {
        checkSnapshot('gasUsed');
    });

    /** Four orders with fixed salts (`label`) and these fields. */
    function ordersOf(market: Market, label: string, fields: OrderFields = {}) {
        const salted = (kind: string) => ({ salt: saltOf(`${label}/${kind}`) });
        return signedOrders(market, {
            app: { ...salted('app'), ...fields.app },
            dataset: fields.dataset === null ? null : { ...salted('dataset'), ...fields.dataset },
            workerpool: { ...salted('workerpool'), ...fields.workerpool },
            request: { ...salted('request'), ...fields.request },
        });
    }

    /** The market after a first deal (other orders): the hub's own escrow account is in use. */
    async function liveMarket(): Promise<Market> {
        const market = await deployGasMarket();
        const warmUp = await ordersOf(market, 'warm-up');
        await (await market.hub.clerk.matchOrders(...matchArgs(warmUp))).wait();
        return market;
    }

    it(`presigns an app order of a registry app for at most ${TARGETS.manageAppOrderPresign} gas`, async function () {
        const market = await deployGasMarket();
        const order = createAppOrder({ app: market.assets.app, appprice: 3n, volume: 10n, salt: saltOf('manage') });
        const receipt = await presignOrder(market.hubAddress, market.actors.appOwner, 'app', order);
        expect(recordGas('manageAppOrder presign', receipt)).to.be.at.most(TARGETS.manageAppOrderPresign);
    });

    it(`closes an app order of a registry app for at most ${TARGETS.manageAppOrderClose} gas`, async function () {
        const market = await deployGasMarket();
        const order = createAppOrder({ app: market.assets.app, appprice: 3n, volume: 10n, salt: saltOf('manage') });
        const receipt = await cancelOrder(market.hubAddress, market.actors.appOwner, 'app', order);
        expect(recordGas('manageAppOrder close', receipt)).to.be.at.most(TARGETS.manageAppOrderClose);
    });

    it(`matches fresh orders with a dataset for at most ${TARGETS.matchOrdersFresh} gas`, async function () {
        const market = await liveMarket();
        const orders = await ordersOf(market, 'fresh');
        const receipt = await (await market.hub.clerk.matchOrders(...matchArgs(orders))).wait();
        expect(recordGas('matchOrders with dataset, fresh orders', receipt)).to.be.at.most(TARGETS.matchOrdersFresh);
    });

    it('matches fresh orders with a dataset as the first deal of a hub', async function () {
        const market = await deployGasMarket();
        const orders = await ordersOf(market, 'fresh');
        const receipt = await (await market.hub.clerk.matchOrders(...matchArgs(orders))).wait();
        // The hub's own escrow account goes from zero to non-zero: one more fresh storage slot.
        expect(recordGas('matchOrders with dataset, first deal of the hub', receipt)).to.be.at.most(
            TARGETS.matchOrdersFresh + 20_000n,
        );
    });

    it(`matches partially consumed orders with a dataset for at most ${TARGETS.matchOrdersPartiallyConsumed} gas`, async function () {
        const market = await deployGasMarket();
        const { clerk } = market.hub;
        const orders = await ordersOf(market, 'partial', {
            app: { volume: 10n },
            dataset: { volume: 10n },
            workerpool: { volume: 10n },
            request: { volume: 10n },
        });
        // A first deal takes one task of the app, dataset and workerpool orders (another request)...
        const other = await ordersOf(market, 'other', { request: { volume: 1n } });
        await (await clerk.matchOrders(orders.app, orders.dataset, orders.workerpool, other.request)).wait();
        // ...a second one a task of the request (another app order, of volume 1)...
        await (await clerk.matchOrders(other.app, orders.dataset, orders.workerpool, orders.request)).wait();
        // ...so that all four orders are partially consumed: 8 tasks left in the measured deal.
        const receipt = await (await clerk.matchOrders(...matchArgs(orders))).wait();
        expect(await clerk.computeDealVolume(...matchArgs(orders))).to.equal(0n);
        expect(recordGas('matchOrders with dataset, partially consumed orders', receipt)).to.be.at.most(
            TARGETS.matchOrdersPartiallyConsumed,
        );
    });

    it(`matches fresh orders without a dataset for at most ${TARGETS.matchOrdersWithoutDataset} gas`, async function () {
        const market = await liveMarket();
        const orders = await ordersOf(market, 'no-dataset', { dataset: null });
        const receipt = await (await market.hub.clerk.matchOrders(...matchArgs(orders))).wait();
        expect(recordGas('matchOrders without dataset, fresh orders', receipt)).to.be.at.most(
            TARGETS.matchOrdersWithoutDataset,
        );
    });

    it(`sponsors a match of fresh orders with a dataset for at most ${TARGETS.sponsorMatchOrders} gas`, async function () {
        const market = await liveMarket();
        const orders = await ordersOf(market, 'sponsored');
        const clerk = market.hub.clerk.connect(market.actors.sponsor);
        const receipt = await (await clerk.sponsorMatchOrders(...matchArgs(orders))).wait();
        expect(recordGas('sponsorMatchOrders with dataset, fresh orders', receipt)).to.be.at.most(
            TARGETS.sponsorMatchOrders,
        );
    });
});
