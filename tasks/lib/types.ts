/**
 * Typed, validated CLI argument types: a bad value fails with one line naming the argument.
 */
import { getAddress, hexlify, isAddress, isHexString, toUtf8Bytes } from 'ethers';
import type { CLIArgumentType } from 'hardhat/types';
import { AmountError, parseAmount } from '../../sdk/units';
import { TaskError } from './errors';

const noValidation = () => undefined;

/** The command-line spelling of a parameter (Hardhat passes `initData` for `--init-data`). */
const flag = (argName: string) => `--${argName.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** A checksummed address. */
export const address: CLIArgumentType<string> = {
    name: 'address',
    parse: (argName, value) => {
        if (!isAddress(value)) throw new TaskError(`${flag(argName)}: "${value}" is not an address`);
        return getAddress(value);
    },
    // Also checks values given programmatically (`hre.run`), which are not parsed.
    validate: (argName, value) => {
        if (value !== undefined && (typeof value !== 'string' || !isAddress(value))) {
            throw new TaskError(`${flag(argName)}: "${String(value)}" is not an address`);
        }
    },
};

/** A 32-byte hex value. */
export const bytes32: CLIArgumentType<string> = {
    name: 'bytes32',
    parse: (argName, value) => {
        if (!isHexString(value, 32))
            throw new TaskError(`${flag(argName)}: "${value}" is not a 0x-prefixed 32-byte hex value`);
        return value.toLowerCase();
    },
    validate: noValidation,
};

/** A non-negative integer of any size. */
export const uint: CLIArgumentType<bigint> = {
    name: 'uint',
    parse: (argName, value) => {
        if (!/^\d+$/.test(value)) throw new TaskError(`${flag(argName)}: "${value}" is not a non-negative integer`);
        return BigInt(value);
    },
    validate: noValidation,
};

/** Bytes given as 0x-prefixed hex, or as text (encoded in UTF-8), as the `iexec` SDK stores multiaddrs. */
export const bytesOrText: CLIArgumentType<string> = {
    name: 'bytes',
    parse: (argName, value) => {
        if (value.startsWith('0x')) {
            if (!isHexString(value)) throw new TaskError(`${flag(argName)}: "${value}" is not valid hex`);
            return value.toLowerCase();
        }
        return hexlify(toUtf8Bytes(value));
    },
    validate: noValidation,
};

/** Bytes given as 0x-prefixed hex only (calldata, for instance). */
export const hexBytes: CLIArgumentType<string> = {
    name: 'hex',
    parse: (argName, value) => {
        if (!isHexString(value) || value.length % 2 !== 0) {
            throw new TaskError(`${flag(argName)}: "${value}" is not 0x-prefixed hex bytes`);
        }
        return value.toLowerCase();
    },
    validate: noValidation,
};

/** `amount` in `unit` (RLC or nRLC) as nRLC, or a one-line error naming what is wrong. */
export function amountArgument(amount: string, unit: string): bigint {
    try {
        return parseAmount(amount, unit);
    } catch (error) {
        if (error instanceof AmountError) throw new TaskError(error.message);
        throw error;
    }
}
