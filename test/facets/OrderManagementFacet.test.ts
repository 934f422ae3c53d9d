import { expect } from 'chai';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { Interface, TypedDataEncoder, hexlify, randomBytes, ZeroAddress } from 'ethers';
import { OrderManagementFacet__factory } from '../../typechain-types';
import {
    ORDER_KINDS,
    OrderOperation,
    cancelOrder,
    hashOrder,
    manageOrder,
    presignOrder,
    signOrderOperation,
} from '../../sdk/orders';
import { shouldManageOrders } from '../behaviours/OrderOperation.behaviour';
import { deployOrdersHub, kindName, orderKindSetup } from '../helpers/orders';

/** Topic0 of the order-management events (marketplace.md §10.3). */
const SPEC_TOPICS: Record<string, string> = {
    SignedAppOrder: '0x50933cf5a9c44d5ed66b895deb27212aa33d811b46a7b41093e047e213c0bcab',
    SignedDatasetOrder: '0x79ce85909be2c590a728d1634ce6ec8a7cbf815260bacc05387890a313da8130',
    SignedWorkerpoolOrder: '0x3a61aabf2ab04790d082ff1e332853b2f66944c2e951a146121f80272812a476',
    SignedRequestOrder: '0x3b0ac04165536d6b11d04220f998c840bd6e439d59c5d8721bba8a4e1fb9ebfd',
    ClosedAppOrder: '0x7343f75be43aba524f85326508cd975d016ef7884676377366c69a7c32e30668',
    ClosedDatasetOrder: '0xcf52e3228bc482a6656d8ab56c09888b1c5bf6aaadba0185e96a34836f2bb1d4',
    ClosedWorkerpoolOrder: '0x145ad51e4496173bca15e24e7eb46f9ab3a10eea0497e2801a3a6806c06113a3',
    ClosedRequestOrder: '0x582f43f2a741cbe708aae3b8d38a4efc3d09d7e81919697b3ca693f4c444cc05',
};

/** Gas budget of `manageAppOrder` presign and close sent by the owner (reference: 87,013 / 87,403). */
const MANAGE_APP_ORDER_GAS_BUDGET = 60_000n;

describe('OrderManagementFacet', function () {
    for (const kind of ORDER_KINDS) shouldManageOrders(kind);

    describe('events', function () {
        it('have the reference topics (name and non-indexed bytes32 hash)', function () {
            const iface = Interface.from(OrderManagementFacet__factory.abi);
            for (const [name, topic] of Object.entries(SPEC_TOPICS)) {
                const event = iface.getEvent(name)!;
                expect(event.topicHash, name).to.equal(topic);
                expect(event.inputs.map((input) => input.indexed)).to.deep.equal([false]);
            }
        });
    });

    describe('order hashes', function () {
        it('use the domain the hub reports, whose separator is the one configure stored', async function () {
            const hub = await loadFixture(deployOrdersHub);
            const { owner, order } = await orderKindSetup(hub, 'app');
            const presigned = order();
            await presignOrder(hub.hubAddress, owner, 'app', presigned);
            const stored = await hub.hub.configuration.eip712domain_separator();
            expect(TypedDataEncoder.hashDomain(hub.domain)).to.equal(stored);
            expect(await hub.orders.viewPresigned(hashOrder(hub.domain, 'app', presigned))).to.equal(owner.address);
        });
    });

    describe('views', function () {
        it('report nothing presigned and nothing consumed for an unknown hash', async function () {
            const { orders } = await loadFixture(deployOrdersHub);
            const hash = hexlify(randomBytes(32));
            expect(await orders.viewPresigned(hash)).to.equal(ZeroAddress);
            expect(await orders.viewConsumed(hash)).to.equal(0n);
        });

        it('keep the orders of different kinds apart', async function () {
            const hub = await loadFixture(deployOrdersHub);
            const hashes: string[] = [];
            for (const [i, kind] of ORDER_KINDS.entries()) {
                const { owner, order } = await orderKindSetup(hub, kind);
                const closed = order({ volume: BigInt(i + 1) });
                await cancelOrder(hub.hubAddress, owner, kind, closed);
                hashes.push(hashOrder(hub.domain, kind, closed));
            }
            expect(new Set(hashes).size).to.equal(ORDER_KINDS.length);
            for (const [i, hash] of hashes.entries())
                expect(await hub.orders.viewConsumed(hash)).to.equal(BigInt(i + 1));
        });
    });

    describe('gas @gas', function () {
        it(`presigns and closes an app order, sent by its owner, for at most ${MANAGE_APP_ORDER_GAS_BUDGET} gas`, async function () {
            const hub = await loadFixture(deployOrdersHub);
            const { owner, order } = await orderKindSetup(hub, 'app');
            const presigned = order();
            const presign = await presignOrder(hub.hubAddress, owner, 'app', presigned);
            const close = await cancelOrder(hub.hubAddress, owner, 'app', order());
            const closeAfterPresign = await cancelOrder(hub.hubAddress, owner, 'app', presigned);
            console.log(
                `        manageAppOrder by the owner: presign ${presign.gasUsed}, close ${close.gasUsed}, ` +
                    `close of a presigned order ${closeAfterPresign.gasUsed} gas`,
            );
            expect(presign.gasUsed).to.be.at.most(MANAGE_APP_ORDER_GAS_BUDGET);
            expect(close.gasUsed).to.be.at.most(MANAGE_APP_ORDER_GAS_BUDGET);
        });

        it('reports the cost of an operation sent with the owner’s signature', async function () {
            const hub = await loadFixture(deployOrdersHub);
            for (const kind of ORDER_KINDS) {
                const { owner, order } = await orderKindSetup(hub, kind);
                const operation = await signOrderOperation(owner, hub.domain, kind, order(), OrderOperation.SIGN);
                const receipt = await manageOrder(hub.hubAddress, hub.actors.stranger, kind, operation);
                console.log(`        manage${kindName(kind)}Order presign by signature: ${receipt.gasUsed} gas`);
                expect(receipt.status).to.equal(1);
            }
        });
    });
});
