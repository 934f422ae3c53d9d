import { task } from 'hardhat/config';
import { isEmptyPlan, planUpgrade } from '../../sdk/upgrade';
import { runTask } from '../lib/errors';
import {
    compiledFacets,
    facetNamer,
    facetSet,
    hubOf,
    loupeOf,
    parseNames,
    planJson,
    planLines,
    removesDiamondCut,
    signaturesOf,
} from '../lib/diamond';

interface Args {
    extraFacets?: string;
    json: boolean;
}

task(
    'diamond:diff',
    "Compare the compiled facets of the network's flavour with what the hub routes: selectors to add, replace and remove",
)
    .addOptionalParam(
        'extraFacets',
        'Comma-separated compiled contracts to count as facets too (e.g. a facet not yet listed in sdk/deploy-ids.ts)',
    )
    .addFlag('json', 'Print one JSON object instead of text')
    .setAction(async (args: Args, hre) =>
        runTask('diamond:diff', async () => {
            const { flavour, names } = facetSet(hre, parseNames(args.extraFacets, 'extra-facets'));
            const hub = await hubOf(hre);
            const facets = await compiledFacets(hre, names);
            const { routes } = await loupeOf(hre, hub.address);
            const plan = planUpgrade(routes, facets, await facetNamer(hre, hub.deployment));
            const signatures = await signaturesOf(hre);
            if (args.json) {
                console.log(JSON.stringify({ hub: hub.address, flavour, ...planJson(plan, signatures) }, null, 2));
                return;
            }
            if (isEmptyPlan(plan)) {
                console.log(`hub ${hub.address} (${flavour} flavour): no difference`);
                return;
            }
            console.log(
                `hub ${hub.address} (${flavour} flavour): ${plan.add.length} to add, ` +
                    `${plan.replace.length} to replace, ${plan.remove.length} to remove`,
            );
            for (const line of planLines(plan, signatures)) console.log(line);
            if (removesDiamondCut(plan)) {
                console.log('warning: this removes diamondCut, diamond:upgrade will refuse it');
            }
        }),
    );
