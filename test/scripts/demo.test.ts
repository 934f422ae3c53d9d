import { expect } from 'chai';
import { execFile } from 'child_process';
import { promisify } from 'util';

const run = promisify(execFile);

/** The text under the `=== heading` line, up to the next heading. */
function section(stdout: string, heading: string): string {
    const start = stdout.indexOf(`=== ${heading}`);
    if (start < 0) throw new Error(`no section "${heading}"`);
    const end = stdout.indexOf('\n=== ', start + 1);
    return stdout.slice(start, end < 0 ? undefined : end);
}

/** The cells of the console.table row whose index column is `name` (quotes stripped). */
function row(stdout: string, name: string): string[] {
    const line = stdout.split('\n').find((l) => l.split('│')[1]?.trim() === name);
    if (line === undefined) throw new Error(`no table row "${name}"`);
    return line
        .split('│')
        .slice(2, -1)
        .map((cell) => cell.trim().replace(/^'|'$/g, ''));
}

/** The rows of a console.table whose cells include all of `cells`. */
function rowsWith(stdout: string, ...cells: string[]): string[] {
    return stdout.split('\n').filter((line) => {
        const values = line.split('│').map((cell) => cell.trim().replace(/^'|'$/g, ''));
        return cells.every((cell) => values.includes(cell));
    });
}

describe('npm run demo (the main job)', function () {
    this.timeout(180_000);
    let stdout: string;

    before(async function () {
        const started = Date.now();
        ({ stdout } = await run('npx', ['hardhat', 'run', 'scripts/demo.ts'], {
            env: { ...process.env, MOCHA_RESULTS_FILE: '' },
        }));
        // Exit 0 (execFile rejects otherwise), in under a minute.
        expect(Date.now() - started).to.be.below(60_000);
    });

    it('deploys, registers the assets (the dataset encrypted) and lets the broker match two deals', function () {
        for (const heading of ['Deployment', 'Assets', 'Order book and broker', 'Deals and tasks']) {
            expect(stdout).to.include(`=== ${heading}`);
        }
        expect(stdout).to.include('decrypts back to the original: yes');
        expect(stdout).to.match(/checksum \(SHA-256 of the encrypted file, registered\): 0x[0-9a-f]{64}/);
        const broker = section(stdout, 'Order book and broker');
        expect(rowsWith(broker, 'replicated', '5', 'none'), 'the replicated deal, trust 5').to.have.length(1);
        expect(rowsWith(broker, 'TEE', '1', 'TEE'), 'the TEE deal, trust 1').to.have.length(1);
    });

    it('completes the replicated task and the TEE task', function () {
        const tasks = section(stdout, 'Deals and tasks');
        const [replicated] = rowsWith(tasks, 'replicated', 'COMPLETED', '2/3');
        const [tee] = rowsWith(tasks, 'TEE', 'COMPLETED', '1/1');
        expect(replicated, 'a COMPLETED replicated task, 2 reveals of 3 winners').to.not.equal(undefined);
        expect(tee, 'a COMPLETED TEE task').to.not.equal(undefined);
        for (const line of [replicated, tee]) expect(line).to.match(/0x[0-9a-f]{64}.*0x[0-9a-f]{64}/);
    });

    it('prints the balances: the faulty worker loses its stake, the others are paid', function () {
        const balances = section(stdout, 'Escrow balances (RLC)');
        expect(row(balances, 'worker 2 (faulty)').at(-1)).to.equal('-3.0');
        for (const name of ['worker 1', 'worker 3', 'app owner', 'dataset owner', 'scheduler']) {
            expect(row(balances, name).at(-1), name).to.match(/^\+/);
        }
        expect(row(balances, 'requester').at(-1)).to.equal('-21.0');
        for (const name of ['kitty', 'hub']) expect(row(balances, name), name).to.have.length(7);
    });

    it('explains who was paid and slashed from the hub events', function () {
        const events = section(stdout, 'Who was paid, locked, released or slashed, and why');
        expect(rowsWith(events, 'FaultyContribution', 'worker 2 (faulty)', 'replicated')).to.have.length(1);
        expect(rowsWith(events, 'Seize', 'worker 2 (faulty)', '3.0')).to.have.length(1);
        for (const worker of ['worker 1', 'worker 3']) {
            expect(rowsWith(events, 'AccurateContribution', worker, 'replicated'), worker).to.have.length(1);
        }
        expect(rowsWith(events, 'Reward', 'worker 3', 'TEE')).to.have.length(1);
        expect(rowsWith(events, 'Lock', 'requester')).to.have.length(2);
    });

    it('prints the gas of every step and the conservation check', function () {
        const gas = section(stdout, 'Gas per step');
        for (const step of [
            'createApp',
            'createDataset (encrypted)',
            'createWorkerpool',
            'matchOrders (replicated deal)',
            'matchOrders (TEE deal)',
            'finalize (replicated)',
            'contributeAndFinalize (TEE)',
        ]) {
            expect(rowsWith(gas, step), step).to.have.length.above(0);
        }
        const conservation = /hub RLC holdings: ([\d.]+) RLC; SRLC total supply: ([\d.]+) RLC; equal/.exec(stdout);
        expect(conservation, 'conservation line').to.not.equal(null);
        expect(conservation![1]).to.equal(conservation![2]);
    });
});
