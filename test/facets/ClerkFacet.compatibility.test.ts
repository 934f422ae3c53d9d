import { expect } from 'chai';
import { ZeroAddress } from 'ethers';
import { buildTag, NO_TAG } from '../../sdk/tags';
import { matchedOrdersOf } from '../../sdk/deals';
import { deployMarket, match, signedOrders, type Market, type OrderFields } from '../helpers/market';

/**
 * ClerkFacet, checks 1–10 of spec marketplace §5.2: category, trust, prices, tags, the request's
 * app and dataset. Each check: a match that satisfies it, and a mismatch reverting with the check's
 * error and the values that failed.
 */
describe('ClerkFacet: compatibility of the orders (checks 1–10)', function () {
    async function expectRejected(market: Market, fields: OrderFields, error: string, args: unknown[]) {
        const orders = await signedOrders(market, fields);
        await expect(match(market, orders))
            .to.be.revertedWithCustomError(market.hub.clerk, error)
            .withArgs(...args);
    }

    async function expectMatched(market: Market, fields: OrderFields) {
        const orders = await signedOrders(market, fields);
        const receipt = await (await match(market, orders)).wait();
        const [deal] = matchedOrdersOf(receipt!, market.hubAddress);
        return market.hub.dealViews.viewDeal(deal.dealId);
    }

    const TEE = buildTag(['TEE']);
    const GPU = buildTag(['GPU']);
    const TEE_GPU = buildTag(['TEE', 'GPU']);
    const TEE_TDX = buildTag(['TEE', 'TDX']);
    const FRAMEWORKS = buildTag(['SCONE', 'GRAMINE', 'TDX']);
    const TEE_FRAMEWORKS = buildTag(['TEE', 'SCONE', 'GRAMINE', 'TDX']);

    describe('1. category', function () {
        it("matches when the request's category is the workerpool order's", async function () {
            const market = await deployMarket();
            const deal = await expectMatched(market, { workerpool: { category: 2n }, request: { category: 2n } });
            expect(deal.category).to.equal(2n);
        });

        it('reverts ClerkCategoryMismatch(requested, offered) otherwise', async function () {
            const market = await deployMarket();
            await expectRejected(
                market,
                { workerpool: { category: 2n }, request: { category: 1n } },
                'ClerkCategoryMismatch',
                [1n, 2n],
            );
        });
    });

    describe('2. category exists', function () {
        it('matches in the last category (ids from 0) and in a new one', async function () {
            const market = await deployMarket();
            const last = (await market.hub.categories.countCategory()) - 1n;
            await expectMatched(market, { workerpool: { category: last }, request: { category: last } });
            await (await market.hub.categories.createCategory('XXL', '""', 72_000n)).wait();
            await expectMatched(market, { workerpool: { category: last + 1n }, request: { category: last + 1n } });
        });

        it('reverts ClerkCategoryUnknown(category, count) for an id not below the count', async function () {
            const market = await deployMarket();
            const count = await market.hub.categories.countCategory();
            await expectRejected(
                market,
                { workerpool: { category: count }, request: { category: count } },
                'ClerkCategoryUnknown',
                [count, count],
            );
        });
    });

    describe('3. trust', function () {
        it('matches when the request asks for the trust the workerpool order offers, or less', async function () {
            const market = await deployMarket();
            const deal = await expectMatched(market, { workerpool: { trust: 3n }, request: { trust: 3n } });
            expect(deal.trust).to.equal(3n);
            await expectMatched(market, { workerpool: { trust: 3n }, request: { trust: 2n } });
        });

        it('reverts ClerkTrustTooHigh(requested, offered) when the request asks for more', async function () {
            const market = await deployMarket();
            await expectRejected(market, { workerpool: { trust: 2n }, request: { trust: 3n } }, 'ClerkTrustTooHigh', [
                3n,
                2n,
            ]);
        });
    });

    describe('4–6. prices', function () {
        for (const kind of ['app', 'dataset', 'workerpool'] as const) {
            const priceField = `${kind}price`;
            const maxField = `${kind}maxprice`;
            const error = `Clerk${kind[0].toUpperCase()}${kind.slice(1)}PriceTooHigh`;
            const an = kind === 'app' ? 'an' : 'a';

            it(`matches ${an} ${kind} price equal to the request's maximum`, async function () {
                const market = await deployMarket();
                const deal = await expectMatched(market, {
                    [kind]: { [priceField]: 7n },
                    request: { [maxField]: 7n },
                });
                expect(deal[kind].price).to.equal(7n);
            });

            it(`reverts ${error}(price, maxPrice) for ${an} ${kind} price one above the maximum`, async function () {
                const market = await deployMarket();
                await expectRejected(market, { [kind]: { [priceField]: 8n }, request: { [maxField]: 7n } }, error, [
                    8n,
                    7n,
                ]);
            });
        }

        it('compares the null dataset order’s price with the maximum, and charges nothing for it', async function () {
            const market = await deployMarket();
            const { requester } = market.actors;
            // A null dataset order carrying a price (it is never signed): checked against
            // datasetmaxprice, as the reference does...
            const priced = await signedOrders(market, { dataset: null, request: { datasetmaxprice: 4n } });
            priced.dataset = { ...priced.dataset, datasetprice: 5n };
            await expect(match(market, priced))
                .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkDatasetPriceTooHigh')
                .withArgs(5n, 4n);
            // ...but never charged: the deal's dataset price is zero.
            const fine = await signedOrders(market, { dataset: null, request: { datasetmaxprice: 5n } });
            fine.dataset = { ...fine.dataset, datasetprice: 5n };
            const before = (await market.hub.erc20.viewAccount(requester.address)).stake;
            const receipt = await (await match(market, fine)).wait();
            const [{ dealId }] = matchedOrdersOf(receipt!, market.hubAddress);
            const deal = await market.hub.dealViews.viewDeal(dealId);
            expect(deal.dataset.price).to.equal(0n);
            const after = (await market.hub.erc20.viewAccount(requester.address)).stake;
            expect(before - after).to.equal(deal.app.price + deal.workerpool.price);
        });
    });

    describe('7–8. tags', function () {
        it('matches when the workerpool offers every bit the app, dataset and request demand; the deal records their union', async function () {
            const market = await deployMarket();
            const deal = await expectMatched(market, {
                app: { tag: TEE },
                dataset: { tag: GPU },
                request: { tag: NO_TAG },
                workerpool: { tag: TEE_GPU },
            });
            expect(deal.tag).to.equal(TEE_GPU);
        });

        for (const kind of ['app', 'dataset', 'request'] as const) {
            it(`reverts ClerkTagNotOffered(demanded, offered) for a bit the ${kind} demands and the workerpool lacks`, async function () {
                const market = await deployMarket();
                await expectRejected(
                    market,
                    { [kind]: { tag: GPU }, workerpool: { tag: NO_TAG } },
                    'ClerkTagNotOffered',
                    [GPU, NO_TAG],
                );
            });
        }

        it("ignores the dataset order's TEE-framework bits 1–3 (PoCo 6.2), in the check and in the deal's tag", async function () {
            const market = await deployMarket();
            const deal = await expectMatched(market, {
                app: { tag: TEE },
                dataset: { tag: TEE_FRAMEWORKS },
                workerpool: { tag: TEE },
            });
            expect(deal.tag).to.equal(TEE);
            await expectMatched(market, { dataset: { tag: FRAMEWORKS }, workerpool: { tag: NO_TAG } });
        });

        it("does not ignore the app's or the request's framework bits", async function () {
            const market = await deployMarket();
            await expectRejected(market, { app: { tag: TEE_TDX }, workerpool: { tag: TEE } }, 'ClerkTagNotOffered', [
                TEE_TDX,
                TEE,
            ]);
            await expectRejected(
                market,
                { app: { tag: TEE }, request: { tag: TEE_TDX }, workerpool: { tag: TEE } },
                'ClerkTagNotOffered',
                [TEE_TDX, TEE],
            );
        });

        it('matches a TEE app order alone, or with a TEE dataset or request', async function () {
            const market = await deployMarket();
            await expectMatched(market, { app: { tag: TEE }, workerpool: { tag: TEE } });
            await expectMatched(market, { app: { tag: TEE }, dataset: { tag: TEE }, workerpool: { tag: TEE } });
            await expectMatched(market, { app: { tag: TEE }, request: { tag: TEE }, workerpool: { tag: TEE } });
        });

        for (const kind of ['dataset', 'request'] as const) {
            it(`reverts ClerkTeeNotInAppOrder(demanded, appTag) when the ${kind} asks for TEE and the app order does not carry it`, async function () {
                const market = await deployMarket();
                await expectRejected(
                    market,
                    { app: { tag: NO_TAG }, [kind]: { tag: TEE }, workerpool: { tag: TEE } },
                    'ClerkTeeNotInAppOrder',
                    [TEE, NO_TAG],
                );
            });
        }

        it("enforces the dataset's TEE bit 0 even with its framework bits", async function () {
            const market = await deployMarket();
            await expectRejected(
                market,
                { app: { tag: NO_TAG }, dataset: { tag: TEE_FRAMEWORKS }, workerpool: { tag: TEE } },
                'ClerkTeeNotInAppOrder',
                [TEE, NO_TAG],
            );
        });
    });

    describe('9–10. the request names the app and the dataset', function () {
        it('reverts ClerkAppMismatch(requested, offered) for another app', async function () {
            const market = await deployMarket();
            const other = market.assets.workerpool;
            await expectRejected(market, { request: { app: other } }, 'ClerkAppMismatch', [other, market.assets.app]);
        });

        it('reverts ClerkDatasetMismatch(requested, offered) for another dataset, or a dataset order for a dataset-less request', async function () {
            const market = await deployMarket();
            const { dataset } = market.assets;
            await expectRejected(market, { request: { dataset: ZeroAddress } }, 'ClerkDatasetMismatch', [
                ZeroAddress,
                dataset,
            ]);
            await expectRejected(market, { dataset: null, request: { dataset } }, 'ClerkDatasetMismatch', [
                dataset,
                ZeroAddress,
            ]);
        });

        it('matches with a dataset, and without one (both zero)', async function () {
            const market = await deployMarket();
            const withDataset = await expectMatched(market, {});
            expect(withDataset.dataset.pointer).to.equal(market.assets.dataset);
            const without = await expectMatched(market, { dataset: null });
            expect(without.dataset.pointer).to.equal(ZeroAddress);
        });
    });
});
