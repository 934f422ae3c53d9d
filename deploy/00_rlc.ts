import type { DeployFunction } from 'hardhat-deploy/types';
import { DeployIds, DeployTags } from '../sdk/deploy-ids';
import { pocoConfigOf } from '../sdk/hardhat/config';

/** Development networks only: a local RLC, the whole supply minted to the deployer (account #0). */
const func: DeployFunction = async (hre) => {
    const { deployer } = await hre.getNamedAccounts();
    await hre.deployments.deploy(DeployIds.RLC, { contract: 'RLC', from: deployer, log: true });
};

func.tags = [DeployTags.RLC, DeployTags.Poco];
func.skip = async (hre) => {
    const config = pocoConfigOf(hre);
    if (config.flavour === 'token' && config.token === 'deploy' && !config.development) {
        throw new Error(`Network "${hre.network.name}" is not a development network: it must use an existing RLC`);
    }
    return !(config.flavour === 'token' && config.token === 'deploy');
};

export default func;
