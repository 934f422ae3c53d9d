import { expect } from 'chai';
import { execFile } from 'child_process';
import { promisify } from 'util';

const run = promisify(execFile);

describe('npm run demo (the main job)', function () {
    this.timeout(180_000);

    it('deploys, registers the three assets and prints the report, exiting 0', async function () {
        const { stdout } = await run('npx', ['hardhat', 'run', 'scripts/demo.ts'], {
            env: { ...process.env, MOCHA_RESULTS_FILE: '' },
        });
        for (const heading of ['Deployment', 'Assets', 'Gas per step']) expect(stdout).to.include(heading);
        for (const step of ['createApp', 'createDataset', 'createWorkerpool']) expect(stdout).to.include(step);
    });
});
