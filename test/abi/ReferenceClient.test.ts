import { expect } from 'chai';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { Contract, Interface, ZeroAddress, type ContractTransactionReceipt, type InterfaceAbi } from 'ethers';
import tokenReference from '../fixtures/reference-abi/IexecInterfaceToken.json';
import nativeReference from '../fixtures/reference-abi/IexecInterfaceNative.json';
import type { Flavour } from '../../sdk/networks';
import { NRLC_PER_RLC, WEI_PER_NRLC } from '../../sdk/units';
import { hubFixture } from '../helpers/hub';

const REFERENCES: Record<Flavour, InterfaceAbi> = {
    token: tokenReference as InterfaceAbi,
    native: nativeReference as InterfaceAbi,
};

/** The names of the events of `receipt` that `iface` recognises, emitted by `address`. */
function eventsOf(receipt: ContractTransactionReceipt, iface: Interface, address: string): string[] {
    return receipt.logs
        .filter((log) => log.address.toLowerCase() === address.toLowerCase())
        .map((log) => iface.parseLog(log)?.name)
        .filter((name): name is string => name !== undefined);
}

/**
 * A client that only knows the reference ABI of `@iexec/poco` 6.1 — as the `iexec` SDK v9 does —
 * runs the account commands of the SDK against our hub: `account deposit / show / withdraw /
 * approve / allowance / revoke`, with the checks the SDK makes on the receipts.
 */
describe('A client of the reference ABI (iexec SDK v9 account commands)', function () {
    for (const flavour of ['token', 'native'] as const) {
        it(`deposits, shows, withdraws, approves, reads and revokes an allowance (${flavour} flavour)`, async function () {
            const { hubAddress, rlc, accounts } = await loadFixture(hubFixture(flavour));
            const [user, spender] = accounts;
            const iexec = new Contract(hubAddress, REFERENCES[flavour], user);
            const amount = 5n * NRLC_PER_RLC;

            // account deposit: the SDK reads token() to know the flavour.
            const token = (await iexec.token()) as string;
            expect(token === ZeroAddress).to.equal(flavour === 'native');
            let receipt: ContractTransactionReceipt;
            if (flavour === 'token') {
                receipt = (await (await rlc!.connect(user).approveAndCall(hubAddress, amount, '0x')).wait())!;
                expect(eventsOf(receipt, rlc!.interface, token)).to.include('Approval');
            } else {
                receipt = (await (await iexec.deposit({ value: amount * WEI_PER_NRLC })).wait())!;
            }
            expect(eventsOf(receipt, iexec.interface, hubAddress)).to.include('Transfer');

            // account show
            const account = await iexec.viewAccount(user.address);
            expect([account.stake, account.locked]).to.deep.equal([amount, 0n]);

            // account withdraw
            receipt = (await (await iexec.withdraw(NRLC_PER_RLC)).wait())!;
            expect(eventsOf(receipt, iexec.interface, hubAddress)).to.include('Transfer');
            expect((await iexec.viewAccount(user.address)).stake).to.equal(amount - NRLC_PER_RLC);

            // account approve / allowance / revoke
            receipt = (await (await iexec.approve(spender.address, NRLC_PER_RLC)).wait())!;
            expect(eventsOf(receipt, iexec.interface, hubAddress)).to.include('Approval');
            expect(await iexec.allowance(user.address, spender.address)).to.equal(NRLC_PER_RLC);
            receipt = (await (await iexec.approve(spender.address, 0n)).wait())!;
            expect(eventsOf(receipt, iexec.interface, hubAddress)).to.include('Approval');
            expect(await iexec.allowance(user.address, spender.address)).to.equal(0n);
        });
    }
});
