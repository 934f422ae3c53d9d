/**
 * What the `diamond:` tasks share: the hub and its loupe, names for facet addresses, signatures
 * for selectors, the compiled facet set of the network's flavour, and how a plan is printed.
 */
import type { InterfaceAbi } from 'ethers';
import type { HardhatRuntimeEnvironment } from 'hardhat/types';
import type { Deployment } from 'hardhat-deploy/types';
import { DiamondCutFacet__factory, DiamondLoupeFacet__factory } from '../../typechain-types';
import { DeployIds, facetNames } from '../../sdk/deploy-ids';
import { pocoConfigOf } from '../../sdk/hardhat/config';
import type { HubLinkedData } from '../../sdk/hardhat/hub';
import {
    codeMatches,
    EmptyFacetError,
    SelectorCollisionError,
    signatureIndex,
    UNKNOWN_FACET,
    wantedRoutes,
    type ByteRange,
    type CompiledFacet,
    type FacetRef,
    type UpgradePlan,
} from '../../sdk/upgrade';
import { resolveHub } from './context';
import { TaskError } from './errors';

/** The hub to work on: `--hub` if given, else the network's hub deployment (and that deployment, if it is this hub). */
export async function hubOf(
    hre: HardhatRuntimeEnvironment,
    explicit?: string,
): Promise<{ address: string; deployment?: Deployment }> {
    const address = await resolveHub(hre, explicit);
    const deployment = await hre.deployments.getOrNull(DeployIds.Hub);
    const same = !!deployment && deployment.address.toLowerCase() === address.toLowerCase();
    return { address, deployment: same ? deployment : undefined };
}

/** The hub's facets as its loupe reports them, and the routing selector → facet address. */
export async function loupeOf(
    hre: HardhatRuntimeEnvironment,
    hub: string,
): Promise<{ facets: { address: string; selectors: string[] }[]; routes: Map<string, string> }> {
    let facets: { facetAddress: string; functionSelectors: string[] }[];
    try {
        facets = await DiamondLoupeFacet__factory.connect(hub, hre.ethers.provider).facets();
    } catch {
        throw new TaskError(`${hub} does not answer the diamond loupe's facets()`);
    }
    const routes = new Map<string, string>();
    for (const facet of facets)
        for (const selector of facet.functionSelectors) routes.set(selector, facet.facetAddress);
    return {
        facets: facets.map((f) => ({ address: f.facetAddress, selectors: [...f.functionSelectors] })),
        routes,
    };
}

/**
 * Names for facet addresses: the network's deployments first, then the facets the hub's record
 * says it was cut with (which names the facets of an older cut after they were redeployed).
 */
export async function facetNamer(
    hre: HardhatRuntimeEnvironment,
    hub?: Deployment,
): Promise<(address: string) => string> {
    const names = new Map<string, string>();
    const recorded = (hub?.linkedData as HubLinkedData | undefined)?.facets ?? {};
    for (const [name, address] of Object.entries(recorded)) names.set(address.toLowerCase(), name);
    for (const [name, deployment] of Object.entries(await hre.deployments.all())) {
        names.set(deployment.address.toLowerCase(), name);
    }
    return (address) => names.get(address.toLowerCase()) ?? UNKNOWN_FACET;
}

/** Signatures by selector, from every compiled artifact and every deployment's ABI. */
export async function signaturesOf(hre: HardhatRuntimeEnvironment): Promise<Map<string, string[]>> {
    const abis: InterfaceAbi[] = [];
    for (const name of await hre.artifacts.getAllFullyQualifiedNames()) {
        abis.push((await hre.artifacts.readArtifact(name)).abi);
    }
    for (const deployment of Object.values(await hre.deployments.all())) abis.push(deployment.abi);
    return signatureIndex(abis);
}

/** A selector's signature, or undefined when no ABI knows it. */
export function signatureOf(signatures: Map<string, string[]>, selector: string): string | undefined {
    const known = signatures.get(selector);
    return known === undefined ? undefined : known.join(' | ');
}

/** Parse a comma-separated list of contract names (`--extra-facets A,B`). */
export function parseNames(value: string | undefined, argName: string): string[] {
    if (value === undefined) return [];
    const names = value.split(',').map((n) => n.trim());
    for (const name of names) {
        if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new TaskError(`--${argName}: "${name}" is not a contract name`);
    }
    if (new Set(names).size !== names.length) throw new TaskError(`--${argName}: a name is given twice`);
    return names;
}

/** The facet names of the network's flavour, plus `extra` ones (compiled contracts). */
export function facetSet(hre: HardhatRuntimeEnvironment, extra: string[]): { flavour: string; names: string[] } {
    const { flavour } = pocoConfigOf(hre);
    const names = facetNames(flavour);
    for (const name of extra) {
        if (names.includes(name))
            throw new TaskError(`--extra-facets: ${name} is a facet of the ${flavour} flavour already`);
    }
    return { flavour, names: [...names, ...extra] };
}

/** The byte ranges of a contract's runtime code filled at deployment: immutables and linked libraries. */
async function filledRanges(hre: HardhatRuntimeEnvironment, name: string): Promise<ByteRange[]> {
    const artifact = await hre.artifacts.readArtifact(name);
    const ranges: ByteRange[] = Object.values(artifact.deployedLinkReferences).flatMap((libs) =>
        Object.values(libs).flat(),
    );
    const buildInfo = await hre.artifacts.getBuildInfo(`${artifact.sourceName}:${artifact.contractName}`);
    const immutables =
        buildInfo?.output.contracts[artifact.sourceName]?.[artifact.contractName]?.evm.deployedBytecode
            .immutableReferences ?? {};
    return [...ranges, ...Object.values(immutables).flat()];
}

/** Whether the code at `address` is the compiled runtime code of contract `name`. */
export async function holdsCompiledCode(hre: HardhatRuntimeEnvironment, name: string, address: string) {
    const artifact = await hre.artifacts.readArtifact(name);
    return codeMatches(
        await hre.ethers.provider.getCode(address),
        artifact.deployedBytecode,
        await filledRanges(hre, name),
    );
}

/**
 * The compiled facets: each with the address of its deployment when that deployment holds the
 * compiled code, else without address (it has to be deployed). Fails with one line on a name
 * that is not a compiled contract, and on two facets claiming one selector.
 */
export async function compiledFacets(hre: HardhatRuntimeEnvironment, names: string[]): Promise<CompiledFacet[]> {
    const facets: CompiledFacet[] = [];
    for (const name of names) {
        if (!(await hre.artifacts.artifactExists(name))) throw new TaskError(`no compiled contract named ${name}`);
        const { abi } = await hre.artifacts.readArtifact(name);
        const deployment = await hre.deployments.getOrNull(name);
        const address = deployment ? deployment.address : undefined;
        const upToDate = address !== undefined && (await holdsCompiledCode(hre, name, address));
        facets.push({ name, abi, address: upToDate ? address : undefined });
    }
    checkRoutes(facets);
    return facets;
}

/** Fail with one line when the compiled facets cannot be routed together. */
export function checkRoutes(facets: readonly CompiledFacet[]): void {
    try {
        wantedRoutes(facets);
    } catch (error) {
        if (error instanceof SelectorCollisionError) {
            throw new TaskError(
                `selector collision: ${error.selector} is claimed by both ${error.first} and ${error.second}`,
            );
        }
        if (error instanceof EmptyFacetError) throw new TaskError(error.message);
        throw error;
    }
}

const refText = (ref: FacetRef) =>
    ref.address === undefined ? `${ref.name} (to deploy)` : `${ref.name} ${ref.address}`;

/** A plan as readable lines: one per facet to deploy, one per selector to add, replace or remove. */
export function planLines(plan: UpgradePlan, signatures: Map<string, string[]>): string[] {
    const sig = (selector: string) => signatureOf(signatures, selector) ?? '(unknown signature)';
    const rows: [string, string, string, string][] = [
        ...plan.add.map(({ selector, to }): [string, string, string, string] => [
            'add',
            selector,
            sig(selector),
            `→ ${refText(to)}`,
        ]),
        ...plan.replace.map(({ selector, from, to, reason }): [string, string, string, string] => [
            'replace',
            selector,
            sig(selector),
            `${refText(from)} → ${refText(to)} (${reason})`,
        ]),
        ...plan.remove.map(({ selector, from }): [string, string, string, string] => [
            'remove',
            selector,
            sig(selector),
            `${refText(from)} →`,
        ]),
    ];
    const width = Math.max(0, ...rows.map((r) => r[2].length));
    return [
        ...plan.deploy.map((name) => `deploy   ${name}`),
        ...rows.map(([action, selector, signature, facets]) =>
            `${action.padEnd(8)} ${selector}  ${signature.padEnd(width)}  ${facets}`.trimEnd(),
        ),
    ];
}

/** A plan as JSON, every selector with its signature (null when unknown). */
export function planJson(plan: UpgradePlan, signatures: Map<string, string[]>) {
    const sig = (selector: string) => signatureOf(signatures, selector) ?? null;
    const ref = (r: FacetRef) => ({ name: r.name, address: r.address ?? null });
    return {
        deploy: plan.deploy,
        add: plan.add.map(({ selector, to }) => ({ selector, signature: sig(selector), to: ref(to) })),
        replace: plan.replace.map(({ selector, from, to, reason }) => ({
            selector,
            signature: sig(selector),
            from: ref(from),
            to: ref(to),
            reason,
        })),
        remove: plan.remove.map(({ selector, from }) => ({ selector, signature: sig(selector), from: ref(from) })),
    };
}

/** The selector of `diamondCut`: a hub that loses it can never be cut again. */
export const DIAMOND_CUT_SELECTOR = DiamondCutFacet__factory.createInterface().getFunction('diamondCut').selector;

/** True when the plan would remove `diamondCut` from the hub. */
export function removesDiamondCut(plan: UpgradePlan): boolean {
    return plan.remove.some((r) => r.selector === DIAMOND_CUT_SELECTOR);
}
