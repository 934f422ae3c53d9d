import { expect } from 'chai';
import { ethers } from 'hardhat';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import type { ContractTransactionResponse } from 'ethers';
import { NRLC_PER_RLC, WEI_PER_NRLC } from '../../sdk/units';
import { checkSnapshot, pinNonce, recordGas } from '../helpers/gas';
import { deployHub } from '../helpers/hub';

/**
 * Gas of the escrow paths users pay for (receipt `gasUsed` on the in-process Hardhat network),
 * against the reference's figures: these bounds must only ever go down. Recorded in
 * `gas/snapshot.json`; the hubs are deployed at fixed addresses (`pinNonce`), which are in the
 * calldata.
 */
const BOUNDS = {
    /** RLC.approveAndCall(hub, amount, "0x") by an account with no escrow balance yet. */
    firstDeposit: 82_273n,
    /** The same by an account that has an escrow balance already. */
    repeatDeposit: 68_059n,
    /** withdraw(amount), leaving a balance. */
    withdraw: 57_721n,
};

/** The hubs' owner nonces: each fixture deploys at its own fixed addresses. */
const TOKEN_HUB_NONCE = 3_000_000;
const NATIVE_HUB_NONCE = 4_000_000;

async function pinnedTokenHubFixture() {
    const [owner] = await ethers.getSigners();
    await pinNonce(owner.address, TOKEN_HUB_NONCE);
    return deployHub({ flavour: 'token' });
}

async function pinnedNativeHubFixture() {
    const [owner] = await ethers.getSigners();
    await pinNonce(owner.address, NATIVE_HUB_NONCE);
    return deployHub({ flavour: 'native' });
}

/** The gas a transaction used, recorded in the snapshot as `escrow: <name>`. */
async function gasOf(name: string, tx: Promise<ContractTransactionResponse>): Promise<bigint> {
    return recordGas(`escrow: ${name}`, await (await tx).wait());
}

describe('Escrow gas @gas', function () {
    const measured: Record<string, bigint> = {};

    after(function () {
        checkSnapshot('gasUsed');
        console.log(
            '      gas used: ' +
                Object.entries(measured)
                    .map(([k, v]) => `${k} ${v}`)
                    .join(', '),
        );
    });

    /** A token hub that already escrows someone else's RLC (as any live hub does). */
    async function usedTokenHub() {
        const hub = await loadFixture(pinnedTokenHubFixture);
        const [first, alice] = hub.accounts;
        await hub.rlc!.connect(first).approveAndCall(hub.hubAddress, 10n * NRLC_PER_RLC, '0x');
        return { ...hub, rlc: hub.rlc!, alice };
    }

    it(`deposits with approveAndCall for less than ${BOUNDS.firstDeposit} gas the first time`, async function () {
        const { rlc, hubAddress, alice } = await usedTokenHub();
        measured.firstDeposit = await gasOf(
            'approveAndCall deposit, first',
            rlc.connect(alice).approveAndCall(hubAddress, NRLC_PER_RLC, '0x'),
        );
        expect(measured.firstDeposit).to.be.lessThan(BOUNDS.firstDeposit);
    });

    it(`deposits with approveAndCall for less than ${BOUNDS.repeatDeposit} gas the next times`, async function () {
        const { rlc, hubAddress, alice } = await usedTokenHub();
        await rlc.connect(alice).approveAndCall(hubAddress, NRLC_PER_RLC, '0x');
        measured.repeatDeposit = await gasOf(
            'approveAndCall deposit, repeat',
            rlc.connect(alice).approveAndCall(hubAddress, NRLC_PER_RLC, '0x'),
        );
        expect(measured.repeatDeposit).to.be.lessThan(BOUNDS.repeatDeposit);
    });

    it(`withdraws for less than ${BOUNDS.withdraw} gas`, async function () {
        const { hub, rlc, hubAddress, alice } = await usedTokenHub();
        await rlc.connect(alice).approveAndCall(hubAddress, 2n * NRLC_PER_RLC, '0x');
        measured.withdraw = await gasOf('withdraw', hub.escrow.connect(alice).withdraw(NRLC_PER_RLC));
        expect(measured.withdraw).to.be.lessThan(BOUNDS.withdraw);
    });

    it('deposits and withdraws the native coin for less than the token flavour', async function () {
        const { hub, accounts } = await loadFixture(pinnedNativeHubFixture);
        const [first, alice] = accounts;
        await hub.escrowNative.connect(first).deposit({ value: 10n * WEI_PER_NRLC });
        measured.nativeFirstDeposit = await gasOf(
            'native deposit, first',
            hub.escrowNative.connect(alice).deposit({ value: 2n * WEI_PER_NRLC }),
        );
        measured.nativeRepeatDeposit = await gasOf(
            'native deposit, repeat',
            hub.escrowNative.connect(alice).deposit({ value: WEI_PER_NRLC }),
        );
        measured.nativeWithdraw = await gasOf('native withdraw', hub.escrow.connect(alice).withdraw(1n));
        expect(measured.nativeFirstDeposit).to.be.lessThan(BOUNDS.firstDeposit);
        expect(measured.nativeRepeatDeposit).to.be.lessThan(BOUNDS.repeatDeposit);
        expect(measured.nativeWithdraw).to.be.lessThan(BOUNDS.withdraw);
    });
});
