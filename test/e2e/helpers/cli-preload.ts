/**
 * A preload for the `iexec` CLI processes (`NODE_OPTIONS=--require <file>`; it reaches the
 * `iexec-<group>.js` subprocess too, which inherits the environment). Two jobs:
 *
 * - **Clock shift.** The SDK decides whether a task or a deal can be claimed by comparing the
 *   on-chain deadlines with the local wall clock (`Date.now()`), not with the block time. After
 *   `evm_increaseTime` the chain is ahead of the wall clock, so `Date.now()` is moved forward by
 *   `POCO_E2E_CLOCK_OFFSET_MS` (computed by the test from the latest block before each command).
 * - **Loopback only.** With `POCO_E2E_LOOPBACK_ONLY=1`, any TCP connection to a host other than
 *   the loopback fails: the CLI must talk to the local node and the SMS stand-in only, never to
 *   iExec's hosts (market API, IPFS, compass, npm update check).
 *
 * The preload is written as a file by {@link writeCliPreload} from the body of {@link preload}, so
 * that function must stay self-contained: no reference to anything outside its own body (it runs in
 * the CLI process, where only `require` and `process` exist); the environment variable names and
 * the blocked-connection mark are therefore repeated there as literals.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';

/** Environment variables read by the preload. */
export const PRELOAD_ENV = {
    clockOffsetMs: 'POCO_E2E_CLOCK_OFFSET_MS',
    loopbackOnly: 'POCO_E2E_LOOPBACK_ONLY',
} as const;

/** What the preload prints on stderr when it blocks a connection (kept equal to the literal in `preload`). */
export const BLOCKED_CONNECTION_MARK = 'poco-e2e-preload: blocked connection to';

function preload(): void {
    const offset = Number(process.env.POCO_E2E_CLOCK_OFFSET_MS ?? '0');
    if (Number.isFinite(offset) && offset > 0) {
        const realNow = Date.now.bind(Date);
        Date.now = () => realNow() + offset;
    }
    if (process.env.POCO_E2E_LOOPBACK_ONLY === '1') {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const net = require('net') as typeof import('net');
        const BLOCKED_MARK = 'poco-e2e-preload: blocked connection to';
        const isLoopback = (host: string): boolean =>
            host === 'localhost' || host === '::1' || /^(::ffff:)?127\./.test(host);
        const original = net.Socket.prototype.connect;
        net.Socket.prototype.connect = function (this: import('net').Socket, ...args: unknown[]) {
            const [first, second] = args;
            let host: string | undefined;
            if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
                const options = first as { host?: string; path?: string };
                if (options.path === undefined) host = options.host ?? 'localhost';
            } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
                host = typeof second === 'string' ? second : 'localhost';
            }
            if (host !== undefined && !isLoopback(host)) {
                // Reported on stderr (the test fails on it even when the SDK swallows the error, as
                // for best-effort calls) and as a connection error to the caller.
                process.stderr.write(`${BLOCKED_MARK} ${host}\n`);
                process.nextTick(() => this.destroy(new Error(`${BLOCKED_MARK} ${host} (loopback only)`)));
                return this;
            }
            return (original as (...a: unknown[]) => import('net').Socket).apply(this, args);
        } as typeof original;
    }
}

/** Write the preload into `dir`; returns the `NODE_OPTIONS` value that loads it. */
export function writeCliPreload(dir: string): string {
    const file = join(dir, 'iexec-cli-preload.cjs');
    writeFileSync(file, `'use strict';\n(${preload.toString()})();\n`);
    return `--require ${JSON.stringify(file)}`;
}
