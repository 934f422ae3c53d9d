/**
 * The files the `iexec` CLI reads from its working directory, written without prompts:
 * `chain.json` (one local chain: our node, our hub, the SMS stand-in), V3 keystores for the
 * actors, and edits of `iexec.json` (the CLI's `* init` commands write templates into it, the
 * scenario then sets the fields it needs).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { encryptKeystoreJsonSync, HDNodeWallet, Mnemonic } from 'ethers';

/** Hardhat's default accounts (publicly known keys: local chains only). */
export const HARDHAT_MNEMONIC = 'test test test test test test test test test test test junk';

export interface Actor {
    index: number;
    address: string;
    privateKey: string;
}

/** Hardhat's public accounts #0 … #(count-1). */
export function hardhatAccounts(count: number): Actor[] {
    const mnemonic = Mnemonic.fromPhrase(HARDHAT_MNEMONIC);
    return Array.from({ length: count }, (_, index) => {
        const wallet = HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${index}`);
        return { index, address: wallet.address, privateKey: wallet.privateKey };
    });
}

/** One chain of `chain.json`. v9's schema is strict: only these keys are allowed. */
export interface ChainEntry {
    /** Chain id as a string. Never 42161/421614: those pull in iExec's production service URLs. */
    id: string;
    host: string;
    hub: string;
    sms?: string;
}

/** Write `chain.json` with `chain` as the only and default chain. */
export function writeChainJson(dir: string, name: string, chain: ChainEntry): void {
    writeFileSync(
        join(dir, 'chain.json'),
        `${JSON.stringify({ default: name, chains: { [name]: chain } }, null, 2)}\n`,
    );
}

/**
 * Write a V3 keystore per actor into `keystoreDir`, named as `iexec wallet import` names them
 * (`UTC--<date>--<address without 0x>`), which is how `--wallet-address` finds them. The scrypt
 * cost is lowered (N = 2^12 instead of the SDK's 2^17): every signing command decrypts its
 * keystore, and the SDK reads the cost from the file.
 */
export function writeKeystores(keystoreDir: string, actors: readonly Actor[], password: string): void {
    mkdirSync(keystoreDir, { recursive: true });
    const date = new Date()
        .toISOString()
        .replace(/:/g, '-')
        .replace(/\.(\d{3})Z$/, '.$1000000Z');
    for (const { address, privateKey } of actors) {
        const json = encryptKeystoreJsonSync({ address, privateKey }, password, { scrypt: { N: 1 << 12 } });
        writeFileSync(join(keystoreDir, `UTC--${date}--${address.slice(2)}`), json);
    }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Set `path` (dot-separated) of the JSON file `file` to `value`, creating objects on the way. */
export function setJsonField(file: string, path: string, value: Json): void {
    const root = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Json>;
    const keys = path.split('.');
    let node: Record<string, Json> = root;
    for (const key of keys.slice(0, -1)) {
        const next = node[key];
        if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
        node = node[key] as Record<string, Json>;
    }
    node[keys[keys.length - 1]] = value;
    writeFileSync(file, `${JSON.stringify(root, null, 2)}\n`);
}

/** Read `path` (dot-separated) of the JSON file `file`. */
export function getJsonField(file: string, path: string): Json | undefined {
    let node: Json | undefined = JSON.parse(readFileSync(file, 'utf8')) as Json;
    for (const key of path.split('.')) {
        if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
        node = node[key];
    }
    return node;
}
