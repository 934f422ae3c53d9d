/**
 * Dataset encryption for data owners: a dataset is published encrypted (anyone may download it
 * from its multiaddr), and only the enclave that runs an authorized task gets the key.
 *
 * ## Encrypted file format (version 1)
 *
 * | Offset     | Size | Content                                                   |
 * | ---------- | ---- | --------------------------------------------------------- |
 * | 0          | 6    | magic, ASCII `PoCoDS`                                     |
 * | 6          | 1    | format version, `0x01`                                    |
 * | 7          | 12   | IV (random, never reused with the same key)               |
 * | 19         | n    | ciphertext: AES-256-GCM of the n-byte plaintext           |
 * | 19 + n     | 16   | GCM authentication tag                                    |
 *
 * The 7-byte header is authenticated as GCM additional data, so a changed magic, version, IV,
 * ciphertext or tag makes decryption fail instead of returning altered data. Each file gets a
 * fresh random 256-bit key; the key file holds it in base64 on one line (the form secret
 * management services take).
 *
 * ## Checksum
 *
 * The checksum registered with the dataset (`dataset:create --checksum`) is the SHA-256 of the
 * **encrypted file**, as `0x`-prefixed bytes32. The encrypted file is what is published and
 * what a worker downloads, so it is what the worker can verify before using it: the checksum
 * binds the on-chain dataset to exactly one ciphertext (the owner cannot swap the file behind
 * the multiaddr later, and a corrupted or substituted download is detected before decryption).
 * A checksum of the plaintext could not be checked without the key, and would let anyone test
 * guesses of the content.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'crypto';
import { createReadStream } from 'fs';
import { chmod, open, rename, rm, stat, writeFile } from 'fs/promises';

/** The first bytes of every encrypted dataset: ASCII `PoCoDS`. */
export const DATASET_MAGIC = Buffer.from('PoCoDS', 'ascii');
/** The format version this module writes and reads. */
export const DATASET_FORMAT_VERSION = 1;
export const HEADER_BYTES = DATASET_MAGIC.length + 1;
export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

const CIPHER = 'aes-256-gcm';
const HEADER = Buffer.concat([DATASET_MAGIC, Buffer.from([DATASET_FORMAT_VERSION])]);

/** A file that is not an encrypted dataset this module can read, or that does not authenticate. */
export class DatasetDecryptionError extends Error {}

/** A fresh random AES-256 key. */
export function generateDatasetKey(): Buffer {
    return randomBytes(KEY_BYTES);
}

/** The key as a key file holds it: base64, one line. */
export function encodeDatasetKey(key: Uint8Array): string {
    checkKey(key);
    return `${Buffer.from(key).toString('base64')}\n`;
}

/** Read a key file's content back into the 32-byte key. */
export function parseDatasetKey(text: string): Buffer {
    const trimmed = text.trim();
    const key = Buffer.from(trimmed, 'base64');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || key.length !== KEY_BYTES) {
        throw new DatasetDecryptionError(`not a dataset key: expected ${KEY_BYTES} bytes in base64`);
    }
    return key;
}

function checkKey(key: Uint8Array): void {
    if (key.length !== KEY_BYTES)
        throw new DatasetDecryptionError(`a dataset key is ${KEY_BYTES} bytes, not ${key.length}`);
}

/** Whether the bytes start like an encrypted dataset (magic only; decryption checks the rest). */
export function isEncryptedDataset(bytes: Uint8Array): boolean {
    return Buffer.from(bytes.subarray(0, DATASET_MAGIC.length)).equals(DATASET_MAGIC);
}

/** Encrypt a dataset in memory (see the file format above). */
export function encryptDataset(plaintext: Uint8Array, key: Uint8Array, iv: Uint8Array = randomBytes(IV_BYTES)): Buffer {
    checkKey(key);
    if (iv.length !== IV_BYTES) throw new Error(`the IV is ${IV_BYTES} bytes, not ${iv.length}`);
    const cipher = createCipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(HEADER);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([HEADER, iv, ciphertext, cipher.getAuthTag()]);
}

/**
 * Decrypt an encrypted dataset, checking its authentication tag: fails with a
 * {@link DatasetDecryptionError} on a file of another format, a wrong key or any tampering.
 *
 * @param key The 32-byte key, or a key file's content (base64).
 */
export function decryptDataset(encrypted: Uint8Array, key: Uint8Array | string): Buffer {
    const rawKey = typeof key === 'string' ? parseDatasetKey(key) : Buffer.from(key);
    checkKey(rawKey);
    const data = Buffer.from(encrypted);
    if (!isEncryptedDataset(data)) throw new DatasetDecryptionError('not an encrypted dataset (no PoCoDS header)');
    const version = data[DATASET_MAGIC.length];
    if (version !== DATASET_FORMAT_VERSION) {
        throw new DatasetDecryptionError(`unsupported encrypted dataset version ${version}`);
    }
    if (data.length < HEADER_BYTES + IV_BYTES + TAG_BYTES) {
        throw new DatasetDecryptionError('truncated encrypted dataset');
    }
    const iv = data.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
    const ciphertext = data.subarray(HEADER_BYTES + IV_BYTES, data.length - TAG_BYTES);
    const tag = data.subarray(data.length - TAG_BYTES);
    const decipher = createDecipheriv(CIPHER, rawKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(data.subarray(0, HEADER_BYTES));
    decipher.setAuthTag(tag);
    const plaintext = decipher.update(ciphertext);
    try {
        return Buffer.concat([plaintext, decipher.final()]);
    } catch {
        throw new DatasetDecryptionError('authentication failed: wrong key, or the file was modified');
    }
}

/** The checksum to register for a dataset: the SHA-256 of its (encrypted) bytes, as bytes32. */
export function datasetChecksum(bytes: Uint8Array): string {
    return `0x${createHash('sha256').update(bytes).digest('hex')}`;
}

/** {@link datasetChecksum} of a file, read as a stream. */
export async function fileChecksum(path: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return `0x${hash.digest('hex')}`;
}

export interface EncryptFileResult {
    /** The SHA-256 of the encrypted file, to register. */
    checksum: string;
    /** Size of the encrypted file in bytes. */
    size: number;
}

/**
 * Encrypt a file with a fresh key, streaming: writes the encrypted file (through a temporary file
 * renamed at the end) and the key file (mode 0600). Existing outputs are replaced only with
 * `force`; without it the call fails before writing anything.
 */
export async function encryptDatasetFile(
    input: string,
    output: string,
    keyFile: string,
    options: { force?: boolean; key?: Uint8Array } = {},
): Promise<EncryptFileResult> {
    const key = options.key ?? generateDatasetKey();
    checkKey(key);
    if (!options.force) {
        for (const path of [output, keyFile]) {
            if (await exists(path)) throw new Error(`${path} exists already`);
        }
    }
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(HEADER);
    const temporary = `${output}.${randomBytes(6).toString('hex')}.tmp`;
    const hash = createHash('sha256');
    let size = 0;
    const file = await open(temporary, 'wx', 0o644);
    try {
        const write = async (chunk: Buffer) => {
            if (chunk.length === 0) return;
            hash.update(chunk);
            size += chunk.length;
            await file.write(chunk);
        };
        await write(HEADER);
        await write(iv);
        for await (const chunk of createReadStream(input)) await write(cipher.update(chunk as Buffer));
        await write(cipher.final());
        await write(cipher.getAuthTag());
        await file.close();
        await writeFile(keyFile, encodeDatasetKey(key), { mode: 0o600, flag: options.force ? 'w' : 'wx' });
        // writeFile keeps the mode of a file it overwrites: set it in every case.
        await chmod(keyFile, 0o600);
        await rename(temporary, output);
    } catch (error) {
        await file.close().catch(() => undefined);
        await rm(temporary, { force: true });
        throw error;
    }
    return { checksum: `0x${hash.digest('hex')}`, size };
}

async function exists(path: string): Promise<boolean> {
    try {
        await stat(path);
        return true;
    } catch {
        return false;
    }
}
