import { expect } from 'chai';
import { deployments, ethers, network } from 'hardhat';
import {
    ConfigurationFacet__factory,
    DiamondInitMock__factory,
    FacetMockV1__factory,
    FacetMockV2__factory,
} from '../../typechain-types';
import { DeployIds, facetNames } from '../../sdk/deploy-ids';
import { selectorsOf } from '../../sdk/diamond';
import type { HubLinkedData } from '../../sdk/hardhat/hub';
import { deployPoco, runDeployScripts } from '../helpers/fixtures';
import { runTaskCapturing, runTaskFailing } from '../helpers/tasks';
import { DIAMOND_CUT_SELECTOR, removesDiamondCut } from '../../tasks/lib/diamond';

const noFlags = { json: false };
const upgradeDefaults = { dryRun: false };
const mockV1 = FacetMockV1__factory.createInterface();
const mockV2 = FacetMockV2__factory.createInterface();
const MOCK_VERSION = mockV1.getFunction('mockVersion').selector;
const MOCK_OTHER = mockV1.getFunction('mockOther').selector;
const RECEIVE = '0x00000000';

interface DescribedHub {
    hub: string;
    owner: string;
    facets: { name: string; address: string; selectors: { selector: string; signature: string | null }[] }[];
}

interface DiffJson {
    deploy: string[];
    add: { selector: string; signature: string | null; to: { name: string; address: string | null } }[];
    replace: {
        selector: string;
        signature: string | null;
        from: { name: string; address: string };
        to: { name: string; address: string | null };
        reason: string;
    }[];
    remove: { selector: string; signature: string | null; from: { name: string; address: string } }[];
}

async function describeHub(): Promise<DescribedHub> {
    return JSON.parse(await runTaskCapturing('diamond:describe', { json: true })) as DescribedHub;
}

/** The changes `diamond:diff --json` lists (without the hub and flavour). */
async function diff(extraFacets?: string): Promise<DiffJson> {
    const printed = JSON.parse(await runTaskCapturing('diamond:diff', { json: true, extraFacets })) as DiffJson;
    const { deploy, add, replace, remove } = printed;
    return { deploy, add, replace, remove };
}

async function upgrade(args: Record<string, unknown> = {}): Promise<string> {
    return runTaskCapturing('diamond:upgrade', { ...upgradeDefaults, ...args });
}

/** A deployed hub with FacetMockV1 cut in by `diamond:upgrade`. */
async function withMockV1() {
    const fixture = await deployPoco();
    await upgrade({ extraFacets: 'FacetMockV1' });
    return fixture;
}

describe('Diamond tasks', function () {
    describe('diamond:describe', function () {
        for (const flavour of ['token', 'native'] as const) {
            it(`lists every facet of a ${flavour} hub, named, with every selector resolved`, async function () {
                const { hubAddress, deployer } = await deployPoco({ flavour });
                const described = await describeHub();
                expect(described.hub).to.equal(hubAddress);
                expect(described.owner).to.equal(deployer.address);
                expect(described.facets.map((f) => f.name).sort()).to.deep.equal(facetNames(flavour).sort());
                for (const facet of described.facets) {
                    const deployment = await deployments.get(facet.name);
                    expect(facet.address).to.equal(deployment.address);
                    expect(facet.selectors.map((s) => s.selector).sort()).to.deep.equal(
                        selectorsOf(deployment.abi).sort(),
                    );
                    for (const { signature } of facet.selectors) expect(signature).to.be.a('string');
                }
            });
        }

        it('prints facets and signatures as text', async function () {
            const { hubAddress } = await deployPoco();
            const output = await runTaskCapturing('diamond:describe', noFlags);
            expect(output).to.include(`hub       ${hubAddress}`);
            const cutFacet = (await deployments.get('DiamondCutFacet')).address;
            expect(output).to.include(`DiamondCutFacet  ${cutFacet}  (1 selector)`);
            expect(output).to.include('0x1f931c1c  diamondCut((address,uint8,bytes4[])[],address,bytes)');
        });

        it('names a facet no deployment knows "unknown", and still resolves its selectors', async function () {
            const { hub, deployer } = await deployPoco();
            const mock = await new FacetMockV1__factory(deployer).deploy();
            await hub.cut.diamondCut(
                [{ facetAddress: await mock.getAddress(), action: 0, functionSelectors: [MOCK_VERSION] }],
                ethers.ZeroAddress,
                '0x',
            );
            const facet = (await describeHub()).facets.find((f) => f.address === mock.target);
            expect(facet).to.deep.equal({
                name: 'unknown',
                address: mock.target,
                selectors: [{ selector: MOCK_VERSION, signature: 'mockVersion()' }],
            });
        });

        it('describes another diamond with --hub, and refuses an address without code', async function () {
            const { hubAddress, signers } = await deployPoco();
            const described = JSON.parse(
                await runTaskCapturing('diamond:describe', { json: true, hub: hubAddress }),
            ) as DescribedHub;
            expect(described.hub).to.equal(hubAddress);
            const { error } = await runTaskFailing('diamond:describe', { json: false, hub: signers[5].address });
            expect(error).to.equal(`no contract at ${signers[5].address} on network "hardhat"`);
        });
    });

    describe('diamond:diff', function () {
        it('prints "no difference" on a hub deployed from the compiled facets', async function () {
            const { hubAddress } = await deployPoco();
            expect(await runTaskCapturing('diamond:diff', noFlags)).to.equal(
                `hub ${hubAddress} (token flavour): no difference`,
            );
        });

        it('lists the selectors of a new facet as additions, with the facet to deploy', async function () {
            await deployPoco();
            const planned = await diff('FacetMockV1');
            expect(planned.deploy).to.deep.equal(['FacetMockV1']);
            expect(planned.add).to.deep.equal(
                [
                    { selector: MOCK_VERSION, signature: 'mockVersion()' },
                    { selector: MOCK_OTHER, signature: 'mockOther()' },
                    { selector: RECEIVE, signature: 'receive()' },
                ]
                    .map((s) => ({ ...s, to: { name: 'FacetMockV1', address: null } }))
                    .sort((a, b) => a.selector.localeCompare(b.selector)),
            );
            expect(planned.replace).to.deep.equal([]);
            expect(planned.remove).to.deep.equal([]);
            const text = await runTaskCapturing('diamond:diff', { ...noFlags, extraFacets: 'FacetMockV1' });
            expect(text).to.match(/: 3 to add, 0 to replace, 0 to remove\n/);
            expect(text).to.include('deploy   FacetMockV1');
            expect(text).to.match(new RegExp(`add +${MOCK_VERSION}  mockVersion\\(\\) +→ FacetMockV1 \\(to deploy\\)`));
        });

        it('replaces every selector of a facet whose deployed code differs from the compiled one', async function () {
            await deployPoco();
            const configuration = await deployments.get('ConfigurationFacet');
            // The hub routes to an older ConfigurationFacet: simulated by other code at its address.
            const other = await ethers.provider.getCode((await deployments.get('DiamondLoupeFacet')).address);
            await network.provider.send('hardhat_setCode', [configuration.address, other]);
            const planned = await diff();
            expect(planned.deploy).to.deep.equal(['ConfigurationFacet']);
            expect(planned.add).to.deep.equal([]);
            expect(planned.remove).to.deep.equal([]);
            expect(planned.replace.map((r) => r.selector).sort()).to.deep.equal(
                selectorsOf(ConfigurationFacet__factory.abi).sort(),
            );
            for (const entry of planned.replace) {
                expect(entry.from).to.deep.equal({ name: 'ConfigurationFacet', address: configuration.address });
                expect(entry.to).to.deep.equal({ name: 'ConfigurationFacet', address: null });
                expect(entry.reason).to.equal('code changed');
                expect(entry.signature).to.be.a('string');
            }
        });

        it('lists the selectors of a facet that left the compiled set as removals', async function () {
            const { hubAddress } = await withMockV1();
            const mock = (await deployments.get('FacetMockV1')).address;
            const text = await runTaskCapturing('diamond:diff', noFlags);
            expect(text.split('\n')).to.deep.equal([
                `hub ${hubAddress} (token flavour): 0 to add, 0 to replace, 3 to remove`,
                `remove   ${RECEIVE}  receive()      FacetMockV1 ${mock} →`,
                `remove   ${MOCK_VERSION}  mockVersion()  FacetMockV1 ${mock} →`,
                `remove   ${MOCK_OTHER}  mockOther()    FacetMockV1 ${mock} →`,
            ]);
        });

        it('refuses two compiled facets claiming one selector, naming both', async function () {
            await deployPoco();
            const { error } = await runTaskFailing('diamond:diff', {
                ...noFlags,
                extraFacets: 'FacetMockV1,FacetMockV2',
            });
            expect(error).to.equal(
                `selector collision: ${MOCK_VERSION} is claimed by both FacetMockV1 and FacetMockV2`,
            );
        });

        it('refuses a name that is not a compiled contract, or a facet of the flavour', async function () {
            await deployPoco();
            expect((await runTaskFailing('diamond:diff', { ...noFlags, extraFacets: 'NoSuchFacet' })).error).to.equal(
                'no compiled contract named NoSuchFacet',
            );
            expect(
                (await runTaskFailing('diamond:diff', { ...noFlags, extraFacets: 'ConfigurationFacet' })).error,
            ).to.equal('--extra-facets: ConfigurationFacet is a facet of the token flavour already');
            expect((await runTaskFailing('diamond:diff', { ...noFlags, extraFacets: 'a b' })).error).to.equal(
                '--extra-facets: "a b" is not a contract name',
            );
        });
    });

    describe('diamond:upgrade', function () {
        it('deploys a new facet and cuts it in with one diamondCut, then records the hub with its ABI', async function () {
            const { hubAddress, deployer } = await deployPoco();
            const nonce = await ethers.provider.getTransactionCount(deployer.address);
            const output = await upgrade({ extraFacets: 'FacetMockV1' });
            const mock = await deployments.get('FacetMockV1');
            expect(output).to.include(`deployed FacetMockV1 ${mock.address}`);
            expect(output).to.match(/cut +tx 0x[0-9a-f]{64}/);
            // One deployment, one cut.
            expect(await ethers.provider.getTransactionCount(deployer.address)).to.equal(nonce + 2);
            const hubAsMock = FacetMockV1__factory.connect(hubAddress, deployer);
            expect(await hubAsMock.mockVersion()).to.equal(1n);
            expect(await hubAsMock.mockOther()).to.equal(10n);

            const hub = await deployments.get(DeployIds.Hub);
            expect(hub.address).to.equal(hubAddress);
            expect(selectorsOf(hub.abi)).to.include.members([MOCK_VERSION, MOCK_OTHER, RECEIVE]);
            expect((hub.linkedData as HubLinkedData).facets).to.include({ FacetMockV1: mock.address });
            expect(await deployments.read(DeployIds.Hub, 'mockVersion')).to.equal(1n);
            expect((await describeHub()).facets.map((f) => f.name)).to.include('FacetMockV1');
            expect(await diff('FacetMockV1')).to.deep.equal({ deploy: [], add: [], replace: [], remove: [] });
        });

        it('does nothing the second time', async function () {
            const { deployer, hubAddress } = await withMockV1();
            const nonce = await ethers.provider.getTransactionCount(deployer.address);
            expect(await upgrade({ extraFacets: 'FacetMockV1' })).to.equal(
                `hub ${hubAddress} (token flavour): no difference, nothing to do`,
            );
            expect(await ethers.provider.getTransactionCount(deployer.address)).to.equal(nonce);
        });

        it('moves a selector to another facet and removes the ones no facet serves, in one cut', async function () {
            const { hubAddress, deployer } = await withMockV1();
            const v1 = (await deployments.get('FacetMockV1')).address;
            const planned = await diff('FacetMockV2');
            expect(planned.replace).to.deep.equal([
                {
                    selector: MOCK_VERSION,
                    signature: 'mockVersion()',
                    from: { name: 'FacetMockV1', address: v1 },
                    to: { name: 'FacetMockV2', address: null },
                    reason: 'moved',
                },
            ]);
            expect(planned.remove.map((r) => r.selector)).to.deep.equal([RECEIVE, MOCK_OTHER].sort());

            const nonce = await ethers.provider.getTransactionCount(deployer.address);
            await upgrade({ extraFacets: 'FacetMockV2' });
            expect(await ethers.provider.getTransactionCount(deployer.address)).to.equal(nonce + 2);
            expect(await FacetMockV2__factory.connect(hubAddress, deployer).mockVersion()).to.equal(2n);
            await expect(FacetMockV1__factory.connect(hubAddress, deployer).mockOther()).to.be.reverted;
            expect(await diff('FacetMockV2')).to.deep.equal({ deploy: [], add: [], replace: [], remove: [] });
            const abi = (await deployments.get(DeployIds.Hub)).abi;
            expect(selectorsOf(abi)).to.not.include(MOCK_OTHER);
            expect(selectorsOf(abi)).to.include(mockV2.getFunction('mockVersion').selector);
        });

        it('refuses two compiled facets claiming one selector, before sending anything', async function () {
            const { deployer } = await deployPoco();
            const nonce = await ethers.provider.getTransactionCount(deployer.address);
            const { error } = await runTaskFailing('diamond:upgrade', {
                ...upgradeDefaults,
                extraFacets: 'FacetMockV2,FacetMockV1',
            });
            expect(error).to.equal(
                `selector collision: ${MOCK_VERSION} is claimed by both FacetMockV2 and FacetMockV1`,
            );
            expect(await ethers.provider.getTransactionCount(deployer.address)).to.equal(nonce);
        });

        it('refuses a signer that is not the hub owner', async function () {
            const { signers, deployer } = await deployPoco();
            const from = signers[3].address;
            const { error } = await runTaskFailing('diamond:upgrade', {
                ...upgradeDefaults,
                extraFacets: 'FacetMockV1',
                from,
            });
            expect(error).to.equal(`${from} is not the owner of the hub (${deployer.address})`);
            expect(await deployments.getOrNull('FacetMockV1')).to.not.be.ok;
        });

        it('refuses the first account when the hub was handed to another owner', async function () {
            const { signers, deployer } = await deployPoco({
                flavour: 'token',
                owner: (await ethers.getSigners())[9].address,
            });
            const { error } = await runTaskFailing('diamond:upgrade', {
                ...upgradeDefaults,
                extraFacets: 'FacetMockV1',
            });
            expect(error).to.equal(
                `${deployer.address} is not the owner of the hub (${signers[9].address}): pass --from <owner>`,
            );
            await upgrade({ extraFacets: 'FacetMockV1', from: signers[9].address });
            expect(await deployments.read(DeployIds.Hub, 'mockVersion')).to.equal(1n);
        });

        it('with --dry-run, prints the plan and sends nothing', async function () {
            const { deployer } = await deployPoco();
            const nonce = await ethers.provider.getTransactionCount(deployer.address);
            const output = await upgrade({ extraFacets: 'FacetMockV1', dryRun: true });
            expect(output).to.include('deploy   FacetMockV1');
            expect(output).to.include('dry run: nothing deployed, no transaction sent');
            expect(await ethers.provider.getTransactionCount(deployer.address)).to.equal(nonce);
            expect(await deployments.getOrNull('FacetMockV1')).to.not.be.ok;
        });

        it('runs the initializer in the same diamondCut', async function () {
            const { hub, hubAddress } = await deployPoco();
            const initData = DiamondInitMock__factory.createInterface().encodeFunctionData('succeed');
            const output = await upgrade({ extraFacets: 'FacetMockV1', init: 'DiamondInitMock', initData });
            expect(output).to.include('init     DiamondInitMock.succeed()');
            expect(await hub.loupe.supportsInterface('0x12345678')).to.equal(true);
            const cutTx = output.match(/cut +tx (0x[0-9a-f]{64})/)![1];
            const receipt = await ethers.provider.getTransactionReceipt(cutTx);
            const mockEvents = receipt!.logs.filter((l) => l.address === hubAddress);
            // DiamondCut, then the initializer's event from the hub's context.
            expect(mockEvents).to.have.length(2);
        });

        it('runs an initializer alone when no selector changes', async function () {
            const { hub } = await deployPoco();
            const initData = DiamondInitMock__factory.createInterface().encodeFunctionData('succeed');
            await upgrade({ init: 'DiamondInitMock', initData });
            expect(await hub.loupe.supportsInterface('0x12345678')).to.equal(true);
        });

        it('fails with one line when the initializer reverts, and changes nothing', async function () {
            const { hub } = await deployPoco();
            const initData = DiamondInitMock__factory.createInterface().encodeFunctionData('failWithError');
            const { error } = await runTaskFailing('diamond:upgrade', {
                ...upgradeDefaults,
                extraFacets: 'FacetMockV1',
                init: 'DiamondInitMock',
                initData,
            });
            expect(error).to.equal('the cut would revert with DiamondInitMockFailed(42)');
            expect(await hub.loupe.facetAddress(MOCK_VERSION)).to.equal(ethers.ZeroAddress);
        });

        it('validates --init and --init-data', async function () {
            await deployPoco();
            const cases: [Record<string, unknown>, string][] = [
                [{ init: 'DiamondInitMock' }, '--init needs --init-data (the calldata to delegatecall it with)'],
                [{ initData: '0x12345678' }, '--init-data needs --init (the initializer contract)'],
                [{ init: 'Nope', initData: '0x12345678' }, '--init: no compiled contract named Nope'],
                [
                    { init: 'DiamondInitMock', initData: '0x12345678' },
                    '--init-data: does not call a function of DiamondInitMock',
                ],
            ];
            for (const [args, message] of cases) {
                const { error } = await runTaskFailing('diamond:upgrade', { ...upgradeDefaults, ...args });
                expect(error).to.equal(`${message}`);
            }
        });

        it('refuses a facet deployment that does not hold the compiled code', async function () {
            await deployPoco();
            const configuration = await deployments.get('ConfigurationFacet');
            const other = await ethers.provider.getCode((await deployments.get('DiamondLoupeFacet')).address);
            await network.provider.send('hardhat_setCode', [configuration.address, other]);
            const { error } = await runTaskFailing('diamond:upgrade', upgradeDefaults);
            expect(error).to.equal(
                `ConfigurationFacet: its deployment ${configuration.address} does not hold the compiled code`,
            );
        });
    });

    describe('removesDiamondCut', function () {
        it('spots a plan that would leave the hub impossible to cut again', function () {
            const from = { name: 'DiamondCutFacet', address: ethers.ZeroAddress };
            const plan = { deploy: [], add: [], replace: [], remove: [{ selector: DIAMOND_CUT_SELECTOR, from }] };
            expect(DIAMOND_CUT_SELECTOR).to.equal('0x1f931c1c');
            expect(removesDiamondCut(plan)).to.equal(true);
            expect(removesDiamondCut({ ...plan, remove: [{ selector: MOCK_OTHER, from }] })).to.equal(false);
        });
    });

    describe('deploy/03_hub.ts on an existing hub', function () {
        it('points at diamond:diff and diamond:upgrade when the hub differs', async function () {
            await withMockV1();
            const lines: string[] = [];
            const log = deployments.log;
            deployments.log = (...parts: unknown[]) => lines.push(parts.map(String).join(' '));
            try {
                await runDeployScripts({ flavour: 'token' }, false);
            } finally {
                deployments.log = log;
            }
            expect(lines.join('\n')).to.include(
                '(0 to add, 0 to replace, 3 to remove): review with `npx hardhat diamond:diff --network hardhat`, ' +
                    'apply with `npx hardhat diamond:upgrade --network hardhat`',
            );
        });
    });
});
