import { Interface, ZeroAddress } from 'ethers';
import { task } from 'hardhat/config';
import type { HardhatRuntimeEnvironment } from 'hardhat/types';
import { DiamondCutFacet__factory, OwnershipFacet__factory } from '../../typechain-types';
import { DeployIds } from '../../sdk/deploy-ids';
import { saveHubDeployment } from '../../sdk/hardhat/hub';
import { cutOfPlan, isEmptyPlan, planUpgrade } from '../../sdk/upgrade';
import { resolveSigner } from '../lib/context';
import { describeError, runTask, TaskError } from '../lib/errors';
import {
    compiledFacets,
    facetNamer,
    facetSet,
    hubOf,
    loupeOf,
    parseNames,
    planLines,
    removesDiamondCut,
    signaturesOf,
} from '../lib/diamond';
import { address, hexBytes } from '../lib/types';

interface Args {
    from?: string;
    init?: string;
    initData?: string;
    extraFacets?: string;
    dryRun: boolean;
}

/** The initializer to run after the cut, checked against its compiled ABI. */
async function initializer(hre: HardhatRuntimeEnvironment, args: Args) {
    if (args.init === undefined && args.initData === undefined) return undefined;
    if (args.init === undefined) throw new TaskError('--init-data needs --init (the initializer contract)');
    if (args.initData === undefined)
        throw new TaskError('--init needs --init-data (the calldata to delegatecall it with)');
    const [name, data] = [args.init, args.initData];
    if (!(await hre.artifacts.artifactExists(name))) throw new TaskError(`--init: no compiled contract named ${name}`);
    const iface = new Interface((await hre.artifacts.readArtifact(name)).abi);
    const fn = data.length >= 10 ? iface.getFunction(data.slice(0, 10)) : null;
    if (fn === null) throw new TaskError(`--init-data: does not call a function of ${name}`);
    try {
        iface.decodeFunctionData(fn, data);
    } catch {
        throw new TaskError(`--init-data: is not a valid call of ${name}.${fn.format('sighash')}`);
    }
    return { name, data, iface, signature: fn.format('sighash') };
}

/** ` with Error(args)` when the revert data decodes with the cut facet's or the initializer's ABI. */
function revertReason(error: unknown, initIface?: Interface): string {
    const data = (error as { data?: string }).data;
    if (typeof data === 'string' && data.length >= 10) {
        for (const iface of [DiamondCutFacet__factory.createInterface(), initIface]) {
            const decoded = iface?.parseError(data);
            if (decoded) return ` with ${decoded.name}(${decoded.args.map(String).join(', ')})`;
        }
    }
    return `: ${describeError(error)}`;
}

task(
    'diamond:upgrade',
    "Deploy the changed facets of the network's flavour and apply the whole diff to the hub in one diamondCut, as its owner",
)
    .addOptionalParam('from', 'Account of the hub owner (default: the first account)', undefined, address)
    .addOptionalParam('init', 'Compiled contract to delegatecall after the cut (deployed if needed)')
    .addOptionalParam('initData', 'Calldata of the --init call (0x…)', undefined, hexBytes)
    .addOptionalParam(
        'extraFacets',
        'Comma-separated compiled contracts to count as facets too (e.g. a facet not yet listed in sdk/deploy-ids.ts)',
    )
    .addFlag('dryRun', 'Print what would be deployed and cut, and send nothing')
    .setAction(async (args: Args, hre) =>
        runTask('diamond:upgrade', async () => {
            const init = await initializer(hre, args);
            const { flavour, names } = facetSet(hre, parseNames(args.extraFacets, 'extra-facets'));
            const hub = await hubOf(hre);
            const signer = await resolveSigner(hre, args.from);
            const owner = await OwnershipFacet__factory.connect(hub.address, hre.ethers.provider).owner();
            const isOwner = owner.toLowerCase() === signer.address.toLowerCase();
            if (!isOwner && !args.dryRun) {
                throw new TaskError(
                    `${signer.address} is not the owner of the hub (${owner})` +
                        (args.from === undefined ? ': pass --from <owner>' : ''),
                );
            }

            let facets = await compiledFacets(hre, names);
            const { routes } = await loupeOf(hre, hub.address);
            const nameOf = await facetNamer(hre, hub.deployment);
            const signatures = await signaturesOf(hre);
            let plan = planUpgrade(routes, facets, nameOf);
            if (removesDiamondCut(plan)) {
                throw new TaskError('this upgrade would remove diamondCut: the hub could never be cut again');
            }
            if (isEmptyPlan(plan) && init === undefined) {
                console.log(`hub ${hub.address} (${flavour} flavour): no difference, nothing to do`);
                return;
            }
            console.log(
                `hub ${hub.address} (${flavour} flavour): ${plan.add.length} to add, ` +
                    `${plan.replace.length} to replace, ${plan.remove.length} to remove`,
            );
            for (const line of planLines(plan, signatures)) console.log(line);
            if (init !== undefined) console.log(`init     ${init.name}.${init.signature}`);
            if (args.dryRun) {
                if (!isOwner) console.log(`note: ${signer.address} is not the owner of the hub (${owner})`);
                console.log('dry run: nothing deployed, no transaction sent');
                return;
            }

            // Deploy what changed (hardhat-deploy reuses a deployment whose bytecode is unchanged),
            // then check that every facet's deployment holds the compiled code.
            for (const name of plan.deploy) {
                const result = await hre.deployments.deploy(name, { contract: name, from: signer.address });
                if (result.newlyDeployed) console.log(`deployed ${name} ${result.address}`);
            }
            facets = await compiledFacets(hre, names);
            const stale = facets.find((f) => f.address === undefined);
            if (stale !== undefined) {
                const deployed = (await hre.deployments.get(stale.name)).address;
                throw new TaskError(`${stale.name}: its deployment ${deployed} does not hold the compiled code`);
            }
            plan = planUpgrade(routes, facets, nameOf);
            let initAddress = ZeroAddress;
            if (init !== undefined) {
                const result = await hre.deployments.deploy(init.name, { contract: init.name, from: signer.address });
                if (result.newlyDeployed) console.log(`deployed ${init.name} ${result.address}`);
                initAddress = result.address;
            }

            const cut = cutOfPlan(plan);
            const cutFacet = DiamondCutFacet__factory.connect(hub.address, signer);
            try {
                await cutFacet.diamondCut.staticCall(cut, initAddress, init?.data ?? '0x');
            } catch (error) {
                throw new TaskError(`the cut would revert${revertReason(error, init?.iface)}`);
            }
            const receipt = await (await cutFacet.diamondCut(cut, initAddress, init?.data ?? '0x')).wait();
            console.log(`cut      tx ${receipt!.hash} (gas ${receipt!.gasUsed})`);

            const after = planUpgrade((await loupeOf(hre, hub.address)).routes, facets, nameOf);
            if (!isEmptyPlan(after))
                throw new TaskError('the hub still differs from the compiled facets after the cut');
            await saveHubDeployment(
                hre,
                hub.deployment!,
                facets.map((f) => ({ name: f.name, address: f.address!, abi: f.abi as readonly unknown[] })),
            );
            console.log(`saved    the ${DeployIds.Hub} deployment, with the ABI of its ${facets.length} facets`);
        }),
    );
