import { expect } from 'chai';
import { AbiCoder, Wallet, ZeroAddress, keccak256, zeroPadValue } from 'ethers';
import { StateChangingCalleeMock__factory } from '../../typechain-types';
import { GROUPMEMBER_PURPOSE, groupMemberKey } from '../../sdk/broker';
import {
    deployIdentity,
    deployMarket,
    match,
    signedOrders,
    type Market,
    type OrderFields,
    type Orders,
} from '../helpers/market';

/** `ERC734IdentityMock.Mode`. */
const IdentityMode = { Keys: 0, Revert: 1, Empty: 2, Dirty: 3 } as const;

type Candidate = 'app' | 'dataset' | 'workerpool' | 'requester';

/** The ten restrictions of checks 11–20 (spec marketplace §5.2): who restricts what, with which field. */
const RESTRICTIONS: { order: keyof Orders; field: string; candidate: Candidate; error: string }[] = [
    { order: 'request', field: 'workerpool', candidate: 'workerpool', error: 'ClerkRequestRestrictsWorkerpool' },
    { order: 'app', field: 'datasetrestrict', candidate: 'dataset', error: 'ClerkAppRestrictsDataset' },
    { order: 'app', field: 'workerpoolrestrict', candidate: 'workerpool', error: 'ClerkAppRestrictsWorkerpool' },
    { order: 'app', field: 'requesterrestrict', candidate: 'requester', error: 'ClerkAppRestrictsRequester' },
    { order: 'dataset', field: 'apprestrict', candidate: 'app', error: 'ClerkDatasetRestrictsApp' },
    {
        order: 'dataset',
        field: 'workerpoolrestrict',
        candidate: 'workerpool',
        error: 'ClerkDatasetRestrictsWorkerpool',
    },
    { order: 'dataset', field: 'requesterrestrict', candidate: 'requester', error: 'ClerkDatasetRestrictsRequester' },
    { order: 'workerpool', field: 'apprestrict', candidate: 'app', error: 'ClerkWorkerpoolRestrictsApp' },
    { order: 'workerpool', field: 'datasetrestrict', candidate: 'dataset', error: 'ClerkWorkerpoolRestrictsDataset' },
    {
        order: 'workerpool',
        field: 'requesterrestrict',
        candidate: 'requester',
        error: 'ClerkWorkerpoolRestrictsRequester',
    },
];

function candidateOf(market: Market, candidate: Candidate): string {
    return candidate === 'requester' ? market.actors.requester.address : market.assets[candidate];
}

/**
 * ClerkFacet, checks 11–20: every restriction admits its candidate when it is zero, the candidate
 * itself, or an ERC-734 identity whose key for the candidate (the address left-padded) has the
 * group-member purpose 4; anything else fails closed.
 */
describe('ClerkFacet: restrictions (checks 11–20)', function () {
    const restricted = (order: keyof Orders, field: string, restriction: string): OrderFields => ({
        [order]: { [field]: restriction },
    });

    it('admits anyone when no order restricts anything', async function () {
        const market = await deployMarket();
        await expect(match(market, await signedOrders(market))).to.emit(market.hub.clerk, 'OrdersMatched');
    });

    for (const { order, field, candidate, error } of RESTRICTIONS) {
        describe(`${order}.${field} (${candidate})`, function () {
            it(`admits the ${candidate} itself`, async function () {
                const market = await deployMarket();
                const orders = await signedOrders(market, restricted(order, field, candidateOf(market, candidate)));
                await expect(match(market, orders)).to.emit(market.hub.clerk, 'OrdersMatched');
            });

            it(`admits the ${candidate} as a group member of an ERC-734 identity`, async function () {
                const market = await deployMarket();
                const identity = await deployIdentity(market, [candidateOf(market, candidate)]);
                const orders = await signedOrders(market, restricted(order, field, await identity.getAddress()));
                await expect(match(market, orders)).to.emit(market.hub.clerk, 'OrdersMatched');
            });

            it(`reverts ${error}(restriction, candidate) for another address`, async function () {
                const market = await deployMarket();
                const other = Wallet.createRandom().address;
                const orders = await signedOrders(market, restricted(order, field, other));
                await expect(match(market, orders))
                    .to.be.revertedWithCustomError(market.hub.clerk, error)
                    .withArgs(other, candidateOf(market, candidate));
            });

            it(`reverts ${error} for an identity that does not admit the ${candidate}, or does not answer true`, async function () {
                const market = await deployMarket();
                const expected = candidateOf(market, candidate);
                const identity = await deployIdentity(market, [Wallet.createRandom().address]);
                // The candidate's key with another purpose does not count, nor does the
                // keccak256(abi.encode(candidate)) key form: the hub asks for the padded address.
                await (await identity.addKey(groupMemberKey(expected), GROUPMEMBER_PURPOSE + 1n)).wait();
                const hashedKey = keccak256(AbiCoder.defaultAbiCoder().encode(['address'], [expected]));
                await (await identity.addKey(hashedKey, GROUPMEMBER_PURPOSE)).wait();
                const address = await identity.getAddress();
                const orders = await signedOrders(market, restricted(order, field, address));
                for (const mode of [IdentityMode.Keys, IdentityMode.Revert, IdentityMode.Empty, IdentityMode.Dirty]) {
                    await (await identity.setMode(mode)).wait();
                    await expect(match(market, orders), `mode ${mode}`)
                        .to.be.revertedWithCustomError(market.hub.clerk, error)
                        .withArgs(address, expected);
                }
            });

            it(`reverts ${error} for a contract that is not an ERC-734 identity`, async function () {
                const market = await deployMarket();
                const token = await market.rlc!.getAddress();
                const orders = await signedOrders(market, restricted(order, field, token));
                await expect(match(market, orders))
                    .to.be.revertedWithCustomError(market.hub.clerk, error)
                    .withArgs(token, candidateOf(market, candidate));
            });
        });
    }

    describe('without a dataset', function () {
        it('checks the dataset restrictions of the app and workerpool orders against address(0)', async function () {
            const market = await deployMarket();
            const { dataset } = market.assets;
            const app = await signedOrders(market, { dataset: null, app: { datasetrestrict: dataset } });
            await expect(match(market, app))
                .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkAppRestrictsDataset')
                .withArgs(dataset, ZeroAddress);
            const workerpool = await signedOrders(market, { dataset: null, workerpool: { datasetrestrict: dataset } });
            await expect(match(market, workerpool))
                .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkWorkerpoolRestrictsDataset')
                .withArgs(dataset, ZeroAddress);
        });
    });

    describe('calls out', function () {
        it('asks identities with a STATICCALL: one that changes state refuses, and nothing changes', async function () {
            const market = await deployMarket();
            const callee = await new StateChangingCalleeMock__factory(market.deployer).deploy(zeroPadValue('0x01', 32));
            const address = await callee.getAddress();
            const orders = await signedOrders(market, { app: { requesterrestrict: address } });
            await expect(match(market, orders))
                .to.be.revertedWithCustomError(market.hub.clerk, 'ClerkAppRestrictsRequester')
                .withArgs(address, market.actors.requester.address);
            expect(await callee.writes()).to.equal(0n);
        });
    });
});
