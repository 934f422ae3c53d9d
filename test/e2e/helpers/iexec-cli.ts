/**
 * Running the real `iexec` CLI (`node_modules/.bin/iexec`, v9) with `--raw` and reading its answer.
 *
 * With `--raw`, a command prints one JSON line: `{"ok":true,…}` on stdout and exit code 0 on
 * success, `{"ok":false,"error":{…}}` on stderr and exit code 1 on failure — except `order init`,
 * `order sign` and `order cancel`, which collect per-order failures into `{"ok":false,"fail":[…]}`
 * and still **exit 0**. So success here means exit code 0 *and* `ok: true`.
 */
import { execFile } from 'child_process';
import { appendFileSync } from 'fs';
import { join } from 'path';
import { BLOCKED_CONNECTION_MARK, PRELOAD_ENV } from './cli-preload';
import type { Actor } from './iexec-project';

/** What every `--raw` answer has. */
export interface RawAnswer {
    ok: boolean;
    command?: string;
    error?: { name: string; message: string };
    /** `order init/sign/cancel`: one message per order that failed. */
    fail?: string[];
}

export interface CliRun {
    args: string[];
    exitCode: number;
    stdout: string;
    stderr: string;
    /** The last JSON line printed (stdout or stderr), if any. */
    answer: RawAnswer | undefined;
    ms: number;
}

export class CliError extends Error {
    constructor(
        message: string,
        readonly run: CliRun,
    ) {
        super(`${message}\n  $ iexec ${run.args.join(' ')}\n  exit ${run.exitCode}\n  ${describeOutput(run)}`);
    }
}

function describeOutput(run: CliRun): string {
    if (run.answer) return JSON.stringify(run.answer);
    return `stdout: ${run.stdout.trim().slice(-2000)}\n  stderr: ${run.stderr.trim().slice(-2000)}`;
}

function lastJsonLine(...texts: string[]): RawAnswer | undefined {
    const lines = texts
        .flatMap((text) => text.split('\n'))
        .map((line) => line.trim())
        .filter((line) => line.startsWith('{'));
    for (const line of lines.reverse()) {
        try {
            return JSON.parse(line) as RawAnswer;
        } catch {
            // not JSON after all
        }
    }
    return undefined;
}

export interface IexecCliOptions {
    /** The repository root: the CLI is `<root>/node_modules/.bin/iexec`. */
    root: string;
    /** The CLI's working directory (iexec.json, chain.json, deployed.json, orders.json). */
    workDir: string;
    keystoreDir: string;
    password: string;
    /** `NODE_OPTIONS` for the CLI processes (the preload). */
    nodeOptions: string;
    /** Called before each command: the CLI's clock offset in ms (chain time ahead of wall time). */
    clockOffsetMs: () => Promise<number>;
    /** Every command and its answer is appended to this JSON-lines file. */
    logFile?: string;
    /** Per-command time limit, ms. */
    timeoutMs?: number;
}

export class IexecCli {
    readonly bin: string;
    /** Wall time of every command run, in ms. */
    readonly timings: { args: string[]; ms: number }[] = [];

    constructor(private readonly options: IexecCliOptions) {
        this.bin = join(options.root, 'node_modules', '.bin', 'iexec');
    }

    /** The options that make a command act as `actor` (its keystore, unlocked without a prompt). */
    walletOptions(actor: Actor): string[] {
        return [
            '--keystoredir',
            this.options.keystoreDir,
            '--wallet-address',
            actor.address,
            '--password',
            this.options.password,
        ];
    }

    /** Run `iexec <args> [wallet options of actor] --raw`, whatever the outcome. */
    async run(args: string[], actor?: Actor): Promise<CliRun> {
        const fullArgs = [...args, ...(actor ? this.walletOptions(actor) : []), '--raw'];
        const offset = await this.options.clockOffsetMs();
        const env: NodeJS.ProcessEnv = {
            ...process.env,
            NODE_OPTIONS: this.options.nodeOptions,
            [PRELOAD_ENV.clockOffsetMs]: String(Math.max(0, Math.ceil(offset))),
            [PRELOAD_ENV.loopbackOnly]: '1',
        };
        const started = Date.now();
        const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>(
            (resolve) => {
                execFile(
                    process.execPath,
                    [this.bin, ...fullArgs],
                    {
                        cwd: this.options.workDir,
                        env,
                        timeout: this.options.timeoutMs ?? 90_000,
                        maxBuffer: 16 * 1024 * 1024,
                    },
                    (error, out, err) => {
                        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
                        resolve({ exitCode: code, stdout: String(out), stderr: String(err) });
                    },
                );
            },
        );
        const ms = Date.now() - started;
        const shown = fullArgs.map((arg) => (arg === this.options.password ? '***' : arg));
        const run: CliRun = { args: shown, exitCode, stdout, stderr, answer: lastJsonLine(stdout, stderr), ms };
        this.timings.push({ args: shown, ms });
        if (this.options.logFile) {
            appendFileSync(
                this.options.logFile,
                `${JSON.stringify({ args: shown, exitCode, ms, answer: run.answer })}\n`,
            );
        }
        if (stderr.includes(BLOCKED_CONNECTION_MARK)) {
            throw new CliError('the CLI tried to reach a non-loopback host', run);
        }
        return run;
    }

    /** Run a command that must succeed (exit 0 and `ok: true`); returns its answer. */
    async ok<T extends object>(args: string[], actor?: Actor): Promise<T & RawAnswer> {
        const run = await this.run(args, actor);
        if (run.answer === undefined) throw new CliError('no --raw JSON answer', run);
        if (run.exitCode !== 0 || run.answer.ok !== true) throw new CliError('command failed', run);
        return run.answer as T & RawAnswer;
    }

    /**
     * Run a command that must fail with `ok: false` and a message containing `expected`; returns
     * the run (its exit code included: `order` commands fail with exit code 0).
     */
    async fails(args: string[], expected: string, actor?: Actor): Promise<CliRun & { messages: string[] }> {
        const run = await this.run(args, actor);
        if (run.answer === undefined) throw new CliError('no --raw JSON answer', run);
        if (run.answer.ok !== false) throw new CliError(`expected a failure ("${expected}"), got ok`, run);
        const messages = [...(run.answer.error ? [run.answer.error.message] : []), ...(run.answer.fail ?? [])];
        if (!messages.some((message) => message.includes(expected))) {
            throw new CliError(`expected a failure containing "${expected}"`, run);
        }
        return { ...run, messages };
    }
}
