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
    'TaskManagerFacet',
    'ConsensusFacet',
    'FinalizationFacet',
    'TaskViewsFacet',
] as const;

/** The facets specific to each flavour. */
export const FLAVOUR_FACETS: Record<Flavour, readonly string[]> = {
    token: ['EscrowTokenFacet'],
    native: ['EscrowNativeFacet'],
};

/** The facets of a hub of the given flavour, in cut order. */
export function facetNames(flavour: Flavour): string[] {
    return [...COMMON_FACETS, ...FLAVOUR_FACETS[flavour]];
}
