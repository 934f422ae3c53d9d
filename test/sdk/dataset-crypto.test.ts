import { expect } from 'chai';
import { createHash, randomBytes } from 'crypto';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
    DatasetDecryptionError,
    datasetChecksum,
    decryptDataset,
    encodeDatasetKey,
    encryptDataset,
    encryptDatasetFile,
    fileChecksum,
    generateDatasetKey,
    HEADER_BYTES,
    IV_BYTES,
    parseDatasetKey,
    TAG_BYTES,
} from '../../sdk/dataset-crypto';

const ONE_MB = 1024 * 1024;

describe('Dataset encryption (sdk/dataset-crypto.ts)', function () {
    describe('encryptDataset / decryptDataset', function () {
        it('round-trips random content', function () {
            fc.assert(
                fc.property(fc.uint8Array({ maxLength: 4096 }), (plaintext) => {
                    const key = generateDatasetKey();
                    const encrypted = encryptDataset(plaintext, key);
                    expect(encrypted.length).to.equal(HEADER_BYTES + IV_BYTES + plaintext.length + TAG_BYTES);
                    expect(decryptDataset(encrypted, key).equals(Buffer.from(plaintext))).to.equal(true);
                }),
                { numRuns: 50 },
            );
        });

        it('round-trips an empty file and a 1 MB file', function () {
            for (const plaintext of [Buffer.alloc(0), randomBytes(ONE_MB)]) {
                const key = generateDatasetKey();
                expect(decryptDataset(encryptDataset(plaintext, key), key).equals(plaintext)).to.equal(true);
            }
        });

        it('writes the documented layout: PoCoDS, version 1, IV, ciphertext, tag', function () {
            const key = generateDatasetKey();
            const iv = randomBytes(IV_BYTES);
            const encrypted = encryptDataset(Buffer.from('hello'), key, iv);
            expect(encrypted.subarray(0, 6).toString('ascii')).to.equal('PoCoDS');
            expect(encrypted[6]).to.equal(1);
            expect(encrypted.subarray(7, 19).equals(iv)).to.equal(true);
            expect(encrypted.length).to.equal(7 + 12 + 5 + 16);
        });

        it('uses a fresh IV for every encryption', function () {
            const key = generateDatasetKey();
            const a = encryptDataset(Buffer.from('same'), key);
            const b = encryptDataset(Buffer.from('same'), key);
            expect(a.equals(b)).to.equal(false);
        });

        it('refuses a wrong key', function () {
            const encrypted = encryptDataset(Buffer.from('secret'), generateDatasetKey());
            expect(() => decryptDataset(encrypted, generateDatasetKey())).to.throw(
                DatasetDecryptionError,
                'authentication failed: wrong key, or the file was modified',
            );
        });

        it('refuses any tampered byte: header, IV, ciphertext or tag', function () {
            const key = generateDatasetKey();
            const encrypted = encryptDataset(randomBytes(64), key);
            for (const index of [6, HEADER_BYTES, HEADER_BYTES + IV_BYTES + 10, encrypted.length - 1]) {
                const tampered = Buffer.from(encrypted);
                tampered[index] ^= 0x01;
                expect(() => decryptDataset(tampered, key), `byte ${index}`).to.throw(DatasetDecryptionError);
            }
        });

        it('refuses a file of another format, a truncated one, or a bad key', function () {
            const key = generateDatasetKey();
            expect(() => decryptDataset(Buffer.from('plain text'), key)).to.throw('not an encrypted dataset');
            const encrypted = encryptDataset(Buffer.alloc(0), key);
            expect(() => decryptDataset(encrypted.subarray(0, 20), key)).to.throw('truncated encrypted dataset');
            const longer = encryptDataset(Buffer.from('abc'), key);
            expect(() => decryptDataset(longer.subarray(0, longer.length - 1), key)).to.throw('authentication failed');
            expect(() => decryptDataset(encrypted, key.subarray(0, 16))).to.throw('a dataset key is 32 bytes, not 16');
        });

        it('takes the key file content as well as the raw key', function () {
            const key = generateDatasetKey();
            const text = encodeDatasetKey(key);
            expect(text).to.match(/^[A-Za-z0-9+/]{43}=\n$/);
            expect(parseDatasetKey(text).equals(key)).to.equal(true);
            expect(decryptDataset(encryptDataset(Buffer.from('x'), key), text).toString()).to.equal('x');
            expect(() => parseDatasetKey('not base64!')).to.throw('not a dataset key');
            expect(() => parseDatasetKey(Buffer.alloc(16).toString('base64'))).to.throw('not a dataset key');
        });
    });

    describe('encryptDatasetFile', function () {
        let dir: string;
        beforeEach(function () {
            dir = mkdtempSync(join(tmpdir(), 'poco-dataset-'));
        });
        afterEach(function () {
            rmSync(dir, { recursive: true, force: true });
        });

        for (const [what, size] of [
            ['an empty file', 0],
            ['a small file', 1000],
            ['a 1 MB file', ONE_MB + 7],
        ] as const) {
            it(`encrypts ${what} that decrypts back, and returns the checksum of the encrypted file`, async function () {
                const plaintext = randomBytes(size);
                const [input, output, keyFile] = ['data.bin', 'data.bin.enc', 'data.bin.key'].map((f) => join(dir, f));
                writeFileSync(input, plaintext);
                const { checksum, size: written } = await encryptDatasetFile(input, output, keyFile);
                const encrypted = readFileSync(output);
                expect(written).to.equal(encrypted.length);
                expect(checksum).to.equal('0x' + createHash('sha256').update(encrypted).digest('hex'));
                expect(checksum).to.equal(datasetChecksum(encrypted));
                expect(await fileChecksum(output)).to.equal(checksum);
                expect(decryptDataset(encrypted, readFileSync(keyFile, 'utf8')).equals(plaintext)).to.equal(true);
            });
        }

        it('writes the key file readable by its owner only, even over an existing file with --force', async function () {
            const [input, output, keyFile] = ['d', 'd.enc', 'd.key'].map((f) => join(dir, f));
            writeFileSync(input, 'data');
            await encryptDatasetFile(input, output, keyFile);
            expect(statSync(keyFile).mode & 0o777).to.equal(0o600);
            writeFileSync(keyFile, 'old', { mode: 0o644 });
            await encryptDatasetFile(input, output, keyFile, { force: true });
            expect(statSync(keyFile).mode & 0o777).to.equal(0o600);
        });

        it('refuses to overwrite an output without force, before writing anything', async function () {
            const [input, output, keyFile] = ['d', 'd.enc', 'd.key'].map((f) => join(dir, f));
            writeFileSync(input, 'data');
            writeFileSync(keyFile, 'precious');
            await expect(encryptDatasetFile(input, output, keyFile)).to.be.rejectedWith(`${keyFile} exists already`);
            expect(readFileSync(keyFile, 'utf8')).to.equal('precious');
            expect(() => statSync(output)).to.throw();
        });
    });
});
