import { task } from 'hardhat/config';
import { OwnershipFacet__factory } from '../../typechain-types';
import { runTask } from '../lib/errors';
import { facetNamer, hubOf, loupeOf, signatureOf, signaturesOf } from '../lib/diamond';
import { address } from '../lib/types';

interface Args {
    hub?: string;
    json: boolean;
}

task('diamond:describe', "List the hub's facets and selectors as its loupe reports them, named and resolved")
    .addOptionalParam('hub', "Diamond to describe (default: the network's hub deployment)", undefined, address)
    .addFlag('json', 'Print one JSON object instead of text')
    .setAction(async (args: Args, hre) =>
        runTask('diamond:describe', async () => {
            const hub = await hubOf(hre, args.hub);
            const { facets } = await loupeOf(hre, hub.address);
            const nameOf = await facetNamer(hre, hub.deployment);
            const signatures = await signaturesOf(hre);
            let owner: string | null = null;
            try {
                owner = await OwnershipFacet__factory.connect(hub.address, hre.ethers.provider).owner();
            } catch {
                // A diamond without ERC-173 owner(): shown as null.
            }
            const described = facets.map((facet) => ({
                name: nameOf(facet.address),
                address: facet.address,
                selectors: facet.selectors.map((selector) => ({
                    selector,
                    signature: signatureOf(signatures, selector) ?? null,
                })),
            }));
            if (args.json) {
                console.log(JSON.stringify({ hub: hub.address, owner, facets: described }, null, 2));
                return;
            }
            const selectorCount = described.reduce((n, f) => n + f.selectors.length, 0);
            console.log(`hub       ${hub.address}`);
            console.log(`owner     ${owner ?? '(no owner())'}`);
            console.log(`facets    ${described.length}, selectors ${selectorCount}`);
            for (const facet of described) {
                const count = facet.selectors.length;
                console.log('');
                console.log(`${facet.name}  ${facet.address}  (${count} selector${count === 1 ? '' : 's'})`);
                for (const { selector, signature } of facet.selectors) {
                    console.log(`  ${selector}  ${signature ?? '(unknown signature)'}`);
                }
            }
        }),
    );
