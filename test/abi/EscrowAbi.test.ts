import { expect } from 'chai';
import { artifacts } from 'hardhat';
import { compareAbi, conflictsOf, type AbiItem } from '../../scripts/lib/abi-compat';
import { hubAbi, referenceHubAbi } from '../../scripts/lib/hub-abi';

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
const ESCROW_ERRORS = ['UnsupportedOperation', 'OperationFailed', 'CallerIsNotTheRequester'];

const isEscrowEntry = (entry: AbiItem) =>
    (entry.type === 'function' && ESCROW_FUNCTIONS.includes(entry.name!)) ||
    (entry.type === 'event' && ESCROW_EVENTS.includes(entry.name!)) ||
    (entry.type === 'error' && ESCROW_ERRORS.includes(entry.name!)) ||
    entry.type === 'receive' ||
    entry.type === 'fallback';

describe('Escrow ABI compatibility with PoCo v6.2', function () {
    for (const flavour of ['token', 'native'] as const) {
        it(`has every escrow and ERC-20 function, event and error of the reference (${flavour} flavour)`, function () {
            const reference = referenceHubAbi(flavour).filter(isEscrowEntry);
            expect(reference.filter((e) => e.type === 'function')).to.have.length(ESCROW_FUNCTIONS.length);
            const report = compareAbi(reference, hubAbi(artifacts, flavour));
            expect(conflictsOf(report)).to.deep.equal([]);
            expect([...report.function.missing, ...report.event.missing, ...report.error.missing]).to.deep.equal([]);
        });
    }
});
