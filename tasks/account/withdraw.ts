import { task, types } from 'hardhat/config';
import { accountOf, escrowKindOf, withdraw } from '../../sdk/escrow';
import { RLC_UNITS, describeAmount } from '../../sdk/units';
import { resolveHub, resolveSigner } from '../lib/context';
import { TaskError, describeFailure } from '../lib/errors';
import { address, amountArgument } from '../lib/types';

interface WithdrawArgs {
    amount: string;
    unit: string;
    to?: string;
    hub?: string;
    from?: string;
}

task(
    'account:withdraw',
    'Withdraw from the free balance of an escrow account: paid in RLC on a token-flavour hub, in the native coin on a native-flavour hub',
)
    .addPositionalParam('amount', 'The amount to withdraw', undefined, types.string)
    .addOptionalPositionalParam('unit', `Unit of the amount: ${RLC_UNITS.join(' or ')}`, 'nRLC', types.string)
    .addOptionalParam('to', 'Who is paid (default: the account itself)', undefined, address)
    .addOptionalParam('hub', 'The hub (default: the PocoDiamond deployment of the network)', undefined, address)
    .addOptionalParam('from', 'The account (default: the first account of the network)', undefined, address)
    .setAction(async (args: WithdrawArgs, hre) => {
        const amount = amountArgument(args.amount, args.unit);
        const hub = await resolveHub(hre, args.hub);
        const signer = await resolveSigner(hre, args.from);
        const { flavour } = await escrowKindOf(signer, hub);
        const before = await accountOf(signer, hub, signer.address);
        if (amount > before.free) {
            throw new TaskError(
                `Cannot withdraw ${describeAmount(amount)}: the free balance of ${signer.address} is ` +
                    `${describeAmount(before.free)} (frozen: ${describeAmount(before.frozen)})`,
            );
        }
        const to = args.to ?? signer.address;
        let receipt;
        try {
            receipt = await withdraw(signer, hub, amount, { to });
        } catch (error) {
            throw describeFailure(`Withdrawing ${describeAmount(amount)}`, error);
        }
        const account = await accountOf(signer, hub, signer.address);
        console.log(
            `Withdrew ${describeAmount(amount)} from ${signer.address} to ${to} on hub ${hub} (${flavour} flavour); ` +
                `free balance now ${describeAmount(account.free)}`,
        );
        return { hub, flavour, account: signer.address, to, amount, transaction: receipt.hash, ...account };
    });
