import { expect } from 'chai';
import {
    AmountError,
    NRLC_PER_RLC,
    RLC_DECIMALS,
    WEI_PER_NRLC,
    describeAmount,
    formatRLC,
    nRLCToWei,
    parseAmount,
    weiToNRLC,
} from '../../sdk/units';

describe('sdk/units', function () {
    it('has 9 decimals: 1 RLC = 10^9 nRLC, 1 nRLC = 10^9 wei', function () {
        expect(NRLC_PER_RLC).to.equal(10n ** BigInt(RLC_DECIMALS));
        expect(WEI_PER_NRLC * NRLC_PER_RLC).to.equal(10n ** 18n);
    });

    it('parses RLC and nRLC amounts', function () {
        expect(parseAmount('1.5', 'RLC')).to.equal(1_500_000_000n);
        expect(parseAmount('0.000000001', 'RLC')).to.equal(1n);
        expect(parseAmount('87_000_000', 'RLC')).to.equal(87_000_000n * NRLC_PER_RLC);
        expect(parseAmount(' 42 ', 'nRLC')).to.equal(42n);
        expect(parseAmount('42')).to.equal(42n);
    });

    for (const [value, unit] of [
        ['', 'RLC'],
        ['1.', 'RLC'],
        ['.5', 'RLC'],
        ['1e9', 'nRLC'],
        ['-1', 'nRLC'],
        ['1.5', 'nRLC'],
        ['0.0000000001', 'RLC'],
        ['0x10', 'nRLC'],
    ] as const) {
        it(`rejects "${value}" ${unit}`, function () {
            expect(() => parseAmount(value, unit)).to.throw(AmountError, `Invalid amount "${value}"`);
        });
    }

    it('rejects unknown units', function () {
        expect(() => parseAmount('1', 'rlc')).to.throw(AmountError, 'Unknown unit "rlc": use RLC or nRLC');
    });

    it('formats and converts', function () {
        expect(formatRLC(1_500_000_000n)).to.equal('1.5');
        expect(describeAmount(1n)).to.equal('0.000000001 RLC (1 nRLC)');
        expect(nRLCToWei(2n)).to.equal(2_000_000_000n);
        expect(weiToNRLC(2_000_000_123n)).to.deep.equal({ nRLC: 2n, dust: 123n });
    });
});
