import { artifacts, ethers } from 'hardhat';
import { Wallet, ZeroAddress, type InterfaceAbi } from 'ethers';
import {
    ConfigurationFacet__factory,
    DiamondCutFacet__factory,
    DiamondInit__factory,
    DiamondLoupeFacet__factory,
    OwnershipFacet__factory,
    PocoDiamond__factory,
} from '../../typechain-types';
import { addCut } from '../../sdk/diamond';

/** What {@link deployDiamondCore} adds to the core. */
export interface DiamondCoreOptions {
    /** Names of further facets (contract names) to deploy and cut in, after the core's. */
    facets?: readonly string[];
}

/**
 * A hub with the diamond core, the configuration facet and the given facets, deployed directly
 * (not by the deploy scripts) and configured with placeholder registries: for the tests of the
 * diamond itself and the unit tests of facets that need no registry. Protocol tests use the real
 * deployment (`helpers/fixtures.ts`). For `loadFixture`, wrap a call with options in a named
 * function declared once: `const fixture = () => deployDiamondCore({ facets: ['RelayFacet'] })`.
 */
export async function deployDiamondCore(options: DiamondCoreOptions = {}) {
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
    const facets: { name: string; address: string; abi: InterfaceAbi }[] = [
        { name: 'DiamondCutFacet', address: await cutFacet.getAddress(), abi: DiamondCutFacet__factory.abi },
        { name: 'DiamondLoupeFacet', address: await loupeFacet.getAddress(), abi: DiamondLoupeFacet__factory.abi },
        { name: 'OwnershipFacet', address: await ownershipFacet.getAddress(), abi: OwnershipFacet__factory.abi },
        {
            name: 'ConfigurationFacet',
            address: await configurationFacet.getAddress(),
            abi: ConfigurationFacet__factory.abi,
        },
    ];
    for (const name of options.facets ?? []) {
        const facet = await (await ethers.getContractFactory(name, owner)).deploy();
        facets.push({ name, address: await facet.getAddress(), abi: (await artifacts.readArtifact(name)).abi });
    }
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
