import type { DeployFunction } from 'hardhat-deploy/types';
import { DeployIds, DeployTags, REGISTRY_HINTED_FACETS, facetNames } from '../sdk/deploy-ids';
import { pocoConfigOf } from '../sdk/hardhat/config';

/**
 * Every facet of the network's flavour, and the initializer of the hub's first cut. The facets
 * that ask the registries for asset owners get the deployment's registries as constructor arguments.
 */
const func: DeployFunction = async (hre) => {
    const { deployer } = await hre.getNamedAccounts();
    const registries = [
        (await hre.deployments.get(DeployIds.AppRegistry)).address,
        (await hre.deployments.get(DeployIds.DatasetRegistry)).address,
        (await hre.deployments.get(DeployIds.WorkerpoolRegistry)).address,
    ];
    for (const name of [...facetNames(pocoConfigOf(hre).flavour), DeployIds.DiamondInit]) {
        const args = REGISTRY_HINTED_FACETS.includes(name) ? registries : [];
        await hre.deployments.deploy(name, { contract: name, from: deployer, args, log: true });
    }
};

func.tags = [DeployTags.Facets, DeployTags.Poco];
func.dependencies = [DeployTags.Registries];

export default func;
