/**
 * The hub's hardhat-deploy record, shared by the deploy script (first cut) and `diamond:upgrade`
 * (later cuts), so that both write it the same way.
 */
import type { HardhatRuntimeEnvironment } from 'hardhat/types';
import type { DeploymentSubmission } from 'hardhat-deploy/types';
import { DeployIds } from '../deploy-ids';
import { mergeAbis } from '../diamond';

/** A facet the hub routes to. */
export interface RoutedFacet {
    name: string;
    address: string;
    abi: readonly unknown[];
}

/** What the hub record keeps in `linkedData`: the facets it routes to, by name. */
export interface HubLinkedData {
    facets?: Record<string, string>;
}

/**
 * Save the hub's deployment with its whole ABI — the diamond's own (constructor, fallback,
 * receive) plus every routed facet's — so that the deployment file is what integrators and
 * `deployments.read/execute` need, and with the facets it routes to in `linkedData.facets`
 * (which names the facets of an older cut once their deployments are replaced).
 */
export async function saveHubDeployment(
    hre: HardhatRuntimeEnvironment,
    hub: DeploymentSubmission,
    facets: readonly RoutedFacet[],
): Promise<void> {
    const diamond = await hre.deployments.getArtifact(DeployIds.Hub);
    const linkedData: HubLinkedData = {
        ...(hub.linkedData as HubLinkedData | undefined),
        facets: Object.fromEntries(facets.map(({ name, address }) => [name, address])),
    };
    await hre.deployments.save(DeployIds.Hub, {
        ...hub,
        abi: mergeAbis([diamond.abi, ...facets.map((f) => f.abi)]),
        linkedData,
    });
}
