import { expect } from 'chai';
import { Interface } from 'ethers';
import { FacetCutAction } from '../../sdk/diamond';
import {
    codeMatches,
    cutOfPlan,
    EmptyFacetError,
    isEmptyPlan,
    planUpgrade,
    SelectorCollisionError,
    signatureIndex,
    UNKNOWN_FACET,
    wantedRoutes,
    type CompiledFacet,
} from '../../sdk/upgrade';

const abi = (...signatures: string[]) => signatures.map((s) => `function ${s}`);
const sel = (signature: string) =>
    new Interface([`function ${signature}`]).getFunction(signature.split('(')[0])!.selector;

const A1 = '0x00000000000000000000000000000000000000a1';
const A2 = '0x00000000000000000000000000000000000000a2';
const B1 = '0x00000000000000000000000000000000000000b1';
const OLD = '0x00000000000000000000000000000000000000f0';
const STRANGER = '0x00000000000000000000000000000000000000ee';

const names = new Map([
    [A1.toLowerCase(), 'FacetA'],
    [A2.toLowerCase(), 'FacetA'],
    [B1.toLowerCase(), 'FacetB'],
    [OLD.toLowerCase(), 'OldFacet'],
]);
const nameOf = (address: string) => names.get(address.toLowerCase()) ?? UNKNOWN_FACET;

/** The routing a hub would report for these facets. */
function routing(entries: [string, string][]): Map<string, string> {
    return new Map(entries.map(([signature, address]) => [sel(signature), address]));
}

describe('Upgrade planning (sdk/upgrade.ts)', function () {
    const facetA: CompiledFacet = { name: 'FacetA', abi: abi('a()', 'shared()'), address: A1 };
    const facetB: CompiledFacet = { name: 'FacetB', abi: abi('b()'), address: B1 };

    describe('wantedRoutes', function () {
        it('routes every selector of every facet, receive included', function () {
            const withReceive = {
                name: 'Payable',
                abi: [{ type: 'receive', stateMutability: 'payable' }, ...new Interface(abi('p()')).fragments],
            };
            const routes = wantedRoutes([facetA, facetB, withReceive]);
            expect([...routes.keys()]).to.deep.equal([
                sel('a()'),
                sel('shared()'),
                sel('b()'),
                sel('p()'),
                '0x00000000',
            ]);
            expect(routes.get(sel('b()'))!.name).to.equal('FacetB');
        });

        it('refuses two facets claiming one selector, naming both', function () {
            const clash = { name: 'FacetC', abi: abi('shared()') };
            expect(() => wantedRoutes([facetA, clash]))
                .to.throw(SelectorCollisionError)
                .with.property('message', `selector ${sel('shared()')} is claimed by both FacetA and FacetC`);
        });

        it('refuses a facet without selectors', function () {
            expect(() => wantedRoutes([{ name: 'Empty', abi: [] }])).to.throw(EmptyFacetError, 'Empty has no function');
        });
    });

    describe('planUpgrade', function () {
        it('finds nothing to do when the hub routes exactly the compiled facets', function () {
            const onChain = routing([
                ['a()', A1],
                ['shared()', A1],
                ['b()', B1],
            ]);
            const plan = planUpgrade(onChain, [facetA, facetB], nameOf);
            expect(isEmptyPlan(plan)).to.equal(true);
            expect(plan.deploy).to.deep.equal([]);
        });

        it('adds the selectors of a facet to deploy', function () {
            const onChain = routing([
                ['a()', A1],
                ['shared()', A1],
            ]);
            const plan = planUpgrade(onChain, [facetA, { ...facetB, address: undefined }], nameOf);
            expect(plan.deploy).to.deep.equal(['FacetB']);
            expect(plan.add).to.deep.equal([{ selector: sel('b()'), to: { name: 'FacetB' } }]);
            expect(plan.replace).to.deep.equal([]);
            expect(plan.remove).to.deep.equal([]);
        });

        it('replaces every selector of a facet whose code changed (same name, other address)', function () {
            const onChain = routing([
                ['a()', A1],
                ['shared()', A1],
                ['b()', B1],
            ]);
            // FacetA's compiled code is deployed at A2 now (or still to deploy).
            for (const address of [A2, undefined]) {
                const plan = planUpgrade(onChain, [{ ...facetA, address }, facetB], nameOf);
                expect(plan.deploy).to.deep.equal(address === undefined ? ['FacetA'] : []);
                expect(plan.replace).to.deep.equal(
                    [sel('a()'), sel('shared()')].sort().map((selector) => ({
                        selector,
                        from: { name: 'FacetA', address: A1 },
                        to: address === undefined ? { name: 'FacetA' } : { name: 'FacetA', address },
                        reason: 'code changed',
                    })),
                );
                expect(plan.add).to.deep.equal([]);
                expect(plan.remove).to.deep.equal([]);
            }
        });

        it('replaces a selector that moves to another facet, and names an unknown origin', function () {
            const onChain = routing([
                ['a()', A1],
                ['shared()', STRANGER],
                ['b()', A1],
            ]);
            const plan = planUpgrade(onChain, [facetA, facetB], nameOf);
            expect(plan.replace).to.deep.equal(
                [
                    {
                        selector: sel('shared()'),
                        from: { name: UNKNOWN_FACET, address: STRANGER },
                        to: { name: 'FacetA', address: A1 },
                        reason: 'moved',
                    },
                    {
                        selector: sel('b()'),
                        from: { name: 'FacetA', address: A1 },
                        to: { name: 'FacetB', address: B1 },
                        reason: 'moved',
                    },
                ].sort((x, y) => x.selector.localeCompare(y.selector)),
            );
        });

        it('removes the selectors no compiled facet serves, naming where they were', function () {
            const onChain = routing([
                ['a()', A1],
                ['shared()', A1],
                ['b()', B1],
                ['gone()', OLD],
                ['lost()', STRANGER],
            ]);
            const plan = planUpgrade(onChain, [facetA, facetB], nameOf);
            expect(plan.remove).to.deep.equal(
                [
                    { selector: sel('gone()'), from: { name: 'OldFacet', address: OLD } },
                    { selector: sel('lost()'), from: { name: UNKNOWN_FACET, address: STRANGER } },
                ].sort((x, y) => x.selector.localeCompare(y.selector)),
            );
        });

        it('compares addresses whatever their case', function () {
            const onChain = routing([
                ['a()', A1.toUpperCase().replace('0X', '0x')],
                ['shared()', A1],
                ['b()', B1],
            ]);
            expect(isEmptyPlan(planUpgrade(onChain, [facetA, facetB], nameOf))).to.equal(true);
        });
    });

    describe('cutOfPlan', function () {
        it('makes one cut: removals, additions, replacements, grouped by facet', function () {
            const onChain = routing([
                ['a()', OLD],
                ['gone()', OLD],
                ['other()', OLD],
            ]);
            const plan = planUpgrade(onChain, [facetA, facetB], nameOf);
            expect(cutOfPlan(plan)).to.deep.equal([
                {
                    facetAddress: '0x0000000000000000000000000000000000000000',
                    action: FacetCutAction.Remove,
                    functionSelectors: [sel('gone()'), sel('other()')].sort(),
                },
                // Additions in selector order: b() (0x4df7e3d0) before shared() (0x7126be5f).
                { facetAddress: B1, action: FacetCutAction.Add, functionSelectors: [sel('b()')] },
                { facetAddress: A1, action: FacetCutAction.Add, functionSelectors: [sel('shared()')] },
                { facetAddress: A1, action: FacetCutAction.Replace, functionSelectors: [sel('a()')] },
            ]);
        });

        it('refuses a plan whose facets are not deployed yet', function () {
            const plan = planUpgrade(new Map(), [{ ...facetB, address: undefined }], nameOf);
            expect(() => cutOfPlan(plan)).to.throw('FacetB has no address: deploy it before cutting');
        });
    });

    describe('signatureIndex', function () {
        it('resolves selectors from several ABIs, receive as the zero selector', function () {
            const index = signatureIndex([abi('a(uint256)', 'b()'), abi('b()')]);
            expect(index.get(sel('a(uint256)'))).to.deep.equal(['a(uint256)']);
            expect(index.get(sel('b()'))).to.deep.equal(['b()']);
            expect(index.get('0x00000000')).to.deep.equal(['receive()']);
        });
    });

    describe('codeMatches', function () {
        it('compares runtime code byte by byte, except the ranges filled at deployment', function () {
            const compiled = '0x6080' + '00'.repeat(20) + '5b';
            const deployed = '0x6080' + 'ab'.repeat(20) + '5b';
            expect(codeMatches(compiled, compiled)).to.equal(true);
            expect(codeMatches(deployed, compiled)).to.equal(false);
            expect(codeMatches(deployed, compiled, [{ start: 2, length: 20 }])).to.equal(true);
            expect(codeMatches(deployed.replace(/5b$/, '5c'), compiled, [{ start: 2, length: 20 }])).to.equal(false);
        });

        it('handles link placeholders, lengths and empty code', function () {
            const placeholder = '__$' + 'a'.repeat(34) + '$__';
            expect(codeMatches('0x73' + '11'.repeat(20), '0x73' + placeholder, [{ start: 1, length: 20 }])).to.equal(
                true,
            );
            expect(codeMatches('0x6080', '0x608060')).to.equal(false);
            expect(codeMatches('0x', '0x')).to.equal(false);
        });
    });
});
