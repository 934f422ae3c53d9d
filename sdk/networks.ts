/**
 * Typed per-network configuration: which flavour of PoCo a network runs (token on Ethereum
 * mainnet and testnets, native on the PoA sidechain), which RLC token it uses, who owns it.
 *
 * This file is the single place where a network's PoCo settings live: `hardhat.config.ts`
 * builds its `networks` from it, and the deploy scripts and tasks read it through
 * {@link pocoNetworkConfig}. Secrets (RPC URLs, keys) come from environment variables only
 * (see `.env.example`).
 */

/** The compiler version, pinned: these machines cannot download compilers (see README). */
export const SOLC_VERSION = '0.8.28';
export const SOLC_LONG_VERSION = '0.8.28+commit.7893614a';
/** The EVM every contract is compiled for: the PoA sidechain's (no PUSH0, no transient storage). */
export const EVM_VERSION = 'berlin';

/** Address of the RLC token on Ethereum mainnet. Never deployed by this repository. */
export const MAINNET_RLC_ADDRESS = '0x607F4C5BB672230e8672085532f7e901544a7375';

/** Token flavour: escrow in the RLC ERC-20. Native flavour: escrow in the chain's native coin. */
export type Flavour = 'token' | 'native';

export interface PocoNetworkConfig {
    /** Which escrow the hub is deployed with. */
    flavour: Flavour;
    /**
     * Token flavour only. `'deploy'` deploys a local RLC (development networks only); an address
     * uses that existing token; undefined is a configuration error on a token-flavour network.
     */
    token?: 'deploy' | string;
    /**
     * Final owner of the hub and the registries; ownership is transferred to it at the end of
     * the deployment. Defaults to the deployer.
     */
    owner?: string;
    /** Prefix of the registries' ERC-721 base URI; `{app|dataset|workerpool}/{chainId}/` is appended. */
    metadataBaseURI: string;
    /** True on networks where the deployment may be thrown away (local nodes). */
    development: boolean;
}

const METADATA_BASE_URI = 'https://nfts-metadata.iex.ec/';

const env = (name: string): string | undefined => {
    const value = process.env[name];
    return value === undefined || value === '' ? undefined : value;
};

/** The PoCo settings of every network this repository knows, keyed by Hardhat network name. */
export const POCO_NETWORKS: Record<string, PocoNetworkConfig> = {
    hardhat: { flavour: 'token', token: 'deploy', metadataBaseURI: METADATA_BASE_URI, development: true },
    localhost: { flavour: 'token', token: 'deploy', metadataBaseURI: METADATA_BASE_URI, development: true },
    mainnet: {
        flavour: 'token',
        token: MAINNET_RLC_ADDRESS,
        owner: env('POCO_OWNER'),
        metadataBaseURI: METADATA_BASE_URI,
        development: false,
    },
    testnet: {
        flavour: 'token',
        token: env('TESTNET_RLC_ADDRESS'),
        owner: env('POCO_OWNER'),
        metadataBaseURI: METADATA_BASE_URI,
        development: false,
    },
    sidechain: {
        flavour: 'native',
        owner: env('POCO_OWNER'),
        metadataBaseURI: METADATA_BASE_URI,
        development: false,
    },
    /** A local stand-in of the sidechain (`npm run e2e:sidechain`): same flavour and EVM, throwaway. */
    sidechainLocal: { flavour: 'native', metadataBaseURI: METADATA_BASE_URI, development: true },
};

/** The public mnemonic of Hardhat's development accounts (never for real funds). */
export const HARDHAT_MNEMONIC = 'test test test test test test test test test test test junk';

/**
 * `POCO_HARDHAT_PROFILE=sidechain` makes the Hardhat network, and so `npx hardhat node`, behave like
 * the PoA sidechain: its chain id, the Berlin EVM, no gas price. The one switch `npm run
 * e2e:sidechain` uses to run a local sidechain.
 */
const HARDHAT_PROFILE = env('POCO_HARDHAT_PROFILE');

/** Chain id of the PoA sidechain (Bellecour's by default). */
export const SIDECHAIN_CHAIN_ID = Number(env('SIDECHAIN_CHAIN_ID') ?? 134);

/**
 * The PoCo settings of a network, failing with a one-line message for a network this
 * repository does not know.
 */
export function pocoNetworkConfig(networkName: string): PocoNetworkConfig {
    const config = POCO_NETWORKS[networkName];
    if (config === undefined) {
        throw new Error(
            `Network "${networkName}" has no PoCo configuration; known networks: ${Object.keys(POCO_NETWORKS).join(', ')}`,
        );
    }
    return config;
}

const accounts = (): string[] => {
    const key = env('DEPLOYER_PRIVATE_KEY');
    return key === undefined ? [] : [key];
};

/** The `networks` section of the Hardhat configuration. */
export function networkUserConfigs() {
    return {
        hardhat:
            HARDHAT_PROFILE === 'sidechain'
                ? { chainId: SIDECHAIN_CHAIN_ID, hardfork: 'berlin', gasPrice: 0, allowUnlimitedContractSize: false }
                : {
                      chainId: 31337,
                      // Pinned: Hardhat 2.29 would otherwise default to its newest hardfork.
                      hardfork: 'prague',
                      allowUnlimitedContractSize: false,
                  },
        localhost: {
            url: env('LOCALHOST_RPC_URL') ?? 'http://127.0.0.1:8545',
            chainId: 31337,
        },
        mainnet: {
            url: env('MAINNET_RPC_URL') ?? 'http://127.0.0.1:8545',
            chainId: 1,
            accounts: accounts(),
        },
        testnet: {
            url: env('TESTNET_RPC_URL') ?? 'http://127.0.0.1:8545',
            chainId: Number(env('TESTNET_CHAIN_ID') ?? 11155111),
            accounts: accounts(),
        },
        sidechain: {
            url: env('SIDECHAIN_RPC_URL') ?? 'http://127.0.0.1:8545',
            chainId: SIDECHAIN_CHAIN_ID,
            // The PoA sidechain runs Berlin and charges no gas.
            hardfork: 'berlin',
            gasPrice: 0,
            accounts: accounts(),
        },
        sidechainLocal: {
            url: env('SIDECHAIN_LOCAL_RPC_URL') ?? 'http://127.0.0.1:8645',
            chainId: SIDECHAIN_CHAIN_ID,
            hardfork: 'berlin',
            gasPrice: 0,
            accounts: { mnemonic: HARDHAT_MNEMONIC },
        },
    };
}

/** hardhat-deploy named accounts. */
export const namedAccounts = {
    deployer: { default: 0 },
};
