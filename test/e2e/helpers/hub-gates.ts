/**
 * Gating scenario steps on what the hub implements: the diamond's loupe says which facet serves a
 * selector (`facetAddress(selector)`, zero when none). A step that needs a function the hub does
 * not route yet is skipped with a message naming it, so it turns on by itself once the facet is
 * merged and cut in by the deploy scripts.
 */
import { Contract, Interface, ZeroAddress, type InterfaceAbi, type Provider } from 'ethers';
import referenceAbi from '../../fixtures/reference-abi/IexecInterfaceToken.json';

const REFERENCE = new Interface(referenceAbi as InterfaceAbi);
const LOUPE = ['function facetAddress(bytes4 selector) view returns (address)'];

/** The name of a function of the reference hub ABI (`IexecInterfaceToken` 6.1), e.g. `matchOrders`. */
export type HubFunction = string;

/** The selector of a reference hub function, by name. */
export function hubSelector(name: HubFunction): string {
    const fragment = REFERENCE.getFunction(name);
    if (fragment === null) throw new Error(`no function "${name}" in the reference hub ABI`);
    return fragment.selector;
}

export class HubGates {
    private readonly loupe: Contract;
    private readonly cache = new Map<string, Promise<boolean>>();

    constructor(hub: string, provider: Provider) {
        this.loupe = new Contract(hub, LOUPE, provider);
    }

    /** Whether the hub routes `name` to a facet. */
    routes(name: HubFunction): Promise<boolean> {
        const selector = hubSelector(name);
        let answer = this.cache.get(selector);
        if (answer === undefined) {
            answer = (this.loupe.facetAddress(selector) as Promise<string>).then((facet) => facet !== ZeroAddress);
            this.cache.set(selector, answer);
        }
        return answer;
    }

    /** Those of `names` the hub does not route, as `name (selector)`. */
    async missing(names: readonly HubFunction[]): Promise<string[]> {
        const routed = await Promise.all(names.map((name) => this.routes(name)));
        return names.filter((_, i) => !routed[i]).map((name) => `${name} (${hubSelector(name)})`);
    }
}
