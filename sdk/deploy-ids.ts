/**
 * Deployment names, tags and facet lists: the one place deploy scripts, tasks, tests and scripts
 * name the contracts of a PoCo deployment (no deployment name typed by hand elsewhere).
 */
import type { Flavour } from './networks';

export const DeployIds = {
    RLC: 'RLC',
    AppRegistry: 'AppRegistry',
    DatasetRegistry: 'DatasetRegistry',
    WorkerpoolRegistry: 'WorkerpoolRegistry',
    DiamondInit: 'DiamondInit',
    Hub: 'PocoDiamond',
} as const;

export const DeployTags = {
    RLC: 'rlc',
    Registries: 'registries',
    Facets: 'facets',
    Hub: 'hub',
    Ownership: 'ownership',
    /** Everything of a PoCo deployment. */
    Poco: 'poco',
} as const;

/** The facets every hub has, whatever its flavour. */
export const COMMON_FACETS = [
    'DiamondCutFacet',
    'DiamondLoupeFacet',
    'OwnershipFacet',
    'ConfigurationFacet',
    'EscrowERC20Facet',
    'OrderManagementFacet',
    'RelayFacet',
    'CategoryManagerFacet',
    'ClerkFacet',
    'DealViewsFacet',
    'AssetViewsFacet',
    'TaskManagerFacet',
    'ConsensusFacet',
    'FinalizationFacet',
    'TaskViewsFacet',
] as const;

/**
 * Facets constructed with the deployment's registries, `(appRegistry, datasetRegistry,
 * workerpoolRegistry)`: they ask them first for an asset's owner (immutable hints, see
 * `OrderManagementFacet`). Every other facet takes no constructor argument.
 */
export const REGISTRY_HINTED_FACETS: readonly string[] = ['OrderManagementFacet'];

/** The facets specific to each flavour. */
export const FLAVOUR_FACETS: Record<Flavour, readonly string[]> = {
    token: ['EscrowTokenFacet'],
    native: ['EscrowNativeFacet'],
};

/** The facets of a hub of the given flavour, in cut order. */
export function facetNames(flavour: Flavour): string[] {
    return [...COMMON_FACETS, ...FLAVOUR_FACETS[flavour]];
}
