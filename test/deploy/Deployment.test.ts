import { expect } from 'chai';
import { artifacts, deployments, ethers } from 'hardhat';
import { ZeroAddress } from 'ethers';
import { DeployIds, facetNames } from '../../sdk/deploy-ids';
import { selectorsOf } from '../../sdk/diamond';
import { deployPoco, runDeployScripts } from '../helpers/fixtures';

describe('Deployment (deploy/)', function () {
    for (const flavour of ['token', 'native'] as const) {
        describe(`${flavour} flavour`, function () {
            it('routes every selector of every facet of the flavour, and nothing else', async function () {
                const { hub } = await deployPoco({ flavour });
                const onChain = new Map<string, string>();
                for (const facet of await hub.loupe.facets()) {
                    for (const selector of facet.functionSelectors) onChain.set(selector, facet.facetAddress);
                }
                const wanted = new Map<string, string>();
                for (const name of facetNames(flavour)) {
                    const { address } = await deployments.get(name);
                    for (const selector of selectorsOf(artifacts.readArtifactSync(name).abi))
                        wanted.set(selector, address);
                }
                expect(onChain).to.deep.equal(wanted);
            });

            it('configures the hub with its token, the registries and the EIP-712 domain', async function () {
                const { hub, rlc, appRegistry, datasetRegistry, workerpoolRegistry, hubAddress } = await deployPoco({
                    flavour,
                });
                expect(await hub.configuration.token()).to.equal(
                    flavour === 'token' ? await rlc!.getAddress() : ZeroAddress,
                );
                expect(await hub.configuration.appregistry()).to.equal(await appRegistry.getAddress());
                expect(await hub.configuration.datasetregistry()).to.equal(await datasetRegistry.getAddress());
                expect(await hub.configuration.workerpoolregistry()).to.equal(await workerpoolRegistry.getAddress());
                expect((await hub.configuration.domain()).verifyingContract).to.equal(hubAddress);
                expect(await hub.configuration.eip712domain_separator()).to.not.equal(ethers.ZeroHash);
            });

            it('initializes the registries with their metadata base URI and no previous registry', async function () {
                const { appRegistry, datasetRegistry, workerpoolRegistry } = await deployPoco({ flavour });
                const chainId = (await ethers.provider.getNetwork()).chainId;
                for (const [registry, kind] of [
                    [appRegistry, 'app'],
                    [datasetRegistry, 'dataset'],
                    [workerpoolRegistry, 'workerpool'],
                ] as const) {
                    expect(await registry.initialized()).to.equal(true);
                    expect(await registry.previous()).to.equal(ZeroAddress);
                    expect(await registry.baseURI()).to.equal(`https://nfts-metadata.iex.ec/${kind}/${chainId}/`);
                }
            });

            it('changes nothing when run a second time', async function () {
                const { deployer } = await deployPoco({ flavour });
                const before = await deployments.all();
                const nonce = await ethers.provider.getTransactionCount(deployer.address);
                await runDeployScripts({ flavour }, false);
                expect(await ethers.provider.getTransactionCount(deployer.address)).to.equal(nonce);
                const after = await deployments.all();
                expect(Object.keys(after).sort()).to.deep.equal(Object.keys(before).sort());
                for (const name of Object.keys(before)) expect(after[name].address).to.equal(before[name].address);
            });
        });
    }

    it('deploys the local RLC with its whole supply on account #0, on the token flavour only', async function () {
        const { rlc, deployer } = await deployPoco({ flavour: 'token' });
        expect(await rlc!.decimals()).to.equal(9n);
        expect(await rlc!.symbol()).to.equal('RLC');
        expect(await rlc!.balanceOf(deployer.address)).to.equal(await rlc!.totalSupply());
        const native = await deployPoco({ flavour: 'native' });
        expect(native.rlc).to.equal(undefined);
        expect(await deployments.getOrNull(DeployIds.RLC)).to.not.be.ok;
    });

    it('hands the hub and the registries to the configured owner', async function () {
        const signers = await ethers.getSigners();
        const owner = signers[9].address;
        const { hub, appRegistry, datasetRegistry, workerpoolRegistry } = await deployPoco({ flavour: 'token', owner });
        expect(await hub.ownership.owner()).to.equal(owner);
        for (const registry of [appRegistry, datasetRegistry, workerpoolRegistry]) {
            expect(await registry.owner()).to.equal(owner);
        }
    });

    it('leaves the hub and the registries to the deployer when no owner is configured', async function () {
        const { hub, deployer, appRegistry } = await deployPoco({ flavour: 'token' });
        expect(await hub.ownership.owner()).to.equal(deployer.address);
        expect(await appRegistry.owner()).to.equal(deployer.address);
    });
});
