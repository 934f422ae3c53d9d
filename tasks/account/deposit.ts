import { task, types } from 'hardhat/config';
import { accountOf, deposit, escrowKindOf } from '../../sdk/escrow';
import { RLC_UNITS, describeAmount } from '../../sdk/units';
import { resolveHub, resolveSigner } from '../lib/context';
import { describeFailure } from '../lib/errors';
import { address, amountArgument } from '../lib/types';

interface DepositArgs {
    amount: string;
    unit: string;
    target?: string;
    hub?: string;
    from?: string;
}

task(
    'account:deposit',
    'Deposit into an escrow account: RLC on a token-flavour hub (approveAndCall), the native coin (10^9 wei per nRLC) on a native-flavour hub',
)
    .addPositionalParam('amount', 'The amount to deposit', undefined, types.string)
    .addOptionalPositionalParam('unit', `Unit of the amount: ${RLC_UNITS.join(' or ')}`, 'nRLC', types.string)
    .addOptionalParam('target', 'The account credited (default: the payer)', undefined, address)
    .addOptionalParam('hub', 'The hub (default: the PocoDiamond deployment of the network)', undefined, address)
    .addOptionalParam('from', 'The paying account (default: the first account of the network)', undefined, address)
    .setAction(async (args: DepositArgs, hre) => {
        const amount = amountArgument(args.amount, args.unit);
        const hub = await resolveHub(hre, args.hub);
        const signer = await resolveSigner(hre, args.from);
        const target = args.target ?? signer.address;
        const { flavour } = await escrowKindOf(signer, hub);
        let receipts;
        try {
            receipts = await deposit(signer, hub, amount, { target });
        } catch (error) {
            throw describeFailure(`Depositing ${describeAmount(amount)}`, error);
        }
        const account = await accountOf(signer, hub, target);
        console.log(
            `Deposited ${describeAmount(amount)} for ${target} on hub ${hub} (${flavour} flavour); ` +
                `free balance now ${describeAmount(account.free)}`,
        );
        return { hub, flavour, account: target, amount, transactions: receipts.map((r) => r.hash), ...account };
    });
