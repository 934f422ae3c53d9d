import { ZeroAddress } from 'ethers';
import type { DeployFunction } from 'hardhat-deploy/types';
import { DiamondInit__factory, DiamondLoupeFacet__factory } from '../typechain-types';
import { DeployIds, DeployTags, facetNames } from '../sdk/deploy-ids';
import { addCut, diffRoutes, selectorsOf } from '../sdk/diamond';
import { pocoConfigOf } from '../sdk/hardhat/config';
import { saveHubDeployment } from '../sdk/hardhat/hub';

/**
 * The hub: a diamond whose constructor cuts in every facet of the network's flavour and runs
 * `DiamondInit` (token, registries, EIP-712 domain) in the same transaction. On a network where
 * the hub exists already, nothing is deployed: the script reports whether the hub differs from
 * the compiled facets (an upgrade is a deliberate, separate step).
 */
const func: DeployFunction = async (hre) => {
    const { deployments, ethers } = hre;
    const { deployer } = await hre.getNamedAccounts();
    const config = pocoConfigOf(hre);
    const facets = await Promise.all(
        facetNames(config.flavour).map(async (name) => ({ name, ...(await deployments.get(name)) })),
    );

    const existing = await deployments.getOrNull(DeployIds.Hub);
    if (existing) {
        const loupe = DiamondLoupeFacet__factory.connect(existing.address, ethers.provider);
        const onChain = new Map<string, string>();
        for (const facet of await loupe.facets()) {
            for (const selector of facet.functionSelectors) onChain.set(selector, facet.facetAddress);
        }
        const wanted = new Map<string, string>();
        for (const facet of facets) for (const selector of selectorsOf(facet.abi)) wanted.set(selector, facet.address);
        const diff = diffRoutes(onChain, wanted);
        const changes = diff.add.length + diff.replace.length + diff.remove.length;
        if (changes > 0) {
            deployments.log(
                `${DeployIds.Hub} at ${existing.address} differs from the compiled facets ` +
                    `(${diff.add.length} to add, ${diff.replace.length} to replace, ${diff.remove.length} to remove): ` +
                    `review with \`npx hardhat diamond:diff --network ${hre.network.name}\`, ` +
                    `apply with \`npx hardhat diamond:upgrade --network ${hre.network.name}\``,
            );
        }
        return;
    }

    let token = ZeroAddress;
    if (config.flavour === 'token') {
        if (config.token === undefined) {
            throw new Error(`Network "${hre.network.name}" is token-flavoured but no RLC address is configured`);
        }
        token = config.token === 'deploy' ? (await deployments.get(DeployIds.RLC)).address : config.token;
    }
    const init = await deployments.get(DeployIds.DiamondInit);
    const initCalldata = DiamondInit__factory.createInterface().encodeFunctionData('init', [
        {
            token,
            appRegistry: (await deployments.get(DeployIds.AppRegistry)).address,
            datasetRegistry: (await deployments.get(DeployIds.DatasetRegistry)).address,
            workerpoolRegistry: (await deployments.get(DeployIds.WorkerpoolRegistry)).address,
        },
    ]);
    const cut = addCut(facets.map(({ name, address, abi }) => ({ name, address, abi })));
    const hub = await deployments.deploy(DeployIds.Hub, {
        contract: DeployIds.Hub,
        from: deployer,
        args: [deployer, cut, init.address, initCalldata],
        log: true,
    });
    // Record the hub with its whole ABI (the diamond's own plus every facet's), so that the
    // deployment file is what integrators and `deployments.read/execute` need.
    await saveHubDeployment(hre, hub, facets);
};

func.tags = [DeployTags.Hub, DeployTags.Poco];
func.dependencies = [DeployTags.RLC, DeployTags.Registries, DeployTags.Facets];

export default func;
