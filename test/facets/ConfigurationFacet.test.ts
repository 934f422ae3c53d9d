import { expect } from 'chai';
import { ethers, network } from 'hardhat';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { TypedDataEncoder, Wallet, ZeroAddress } from 'ethers';
import { ConfigurationFacet__factory, PocoDiamond__factory } from '../../typechain-types';
import { addCut } from '../../sdk/diamond';
import { deployDiamondCore } from '../helpers/diamond';

describe('ConfigurationFacet', function () {
    const randomAddress = () => Wallet.createRandom().address;

    describe('configure', function () {
        it('has been run by the initializer of the first cut', async function () {
            const { hub, registries } = await loadFixture(deployDiamondCore);
            expect(await hub.configuration.token()).to.equal(ZeroAddress);
            expect(await hub.configuration.appregistry()).to.equal(registries.appRegistry);
            expect(await hub.configuration.datasetregistry()).to.equal(registries.datasetRegistry);
            expect(await hub.configuration.workerpoolregistry()).to.equal(registries.workerpoolRegistry);
            expect(await hub.configuration.callbackgas()).to.equal(200_000n);
            expect(await hub.configuration.teebroker()).to.equal(ZeroAddress);
        });

        it('reverts on a configured hub, even for the owner', async function () {
            const { hub } = await loadFixture(deployDiamondCore);
            const args = [
                randomAddress(),
                'n',
                's',
                9,
                randomAddress(),
                randomAddress(),
                randomAddress(),
                ZeroAddress,
            ] as const;
            await expect(hub.configuration.configure(...args)).to.be.revertedWithCustomError(
                hub.configuration,
                'ConfigAlreadyConfigured',
            );
        });

        it('reverts for any caller but the owner', async function () {
            const { hub, other } = await loadFixture(deployDiamondCore);
            const args = [
                randomAddress(),
                'n',
                's',
                9,
                randomAddress(),
                randomAddress(),
                randomAddress(),
                ZeroAddress,
            ] as const;
            await expect(hub.configuration.connect(other).configure(...args))
                .to.be.revertedWithCustomError(hub.ownership, 'OwnableUnauthorizedAccount')
                .withArgs(other.address);
        });
    });

    describe('domain', function () {
        it('describes the stored separator: iExecODB 5.0.0 on this chain at the hub address', async function () {
            const { hub, hubAddress } = await loadFixture(deployDiamondCore);
            const domain = await hub.configuration.domain();
            expect(domain.name).to.equal('iExecODB');
            expect(domain.version).to.equal('5.0.0');
            expect(domain.chainId).to.equal(BigInt(network.config.chainId!));
            expect(domain.verifyingContract).to.equal(hubAddress);
            const expected = TypedDataEncoder.hashDomain({
                name: domain.name,
                version: domain.version,
                chainId: domain.chainId,
                verifyingContract: domain.verifyingContract,
            });
            expect(await hub.configuration.eip712domain_separator()).to.equal(expected);
        });

        it('reproduces the separator of the spec for Bellecour (chain 134)', function () {
            const separator = TypedDataEncoder.hashDomain({
                name: 'iExecODB',
                version: '5.0.0',
                chainId: 134,
                verifyingContract: '0x3eca1B216A7DF1C7689aEb259fFB83ADFB894E7f',
            });
            expect(separator).to.equal('0xf2cbd98a556869939d25b73c3fa68ba45f19932f8c9a06f744c98290ed9ef860');
        });
    });

    describe('updateDomainSeparator', function () {
        it('recomputes the same separator on the same chain and emits DomainSeparatorUpdated', async function () {
            const { hub, other } = await loadFixture(deployDiamondCore);
            const separator = await hub.configuration.eip712domain_separator();
            await expect(hub.configuration.connect(other).updateDomainSeparator())
                .to.emit(hub.configuration, 'DomainSeparatorUpdated')
                .withArgs(separator, BigInt(network.config.chainId!));
            expect(await hub.configuration.eip712domain_separator()).to.equal(separator);
        });

        it('reverts on a hub that is not configured', async function () {
            const { hub, owner } = await loadFixture(deployDiamondCore);
            // A bare diamond with the configuration facet and no initializer.
            const facet = await new ConfigurationFacet__factory(owner).deploy();
            const bare = await new PocoDiamond__factory(owner).deploy(
                owner.address,
                addCut([{ address: await facet.getAddress(), abi: ConfigurationFacet__factory.abi }]),
                ZeroAddress,
                '0x',
            );
            const config = ConfigurationFacet__factory.connect(await bare.getAddress(), owner);
            expect(await config.eip712domain_separator()).to.equal(ethers.ZeroHash);
            await expect(config.updateDomainSeparator()).to.be.revertedWithCustomError(
                hub.configuration,
                'ConfigNotConfigured',
            );
        });
    });

    describe('changeRegistries', function () {
        it('replaces the three registries and emits RegistriesUpdated', async function () {
            const { hub } = await loadFixture(deployDiamondCore);
            const [app, dataset, workerpool] = [randomAddress(), randomAddress(), randomAddress()];
            await expect(hub.configuration.changeRegistries(app, dataset, workerpool))
                .to.emit(hub.configuration, 'RegistriesUpdated')
                .withArgs(app, dataset, workerpool);
            expect(await hub.configuration.appregistry()).to.equal(app);
            expect(await hub.configuration.datasetregistry()).to.equal(dataset);
            expect(await hub.configuration.workerpoolregistry()).to.equal(workerpool);
        });

        it('reverts when a registry is the zero address', async function () {
            const { hub } = await loadFixture(deployDiamondCore);
            const [app, dataset] = [randomAddress(), randomAddress()];
            await expect(hub.configuration.changeRegistries(app, dataset, ZeroAddress))
                .to.be.revertedWithCustomError(hub.configuration, 'ConfigInvalidRegistry')
                .withArgs(app, dataset, ZeroAddress);
        });

        it('reverts for any caller but the owner', async function () {
            const { hub, other } = await loadFixture(deployDiamondCore);
            await expect(
                hub.configuration.connect(other).changeRegistries(randomAddress(), randomAddress(), randomAddress()),
            )
                .to.be.revertedWithCustomError(hub.ownership, 'OwnableUnauthorizedAccount')
                .withArgs(other.address);
        });
    });

    describe('setTeeBroker', function () {
        it('sets the TEE broker and emits TeeBrokerUpdated with the old and new values', async function () {
            const { hub } = await loadFixture(deployDiamondCore);
            const broker = randomAddress();
            await expect(hub.configuration.setTeeBroker(broker))
                .to.emit(hub.configuration, 'TeeBrokerUpdated')
                .withArgs(ZeroAddress, broker);
            expect(await hub.configuration.teebroker()).to.equal(broker);
            await expect(hub.configuration.setTeeBroker(ZeroAddress))
                .to.emit(hub.configuration, 'TeeBrokerUpdated')
                .withArgs(broker, ZeroAddress);
        });

        it('reverts for any caller but the owner', async function () {
            const { hub, other } = await loadFixture(deployDiamondCore);
            await expect(hub.configuration.connect(other).setTeeBroker(other.address))
                .to.be.revertedWithCustomError(hub.ownership, 'OwnableUnauthorizedAccount')
                .withArgs(other.address);
        });
    });

    describe('setCallbackGas', function () {
        it('sets the callback gas and emits CallbackGasUpdated with the old and new values', async function () {
            const { hub } = await loadFixture(deployDiamondCore);
            await expect(hub.configuration.setCallbackGas(300_000))
                .to.emit(hub.configuration, 'CallbackGasUpdated')
                .withArgs(200_000n, 300_000n);
            expect(await hub.configuration.callbackgas()).to.equal(300_000n);
        });

        it('reverts for any caller but the owner', async function () {
            const { hub, other } = await loadFixture(deployDiamondCore);
            await expect(hub.configuration.connect(other).setCallbackGas(1))
                .to.be.revertedWithCustomError(hub.ownership, 'OwnableUnauthorizedAccount')
                .withArgs(other.address);
        });
    });
});
