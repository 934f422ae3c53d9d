import { expect } from 'chai';
import { Wallet, type Signer } from 'ethers';
import { OwnableAssetMock__factory } from '../../typechain-types';
import { buildTag } from '../../sdk/tags';
import {
    PRICES,
    buildOrders,
    deployMarket,
    match,
    signOrders,
    type Market,
    type OrderFields,
    type Orders,
} from '../helpers/market';

/** One way to fail a check: the fields (and signers) that break it, and the error it reverts with. */
interface Break {
    fields?: (market: Market, fakes: Fakes) => OrderFields;
    signers?: (market: Market) => Partial<Record<keyof Orders, Signer>>;
    error: string;
}

interface Fakes {
    app: string;
    dataset: string;
    workerpool: string;
}

const other = Wallet.createRandom().address;

/** Checks 1–30 of spec marketplace §5.2, each broken on its own. */
const BREAKS: Break[] = [
    { fields: () => ({ workerpool: { category: 1n }, request: { category: 2n } }), error: 'ClerkCategoryMismatch' },
    { fields: () => ({ workerpool: { category: 99n }, request: { category: 99n } }), error: 'ClerkCategoryUnknown' },
    { fields: () => ({ workerpool: { trust: 1n }, request: { trust: 2n } }), error: 'ClerkTrustTooHigh' },
    { fields: () => ({ app: { appprice: PRICES.app + 1n } }), error: 'ClerkAppPriceTooHigh' },
    { fields: () => ({ dataset: { datasetprice: PRICES.dataset + 1n } }), error: 'ClerkDatasetPriceTooHigh' },
    {
        fields: () => ({ workerpool: { workerpoolprice: PRICES.workerpool + 1n } }),
        error: 'ClerkWorkerpoolPriceTooHigh',
    },
    { fields: () => ({ app: { tag: buildTag(['GPU']) } }), error: 'ClerkTagNotOffered' },
    {
        fields: () => ({ request: { tag: buildTag(['TEE']) }, workerpool: { tag: buildTag(['TEE']) } }),
        error: 'ClerkTeeNotInAppOrder',
    },
    { fields: () => ({ request: { app: other } }), error: 'ClerkAppMismatch' },
    { fields: () => ({ request: { dataset: other } }), error: 'ClerkDatasetMismatch' },
    { fields: () => ({ request: { workerpool: other } }), error: 'ClerkRequestRestrictsWorkerpool' },
    { fields: () => ({ app: { datasetrestrict: other } }), error: 'ClerkAppRestrictsDataset' },
    { fields: () => ({ app: { workerpoolrestrict: other } }), error: 'ClerkAppRestrictsWorkerpool' },
    { fields: () => ({ app: { requesterrestrict: other } }), error: 'ClerkAppRestrictsRequester' },
    { fields: () => ({ dataset: { apprestrict: other } }), error: 'ClerkDatasetRestrictsApp' },
    { fields: () => ({ dataset: { workerpoolrestrict: other } }), error: 'ClerkDatasetRestrictsWorkerpool' },
    { fields: () => ({ dataset: { requesterrestrict: other } }), error: 'ClerkDatasetRestrictsRequester' },
    { fields: () => ({ workerpool: { apprestrict: other } }), error: 'ClerkWorkerpoolRestrictsApp' },
    { fields: () => ({ workerpool: { datasetrestrict: other } }), error: 'ClerkWorkerpoolRestrictsDataset' },
    { fields: () => ({ workerpool: { requesterrestrict: other } }), error: 'ClerkWorkerpoolRestrictsRequester' },
    { fields: (_m, f) => ({ app: { app: f.app }, request: { app: f.app } }), error: 'ClerkAppNotRegistered' },
    { signers: (m) => ({ app: m.actors.stranger }), error: 'ClerkInvalidAppOrderSignature' },
    {
        fields: (_m, f) => ({ dataset: { dataset: f.dataset }, request: { dataset: f.dataset } }),
        error: 'ClerkDatasetNotRegistered',
    },
    { signers: (m) => ({ dataset: m.actors.stranger }), error: 'ClerkInvalidDatasetOrderSignature' },
    { fields: (_m, f) => ({ workerpool: { workerpool: f.workerpool } }), error: 'ClerkWorkerpoolNotRegistered' },
    { signers: (m) => ({ workerpool: m.actors.stranger }), error: 'ClerkInvalidWorkerpoolOrderSignature' },
    { signers: (m) => ({ request: m.actors.stranger }), error: 'ClerkInvalidRequestOrderSignature' },
    { fields: () => ({ app: { volume: 0n } }), error: 'ClerkNoVolume' },
];

/** `a` then `b` on top, order by order. */
function merge(a: OrderFields, b: OrderFields): OrderFields {
    return {
        app: { ...a.app, ...b.app },
        dataset: { ...a.dataset, ...b.dataset },
        workerpool: { ...a.workerpool, ...b.workerpool },
        request: { ...a.request, ...b.request },
    };
}

/**
 * ClerkFacet: the checks run in the reference order (spec marketplace §5.2). Orders that fail
 * checks i..n revert with the error of check i, for every i: the first failing check decides.
 */
describe('ClerkFacet: order of the checks', function () {
    it('reports the first failing check, for orders failing it and every later one', async function () {
        const market = await deployMarket();
        // Unregistered assets the stranger owns (the stranger signs for them: a wrong signature
        // would otherwise hide the registration).
        const { stranger } = market.actors;
        const fake = async () => (await new OwnableAssetMock__factory(stranger).deploy(stranger.address)).getAddress();
        const fakes: Fakes = { app: await fake(), dataset: await fake(), workerpool: await fake() };
        const base: OrderFields = {
            request: {
                appmaxprice: PRICES.app,
                datasetmaxprice: PRICES.dataset,
                workerpoolmaxprice: PRICES.workerpool,
            },
        };
        for (let first = 0; first < BREAKS.length; first++) {
            // Later breaks first, earlier ones on top: a field two checks break takes the earlier value.
            let fields = base;
            const signers: Partial<Record<keyof Orders, Signer>> = {};
            for (let i = BREAKS.length - 1; i >= first; i--) {
                const { fields: f, signers: s } = BREAKS[i];
                if (f) fields = merge(fields, f(market, fakes));
                if (s) Object.assign(signers, s(market));
            }
            // Signatures of the fake assets by their owner, unless a signature check is broken.
            for (const kind of ['app', 'dataset', 'workerpool'] as const) {
                const asset = (fields[kind] as Record<string, string> | undefined)?.[kind];
                if (asset !== undefined && asset === fakes[kind] && signers[kind] === undefined) {
                    signers[kind] = stranger;
                }
            }
            const orders = await signOrders(market, buildOrders(market, fields), signers);
            await expect(match(market, orders), `check ${first + 1}`).to.be.revertedWithCustomError(
                market.hub.clerk,
                BREAKS[first].error,
            );
        }
    });
});
