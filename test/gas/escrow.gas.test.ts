import { expect } from 'chai';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import type { ContractTransactionResponse } from 'ethers';
import { NRLC_PER_RLC, WEI_PER_NRLC } from '../../sdk/units';
import { nativeHubFixture, tokenHubFixture } from '../helpers/hub';

/**
 * Gas of the escrow paths users pay for (receipt `gasUsed` on the in-process Hardhat network),
 * against the reference's figures: these bounds must only ever go down.
 */
const BOUNDS = {
    /** RLC.approveAndCall(hub, amount, "0x") by an account with no escrow balance yet. */
    firstDeposit: 82_273n,
    /** The same by an account that has an escrow balance already. */
    repeatDeposit: 68_059n,
    /** withdraw(amount), leaving a balance. */
    withdraw: 57_721n,
};

async function gasOf(tx: Promise<ContractTransactionResponse>): Promise<bigint> {
    const receipt = await (await tx).wait();
    return receipt!.gasUsed;
}

describe('Escrow gas @gas', function () {
    const measured: Record<string, bigint> = {};

    after(function () {
        console.log(
            '      gas used: ' +
                Object.entries(measured)
                    .map(([k, v]) => `${k} ${v}`)
                    .join(', '),
        );
    });

    /** A token hub that already escrows someone else's RLC (as any live hub does). */
    async function usedTokenHub() {
        const hub = await loadFixture(tokenHubFixture);
        const [first, alice] = hub.accounts;
        await hub.rlc!.connect(first).approveAndCall(hub.hubAddress, 10n * NRLC_PER_RLC, '0x');
        return { ...hub, rlc: hub.rlc!, alice };
    }

    it(`deposits with approveAndCall for less than ${BOUNDS.firstDeposit} gas the first time`, async function () {
        const { rlc, hubAddress, alice } = await usedTokenHub();
        measured.firstDeposit = await gasOf(rlc.connect(alice).approveAndCall(hubAddress, NRLC_PER_RLC, '0x'));
        expect(measured.firstDeposit).to.be.lessThan(BOUNDS.firstDeposit);
    });

    it(`deposits with approveAndCall for less than ${BOUNDS.repeatDeposit} gas the next times`, async function () {
        const { rlc, hubAddress, alice } = await usedTokenHub();
        await rlc.connect(alice).approveAndCall(hubAddress, NRLC_PER_RLC, '0x');
        measured.repeatDeposit = await gasOf(rlc.connect(alice).approveAndCall(hubAddress, NRLC_PER_RLC, '0x'));
        expect(measured.repeatDeposit).to.be.lessThan(BOUNDS.repeatDeposit);
    });

    it(`withdraws for less than ${BOUNDS.withdraw} gas`, async function () {
        const { hub, rlc, hubAddress, alice } = await usedTokenHub();
        await rlc.connect(alice).approveAndCall(hubAddress, 2n * NRLC_PER_RLC, '0x');
        measured.withdraw = await gasOf(hub.escrow.connect(alice).withdraw(NRLC_PER_RLC));
        expect(measured.withdraw).to.be.lessThan(BOUNDS.withdraw);
    });

    it('deposits and withdraws the native coin for less than the token flavour', async function () {
        const { hub, accounts } = await loadFixture(nativeHubFixture);
        const [first, alice] = accounts;
        await hub.escrowNative.connect(first).deposit({ value: 10n * WEI_PER_NRLC });
        measured.nativeFirstDeposit = await gasOf(
            hub.escrowNative.connect(alice).deposit({ value: 2n * WEI_PER_NRLC }),
        );
        measured.nativeRepeatDeposit = await gasOf(hub.escrowNative.connect(alice).deposit({ value: WEI_PER_NRLC }));
        measured.nativeWithdraw = await gasOf(hub.escrow.connect(alice).withdraw(1n));
        expect(measured.nativeFirstDeposit).to.be.lessThan(BOUNDS.firstDeposit);
        expect(measured.nativeRepeatDeposit).to.be.lessThan(BOUNDS.repeatDeposit);
        expect(measured.nativeWithdraw).to.be.lessThan(BOUNDS.withdraw);
    });
});
