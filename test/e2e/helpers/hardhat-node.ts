/**
 * A `hardhat node` of this repository run as a child process on a free loopback port: on start,
 * hardhat-deploy runs our deploy scripts (`deploy/`) before the JSON-RPC server opens, so once the
 * port answers, PoCo is deployed. The deployment is recorded in a temporary folder
 * (`POCO_DEPLOYMENTS_DIR`, see hardhat.config.ts), never in the checkout's `deployments/localhost`,
 * and exported with `--export` to one JSON file read back here.
 */
import { spawn, type ChildProcess } from 'child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'fs';
import { createServer, type AddressInfo } from 'net';
import { join } from 'path';
import { rpc } from '../../../scripts/e2e/node';

/** One JSON-RPC call over HTTP (shared with the sidechain end-to-end run). */
export { rpc };

export interface HardhatNodeOptions {
    /** The repository root (where hardhat.config.ts is). */
    root: string;
    /** Where the node's deployment records, export file and log go. */
    dir: string;
    /** Port to listen on; default: a free one. */
    port?: number;
    /** How long to wait for the deployment and the server, in ms. */
    startTimeoutMs?: number;
}

/** The `--export` file of hardhat-deploy: every contract deployed, by deployment name. */
export interface DeploymentExport {
    chainId: string;
    contracts: Record<string, { address: string }>;
}

export interface HardhatNode {
    url: string;
    port: number;
    pid: number;
    /** The node's stdout and stderr (deployment log, then every JSON-RPC call). */
    logFile: string;
    deployment: DeploymentExport;
    /** Stop the node (SIGTERM, then SIGKILL after 5 s) and wait for it to exit. */
    stop(): Promise<void>;
}

/** A TCP port free on the loopback interface right now. */
export async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
}

/** The last `lines` lines of a file, for error messages. */
export function tail(file: string, lines = 30): string {
    if (!existsSync(file)) return '';
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
    return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), ms);
        child.once('exit', () => {
            clearTimeout(timer);
            resolve(true);
        });
    });
}

export async function startHardhatNode(options: HardhatNodeOptions): Promise<HardhatNode> {
    const { root, dir, startTimeoutMs = 180_000 } = options;
    const port = options.port ?? (await freePort());
    const url = `http://127.0.0.1:${port}`;
    const logFile = join(dir, 'hardhat-node.log');
    const exportFile = join(dir, 'deployment.json');
    const log = openSync(logFile, 'a');

    const env: NodeJS.ProcessEnv = { ...process.env, POCO_DEPLOYMENTS_DIR: join(dir, 'deployments') };
    // Nothing of the parent Hardhat run leaks in (network choice, CI results file).
    delete env.HARDHAT_NETWORK;
    delete env.MOCHA_RESULTS_FILE;
    const cli = join(root, 'node_modules', 'hardhat', 'internal', 'cli', 'cli.js');
    const child = spawn(
        process.execPath,
        [cli, 'node', '--hostname', '127.0.0.1', '--port', String(port), '--export', exportFile],
        { cwd: root, env, stdio: ['ignore', log, log] },
    );
    closeSync(log);
    // Last resort if the test process ends without running `stop` (the hook's own kill comes first).
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);

    const stop = async () => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        if (!(await waitForExit(child, 5_000))) {
            child.kill('SIGKILL');
            await waitForExit(child, 5_000);
        }
    };

    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
        if (child.exitCode !== null || child.signalCode !== null) {
            throw new Error(
                `hardhat node exited (${child.exitCode ?? child.signalCode}) before answering:\n${tail(logFile)}`,
            );
        }
        // Our child's own "listening" line first: an answer alone could come from another process
        // that took the port in the meantime.
        if (readFileSync(logFile, 'utf8').includes(`JSON-RPC server at ${url}/`)) {
            try {
                await rpc(url, 'eth_chainId');
                break;
            } catch {
                // not answering yet
            }
        }
        if (Date.now() > deadline) {
            await stop();
            throw new Error(`hardhat node did not answer on ${url} within ${startTimeoutMs} ms:\n${tail(logFile)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (!existsSync(exportFile)) {
        await stop();
        throw new Error(`hardhat node answers but wrote no deployment export:\n${tail(logFile)}`);
    }
    const deployment = JSON.parse(readFileSync(exportFile, 'utf8')) as DeploymentExport;
    return { url, port, pid: child.pid ?? -1, logFile, deployment, stop };
}
