/**
 * Extra CLI argument types for the tasks, with validation: a wrong value fails with one line
 * naming the parameter, never a stack trace.
 */
import { HardhatPluginError } from 'hardhat/plugins';
import type { CLIArgumentType } from 'hardhat/types';
import { getAddress, isAddress } from 'ethers';

/** The plugin name task errors are reported under. */
export const TASKS_PLUGIN = 'poco';

/** One-line task failure. */
export function taskError(message: string): HardhatPluginError {
    return new HardhatPluginError(TASKS_PLUGIN, message);
}

/** An Ethereum address, returned checksummed. */
export const address: CLIArgumentType<string> = {
    name: 'address',
    parse(argName, value) {
        if (!isAddress(value)) throw taskError(`Invalid ${argName}: "${value}" is not an address`);
        return getAddress(value);
    },
    validate(argName, value) {
        if (typeof value !== 'string' || !isAddress(value)) {
            throw taskError(`Invalid ${argName}: "${String(value)}" is not an address`);
        }
    },
};
