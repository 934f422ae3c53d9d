import { expect } from 'chai';
import { ClerkFacet__factory } from '../../typechain-types';
import { matchedOrdersOf } from '../../sdk/deals';
import { NRLC_PER_RLC } from '../../sdk/units';
import {
    PRICES,
    deployMarket,
    escrowOf,
    matchArgs,
    signOrders,
    buildOrders,
    type Market,
    type Orders,
} from '../helpers/market';

/**
 * The PoCo 6.2 deposit-and-match, end to end with the real Clerk: `RLC.approveAndCall(hub, amount,
 * matchOrders calldata)` deposits the requester's RLC and matches its orders in one transaction
 * (`EscrowTokenFacet.receiveApproval` runs the calldata on the hub).
 */
describe('ClerkFacet: deposit and match through RLC.approveAndCall', function () {
    const clerk = ClerkFacet__factory.createInterface();
    const calldata = (orders: Orders) => clerk.encodeFunctionData('matchOrders', matchArgs(orders));

    /** A requester with RLC and nothing in escrow, and orders of theirs. */
    async function setup() {
        const market = await deployMarket();
        const requester = market.signers[12];
        await (await market.rlc!.transfer(requester.address, 100n * NRLC_PER_RLC)).wait();
        const orders = await signOrders(
            market,
            buildOrders(market, { request: { requester: requester.address, beneficiary: requester.address } }),
            {
                request: requester,
            },
        );
        return { market, requester, orders };
    }

    function depositAndMatch(market: Market, requester: Market['actors']['requester'], amount: bigint, data: string) {
        return market.rlc!.connect(requester).approveAndCall(market.hubAddress, amount, data);
    }

    it('deposits, then matches, in one transaction: the deal is paid from the deposit', async function () {
        const { market, requester, orders } = await setup();
        const amount = 20n * NRLC_PER_RLC;
        const price = PRICES.app + PRICES.dataset + PRICES.workerpool;
        const tx = depositAndMatch(market, requester, amount, calldata(orders));
        await expect(tx).to.changeTokenBalances(market.rlc!, [requester, market.hubAddress], [-amount, amount]);
        const receipt = (await (await tx).wait())!;
        const [matched] = matchedOrdersOf(receipt, market.hubAddress);
        const deal = await market.hub.dealViews.viewDeal(matched.dealId);
        expect(deal.requester).to.equal(requester.address);
        expect(deal.sponsor).to.equal(requester.address);
        const [account] = await escrowOf(market, [requester.address]);
        expect(account).to.deep.equal({ free: amount - price, frozen: price });
        await expect(tx).to.emit(market.hub.clerk, 'OrdersMatched');
        await expect(tx).to.emit(market.hub.erc20, 'Lock').withArgs(requester.address, price);
    });

    it('bubbles up the Clerk’s error and keeps nothing, deposit included, when the match fails', async function () {
        const { market, requester, orders } = await setup();
        const forged = { ...orders, request: { ...orders.request, params: '{"iexec_args":"forged"}' } };
        await expect(
            depositAndMatch(market, requester, 20n * NRLC_PER_RLC, calldata(forged)),
        ).to.be.revertedWithCustomError(market.hub.clerk, 'ClerkInvalidRequestOrderSignature');
        expect(await market.hub.erc20.balanceOf(requester.address)).to.equal(0n);
        expect(await market.rlc!.balanceOf(requester.address)).to.equal(100n * NRLC_PER_RLC);
    });

    it('fails with the escrow’s error when the deposit does not cover the deal', async function () {
        const { market, requester, orders } = await setup();
        await expect(depositAndMatch(market, requester, NRLC_PER_RLC, calldata(orders))).to.be.revertedWithCustomError(
            market.hub.erc20,
            'ERC20InsufficientBalance',
        );
    });

    it('refuses the orders of another requester, and sponsorMatchOrders calldata', async function () {
        const { market, requester } = await setup();
        const others = await signOrders(market, buildOrders(market));
        await expect(
            depositAndMatch(market, requester, 20n * NRLC_PER_RLC, calldata(others)),
        ).to.be.revertedWithCustomError(market.hub.escrowToken, 'CallerIsNotTheRequester');
        const sponsored = clerk.encodeFunctionData('sponsorMatchOrders', matchArgs(others));
        await expect(depositAndMatch(market, requester, 20n * NRLC_PER_RLC, sponsored))
            .to.be.revertedWithCustomError(market.hub.escrowToken, 'UnsupportedOperation')
            .withArgs(sponsored.slice(0, 10));
    });
});
