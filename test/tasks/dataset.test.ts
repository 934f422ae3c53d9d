import { expect } from 'chai';
import { randomBytes } from 'crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { keccak256, toUtf8Bytes } from 'ethers';
import { datasetChecksum, decryptDataset } from '../../sdk/dataset-crypto';
import { deployPoco } from '../helpers/fixtures';
import { parseFields, runTaskCapturing, runTaskFailing } from '../helpers/tasks';

describe('Dataset owner tasks', function () {
    let dir: string;
    beforeEach(function () {
        dir = mkdtempSync(join(tmpdir(), 'poco-dataset-task-'));
    });
    afterEach(function () {
        rmSync(dir, { recursive: true, force: true });
    });

    describe('dataset:encrypt', function () {
        it('writes <file>.enc and <file>.key (0600), prints the checksum and the next command', async function () {
            const file = join(dir, 'my data.csv');
            const plaintext = randomBytes(10_000);
            writeFileSync(file, plaintext);
            const output = await runTaskCapturing('dataset:encrypt', { file, force: false });
            const fields = parseFields(output);
            const encrypted = readFileSync(`${file}.enc`);
            expect(fields.checksum).to.equal(datasetChecksum(encrypted));
            expect(fields.encrypted).to.equal(`${file}.enc (${encrypted.length} bytes)`);
            expect(statSync(`${file}.key`).mode & 0o777).to.equal(0o600);
            expect(decryptDataset(encrypted, readFileSync(`${file}.key`, 'utf8')).equals(plaintext)).to.equal(true);
            expect(fields.next).to.equal(
                `upload my data.csv.enc, then: npx hardhat dataset:create --name 'my data.csv' ` +
                    `--multiaddr <its URL> --file '${file}.enc' --network hardhat`,
            );
        });

        it('refuses to overwrite existing outputs unless --force', async function () {
            const file = join(dir, 'data.bin');
            writeFileSync(file, 'first');
            await runTaskCapturing('dataset:encrypt', { file, force: false });
            const key = readFileSync(`${file}.key`, 'utf8');
            const { error } = await runTaskFailing('dataset:encrypt', { file, force: false });
            expect(error).to.equal(`${file}.enc exists already (--force to overwrite it)`);
            expect(readFileSync(`${file}.key`, 'utf8')).to.equal(key);

            writeFileSync(file, 'second');
            await runTaskCapturing('dataset:encrypt', { file, force: true });
            const newKey = readFileSync(`${file}.key`, 'utf8');
            expect(newKey).to.not.equal(key);
            expect(decryptDataset(readFileSync(`${file}.enc`), newKey).toString()).to.equal('second');
        });

        it('refuses a missing file, a directory, and a file encrypted already', async function () {
            const missing = join(dir, 'nope');
            expect((await runTaskFailing('dataset:encrypt', { file: missing, force: false })).error).to.equal(
                `--file: no file at ${missing}`,
            );
            const folder = join(dir, 'folder');
            mkdirSync(folder);
            expect((await runTaskFailing('dataset:encrypt', { file: folder, force: false })).error).to.equal(
                `--file: ${folder} is not a regular file`,
            );
            const file = join(dir, 'data');
            writeFileSync(file, 'x');
            await runTaskCapturing('dataset:encrypt', { file, force: false });
            expect((await runTaskFailing('dataset:encrypt', { file: `${file}.enc`, force: false })).error).to.equal(
                `--file: ${file}.enc is an encrypted dataset already`,
            );
        });
    });

    describe('dataset:create --file', function () {
        const base = { name: 'my-data', multiaddr: '0x1234' };

        it("registers the sha256 of the encrypted file as the dataset's checksum", async function () {
            const { datasetRegistry } = await deployPoco();
            const file = join(dir, 'data.bin');
            writeFileSync(file, randomBytes(2048));
            const { checksum } = parseFields(await runTaskCapturing('dataset:encrypt', { file, force: false }));
            const created = parseFields(await runTaskCapturing('dataset:create', { ...base, file: `${file}.enc` }));
            expect(created.checksum).to.equal(checksum);
            expect(await datasetRegistry.isRegistered(created.dataset)).to.equal(true);
            const shown = parseFields(await runTaskCapturing('dataset:show', { dataset: created.dataset }));
            expect(shown.checksum).to.equal(checksum);
        });

        it('wants exactly one of --checksum and --file', async function () {
            await deployPoco();
            const file = join(dir, 'data.enc');
            writeFileSync(file, 'x');
            const checksum = keccak256(toUtf8Bytes('x'));
            expect((await runTaskFailing('dataset:create', base)).error).to.equal(
                'give --checksum or --file (the encrypted dataset file, whose sha256 is registered)',
            );
            expect((await runTaskFailing('dataset:create', { ...base, checksum, file })).error).to.equal(
                'give --checksum or --file, not both',
            );
            expect((await runTaskFailing('dataset:create', { ...base, file: join(dir, 'nope') })).error).to.equal(
                `--file: no file at ${join(dir, 'nope')}`,
            );
        });
    });
});
