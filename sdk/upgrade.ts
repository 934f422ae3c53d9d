/**
 * Upgrade planning for the hub: the compiled facets of a flavour against what the hub routes,
 * as selectors to add, replace and remove — every one listed, none skipped silently — and the one
 * cut that performs it all.
 */
import { Interface, type InterfaceAbi } from 'ethers';
import { cutOf, RECEIVE_SELECTOR, selectorsOf, type FacetCut } from './diamond';

/** The name given to an on-chain facet address no deployment knows. */
export const UNKNOWN_FACET = 'unknown';

/** A facet of the compiled set. */
export interface CompiledFacet {
    /** Its deployment (and contract) name. */
    name: string;
    abi: InterfaceAbi;
    /**
     * Where its compiled code is deployed; undefined when it has to be deployed (no deployment,
     * or the deployment holds other code).
     */
    address?: string;
}

/** A facet as a plan shows it: a name, and an address unless it is still to be deployed. */
export interface FacetRef {
    name: string;
    address?: string;
}

/** Why a routed selector is replaced. */
export type ReplaceReason =
    /** The hub routes it to an older deployment of the same facet: the compiled code changed. */
    | 'code changed'
    /** The hub routes it to another facet (or an unknown address): it moves. */
    | 'moved';

export interface UpgradePlan {
    /** Facets of the compiled set that must be deployed first (their address is unknown). */
    deploy: string[];
    add: { selector: string; to: FacetRef }[];
    replace: { selector: string; from: Required<FacetRef>; to: FacetRef; reason: ReplaceReason }[];
    remove: { selector: string; from: Required<FacetRef> }[];
}

/** Two compiled facets claim the same selector: the hub could route it to only one of them. */
export class SelectorCollisionError extends Error {
    constructor(
        readonly selector: string,
        readonly first: string,
        readonly second: string,
    ) {
        super(`selector ${selector} is claimed by both ${first} and ${second}`);
    }
}

/** A facet with no selector would be deployed for nothing (and a cut cannot add it). */
export class EmptyFacetError extends Error {
    constructor(readonly facet: string) {
        super(`${facet} has no function to route`);
    }
}

/**
 * The routing the compiled facets want: selector → facet. Throws {@link SelectorCollisionError}
 * when two facets claim a selector, and {@link EmptyFacetError} for a facet without selectors.
 */
export function wantedRoutes(facets: readonly CompiledFacet[]): Map<string, CompiledFacet> {
    const routes = new Map<string, CompiledFacet>();
    for (const facet of facets) {
        const selectors = selectorsOf(facet.abi);
        if (selectors.length === 0) throw new EmptyFacetError(facet.name);
        for (const selector of selectors) {
            const previous = routes.get(selector);
            if (previous !== undefined) throw new SelectorCollisionError(selector, previous.name, facet.name);
            routes.set(selector, facet);
        }
    }
    return routes;
}

const same = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * Compare what the hub routes (`onChain`: selector → facet address, from its loupe) with what the
 * compiled facets want.
 *
 * @param nameOf The name of an on-chain facet address ({@link UNKNOWN_FACET} when unknown).
 */
export function planUpgrade(
    onChain: ReadonlyMap<string, string>,
    facets: readonly CompiledFacet[],
    nameOf: (address: string) => string,
): UpgradePlan {
    const wanted = wantedRoutes(facets);
    const plan: UpgradePlan = { deploy: [], add: [], replace: [], remove: [] };
    const needed = new Set<string>();
    for (const [selector, facet] of wanted) {
        const to: FacetRef =
            facet.address === undefined ? { name: facet.name } : { name: facet.name, address: facet.address };
        const current = onChain.get(selector);
        if (current === undefined) {
            plan.add.push({ selector, to });
        } else if (!same(current, facet.address)) {
            const fromName = nameOf(current);
            plan.replace.push({
                selector,
                from: { name: fromName, address: current },
                to,
                reason: fromName === facet.name ? 'code changed' : 'moved',
            });
        } else {
            continue;
        }
        if (facet.address === undefined) needed.add(facet.name);
    }
    for (const [selector, address] of onChain) {
        if (!wanted.has(selector)) plan.remove.push({ selector, from: { name: nameOf(address), address } });
    }
    plan.deploy = facets.filter((f) => needed.has(f.name)).map((f) => f.name);
    for (const list of [plan.add, plan.replace, plan.remove]) list.sort((a, b) => a.selector.localeCompare(b.selector));
    return plan;
}

/** True when the plan changes nothing. */
export function isEmptyPlan(plan: UpgradePlan): boolean {
    return plan.add.length + plan.replace.length + plan.remove.length === 0;
}

/**
 * The one cut that performs a plan (removals, then additions, then replacements); every facet it
 * targets must have an address by now.
 */
export function cutOfPlan(plan: UpgradePlan): FacetCut[] {
    const addressOf = ({ name, address }: FacetRef) => {
        if (address === undefined) throw new Error(`${name} has no address: deploy it before cutting`);
        return address;
    };
    return cutOf({
        add: plan.add.map(({ selector, to }) => ({ selector, facet: addressOf(to) })),
        replace: plan.replace.map(({ selector, from, to }) => ({ selector, from: from.address, to: addressOf(to) })),
        remove: plan.remove.map(({ selector, from }) => ({ selector, facet: from.address })),
    });
}

/** Function signatures by selector, from any number of ABIs (the zero selector is `receive()`). */
export function signatureIndex(abis: Iterable<InterfaceAbi>): Map<string, string[]> {
    const index = new Map<string, string[]>([[RECEIVE_SELECTOR, ['receive()']]]);
    for (const abi of abis) {
        let iface: Interface;
        try {
            iface = new Interface(abi);
        } catch {
            continue;
        }
        iface.forEachFunction((fn) => {
            const signatures = index.get(fn.selector) ?? [];
            const signature = fn.format('sighash');
            if (!signatures.includes(signature)) index.set(fn.selector, [...signatures, signature]);
        });
    }
    return index;
}

/** Byte ranges of a runtime bytecode that are filled at deployment (immutables, linked libraries). */
export interface ByteRange {
    start: number;
    length: number;
}

/**
 * Whether the code deployed at an address is the compiled runtime code, ignoring the byte ranges
 * filled at deployment (immutable values, linked library addresses).
 */
export function codeMatches(deployed: string, compiled: string, filled: readonly ByteRange[] = []): boolean {
    const a = deployed.toLowerCase().replace(/^0x/, '');
    const b = compiled.toLowerCase().replace(/^0x/, '');
    if (a.length !== b.length || a.length === 0) return false;
    const masked = new Uint8Array(a.length / 2);
    for (const { start, length } of filled) masked.fill(1, start, start + length);
    for (let i = 0; i < masked.length; i++) {
        if (masked[i] === 0 && a.slice(2 * i, 2 * i + 2) !== b.slice(2 * i, 2 * i + 2)) return false;
    }
    return true;
}
