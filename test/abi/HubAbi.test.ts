import { expect } from 'chai';
import { artifacts } from 'hardhat';
import { compareAbi, conflictsOf, type AbiItem } from '../../scripts/lib/abi-compat';
import { hubAbi, referenceHubAbi } from '../../scripts/lib/hub-abi';
import { addCut } from '../../sdk/diamond';
import { facetNames } from '../../sdk/deploy-ids';

describe('Hub ABI', function () {
    for (const flavour of ['token', 'native'] as const) {
        describe(`${flavour} flavour`, function () {
            it('defines nothing that conflicts with the reference ABI', function () {
                const report = compareAbi(referenceHubAbi(flavour), hubAbi(artifacts, flavour));
                expect(conflictsOf(report)).to.deep.equal([]);
            });

            it('routes no selector to two facets', function () {
                const facets = facetNames(flavour).map((name) => ({
                    name,
                    address: name,
                    abi: artifacts.readArtifactSync(name).abi,
                }));
                expect(() => addCut(facets)).to.not.throw();
            });
        });
    }

    describe('the comparison itself', function () {
        const fn = (name: string, inputs: AbiItem['inputs'], outputs: AbiItem['outputs'] = []): AbiItem => ({
            type: 'function',
            name,
            inputs,
            outputs,
            stateMutability: 'view',
        });
        const account = (names: [string, string]) => ({
            type: 'tuple',
            internalType: 'struct IexecLibCore_v5.Account',
            components: [
                { name: names[0], type: 'uint256' },
                { name: names[1], type: 'uint256' },
            ],
        });

        it('counts an entry present when kind, name and input types match', function () {
            const reference = [fn('f', [{ type: 'uint256' }])];
            const report = compareAbi(reference, [fn('f', [{ name: 'x', type: 'uint256' }])]);
            expect(report.function).to.deep.include({ total: 1, present: 1, missing: [], conflicts: [] });
        });

        it('reports a function defined with other input types as a conflict', function () {
            const report = compareAbi([fn('f', [{ type: 'uint256' }])], [fn('f', [{ type: 'address' }])]);
            expect(report.function.missing).to.deep.equal(['f(uint256)']);
            expect(conflictsOf(report)).to.have.length(1);
        });

        it('reports other struct member names as a conflict', function () {
            const reference = [fn('viewAccount', [{ type: 'address' }], [account(['stake', 'locked'])])];
            const actual = [fn('viewAccount', [{ type: 'address' }], [account(['free', 'frozen'])])];
            expect(conflictsOf(compareAbi(reference, actual))[0]).to.match(/outputs/);
        });

        it('reports other indexed flags of an event as a conflict', function () {
            const event = (indexed: boolean): AbiItem => ({
                type: 'event',
                name: 'E',
                inputs: [{ name: 'a', type: 'address', indexed }],
            });
            expect(conflictsOf(compareAbi([event(false)], [event(true)]))[0]).to.match(/indexed/);
        });

        it('lists what is missing without calling it a conflict', function () {
            const report = compareAbi([{ type: 'error', name: 'E', inputs: [] }], []);
            expect(report.error.missing).to.deep.equal(['E()']);
            expect(conflictsOf(report)).to.deep.equal([]);
        });
    });
});
