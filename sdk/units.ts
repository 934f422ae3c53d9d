/**
 * RLC amounts: RLC has 9 decimals, so escrow balances (SRLC) are counted in nRLC (10^-9 RLC); on a
 * native-flavour hub, 1 nRLC is paid with 10^9 wei of the chain's coin. Every conversion of the
 * repository goes through this file.
 */
import { formatUnits, parseUnits } from 'ethers';

/** Decimals of RLC, and of SRLC (the hub's ERC-20 view of escrow balances). */
export const RLC_DECIMALS = 9;
/** nRLC in one RLC. */
export const NRLC_PER_RLC = 1_000_000_000n;
/** Wei of the native coin per nRLC on a native-flavour hub (18 decimals against 9). */
export const WEI_PER_NRLC = 1_000_000_000n;

/** The units an amount of RLC can be written in. */
export const RLC_UNITS = ['RLC', 'nRLC'] as const;
export type RlcUnit = (typeof RLC_UNITS)[number];

/** A malformed amount or unit, with a one-line message meant for the user. */
export class AmountError extends Error {
    override name = 'AmountError';
}

/** Whether `unit` is one of {@link RLC_UNITS} (exact spelling). */
export function isRlcUnit(unit: string): unit is RlcUnit {
    return (RLC_UNITS as readonly string[]).includes(unit);
}

/**
 * Parse a non-negative amount written in `unit` into nRLC: `parseAmount('1.5', 'RLC')` is
 * `1_500_000_000n`, `parseAmount('42', 'nRLC')` is `42n`. Throws {@link AmountError} for anything
 * else (signs, exponents, more decimals than the unit has, other units).
 */
export function parseAmount(value: string, unit: string = 'nRLC'): bigint {
    if (!isRlcUnit(unit)) {
        throw new AmountError(`Unknown unit "${unit}": use ${RLC_UNITS.join(' or ')}`);
    }
    const text = value.trim().replace(/_/g, '');
    const pattern = unit === 'RLC' ? /^\d+(\.\d{1,9})?$/ : /^\d+$/;
    if (!pattern.test(text)) {
        const expected =
            unit === 'RLC'
                ? 'a non-negative number of RLC with at most 9 decimals'
                : 'a non-negative whole number of nRLC';
        throw new AmountError(`Invalid amount "${value}": expected ${expected}`);
    }
    return unit === 'RLC' ? parseUnits(text, RLC_DECIMALS) : BigInt(text);
}

/** `1_500_000_000n` → `'1.5'` (RLC). */
export function formatRLC(nRLC: bigint): string {
    return formatUnits(nRLC, RLC_DECIMALS);
}

/** `1_500_000_000n` → `'1.5 RLC (1500000000 nRLC)'`. */
export function describeAmount(nRLC: bigint): string {
    return `${formatRLC(nRLC)} RLC (${nRLC} nRLC)`;
}

/** The wei that pay for `nRLC` on a native-flavour hub. */
export function nRLCToWei(nRLC: bigint): bigint {
    return nRLC * WEI_PER_NRLC;
}

/** What a native-flavour hub credits for `wei` (`nRLC`) and refunds (`dust`, below 1 nRLC). */
export function weiToNRLC(wei: bigint): { nRLC: bigint; dust: bigint } {
    return { nRLC: wei / WEI_PER_NRLC, dust: wei % WEI_PER_NRLC };
}
