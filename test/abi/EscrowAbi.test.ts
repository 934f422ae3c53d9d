import { expect } from 'chai';
import tokenReference from '../fixtures/reference-abi/IexecInterfaceToken.json';
import nativeReference from '../fixtures/reference-abi/IexecInterfaceNative.json';
import { PocoDiamond__factory } from '../../typechain-types';
import { POCO_6_2_ERRORS, compareAbis, type AbiEntry } from '../../sdk/abi-compat';
import { facetNames } from '../../sdk/deploy-ids';
import { mergeAbis } from '../../sdk/diamond';
import type { Flavour } from '../../sdk/networks';
import { facetAbi, type FacetName } from '../helpers/hub';

/** The escrow and SRLC ERC-20 part of the reference ABI (spec marketplace §10.1–10.3). */
const ESCROW_FUNCTIONS = [
    'deposit',
    'depositFor',
    'depositForArray',
    'withdraw',
    'withdrawTo',
    'recover',
    'receiveApproval',
    'name',
    'symbol',
    'decimals',
    'totalSupply',
    'balanceOf',
    'frozenOf',
    'allowance',
    'approve',
    'transfer',
    'transferFrom',
    'increaseAllowance',
    'decreaseAllowance',
    'approveAndCall',
    'viewAccount',
    'viewAccountABILegacy',
    'token',
];
const ESCROW_EVENTS = ['Transfer', 'Approval', 'Lock', 'Unlock', 'Reward', 'Seize'];

const REFERENCES: Record<Flavour, AbiEntry[]> = {
    token: tokenReference as AbiEntry[],
    native: nativeReference as AbiEntry[],
};

/** The ABI of a hub of `flavour`, as the deploy scripts cut it. */
function hubAbi(flavour: Flavour): AbiEntry[] {
    return mergeAbis([
        PocoDiamond__factory.abi,
        ...facetNames(flavour).map((name) => facetAbi(name as FacetName)),
    ]) as AbiEntry[];
}

describe('Escrow ABI compatibility with PoCo v6.2', function () {
    describe('the comparison', function () {
        const viewAccount = REFERENCES.token.find((e) => e.name === 'viewAccount')!;

        it('reports a missing entry', function () {
            expect(compareAbis([viewAccount], [])[0].status).to.equal('missing');
        });

        it('reports a different mutability, struct name or member name as a mismatch', function () {
            const changed = structuredClone(viewAccount) as AbiEntry & {
                outputs: { components: { name: string }[]; internalType: string }[];
            };
            changed.stateMutability = 'nonpayable';
            changed.outputs[0].internalType = 'struct Account';
            changed.outputs[0].components[1].name = 'frozen';
            const [result] = compareAbis([viewAccount], [changed]);
            expect(result.status).to.equal('mismatch');
            expect(result.differences).to.have.length(3);
        });
    });

    for (const flavour of ['token', 'native'] as const) {
        describe(`${flavour} flavour (IexecInterface${flavour === 'token' ? 'Token' : 'Native'})`, function () {
            const reference = [
                ...REFERENCES[flavour].filter(
                    (entry) =>
                        (entry.type === 'function' && ESCROW_FUNCTIONS.includes(entry.name!)) ||
                        (entry.type === 'event' && ESCROW_EVENTS.includes(entry.name!)) ||
                        entry.type === 'receive' ||
                        entry.type === 'fallback',
                ),
                ...POCO_6_2_ERRORS,
            ];

            it('covers the whole escrow part of the reference', function () {
                expect(reference.filter((e) => e.type === 'function')).to.have.length(ESCROW_FUNCTIONS.length);
                expect(reference.filter((e) => e.type === 'event')).to.have.length(ESCROW_EVENTS.length);
            });

            for (const result of compareAbis(reference, hubAbi(flavour))) {
                it(`has ${result.signature} as the reference does`, function () {
                    expect(result.differences, result.differences.join('; ')).to.deep.equal([]);
                    expect(result.status).to.equal('present');
                });
            }
        });
    }
});
