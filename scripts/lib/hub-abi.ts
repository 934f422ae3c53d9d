import { readFileSync } from 'fs';
import { join } from 'path';
import type { Artifacts } from 'hardhat/types';
import { DeployIds, facetNames } from '../../sdk/deploy-ids';
import { mergeAbis } from '../../sdk/diamond';
import type { Flavour } from '../../sdk/networks';
import type { AbiItem } from './abi-compat';

/** The ABI a hub of the given flavour exposes: the diamond's own plus every facet's. */
export function hubAbi(artifacts: Artifacts, flavour: Flavour): AbiItem[] {
    const names = [DeployIds.Hub, ...facetNames(flavour)];
    return mergeAbis(names.map((name) => artifacts.readArtifactSync(name).abi)) as AbiItem[];
}

const REFERENCE_DIR = join(__dirname, '../../test/fixtures/reference-abi');
const readAbi = (file: string) => JSON.parse(readFileSync(join(REFERENCE_DIR, file), 'utf8')) as AbiItem[];

/**
 * The reference ABI of a flavour, PoCo v6.2: `IexecInterfaceToken` or `IexecInterfaceNative` of the
 * 6.1.0 package, plus the three custom errors 6.2 adds.
 */
export function referenceHubAbi(flavour: Flavour): AbiItem[] {
    const file = flavour === 'token' ? 'IexecInterfaceToken.json' : 'IexecInterfaceNative.json';
    return [...readAbi(file), ...readAbi('poco-6.2-additions.json')];
}
