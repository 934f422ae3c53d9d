import { expect } from 'chai';
import { ethers } from 'hardhat';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { ZeroAddress, id } from 'ethers';
import { DiamondInitMock__factory, FacetMockV1__factory, PocoDiamond__factory } from '../../typechain-types';
import { RECEIVE_SELECTOR, addCut } from '../../sdk/diamond';
import { deployDiamondCore } from '../helpers/diamond';

describe('PocoDiamond', function () {
    describe('constructor', function () {
        it('sets the owner, applies the first cut and runs its initializer in one transaction', async function () {
            const { owner, diamond, hub, cut } = await loadFixture(deployDiamondCore);
            const tx = diamond.deploymentTransaction()!;
            await expect(tx).to.emit(hub.ownership, 'OwnershipTransferred').withArgs(ZeroAddress, owner.address);
            await expect(tx).to.emit(hub.cut, 'DiamondCut');
            await expect(tx).to.emit(hub.configuration, 'Configured');
            expect(await hub.ownership.owner()).to.equal(owner.address);
            expect(await hub.loupe.facetAddresses()).to.deep.equal(cut.map((c) => c.facetAddress));
            expect(await hub.configuration.eip712domain_separator()).to.not.equal(ethers.ZeroHash);
        });

        it('reverts the whole deployment when the initializer reverts', async function () {
            const [owner] = await ethers.getSigners();
            const initMock = await new DiamondInitMock__factory(owner).deploy();
            const calldata = initMock.interface.encodeFunctionData('failWithError');
            await expect(
                new PocoDiamond__factory(owner).deploy(owner.address, [], await initMock.getAddress(), calldata),
            )
                .to.be.revertedWithCustomError(initMock, 'DiamondInitMockFailed')
                .withArgs(42);
        });
    });

    describe('routing', function () {
        it('reverts with DiamondFunctionNotFound for a selector no facet serves', async function () {
            const { owner, hubAddress, hub } = await loadFixture(deployDiamondCore);
            const selector = id('doesNotExist()').slice(0, 10);
            await expect(owner.sendTransaction({ to: hubAddress, data: selector }))
                .to.be.revertedWithCustomError(hub.cut, 'DiamondFunctionNotFound')
                .withArgs(selector);
        });

        it('rejects a plain coin transfer when no facet serves the zero selector', async function () {
            const { owner, hubAddress, hub } = await loadFixture(deployDiamondCore);
            await expect(owner.sendTransaction({ to: hubAddress, value: 1n }))
                .to.be.revertedWithCustomError(hub.cut, 'DiamondFunctionNotFound')
                .withArgs(RECEIVE_SELECTOR);
            expect(await ethers.provider.getBalance(hubAddress)).to.equal(0n);
        });

        it('routes a plain coin transfer to the facet registered under the zero selector', async function () {
            const { owner, hubAddress, hub } = await loadFixture(deployDiamondCore);
            const mock = await new FacetMockV1__factory(owner).deploy();
            const cut = addCut([{ address: await mock.getAddress(), abi: FacetMockV1__factory.abi }]);
            expect(cut[0].functionSelectors).to.include(RECEIVE_SELECTOR);
            await hub.cut.diamondCut(cut, ZeroAddress, '0x');
            const asMock = FacetMockV1__factory.connect(hubAddress, owner);
            await expect(owner.sendTransaction({ to: hubAddress, value: 5n }))
                .to.emit(asMock, 'FacetMockReceived')
                .withArgs(owner.address, 5n);
            expect(await ethers.provider.getBalance(hubAddress)).to.equal(5n);
        });

        it('returns the facet result and bubbles up facet reverts unchanged', async function () {
            const { other, hub } = await loadFixture(deployDiamondCore);
            expect(await hub.configuration.callbackgas()).to.equal(200_000n);
            await expect(hub.configuration.connect(other).setCallbackGas(1))
                .to.be.revertedWithCustomError(hub.ownership, 'OwnableUnauthorizedAccount')
                .withArgs(other.address);
        });
    });
});
