import { expect } from 'chai';
import { ethers } from 'hardhat';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { Wallet, ZeroAddress } from 'ethers';
import { DiamondInitMock__factory, FacetMockV1__factory, FacetMockV2__factory } from '../../typechain-types';
import { FacetCutAction, selectorsOf } from '../../sdk/diamond';
import { deployDiamondCore } from '../helpers/diamond';

describe('DiamondCutFacet', function () {
    async function withMocks() {
        const core = await deployDiamondCore();
        const v1 = await new FacetMockV1__factory(core.owner).deploy();
        const v2 = await new FacetMockV2__factory(core.owner).deploy();
        const initMock = await new DiamondInitMock__factory(core.owner).deploy();
        const v1Selectors = selectorsOf(FacetMockV1__factory.abi);
        const versionSelector = v1.interface.getFunction('mockVersion').selector;
        const otherSelector = v1.interface.getFunction('mockOther').selector;
        const asMock = FacetMockV1__factory.connect(core.hubAddress, core.owner);
        return { ...core, v1, v2, initMock, v1Selectors, versionSelector, otherSelector, asMock };
    }

    async function withV1Added() {
        const fixture = await withMocks();
        const { hub, v1, v1Selectors } = fixture;
        await hub.cut.diamondCut(
            [{ facetAddress: await v1.getAddress(), action: FacetCutAction.Add, functionSelectors: v1Selectors }],
            ZeroAddress,
            '0x',
        );
        return fixture;
    }

    describe('add', function () {
        it('routes the added selectors to the facet and emits DiamondCut', async function () {
            const { hub, v1, v1Selectors, asMock } = await loadFixture(withMocks);
            const cut = [
                { facetAddress: await v1.getAddress(), action: FacetCutAction.Add, functionSelectors: v1Selectors },
            ];
            await expect(hub.cut.diamondCut(cut, ZeroAddress, '0x')).to.emit(hub.cut, 'DiamondCut');
            expect(await asMock.mockVersion()).to.equal(1n);
            expect(await asMock.mockOther()).to.equal(10n);
            expect(await hub.loupe.facetFunctionSelectors(await v1.getAddress())).to.deep.equal(v1Selectors);
        });

        it('reverts when a selector is already routed', async function () {
            const { hub, v1, v2, versionSelector } = await loadFixture(withV1Added);
            const cut = [
                {
                    facetAddress: await v2.getAddress(),
                    action: FacetCutAction.Add,
                    functionSelectors: [versionSelector],
                },
            ];
            await expect(hub.cut.diamondCut(cut, ZeroAddress, '0x'))
                .to.be.revertedWithCustomError(hub.cut, 'DiamondSelectorAlreadyExists')
                .withArgs(versionSelector, await v1.getAddress());
        });

        it('reverts when the facet has no code', async function () {
            const { hub, versionSelector } = await loadFixture(withMocks);
            const eoa = Wallet.createRandom().address;
            const cut = [{ facetAddress: eoa, action: FacetCutAction.Add, functionSelectors: [versionSelector] }];
            await expect(hub.cut.diamondCut(cut, ZeroAddress, '0x'))
                .to.be.revertedWithCustomError(hub.cut, 'DiamondFacetHasNoCode')
                .withArgs(eoa);
        });

        it('reverts when an entry names no selector', async function () {
            const { hub, v1 } = await loadFixture(withMocks);
            const cut = [{ facetAddress: await v1.getAddress(), action: FacetCutAction.Add, functionSelectors: [] }];
            await expect(hub.cut.diamondCut(cut, ZeroAddress, '0x'))
                .to.be.revertedWithCustomError(hub.cut, 'DiamondNoSelectorsInFacetCut')
                .withArgs(await v1.getAddress());
        });
    });

    describe('replace', function () {
        it('points a selector at the new facet', async function () {
            const { hub, v2, versionSelector, asMock } = await loadFixture(withV1Added);
            const cut = [
                {
                    facetAddress: await v2.getAddress(),
                    action: FacetCutAction.Replace,
                    functionSelectors: [versionSelector],
                },
            ];
            await expect(hub.cut.diamondCut(cut, ZeroAddress, '0x')).to.emit(hub.cut, 'DiamondCut');
            expect(await asMock.mockVersion()).to.equal(2n);
            expect(await asMock.mockOther()).to.equal(10n);
            expect(await hub.loupe.facetAddress(versionSelector)).to.equal(await v2.getAddress());
        });

        it('reverts when the selector is not routed', async function () {
            const { hub, v2, versionSelector } = await loadFixture(withMocks);
            const cut = [
                {
                    facetAddress: await v2.getAddress(),
                    action: FacetCutAction.Replace,
                    functionSelectors: [versionSelector],
                },
            ];
            await expect(hub.cut.diamondCut(cut, ZeroAddress, '0x'))
                .to.be.revertedWithCustomError(hub.cut, 'DiamondSelectorNotFound')
                .withArgs(versionSelector);
        });

        it('reverts when the selector already points at that facet', async function () {
            const { hub, v1, versionSelector } = await loadFixture(withV1Added);
            const cut = [
                {
                    facetAddress: await v1.getAddress(),
                    action: FacetCutAction.Replace,
                    functionSelectors: [versionSelector],
                },
            ];
            await expect(hub.cut.diamondCut(cut, ZeroAddress, '0x'))
                .to.be.revertedWithCustomError(hub.cut, 'DiamondReplaceWithSameFacet')
                .withArgs(versionSelector, await v1.getAddress());
        });

        it('reverts when the new facet has no code', async function () {
            const { hub, versionSelector } = await loadFixture(withV1Added);
            const eoa = Wallet.createRandom().address;
            const cut = [{ facetAddress: eoa, action: FacetCutAction.Replace, functionSelectors: [versionSelector] }];
            await expect(hub.cut.diamondCut(cut, ZeroAddress, '0x'))
                .to.be.revertedWithCustomError(hub.cut, 'DiamondFacetHasNoCode')
                .withArgs(eoa);
        });
    });

    describe('remove', function () {
        it('unroutes the selectors and keeps the others reachable', async function () {
            const { hub, versionSelector, asMock } = await loadFixture(withV1Added);
            const before = [...(await hub.loupe.facets())].flatMap((f) => [...f.functionSelectors]);
            const cut = [
                { facetAddress: ZeroAddress, action: FacetCutAction.Remove, functionSelectors: [versionSelector] },
            ];
            await hub.cut.diamondCut(cut, ZeroAddress, '0x');
            await expect(asMock.mockVersion())
                .to.be.revertedWithCustomError(hub.cut, 'DiamondFunctionNotFound')
                .withArgs(versionSelector);
            expect(await asMock.mockOther()).to.equal(10n);
            expect(await hub.loupe.facetAddress(versionSelector)).to.equal(ZeroAddress);
            const after = [...(await hub.loupe.facets())].flatMap((f) => [...f.functionSelectors]);
            expect(after.sort()).to.deep.equal(before.filter((s) => s !== versionSelector).sort());
        });

        it('removes every selector of a facet, which then leaves the loupe', async function () {
            const { hub, v1, v1Selectors } = await loadFixture(withV1Added);
            const cut = [{ facetAddress: ZeroAddress, action: FacetCutAction.Remove, functionSelectors: v1Selectors }];
            await hub.cut.diamondCut(cut, ZeroAddress, '0x');
            expect(await hub.loupe.facetAddresses()).to.not.include(await v1.getAddress());
            expect(await hub.loupe.facetFunctionSelectors(await v1.getAddress())).to.deep.equal([]);
        });

        it('reverts when the facet address is not zero', async function () {
            const { hub, v1, versionSelector } = await loadFixture(withV1Added);
            const cut = [
                {
                    facetAddress: await v1.getAddress(),
                    action: FacetCutAction.Remove,
                    functionSelectors: [versionSelector],
                },
            ];
            await expect(hub.cut.diamondCut(cut, ZeroAddress, '0x'))
                .to.be.revertedWithCustomError(hub.cut, 'DiamondRemoveFacetAddressMustBeZero')
                .withArgs(await v1.getAddress());
        });

        it('reverts when the selector is not routed', async function () {
            const { hub, versionSelector } = await loadFixture(withMocks);
            const cut = [
                { facetAddress: ZeroAddress, action: FacetCutAction.Remove, functionSelectors: [versionSelector] },
            ];
            await expect(hub.cut.diamondCut(cut, ZeroAddress, '0x'))
                .to.be.revertedWithCustomError(hub.cut, 'DiamondSelectorNotFound')
                .withArgs(versionSelector);
        });
    });

    describe('initializer', function () {
        it('delegatecalls the initializer in the hub context after the cut', async function () {
            const { hub, hubAddress, initMock } = await loadFixture(withMocks);
            const calldata = initMock.interface.encodeFunctionData('succeed');
            const asInit = DiamondInitMock__factory.connect(hubAddress, ethers.provider);
            await expect(hub.cut.diamondCut([], await initMock.getAddress(), calldata))
                .to.emit(asInit, 'DiamondInitMockCalled')
                .withArgs(hubAddress);
            expect(await hub.loupe.supportsInterface(await initMock.MOCK_INTERFACE_ID())).to.equal(true);
        });

        it('bubbles up the initializer revert and undoes the cut', async function () {
            const { hub, v1, v1Selectors, initMock, versionSelector } = await loadFixture(withMocks);
            const cut = [
                { facetAddress: await v1.getAddress(), action: FacetCutAction.Add, functionSelectors: v1Selectors },
            ];
            const calldata = initMock.interface.encodeFunctionData('failWithError');
            await expect(hub.cut.diamondCut(cut, await initMock.getAddress(), calldata))
                .to.be.revertedWithCustomError(initMock, 'DiamondInitMockFailed')
                .withArgs(42);
            expect(await hub.loupe.facetAddress(versionSelector)).to.equal(ZeroAddress);
        });

        it('reverts with DiamondInitFailed when the initializer reverts without reason', async function () {
            const { hub, initMock } = await loadFixture(withMocks);
            const calldata = initMock.interface.encodeFunctionData('failWithoutReason');
            await expect(hub.cut.diamondCut([], await initMock.getAddress(), calldata))
                .to.be.revertedWithCustomError(hub.cut, 'DiamondInitFailed')
                .withArgs(await initMock.getAddress(), calldata);
        });

        it('reverts when the initializer has no code', async function () {
            const { hub } = await loadFixture(withMocks);
            const eoa = Wallet.createRandom().address;
            await expect(hub.cut.diamondCut([], eoa, '0x1234'))
                .to.be.revertedWithCustomError(hub.cut, 'DiamondFacetHasNoCode')
                .withArgs(eoa);
        });

        it('refuses to run the hub initializer a second time', async function () {
            const { hub, diamondInit, registries } = await loadFixture(withMocks);
            const calldata = diamondInit.interface.encodeFunctionData('init', [{ token: ZeroAddress, ...registries }]);
            await expect(
                hub.cut.diamondCut([], await diamondInit.getAddress(), calldata),
            ).to.be.revertedWithCustomError(hub.configuration, 'ConfigAlreadyConfigured');
        });
    });

    it('reverts for any caller but the owner', async function () {
        const { hub, other, v1, v1Selectors } = await loadFixture(withMocks);
        const cut = [
            { facetAddress: await v1.getAddress(), action: FacetCutAction.Add, functionSelectors: v1Selectors },
        ];
        await expect(hub.cut.connect(other).diamondCut(cut, ZeroAddress, '0x'))
            .to.be.revertedWithCustomError(hub.ownership, 'OwnableUnauthorizedAccount')
            .withArgs(other.address);
    });
});
