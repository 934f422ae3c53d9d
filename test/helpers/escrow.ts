import { expect } from 'chai';
import { ethers } from 'hardhat';
import { impersonateAccount, setBalance } from '@nomicfoundation/hardhat-network-helpers';
import type { ContractTransactionResponse } from 'ethers';
import type { HardhatEthersSigner } from '@nomicfoundation/hardhat-ethers/signers';
import type { Flavour } from '../../sdk/networks';
import { WEI_PER_NRLC } from '../../sdk/units';
import type { Hub } from './hub';

/** The kitty's address (spec marketplace §6.6). */
export const KITTY_ADDRESS = '0x99c2268479b93fDe36232351229815DF80837e23';

/**
 * What differs between the flavours, behind one interface, so that a behaviour is written once:
 * how to deposit with the facet's own functions, and what "held outside the escrow" means (RLC
 * in nRLC on the token flavour, coins in wei on the native flavour).
 */
export interface EscrowDriver {
    flavour: Flavour;
    /** `amount` nRLC in the escrowed asset's unit (nRLC, or wei). */
    toAsset(amount: bigint): bigint;
    /** Deposit `amount` nRLC for `target` (default: the signer), paying exactly. */
    deposit(signer: HardhatEthersSigner, amount: bigint, target?: string): Promise<ContractTransactionResponse>;
    /** `depositForArray`, paying exactly the sum. */
    depositForArray(
        signer: HardhatEthersSigner,
        amounts: bigint[],
        targets: string[],
    ): Promise<ContractTransactionResponse>;
    /** What `account` holds outside the escrow, in the asset's unit. */
    walletOf(account: string): Promise<bigint>;
    /** What the hub holds, in the asset's unit. */
    held(): Promise<bigint>;
    /** Give the hub `amount` nRLC worth of the asset without depositing. */
    donate(amount: bigint): Promise<void>;
    /** Assert the wallet changes (in nRLC) a transaction made, fees aside. */
    expectWalletChanges(
        tx: Promise<ContractTransactionResponse> | ContractTransactionResponse,
        accounts: string[],
        deltas: bigint[],
    ): Promise<void>;
}

/** The driver of a hub from `deployHub`. */
export function escrowDriver(hub: Hub): EscrowDriver {
    const { hubAddress } = hub;
    if (hub.flavour === 'token') {
        const rlc = hub.rlc!;
        return {
            flavour: 'token',
            toAsset: (amount) => amount,
            async deposit(signer, amount, target) {
                await rlc.connect(signer).approve(hubAddress, amount);
                const escrow = hub.hub.escrowToken.connect(signer);
                return target === undefined ? escrow.deposit(amount) : escrow.depositFor(amount, target);
            },
            async depositForArray(signer, amounts, targets) {
                await rlc.connect(signer).approve(
                    hubAddress,
                    amounts.reduce((a, b) => a + b, 0n),
                );
                return hub.hub.escrowToken.connect(signer).depositForArray(amounts, targets);
            },
            walletOf: (account) => rlc.balanceOf(account),
            held: () => rlc.balanceOf(hubAddress),
            async donate(amount) {
                await rlc.transfer(hubAddress, amount);
            },
            async expectWalletChanges(tx, accounts, deltas) {
                await expect(tx).to.changeTokenBalances(rlc, accounts, deltas);
            },
        };
    }
    const provider = ethers.provider;
    return {
        flavour: 'native',
        toAsset: (amount) => amount * WEI_PER_NRLC,
        async deposit(signer, amount, target) {
            const escrow = hub.hub.escrowNative.connect(signer);
            const value = amount * WEI_PER_NRLC;
            return target === undefined ? escrow.deposit({ value }) : escrow.depositFor(target, { value });
        },
        async depositForArray(signer, amounts, targets) {
            const value = amounts.reduce((a, b) => a + b, 0n) * WEI_PER_NRLC;
            return hub.hub.escrowNative.connect(signer).depositForArray(amounts, targets, { value });
        },
        walletOf: (account) => provider.getBalance(account),
        held: () => provider.getBalance(hubAddress),
        async donate(amount) {
            await setBalance(hubAddress, (await provider.getBalance(hubAddress)) + amount * WEI_PER_NRLC);
        },
        async expectWalletChanges(tx, accounts, deltas) {
            await expect(tx).to.changeEtherBalances(
                accounts,
                deltas.map((d) => d * WEI_PER_NRLC),
            );
        },
    };
}

/** A signer for `address` (a contract, the kitty, ...), funded with 1 ETH for its gas. */
export async function impersonate(address: string): Promise<HardhatEthersSigner> {
    await impersonateAccount(address);
    await setBalance(address, 10n ** 18n);
    return ethers.getSigner(address);
}
