import { expect } from 'chai';
import hre from 'hardhat';
import { HardhatPluginError } from 'hardhat/plugins';
import { keccak256 } from 'ethers';
import { matchedOrdersOf } from '../../sdk/deals';
import { captureOutput, parseFields } from '../helpers/tasks';
import { PARAMS, deployMarket, match, signedOrders } from '../helpers/market';
// Loaded here too, so that this file does not depend on SKIP_TASKS.
import '../../tasks/deal/show';

describe('deal:show task', function () {
    it('prints the deal: assets with owners and prices, tasks, price and payer', async function () {
        const market = await deployMarket();
        const orders = await signedOrders(market, {
            app: { volume: 3n },
            dataset: { volume: 3n },
            workerpool: { volume: 3n },
            request: { volume: 3n },
        });
        const receipt = (await (await match(market, orders)).wait())!;
        const [{ dealId }] = matchedOrdersOf(receipt, market.hubAddress);
        const output = (await captureOutput(() => hre.run('deal:show', { deal: dealId }))).join('\n');
        const fields = parseFields(output);
        expect(fields.deal).to.equal(dealId);
        expect(fields.app).to.include(market.assets.app).and.include(market.actors.appOwner.address);
        expect(fields.dataset).to.include(market.assets.dataset);
        expect(fields.workerpool).to.include(market.assets.workerpool).and.include('10.0 RLC');
        expect(fields.tasks).to.equal('3 (indexes 0 to 2)');
        expect(fields.price).to.equal('42.0 RLC (42000000000 nRLC)');
        expect(fields.params).to.equal(PARAMS);
        expect(fields.requester).to.equal(market.actors.requester.address);
        expect(fields.sponsor).to.equal(market.actors.requester.address);
    });

    it('prints "none" for a deal without dataset', async function () {
        const market = await deployMarket();
        const receipt = (await (await match(market, await signedOrders(market, { dataset: null }))).wait())!;
        const [{ dealId }] = matchedOrdersOf(receipt, market.hubAddress);
        const fields = parseFields((await captureOutput(() => hre.run('deal:show', { deal: dealId }))).join('\n'));
        expect(fields.dataset).to.equal('none');
    });

    it('fails with one line for an unknown deal', async function () {
        const market = await deployMarket();
        const id = keccak256('0x01');
        const error = await hre.run('deal:show', { deal: id }).catch((e: unknown) => e);
        expect(error).to.be.instanceOf(HardhatPluginError);
        expect((error as Error).message).to.equal(`no deal ${id} on the hub at ${market.hubAddress}`);
    });
});
