import { artifacts, ethers } from 'hardhat';
import { FunctionFragment, Wallet, ZeroAddress, type InterfaceAbi, type Signer } from 'ethers';
import type { HardhatEthersSigner } from '@nomicfoundation/hardhat-ethers/signers';
import {
    ConfigurationFacet__factory,
    DiamondCutFacet__factory,
    DiamondInit__factory,
    DiamondLoupeFacet__factory,
    EscrowERC20Facet__factory,
    EscrowHarnessFacet__factory,
    EscrowNativeFacet__factory,
    EscrowTokenFacet__factory,
    IEscrow__factory,
    MatchOrdersMockFacet__factory,
    OwnershipFacet__factory,
    PocoDiamond__factory,
    RLC__factory,
} from '../../typechain-types';
import { REGISTRY_HINTED_FACETS, facetNames } from '../../sdk/deploy-ids';
import { addCut } from '../../sdk/diamond';
import type { Flavour } from '../../sdk/networks';
import { NRLC_PER_RLC } from '../../sdk/units';

/**
 * Test-only facets: the escrow primitives harness and the `matchOrders` stand-in (which takes over
 * the Clerk's `matchOrders` route in the hubs it is cut into).
 */
export const TEST_FACETS = ['EscrowHarnessFacet', 'MatchOrdersMockFacet'] as const;

/** RLC given to each of the first test accounts on a token-flavour hub. */
export const TEST_ACCOUNT_RLC = 1_000_000n * NRLC_PER_RLC;

export interface HubOptions {
    flavour: Flavour;
    /** Facets cut in beyond the base ones (test-only facets). */
    facets?: readonly string[];
    /** The base facets; default: those the deploy scripts cut for the flavour (`sdk/deploy-ids.ts`). */
    baseFacets?: readonly string[];
    /** Token flavour: the token to escrow, instead of a fresh local RLC. */
    tokenAddress?: string;
    /** How many accounts after the owner get {@link TEST_ACCOUNT_RLC} (token flavour). */
    fundedAccounts?: number;
}

/**
 * A hub of the given flavour deployed directly (no hardhat-deploy), with the facets the deploy
 * scripts cut for that flavour plus `facets`, configured by `DiamondInit` with its token (a fresh
 * RLC on the token flavour, zero on the native one) and placeholder registries. Returns typed
 * handles on the hub for each facet.
 */
export async function deployHub(options: HubOptions) {
    const { flavour, facets: extra = [], fundedAccounts = 5 } = options;
    const [owner, ...accounts] = await ethers.getSigners();

    let token = ZeroAddress;
    if (flavour === 'token') {
        token = options.tokenAddress ?? (await (await new RLC__factory(owner).deploy()).getAddress());
        const rlc = RLC__factory.connect(token, owner);
        if (options.tokenAddress === undefined) {
            for (const account of accounts.slice(0, fundedAccounts)) {
                await rlc.transfer(account.address, TEST_ACCOUNT_RLC);
            }
        }
    }

    const registries = {
        appRegistry: Wallet.createRandom().address,
        datasetRegistry: Wallet.createRandom().address,
        workerpoolRegistry: Wallet.createRandom().address,
    };
    // The facets the deploy scripts cut for the flavour, then the extra (test-only) ones, once each.
    const names = [...new Set([...(options.baseFacets ?? facetNames(flavour)), ...extra])];
    const facets = [];
    for (const name of names) {
        // No registry to hint at: the placeholders are not registries (assets are asked directly).
        const args = REGISTRY_HINTED_FACETS.includes(name) ? [ZeroAddress, ZeroAddress, ZeroAddress] : [];
        const facet = await ethers.deployContract(name, args, owner);
        facets.push({ name, address: await facet.getAddress(), abi: artifacts.readArtifactSync(name).abi });
    }
    // An extra facet takes over the routes of the base facets' functions it redefines.
    const overridden = new Set(
        facets.filter(({ name }) => extra.includes(name)).flatMap(({ abi }) => functionSelectors(abi)),
    );
    const cut = addCut(
        facets.map((facet) =>
            extra.includes(facet.name) ? facet : { ...facet, abi: withoutFunctions(facet.abi, overridden) },
        ),
    );
    const diamondInit = await new DiamondInit__factory(owner).deploy();
    const initCalldata = diamondInit.interface.encodeFunctionData('init', [{ token, ...registries }]);
    const diamond = await new PocoDiamond__factory(owner).deploy(
        owner.address,
        cut,
        await diamondInit.getAddress(),
        initCalldata,
    );
    const hubAddress = await diamond.getAddress();
    return {
        flavour,
        owner,
        /** Signers after the owner; on the token flavour the first ones hold RLC. */
        accounts,
        /** The first account after the owner. */
        other: accounts[0],
        diamond,
        diamondInit,
        hubAddress,
        facets,
        cut,
        registries,
        /** The escrowed token (token flavour; undefined on the native flavour). */
        rlc: flavour === 'token' ? RLC__factory.connect(token, owner) : undefined,
        hub: handles(hubAddress, owner),
    };
}

type AbiEntry = { type: string } & Record<string, unknown>;

/** The selectors of the functions of an ABI. */
function functionSelectors(abi: InterfaceAbi): string[] {
    return (abi as AbiEntry[])
        .filter((entry) => entry.type === 'function')
        .map((entry) => FunctionFragment.from(entry).selector);
}

/** The ABI without the functions of these selectors. */
function withoutFunctions(abi: InterfaceAbi, selectors: Set<string>): InterfaceAbi {
    return (abi as AbiEntry[]).filter(
        (entry) => entry.type !== 'function' || !selectors.has(FunctionFragment.from(entry).selector),
    );
}

/** Typed handles on the hub, one per facet interface, connected to `runner`. */
export function handles(hubAddress: string, runner: Signer | HardhatEthersSigner) {
    return {
        cut: DiamondCutFacet__factory.connect(hubAddress, runner),
        configuration: ConfigurationFacet__factory.connect(hubAddress, runner),
        ownership: OwnershipFacet__factory.connect(hubAddress, runner),
        loupe: DiamondLoupeFacet__factory.connect(hubAddress, runner),
        erc20: EscrowERC20Facet__factory.connect(hubAddress, runner),
        /** The withdrawal side, common to both flavours. */
        escrow: IEscrow__factory.connect(hubAddress, runner),
        escrowToken: EscrowTokenFacet__factory.connect(hubAddress, runner),
        escrowNative: EscrowNativeFacet__factory.connect(hubAddress, runner),
        harness: EscrowHarnessFacet__factory.connect(hubAddress, runner),
        matchMock: MatchOrdersMockFacet__factory.connect(hubAddress, runner),
    };
}

export type Hub = Awaited<ReturnType<typeof deployHub>>;

/** A token-flavour hub with the test facets: for `loadFixture`. */
export function tokenHubFixture() {
    return deployHub({ flavour: 'token', facets: TEST_FACETS });
}

/** A native-flavour hub with the test facets: for `loadFixture`. */
export function nativeHubFixture() {
    return deployHub({ flavour: 'native', facets: TEST_FACETS });
}

/** The `loadFixture` fixture of a flavour (the same function each time, so that it is cached). */
export function hubFixture(flavour: Flavour): () => Promise<Hub> {
    return flavour === 'token' ? tokenHubFixture : nativeHubFixture;
}
