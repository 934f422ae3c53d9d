import { existsSync } from 'fs';
import { join } from 'path';
import { subtask } from 'hardhat/config';
import { TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD } from 'hardhat/builtin-tasks/task-names';
import type { HardhatUserConfig } from 'hardhat/types';
import '@nomicfoundation/hardhat-toolbox';
import 'hardhat-deploy';
import './sdk/hardhat/config';
import { SOLC_VERSION, SOLC_LONG_VERSION, EVM_VERSION, networkUserConfigs, namedAccounts } from './sdk/networks';

// The tasks use the TypeChain bindings that compilation generates: on a fresh clone they are
// available from the second Hardhat command on (`npm test` compiles first).
if (!process.env.SKIP_TASKS && existsSync(join(__dirname, 'typechain-types', 'index.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('./tasks');
}

// These machines cannot download compilers: compile with the solcjs build shipped by the pinned
// npm `solc` package instead of letting Hardhat fetch one.
subtask(TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD, async (args: { solcVersion: string }, _hre, runSuper) => {
    if (args.solcVersion === SOLC_VERSION) {
        return {
            compilerPath: require.resolve('solc/soljson.js'),
            isSolcJs: true,
            version: SOLC_VERSION,
            longVersion: SOLC_LONG_VERSION,
        };
    }
    return runSuper(args);
});

const config: HardhatUserConfig = {
    solidity: {
        compilers: [
            {
                version: SOLC_VERSION,
                settings: {
                    // One bytecode for every chain: the PoA sidechain runs Berlin (no PUSH0, no MCOPY,
                    // no transient storage), so every contract is compiled for it.
                    evmVersion: EVM_VERSION,
                    optimizer: { enabled: true, runs: 200 },
                    outputSelection: { '*': { '*': ['storageLayout'] } },
                },
            },
        ],
    },
    networks: networkUserConfigs(),
    namedAccounts,
    paths: {
        sources: './contracts',
        tests: './test',
        cache: './cache',
        artifacts: './artifacts',
        deploy: './deploy',
        // Overridable so that a throw-away node (the iexec SDK end-to-end test) records its
        // deployment in a temporary folder instead of the checkout's deployments/localhost.
        deployments: process.env.POCO_DEPLOYMENTS_DIR || './deployments',
    },
    typechain: {
        outDir: 'typechain-types',
        target: 'ethers-v6',
    },
    mocha: {
        timeout: 120_000,
        // CI (.ci/run) reads the real counts of the run from the file this reporter writes.
        reporter: process.env.MOCHA_RESULTS_FILE ? './scripts/ci/mocha-reporter.js' : 'spec',
    },
    gasReporter: {
        enabled: process.env.REPORT_GAS === 'true',
    },
};

export default config;
