import { COMMON_FACETS } from '../../sdk/deploy-ids';
import { deployHub } from './hub';

/** What {@link deployDiamondCore} adds to the hub's facets. */
export interface DiamondCoreOptions {
    /** Names of further (test-only) facets to deploy and cut in. */
    facets?: readonly string[];
}

/**
 * A hub with the facets common to both flavours and no escrow facet (no token, nothing routed
 * under the zero selector), deployed directly with placeholder registries: for the tests of
 * the diamond itself and the unit tests of facets that need no registry. Protocol tests use the
 * real deployment (`helpers/fixtures.ts`). For `loadFixture`, wrap a call with options in a named
 * function declared once: `const fixture = () => deployDiamondCore({ facets: ['FacetMockV1'] })`.
 */
export function deployDiamondCore(options: DiamondCoreOptions = {}) {
    return deployHub({ flavour: 'native', baseFacets: COMMON_FACETS, facets: options.facets ?? [] });
}
