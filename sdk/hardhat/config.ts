/**
 * Hardhat extension: every network's resolved config carries its PoCo settings (`poco`), taken
 * from `sdk/networks.ts`. Deploy scripts and tasks read them with {@link pocoConfigOf}.
 */
import { extendConfig } from 'hardhat/config';
import type { HardhatRuntimeEnvironment } from 'hardhat/types';
import { POCO_NETWORKS, type PocoNetworkConfig } from '../networks';

declare module 'hardhat/types/config' {
    interface HardhatNetworkConfig {
        poco?: PocoNetworkConfig;
    }
    interface HttpNetworkConfig {
        poco?: PocoNetworkConfig;
    }
}

extendConfig((config) => {
    for (const [name, network] of Object.entries(config.networks)) {
        const poco = POCO_NETWORKS[name];
        if (poco !== undefined) network.poco = { ...poco };
    }
});

/**
 * The PoCo settings of the selected network; fails with a one-line message on a network this
 * repository has no settings for.
 */
export function pocoConfigOf(hre: HardhatRuntimeEnvironment): PocoNetworkConfig {
    const poco = hre.network.config.poco;
    if (poco === undefined) {
        throw new Error(
            `Network "${hre.network.name}" has no PoCo configuration (known: ${Object.keys(POCO_NETWORKS).join(', ')})`,
        );
    }
    return poco;
}
