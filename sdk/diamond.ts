/**
 * EIP-2535 helpers: the selectors a facet serves, and the cut that installs a set of facets.
 */
import { Interface, ZeroAddress, type InterfaceAbi } from 'ethers';

/** The selector plain coin transfers are routed under (the hub's `receive`). */
export const RECEIVE_SELECTOR = '0x00000000';

/** EIP-2535 cut actions. */
export const FacetCutAction = { Add: 0, Replace: 1, Remove: 2 } as const;

export interface FacetCut {
    facetAddress: string;
    action: number;
    functionSelectors: string[];
}

/**
 * The selectors a facet serves: every function of its ABI, plus the zero selector when it has a
 * `receive` function (the hub routes plain transfers under it).
 */
export function selectorsOf(abi: InterfaceAbi | Interface): string[] {
    const iface = abi instanceof Interface ? abi : new Interface(abi);
    const selectors: string[] = [];
    iface.forEachFunction((fn) => selectors.push(fn.selector));
    if (iface.receive) selectors.push(RECEIVE_SELECTOR);
    return selectors;
}

/** A cut that adds every selector of every facet; throws if two facets claim the same selector. */
export function addCut(facets: { address: string; abi: InterfaceAbi | Interface; name?: string }[]): FacetCut[] {
    const owners = new Map<string, string>();
    return facets.map(({ address, abi, name }) => {
        const functionSelectors = selectorsOf(abi);
        for (const selector of functionSelectors) {
            const previous = owners.get(selector);
            if (previous !== undefined) {
                throw new Error(`Selector ${selector} is claimed by both ${previous} and ${name ?? address}`);
            }
            owners.set(selector, name ?? address);
        }
        return { facetAddress: address, action: FacetCutAction.Add, functionSelectors };
    });
}

/** What a cut would change: selectors to add, to point at another facet, and to remove. */
export interface CutDiff {
    add: { selector: string; facet: string }[];
    replace: { selector: string; from: string; to: string }[];
    remove: { selector: string; facet: string }[];
}

/**
 * Compare the routing of a hub (selector → facet, as its loupe reports it) with the wanted
 * routing: nothing is skipped silently.
 */
export function diffRoutes(onChain: Map<string, string>, wanted: Map<string, string>): CutDiff {
    const diff: CutDiff = { add: [], replace: [], remove: [] };
    for (const [selector, facet] of wanted) {
        const current = onChain.get(selector);
        if (current === undefined) diff.add.push({ selector, facet });
        else if (current.toLowerCase() !== facet.toLowerCase())
            diff.replace.push({ selector, from: current, to: facet });
    }
    for (const [selector, facet] of onChain) {
        if (!wanted.has(selector)) diff.remove.push({ selector, facet });
    }
    return diff;
}

/** The cut that performs a diff, grouped by target facet. */
export function cutOf(diff: CutDiff): FacetCut[] {
    const group = (entries: { selector: string; facet: string }[], action: number): FacetCut[] => {
        const byFacet = new Map<string, string[]>();
        for (const { selector, facet } of entries) byFacet.set(facet, [...(byFacet.get(facet) ?? []), selector]);
        return [...byFacet].map(([facetAddress, functionSelectors]) => ({ facetAddress, action, functionSelectors }));
    };
    return [
        ...group(
            diff.remove.map(({ selector }) => ({ selector, facet: ZeroAddress })),
            FacetCutAction.Remove,
        ),
        ...group(diff.add, FacetCutAction.Add),
        ...group(
            diff.replace.map(({ selector, to }) => ({ selector, facet: to })),
            FacetCutAction.Replace,
        ),
    ];
}

type AbiEntry = { type: string; name?: string; inputs?: { type: string }[] } & Record<string, unknown>;

/**
 * The ABI of a hub: the union of its facets' ABIs (functions, events, errors), each entry once,
 * plus the diamond's own constructor, fallback and receive. Pass the diamond's ABI first: only the
 * first constructor is kept (facets' constructors are not the hub's).
 */
export function mergeAbis(abis: readonly (readonly unknown[])[]): AbiEntry[] {
    const seen = new Set<string>();
    const merged: AbiEntry[] = [];
    for (const abi of abis) {
        for (const entry of abi as AbiEntry[]) {
            if (entry.type === 'constructor' && merged.some((e) => e.type === 'constructor')) continue;
            const key = `${entry.type} ${entry.name ?? ''}(${(entry.inputs ?? []).map((i) => i.type).join(',')})`;
            if (seen.has(key)) continue;
            seen.add(key);
            merged.push(entry);
        }
    }
    return merged;
}
