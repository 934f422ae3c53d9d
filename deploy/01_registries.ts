import { ZeroAddress } from 'ethers';
import type { DeployFunction } from 'hardhat-deploy/types';
import { DeployIds, DeployTags } from '../sdk/deploy-ids';
import { pocoConfigOf } from '../sdk/hardhat/config';

const REGISTRIES = [
    { id: DeployIds.AppRegistry, kind: 'app' },
    { id: DeployIds.DatasetRegistry, kind: 'dataset' },
    { id: DeployIds.WorkerpoolRegistry, kind: 'workerpool' },
] as const;

/** The three asset registries, initialized (no previous registry) with their metadata base URI. */
const func: DeployFunction = async (hre) => {
    const { deployments } = hre;
    const { deployer } = await hre.getNamedAccounts();
    const { metadataBaseURI } = pocoConfigOf(hre);
    const chainId = (await hre.ethers.provider.getNetwork()).chainId;
    for (const { id, kind } of REGISTRIES) {
        await deployments.deploy(id, { contract: id, from: deployer, log: true });
        if (!(await deployments.read(id, 'initialized'))) {
            await deployments.execute(id, { from: deployer, log: true }, 'initialize', ZeroAddress);
        }
        const baseURI = `${metadataBaseURI}${kind}/${chainId}/`;
        if ((await deployments.read(id, 'baseURI')) !== baseURI) {
            await deployments.execute(id, { from: deployer, log: true }, 'setBaseURI', baseURI);
        }
    }
};

func.tags = [DeployTags.Registries, DeployTags.Poco];

export default func;
