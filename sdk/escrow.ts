/**
 * Escrow client: deposit, withdraw and read escrow accounts on a PoCo hub of either flavour (the
 * flavour is read from the hub: `token()` is the RLC address, or zero on the native flavour). Used
 * by the `account:*` tasks and the tests.
 */
import { ZeroAddress, type ContractRunner, type ContractTransactionReceipt, type Signer } from 'ethers';
import {
    ConfigurationFacet__factory,
    EscrowERC20Facet__factory,
    EscrowNativeFacet__factory,
    EscrowTokenFacet__factory,
    RLC__factory,
} from '../typechain-types';
import type { Flavour } from './networks';
import { nRLCToWei } from './units';

/** How a hub escrows: the RLC token (token flavour) or the chain's coin (native flavour). */
export interface EscrowKind {
    flavour: Flavour;
    /** The RLC token, or the zero address on the native flavour. */
    token: string;
}

/** An escrow account, in nRLC. */
export interface EscrowAccount {
    /** Free balance: withdrawable, transferable. */
    free: bigint;
    /** Frozen balance: locked by deals and contributions. */
    frozen: bigint;
}

/** What backs a hub's escrow. */
export interface EscrowBacking {
    flavour: Flavour;
    /** RLC (in nRLC) or coins (in wei) the hub holds. */
    held: bigint;
    /** The total supply of SRLC, in nRLC. */
    totalSupply: bigint;
}

/** Read how `hub` escrows. */
export async function escrowKindOf(runner: ContractRunner, hub: string): Promise<EscrowKind> {
    const token = await ConfigurationFacet__factory.connect(hub, runner).token();
    return { flavour: token === ZeroAddress ? 'native' : 'token', token };
}

/** Read the free and frozen balances of `account` on `hub`. */
export async function accountOf(runner: ContractRunner, hub: string, account: string): Promise<EscrowAccount> {
    const { stake, locked } = await EscrowERC20Facet__factory.connect(hub, runner).viewAccount(account);
    return { free: stake, frozen: locked };
}

/** Read what the hub holds and what it owes (`held` is in wei on the native flavour). */
export async function backingOf(runner: ContractRunner, hub: string): Promise<EscrowBacking> {
    const provider = runner.provider;
    if (!provider) throw new Error('backingOf needs a runner with a provider');
    const [{ flavour, token }, totalSupply] = await Promise.all([
        escrowKindOf(runner, hub),
        EscrowERC20Facet__factory.connect(hub, runner).totalSupply(),
    ]);
    const held =
        flavour === 'native'
            ? await provider.getBalance(hub)
            : await RLC__factory.connect(token, runner).balanceOf(hub);
    return { flavour, held, totalSupply };
}

async function mined(tx: { wait(): Promise<ContractTransactionReceipt | null> }): Promise<ContractTransactionReceipt> {
    const receipt = await tx.wait();
    if (receipt === null) throw new Error('The transaction was dropped');
    return receipt;
}

/**
 * Deposit `amount` nRLC from `signer` to the escrow of `target` (default: the signer). Token
 * flavour: one `RLC.approveAndCall(hub, amount, "0x")` for the signer itself (as the `iexec` SDK
 * does), or `approve` + `depositFor` for another target. Native flavour: `deposit` or
 * `depositFor` paying `amount × 10^9` wei (no dust).
 * @returns The receipts of the transactions sent, in order.
 */
export async function deposit(
    signer: Signer,
    hub: string,
    amount: bigint,
    options: { target?: string } = {},
): Promise<ContractTransactionReceipt[]> {
    const { flavour, token } = await escrowKindOf(signer, hub);
    const self = await signer.getAddress();
    const target = options.target ?? self;
    if (flavour === 'native') {
        const escrow = EscrowNativeFacet__factory.connect(hub, signer);
        const value = nRLCToWei(amount);
        const tx =
            target.toLowerCase() === self.toLowerCase()
                ? await escrow.deposit({ value })
                : await escrow.depositFor(target, { value });
        return [await mined(tx)];
    }
    const rlc = RLC__factory.connect(token, signer);
    if (target.toLowerCase() === self.toLowerCase()) {
        return [await mined(await rlc.approveAndCall(hub, amount, '0x'))];
    }
    const approval = await mined(await rlc.approve(hub, amount));
    const escrow = EscrowTokenFacet__factory.connect(hub, signer);
    return [approval, await mined(await escrow.depositFor(amount, target))];
}

/**
 * Withdraw `amount` nRLC of the free balance of `signer`, paid to `to` (default: the signer) in
 * RLC or, on the native flavour, in `amount × 10^9` wei.
 */
export async function withdraw(
    signer: Signer,
    hub: string,
    amount: bigint,
    options: { to?: string } = {},
): Promise<ContractTransactionReceipt> {
    // withdraw and withdrawTo have the same signature on both flavours.
    const escrow = EscrowTokenFacet__factory.connect(hub, signer);
    const self = await signer.getAddress();
    const to = options.to ?? self;
    const tx =
        to.toLowerCase() === self.toLowerCase() ? await escrow.withdraw(amount) : await escrow.withdrawTo(amount, to);
    return mined(tx);
}
