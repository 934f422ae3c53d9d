import { expect } from 'chai';
import { artifacts } from 'hardhat';
import { DeployIds, facetNames } from '../../sdk/deploy-ids';
import { checkSnapshot, recordSize } from '../helpers/gas';

/** EIP-170: the largest runtime bytecode a chain accepts. */
const MAX_CODE_SIZE = 24_576;

/** Every contract a deployment creates (the assets are created by their registries). */
const DEPLOYED = [
    ...new Set([
        DeployIds.Hub,
        DeployIds.DiamondInit,
        ...facetNames('token'),
        ...facetNames('native'),
        DeployIds.AppRegistry,
        DeployIds.DatasetRegistry,
        DeployIds.WorkerpoolRegistry,
        'App',
        'Dataset',
        'Workerpool',
        DeployIds.RLC,
    ]),
];

describe('Contract sizes @gas', function () {
    after(function () {
        checkSnapshot('bytecodeSize');
    });

    for (const name of DEPLOYED) {
        it(`keeps ${name} under the EIP-170 limit`, async function () {
            const { deployedBytecode } = await artifacts.readArtifact(name);
            const size = (deployedBytecode.length - 2) / 2;
            recordSize(name, size);
            expect(size).to.be.greaterThan(0).and.at.most(MAX_CODE_SIZE);
        });
    }
});
