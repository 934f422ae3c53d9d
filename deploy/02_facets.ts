import type { DeployFunction } from 'hardhat-deploy/types';
import { DeployIds, DeployTags, facetNames } from '../sdk/deploy-ids';
import { pocoConfigOf } from '../sdk/hardhat/config';

/** Every facet of the network's flavour, and the initializer of the hub's first cut. */
const func: DeployFunction = async (hre) => {
    const { deployer } = await hre.getNamedAccounts();
    for (const name of [...facetNames(pocoConfigOf(hre).flavour), DeployIds.DiamondInit]) {
        await hre.deployments.deploy(name, { contract: name, from: deployer, log: true });
    }
};

func.tags = [DeployTags.Facets, DeployTags.Poco];

export default func;
