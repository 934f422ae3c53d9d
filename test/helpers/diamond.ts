import { ethers } from 'hardhat';
import { Wallet, ZeroAddress } from 'ethers';
import {
    ConfigurationFacet__factory,
    DiamondCutFacet__factory,
    DiamondInit__factory,
    DiamondLoupeFacet__factory,
    OwnershipFacet__factory,
    PocoDiamond__factory,
} from '../../typechain-types';
import { addCut } from '../../sdk/diamond';

/**
 * A hub with the diamond core and the configuration facet only, configured with placeholder
 * registries: for the tests of the diamond itself. Protocol tests use the real deployment
 * (`helpers/fixtures.ts`).
 */
export async function deployDiamondCore() {
    const [owner, other] = await ethers.getSigners();
    const cutFacet = await new DiamondCutFacet__factory(owner).deploy();
    const loupeFacet = await new DiamondLoupeFacet__factory(owner).deploy();
    const ownershipFacet = await new OwnershipFacet__factory(owner).deploy();
    const configurationFacet = await new ConfigurationFacet__factory(owner).deploy();
    const diamondInit = await new DiamondInit__factory(owner).deploy();
    const registries = {
        appRegistry: Wallet.createRandom().address,
        datasetRegistry: Wallet.createRandom().address,
        workerpoolRegistry: Wallet.createRandom().address,
    };
    const facets = [
        { name: 'DiamondCutFacet', address: await cutFacet.getAddress(), abi: DiamondCutFacet__factory.abi },
        { name: 'DiamondLoupeFacet', address: await loupeFacet.getAddress(), abi: DiamondLoupeFacet__factory.abi },
        { name: 'OwnershipFacet', address: await ownershipFacet.getAddress(), abi: OwnershipFacet__factory.abi },
        {
            name: 'ConfigurationFacet',
            address: await configurationFacet.getAddress(),
            abi: ConfigurationFacet__factory.abi,
        },
    ];
    const cut = addCut(facets);
    const initCalldata = diamondInit.interface.encodeFunctionData('init', [{ token: ZeroAddress, ...registries }]);
    const diamond = await new PocoDiamond__factory(owner).deploy(
        owner.address,
        cut,
        await diamondInit.getAddress(),
        initCalldata,
    );
    const hubAddress = await diamond.getAddress();
    return {
        owner,
        other,
        diamond,
        hubAddress,
        facets,
        cut,
        diamondInit,
        registries,
        hub: {
            cut: DiamondCutFacet__factory.connect(hubAddress, owner),
            loupe: DiamondLoupeFacet__factory.connect(hubAddress, owner),
            ownership: OwnershipFacet__factory.connect(hubAddress, owner),
            configuration: ConfigurationFacet__factory.connect(hubAddress, owner),
        },
    };
}
