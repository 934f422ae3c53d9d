import { task } from 'hardhat/config';
import { formatEther } from 'ethers';
import { RLC__factory } from '../../typechain-types';
import { accountOf, escrowKindOf } from '../../sdk/escrow';
import { describeAmount } from '../../sdk/units';
import { resolveHub, resolveSigner } from '../lib/context';
import { address } from '../lib/types';

interface ShowArgs {
    account?: string;
    hub?: string;
}

task('account:show', 'Show the free and frozen balances of an escrow account, in RLC and nRLC')
    .addOptionalPositionalParam(
        'account',
        'The account (default: the first account of the network)',
        undefined,
        address,
    )
    .addOptionalParam('hub', 'The hub (default: the PocoDiamond deployment of the network)', undefined, address)
    .setAction(async (args: ShowArgs, hre) => {
        const hub = await resolveHub(hre, args.hub);
        const account = args.account ?? (await resolveSigner(hre)).address;
        const provider = hre.ethers.provider;
        const [{ flavour, token }, { free, frozen }] = await Promise.all([
            escrowKindOf(provider, hub),
            accountOf(provider, hub, account),
        ]);
        const wallet =
            flavour === 'token'
                ? describeAmount(await RLC__factory.connect(token, provider).balanceOf(account))
                : `${formatEther(await provider.getBalance(account))} (native coin)`;
        console.log(
            [
                `Escrow account ${account} on hub ${hub} (${flavour} flavour)`,
                `  free:   ${describeAmount(free)}`,
                `  frozen: ${describeAmount(frozen)}`,
                `  wallet: ${wallet}`,
            ].join('\n'),
        );
        return { hub, flavour, account, free, frozen };
    });
