/**
 * Gas and size snapshots. Gas tests record numbers with {@link recordGas} / {@link recordSize};
 * {@link checkSnapshot} (in an `after` hook) compares them with the committed `gas/snapshot.json`
 * and fails on any difference, so a change that moves a number shows in the diff. `npm run gas`
 * (UPDATE_GAS_SNAPSHOT=1) rewrites the file instead.
 */
import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ethers, network } from 'hardhat';
import { toQuantity, type TransactionReceipt } from 'ethers';

export const SNAPSHOT_FILE = join(__dirname, '../../gas/snapshot.json');

type Section = 'gasUsed' | 'bytecodeSize';
type Snapshot = Record<Section, Record<string, number>>;

const recorded: Snapshot = { gasUsed: {}, bytecodeSize: {} };

/**
 * Make the next contracts `account` deploys land at fixed addresses: its nonce becomes `nonce`.
 * Gas fixtures call it first, so that recorded figures do not depend on which tests ran before
 * (addresses are in the calldata, whose zero bytes cost less, and in what is signed). Each gas
 * fixture pins its own nonce, higher than the previous ones' (`hardhat_setNonce` cannot go back).
 */
export async function pinNonce(account: string, nonce: number): Promise<void> {
    const current = await ethers.provider.getTransactionCount(account);
    if (current > nonce) {
        throw new Error(`cannot pin the nonce of ${account} to ${nonce}: it is ${current} already`);
    }
    await network.provider.send('hardhat_setNonce', [account, toQuantity(nonce)]);
}

/** Record the gas a transaction used (receipt `gasUsed`, what the user pays for). */
export function recordGas(name: string, receipt: TransactionReceipt | null): bigint {
    if (receipt === null) throw new Error(`no receipt for ${name}`);
    recorded.gasUsed[name] = Number(receipt.gasUsed);
    return receipt.gasUsed;
}

/** Record a gas figure made of several transactions (the sum of their receipts' `gasUsed`). */
export function recordGasTotal(name: string, receipts: (TransactionReceipt | null)[]): bigint {
    let total = 0n;
    for (const receipt of receipts) {
        if (receipt === null) throw new Error(`no receipt for a transaction of ${name}`);
        total += receipt.gasUsed;
    }
    recorded.gasUsed[name] = Number(total);
    return total;
}

/** Record the runtime bytecode size of a contract. */
export function recordSize(name: string, bytes: number): void {
    recorded.bytecodeSize[name] = bytes;
}

function readSnapshot(): Snapshot {
    if (!existsSync(SNAPSHOT_FILE)) return { gasUsed: {}, bytecodeSize: {} };
    return JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Snapshot;
}

const sorted = (entries: Record<string, number>) =>
    Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));

/**
 * Compare what `section` recorded with the committed snapshot, or write it with
 * UPDATE_GAS_SNAPSHOT=1. Entries of other sections and names not recorded in this run are kept.
 */
export function checkSnapshot(section: Section): void {
    const snapshot = readSnapshot();
    if (process.env.UPDATE_GAS_SNAPSHOT === '1') {
        snapshot[section] = sorted({ ...(snapshot[section] ?? {}), ...recorded[section] });
        writeFileSync(SNAPSHOT_FILE, JSON.stringify(snapshot, null, 2) + '\n');
        return;
    }
    const expected = Object.fromEntries(Object.keys(recorded[section]).map((k) => [k, snapshot[section]?.[k]]));
    expect(
        recorded[section],
        `${section} differs from gas/snapshot.json: run \`npm run gas\` and commit it`,
    ).to.deep.equal(expected);
}
