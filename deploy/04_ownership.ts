import type { DeployFunction } from 'hardhat-deploy/types';
import { DeployIds, DeployTags } from '../sdk/deploy-ids';
import { pocoConfigOf } from '../sdk/hardhat/config';

/** Hand the hub and the registries to the configured owner, when it is not the deployer. */
const func: DeployFunction = async (hre) => {
    const { deployments } = hre;
    const { deployer } = await hre.getNamedAccounts();
    const { owner } = pocoConfigOf(hre);
    if (owner === undefined) return;
    for (const id of [DeployIds.Hub, DeployIds.AppRegistry, DeployIds.DatasetRegistry, DeployIds.WorkerpoolRegistry]) {
        const current = (await deployments.read(id, 'owner')) as string;
        if (current.toLowerCase() === owner.toLowerCase()) continue;
        if (current.toLowerCase() !== deployer.toLowerCase()) {
            throw new Error(`${id} is owned by ${current}, neither the deployer nor the configured owner ${owner}`);
        }
        await deployments.execute(id, { from: deployer, log: true }, 'transferOwnership', owner);
    }
};

func.tags = [DeployTags.Ownership, DeployTags.Poco];
func.dependencies = [DeployTags.Hub];

export default func;
