import { expect } from 'chai';
import { Wallet, keccak256 } from 'ethers';
import { OwnableAssetMock__factory } from '../../typechain-types';
import { matchedOrdersOf } from '../../sdk/deals';
import { cancelOrder, createDatasetOrder, presignOrder, signOrder, type DatasetOrder } from '../../sdk/orders';
import { buildTag } from '../../sdk/tags';
import { deployIdentity, deployMarket, match, signedOrders, type Market, type OrderFields } from '../helpers/market';

/**
 * ClerkFacet.assertDatasetDealCompatibility (PoCo 6.1, spec marketplace §5.8): whether a dataset
 * order could be used with an existing dataset-less deal, reverting `IncompatibleDatasetOrder`
 * with the reference's reason strings, in the reference's order.
 */
describe('ClerkFacet: assertDatasetDealCompatibility', function () {
    /** A dataset-less deal, and a dataset order of the market's dataset signed by its owner. */
    async function setup(dealFields: OrderFields = {}, datasetFields: Partial<DatasetOrder> = {}) {
        const market = await deployMarket();
        const orders = await signedOrders(market, { dataset: null, ...dealFields });
        const receipt = (await (await match(market, orders)).wait())!;
        const [{ dealId }] = matchedOrdersOf(receipt, market.hubAddress);
        const datasetOrder = await signOrder(
            market.actors.datasetOwner,
            market.domain,
            'dataset',
            createDatasetOrder({ dataset: market.assets.dataset, volume: 10n, ...datasetFields }),
        );
        return { market, dealId, datasetOrder };
    }

    function expectIncompatible(market: Market, datasetOrder: DatasetOrder, dealId: string, reason: string) {
        return expect(market.hub.clerk.assertDatasetDealCompatibility(datasetOrder, dealId))
            .to.be.revertedWithCustomError(market.hub.clerk, 'IncompatibleDatasetOrder')
            .withArgs(reason);
    }

    it('returns for a compatible dataset order (signed or presigned), whatever its price and registration', async function () {
        const { market, dealId, datasetOrder } = await setup({}, { datasetprice: 10n ** 18n });
        await market.hub.clerk.assertDatasetDealCompatibility(datasetOrder, dealId);
        await presignOrder(market.hubAddress, market.actors.datasetOwner, 'dataset', datasetOrder);
        await market.hub.clerk.assertDatasetDealCompatibility({ ...datasetOrder, sign: '0x' }, dealId);
        // An unregistered dataset contract, signed by its owner.
        const { stranger } = market.actors;
        const fake = await (await new OwnableAssetMock__factory(stranger).deploy(stranger.address)).getAddress();
        const unregistered = await signOrder(
            stranger,
            market.domain,
            'dataset',
            createDatasetOrder({ dataset: fake, volume: 1n }),
        );
        await market.hub.clerk.assertDatasetDealCompatibility(unregistered, dealId);
    });

    it('reverts "Dataset order is revoked or fully consumed" for a closed order, checked first', async function () {
        const { market, dealId, datasetOrder } = await setup();
        await cancelOrder(market.hubAddress, market.actors.datasetOwner, 'dataset', datasetOrder);
        // Even with a bad signature and an unknown deal.
        await expectIncompatible(
            market,
            { ...datasetOrder, sign: '0x' + '11'.repeat(65) },
            keccak256('0x00'),
            'Dataset order is revoked or fully consumed',
        );
    });

    it('reverts "Dataset order is revoked or fully consumed" for a used-up order, and for volume 0', async function () {
        const { market, dealId } = await setup();
        const used = await signedOrders(market, { dataset: { volume: 1n } });
        await (await match(market, used)).wait();
        await expectIncompatible(market, used.dataset, dealId, 'Dataset order is revoked or fully consumed');
        const empty = (await signedOrders(market, { dataset: { volume: 0n } })).dataset;
        await expectIncompatible(market, empty, dealId, 'Dataset order is revoked or fully consumed');
    });

    it('reverts "Invalid dataset order signature" for an order not signed by the dataset owner', async function () {
        const { market, dealId, datasetOrder } = await setup();
        const forged = await signOrder(market.actors.stranger, market.domain, 'dataset', datasetOrder);
        await expectIncompatible(market, forged, dealId, 'Invalid dataset order signature');
    });

    it('reverts "Deal not found" for an unknown deal', async function () {
        const { market, datasetOrder } = await setup();
        await expectIncompatible(market, datasetOrder, keccak256('0x1234'), 'Deal not found');
    });

    it('reverts "Deal already has a dataset" for a deal with a dataset', async function () {
        const market = await deployMarket();
        const orders = await signedOrders(market);
        const [{ dealId }] = matchedOrdersOf((await (await match(market, orders)).wait())!, market.hubAddress);
        const other = (await signedOrders(market, { dataset: { volume: 5n } })).dataset;
        await expectIncompatible(market, other, dealId, 'Deal already has a dataset');
    });

    const RESTRICTIONS = [
        { field: 'apprestrict', reason: 'App restriction not satisfied', admitted: (m: Market) => m.assets.app },
        {
            field: 'workerpoolrestrict',
            reason: 'Workerpool restriction not satisfied',
            admitted: (m: Market) => m.assets.workerpool,
        },
        {
            field: 'requesterrestrict',
            reason: 'Requester restriction not satisfied',
            admitted: (m: Market) => m.actors.requester.address,
        },
    ] as const;
    for (const { field, reason, admitted } of RESTRICTIONS) {
        it(`reverts "${reason}" when the order's ${field} excludes the deal's, and admits it itself or through an identity`, async function () {
            const { market, dealId } = await setup();
            const sign = (restriction: string) =>
                signOrder(
                    market.actors.datasetOwner,
                    market.domain,
                    'dataset',
                    createDatasetOrder({ dataset: market.assets.dataset, volume: 1n, [field]: restriction }),
                );
            await expectIncompatible(market, await sign(Wallet.createRandom().address), dealId, reason);
            await market.hub.clerk.assertDatasetDealCompatibility(await sign(admitted(market)), dealId);
            const identity = await deployIdentity(market, [admitted(market)]);
            await market.hub.clerk.assertDatasetDealCompatibility(await sign(await identity.getAddress()), dealId);
        });
    }

    it('reverts "Tag compatibility not satisfied" for a dataset tag bit the deal lacks', async function () {
        const { market, dealId } = await setup({
            app: { tag: buildTag(['TEE']) },
            workerpool: { tag: buildTag(['TEE']) },
        });
        const sign = (tag: string) =>
            signOrder(
                market.actors.datasetOwner,
                market.domain,
                'dataset',
                createDatasetOrder({ dataset: market.assets.dataset, volume: 1n, tag }),
            );
        await expectIncompatible(market, await sign(buildTag(['GPU'])), dealId, 'Tag compatibility not satisfied');
        // The TEE-framework bits 1–3 are ignored (PoCo 6.2), bit 0 is not.
        await market.hub.clerk.assertDatasetDealCompatibility(await sign(buildTag(['TEE', 'SCONE', 'TDX'])), dealId);
        const plain = await setup();
        await expectIncompatible(
            plain.market,
            await signOrder(
                plain.market.actors.datasetOwner,
                plain.market.domain,
                'dataset',
                createDatasetOrder({ dataset: plain.market.assets.dataset, volume: 1n, tag: buildTag(['TEE']) }),
            ),
            plain.dealId,
            'Tag compatibility not satisfied',
        );
    });

    it('checks in the reference order: signature before deal, deal before restrictions, restrictions before tag', async function () {
        const { market, dealId } = await setup();
        const { stranger, datasetOwner } = market.actors;
        const other = Wallet.createRandom().address;
        const everythingWrong = createDatasetOrder({
            dataset: market.assets.dataset,
            volume: 1n,
            apprestrict: other,
            workerpoolrestrict: other,
            requesterrestrict: other,
            tag: buildTag(['GPU']),
        });
        const forged = await signOrder(stranger, market.domain, 'dataset', everythingWrong);
        await expectIncompatible(market, forged, keccak256('0x00'), 'Invalid dataset order signature');
        const signed = await signOrder(datasetOwner, market.domain, 'dataset', everythingWrong);
        await expectIncompatible(market, signed, keccak256('0x00'), 'Deal not found');
        await expectIncompatible(market, signed, dealId, 'App restriction not satisfied');
        const appOk = await signOrder(datasetOwner, market.domain, 'dataset', {
            ...everythingWrong,
            apprestrict: market.assets.app,
        });
        await expectIncompatible(market, appOk, dealId, 'Workerpool restriction not satisfied');
        const poolOk = await signOrder(datasetOwner, market.domain, 'dataset', {
            ...everythingWrong,
            apprestrict: market.assets.app,
            workerpoolrestrict: market.assets.workerpool,
        });
        await expectIncompatible(market, poolOk, dealId, 'Requester restriction not satisfied');
        const allOk = await signOrder(datasetOwner, market.domain, 'dataset', {
            ...everythingWrong,
            apprestrict: market.assets.app,
            workerpoolrestrict: market.assets.workerpool,
            requesterrestrict: market.actors.requester.address,
        });
        await expectIncompatible(market, allOk, dealId, 'Tag compatibility not satisfied');
    });
});
