/**
 * Escrow bookkeeping for task tests: snapshots of free and frozen balances of named accounts,
 * expected changes between two snapshots, and the conservation check (no RLC created or lost).
 */
import { expect } from 'chai';
import { ethers } from 'hardhat';
import { ZeroAddress } from 'ethers';
import { RLC__factory } from '../../typechain-types';
import { WEI_PER_NRLC } from '../../sdk/units';
import { KITTY_ADDRESS } from './escrow';
import type { TaskContext } from './deals';

/** An escrow account, in nRLC. */
export interface Balance {
    free: bigint;
    frozen: bigint;
}

export type Ledger<K extends string> = Record<K, Balance>;

/** The free and frozen balances of each named account (and of the kitty and the hub, as `kitty` and `hub`). */
export async function readLedger<K extends string>(
    context: TaskContext,
    accounts: Record<K, string>,
): Promise<Ledger<K | 'kitty' | 'hub'>> {
    const all = { ...accounts, kitty: KITTY_ADDRESS, hub: context.hubAddress } as Record<K | 'kitty' | 'hub', string>;
    const entries = await Promise.all(
        Object.entries<string>(all).map(async ([name, address]) => {
            const { stake, locked } = await context.task.erc20.viewAccount(address);
            return [name, { free: stake, frozen: locked }] as const;
        }),
    );
    return Object.fromEntries(entries) as Ledger<K | 'kitty' | 'hub'>;
}

/**
 * Expect `after - before` to be `changes` for the named accounts, and zero for every other
 * account of the snapshots (the hub included: give it explicitly when it changes).
 */
export function expectChanges<K extends string>(
    before: Ledger<K>,
    after: Ledger<K>,
    changes: Partial<Record<K, Partial<Balance>>>,
): void {
    const actual: Record<string, Balance> = {};
    const expected: Record<string, Balance> = {};
    for (const name of Object.keys(before) as K[]) {
        actual[name] = {
            free: after[name].free - before[name].free,
            frozen: after[name].frozen - before[name].frozen,
        };
        expected[name] = { free: changes[name]?.free ?? 0n, frozen: changes[name]?.frozen ?? 0n };
    }
    expect(actual).to.deep.equal(expected);
}

/** What the hub holds, in nRLC: its RLC (token flavour) or its coins / 10^9 (native flavour). */
export async function heldByHub(context: TaskContext): Promise<bigint> {
    if (context.flavour === 'token') {
        const token = await context.hub.configuration.token();
        return RLC__factory.connect(token, ethers.provider).balanceOf(context.hubAddress);
    }
    return (await ethers.provider.getBalance(context.hubAddress)) / WEI_PER_NRLC;
}

/**
 * No RLC created or lost: what the hub holds == total supply == Σ (free + frozen) over `accounts`
 * (every account that ever held escrow, the kitty added here), and the hub's own free balance is
 * the sum of every frozen balance.
 */
export async function expectConservation(context: TaskContext, accounts: string[]): Promise<void> {
    const unique = [...new Set([...accounts, KITTY_ADDRESS].map((a) => a.toLowerCase()))].filter(
        (a) => a !== context.hubAddress.toLowerCase() && a !== ZeroAddress,
    );
    const balances = await Promise.all(unique.map((a) => context.task.erc20.viewAccount(a)));
    const free = balances.reduce((sum, b) => sum + b.stake, 0n);
    const frozen = balances.reduce((sum, b) => sum + b.locked, 0n);
    const hub = await context.task.erc20.viewAccount(context.hubAddress);
    const supply = await context.task.erc20.totalSupply();
    expect(hub.stake, 'hub balance == Σ frozen').to.equal(frozen);
    expect(hub.locked, 'the hub has nothing frozen').to.equal(0n);
    expect(supply, 'total supply == Σ free + frozen').to.equal(free + frozen);
    expect(await heldByHub(context), 'held == total supply').to.equal(supply);
}
