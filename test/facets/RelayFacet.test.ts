import { expect } from 'chai';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { hexlify, randomBytes, type ContractTransactionResponse } from 'ethers';
import { RelayFacet__factory, type RelayFacet } from '../../typechain-types';
import {
    ORDER_FIELDS,
    ORDER_KINDS,
    signOrder,
    type AppOrder,
    type Order,
    type OrderByKind,
    type OrderKind,
} from '../../sdk/orders';
import { deployOrdersHub, kindName, orderKindSetup } from '../helpers/orders';

/** Topic0 of the relay events (marketplace.md §10.3). */
const SPEC_TOPICS: Record<OrderKind, string> = {
    app: '0x6fd493f856b22df174df46975d6dcf0895c7dfb3c63d20179c0dcd5563e2f565',
    dataset: '0xc56d982ad2fd39ebadca073cc88d9bdaee0f4c8e7b2b6be50227169daefc7b3f',
    workerpool: '0xaf81a046e31ebb2be305579e585ac6b2ee3fdc2dc9dba806bb826879bb2c7851',
    request: '0x54bee205d9b03332d6dc82bc907476dfef6ed4fd86058d49a72994baee781175',
};

function broadcast(relay: RelayFacet, kind: OrderKind, order: Order): Promise<ContractTransactionResponse> {
    switch (kind) {
        case 'app':
            return relay.broadcastAppOrder(order as AppOrder);
        case 'dataset':
            return relay.broadcastDatasetOrder(order as OrderByKind['dataset']);
        case 'workerpool':
            return relay.broadcastWorkerpoolOrder(order as OrderByKind['workerpool']);
        default:
            return relay.broadcastRequestOrder(order as OrderByKind['request']);
    }
}

describe('RelayFacet', function () {
    for (const kind of ORDER_KINDS) {
        const event = `Broadcast${kindName(kind)}Order`;

        describe(`broadcast${kindName(kind)}Order`, function () {
            it(`emits ${event} with the whole order, its signature included, for anyone`, async function () {
                const hub = await loadFixture(deployOrdersHub);
                const { owner, order } = await orderKindSetup(hub, kind);
                const signed = await signOrder(owner, hub.domain, kind, order({ tag: hexlify(randomBytes(32)) }));
                const receipt = await (await broadcast(hub.relay.connect(hub.actors.stranger), kind, signed)).wait();
                const logs = receipt!.logs.map((log) => hub.relay.interface.parseLog(log)!);
                expect(logs.map((log) => log.name)).to.deep.equal([event]);
                const emitted = logs[0].args[0].toObject() as Record<string, unknown>;
                const expected = signed as unknown as Record<string, unknown>;
                for (const { name } of [...ORDER_FIELDS[kind], { name: 'sign' }]) {
                    expect(emitted[name], name).to.equal(expected[name]);
                }
            });

            it('checks nothing: an unsigned order of an asset without code is broadcast too', async function () {
                const hub = await loadFixture(deployOrdersHub);
                const { order } = await orderKindSetup(hub, kind);
                const unchecked = order({
                    volume: 0n,
                    [kind === 'request' ? 'app' : kind]: hub.actors.stranger.address,
                });
                await expect(broadcast(hub.relay, kind, unchecked)).to.emit(hub.relay, event);
            });
        });
    }

    it('has the reference event topics (one non-indexed order tuple)', function () {
        const iface = RelayFacet__factory.createInterface();
        for (const kind of ORDER_KINDS) {
            const event = iface.getEvent(`Broadcast${kindName(kind)}Order`)!;
            expect(event.topicHash, kind).to.equal(SPEC_TOPICS[kind]);
            expect(event.inputs.map((input) => input.indexed)).to.deep.equal([false]);
        }
    });
});
