import { HardhatPluginError } from 'hardhat/plugins';

/** A task failure shown to the user as one line (`Error in plugin poco: …`), never a stack trace. */
export class TaskError extends HardhatPluginError {
    constructor(message: string) {
        super('poco', message);
        // HardhatPluginError resets the prototype to its own: restore ours, so that `instanceof
        // TaskError` holds (runTask passes task errors through unwrapped).
        Object.setPrototypeOf(this, new.target.prototype);
    }
}

interface EthersLikeError {
    shortMessage?: string;
    reason?: string | null;
    revert?: { name: string; args: readonly unknown[] } | null;
    message?: string;
}

/** One line describing any error: a decoded custom error, a revert reason, or the first line. */
export function describeError(error: unknown): string {
    if (error instanceof TaskError) return error.message;
    const e = error as EthersLikeError;
    if (e?.revert) return `reverted with ${e.revert.name}(${e.revert.args.map(String).join(', ')})`;
    if (e?.reason) return `reverted: ${e.reason}`;
    const text = e?.shortMessage ?? e?.message ?? String(error);
    return text.split('\n')[0];
}

/**
 * Run a task body, turning whatever it throws into a one-line {@link TaskError} that names what
 * was being done.
 */
export async function runTask<T>(what: string, body: () => Promise<T>): Promise<T> {
    try {
        return await body();
    } catch (error) {
        if (error instanceof TaskError) throw error;
        throw new TaskError(`${what} failed: ${describeError(error)}`);
    }
}

/** The one-line error a failed action is reported with. */
export function describeFailure(action: string, error: unknown): TaskError {
    return new TaskError(`${action} failed: ${describeError(error)}`);
}
