import { expect } from 'chai';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { Interface, ZeroAddress } from 'ethers';
import {
    IDiamondCut__factory,
    IDiamondLoupe__factory,
    IERC165__factory,
    IERC173__factory,
} from '../../typechain-types';
import { deployDiamondCore } from '../helpers/diamond';

/** ERC-165 interface id: XOR of the interface's function selectors. */
function interfaceId(iface: Interface): string {
    let id = 0n;
    iface.forEachFunction((fn) => (id ^= BigInt(fn.selector)));
    return '0x' + id.toString(16).padStart(8, '0');
}

describe('DiamondLoupeFacet', function () {
    it('lists every facet with the selectors of the cut that installed it', async function () {
        const { hub, cut } = await loadFixture(deployDiamondCore);
        const facets = await hub.loupe.facets();
        expect(facets.map((f) => [f.facetAddress, [...f.functionSelectors]])).to.deep.equal(
            cut.map((c) => [c.facetAddress, c.functionSelectors]),
        );
    });

    it('answers facetAddresses, facetFunctionSelectors and facetAddress consistently', async function () {
        const { hub, cut } = await loadFixture(deployDiamondCore);
        expect(await hub.loupe.facetAddresses()).to.deep.equal(cut.map((c) => c.facetAddress));
        for (const { facetAddress, functionSelectors } of cut) {
            expect(await hub.loupe.facetFunctionSelectors(facetAddress)).to.deep.equal(functionSelectors);
            for (const selector of functionSelectors) {
                expect(await hub.loupe.facetAddress(selector)).to.equal(facetAddress);
            }
        }
    });

    it('answers zero and empty for what the hub does not have', async function () {
        const { hub, owner } = await loadFixture(deployDiamondCore);
        expect(await hub.loupe.facetAddress('0xdeadbeef')).to.equal(ZeroAddress);
        expect(await hub.loupe.facetFunctionSelectors(owner.address)).to.deep.equal([]);
    });

    it('supports ERC-165, the cut, the loupe and ERC-173, and nothing else by default', async function () {
        const { hub } = await loadFixture(deployDiamondCore);
        for (const factory of [IERC165__factory, IDiamondCut__factory, IDiamondLoupe__factory, IERC173__factory]) {
            expect(await hub.loupe.supportsInterface(interfaceId(factory.createInterface()))).to.equal(true);
        }
        expect(await hub.loupe.supportsInterface('0x01ffc9a7')).to.equal(true);
        expect(await hub.loupe.supportsInterface('0xffffffff')).to.equal(false);
        expect(await hub.loupe.supportsInterface('0x80ac58cd')).to.equal(false);
    });
});
