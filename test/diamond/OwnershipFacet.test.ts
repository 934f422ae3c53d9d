import { expect } from 'chai';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { ZeroAddress } from 'ethers';
import { deployDiamondCore } from '../helpers/diamond';

describe('OwnershipFacet', function () {
    describe('transferOwnership', function () {
        it('hands the hub to the new owner, who alone can then administer it', async function () {
            const { hub, owner, other } = await loadFixture(deployDiamondCore);
            await expect(hub.ownership.transferOwnership(other.address))
                .to.emit(hub.ownership, 'OwnershipTransferred')
                .withArgs(owner.address, other.address);
            expect(await hub.ownership.owner()).to.equal(other.address);
            await expect(hub.configuration.setCallbackGas(1))
                .to.be.revertedWithCustomError(hub.ownership, 'OwnableUnauthorizedAccount')
                .withArgs(owner.address);
            await expect(hub.configuration.connect(other).setCallbackGas(1)).to.emit(
                hub.configuration,
                'CallbackGasUpdated',
            );
        });

        it('reverts when the new owner is the zero address', async function () {
            const { hub } = await loadFixture(deployDiamondCore);
            await expect(hub.ownership.transferOwnership(ZeroAddress))
                .to.be.revertedWithCustomError(hub.ownership, 'OwnableInvalidOwner')
                .withArgs(ZeroAddress);
        });

        it('reverts for any caller but the owner', async function () {
            const { hub, other } = await loadFixture(deployDiamondCore);
            await expect(hub.ownership.connect(other).transferOwnership(other.address))
                .to.be.revertedWithCustomError(hub.ownership, 'OwnableUnauthorizedAccount')
                .withArgs(other.address);
        });
    });

    describe('renounceOwnership', function () {
        it('leaves the hub without owner, so no one can cut or configure it any more', async function () {
            const { hub, owner } = await loadFixture(deployDiamondCore);
            await expect(hub.ownership.renounceOwnership())
                .to.emit(hub.ownership, 'OwnershipTransferred')
                .withArgs(owner.address, ZeroAddress);
            expect(await hub.ownership.owner()).to.equal(ZeroAddress);
            await expect(hub.cut.diamondCut([], ZeroAddress, '0x'))
                .to.be.revertedWithCustomError(hub.ownership, 'OwnableUnauthorizedAccount')
                .withArgs(owner.address);
            // Views keep working.
            expect(await hub.configuration.callbackgas()).to.equal(200_000n);
        });

        it('reverts for any caller but the owner', async function () {
            const { hub, other } = await loadFixture(deployDiamondCore);
            await expect(hub.ownership.connect(other).renounceOwnership())
                .to.be.revertedWithCustomError(hub.ownership, 'OwnableUnauthorizedAccount')
                .withArgs(other.address);
        });
    });
});
