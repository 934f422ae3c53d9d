/**
 * A `hardhat node` child process on loopback, for end-to-end runs: started with a given
 * environment, awaited until it answers JSON-RPC, stopped (with its process group) at the end.
 */
import { spawn, type ChildProcess } from 'child_process';

export interface LocalNode {
    url: string;
    process: ChildProcess;
    stop(): Promise<void>;
}

/** Start `npx hardhat node --no-deploy` on 127.0.0.1:`port` and wait until it answers. */
export async function startNode(port: number, env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<LocalNode> {
    const url = `http://127.0.0.1:${port}`;
    const child = spawn('npx', ['hardhat', 'node', '--no-deploy', '--hostname', '127.0.0.1', '--port', String(port)], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const stop = async () => {
        if (child.exitCode !== null || child.pid === undefined) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    };
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        if (child.exitCode !== null) throw new Error(`hardhat node exited early:\n${output}`);
        try {
            await rpc(url, 'eth_chainId', []);
            return { url, process: child, stop };
        } catch {
            if (Date.now() > deadline) {
                await stop();
                throw new Error(`hardhat node did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
            }
            await new Promise((resolve) => setTimeout(resolve, 250));
        }
    }
}

/** Run a command to completion, streaming its output; rejects on a non-zero exit. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'inherit' });
        child.once('error', reject);
        child.once('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
        );
    });
}

/** One JSON-RPC call over HTTP. */
export async function rpc<T = unknown>(url: string, method: string, params: unknown[] = []): Promise<T> {
    const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    });
    const body = (await response.json()) as { result?: T; error?: { message: string } };
    if (body.error) throw new Error(`${method}: ${body.error.message}`);
    return body.result as T;
}
