/**
 * Typed helpers to predict and create PoCo assets (apps, datasets, workerpools) through their
 * registries, shared by tests, tasks and scripts.
 *
 * An asset's ERC-721 token id is its address (`uint256(uint160(asset))`); the registries emit no
 * creation event of their own, so {@link createApp} and friends read the new asset's address from the
 * ERC-721 `Transfer(address(0), owner, tokenId)` event of the creation receipt, as the iExec SDK does.
 */
import { ZeroAddress, getAddress, toBeHex } from 'ethers';
import type { AddressLike, BytesLike, ContractTransactionReceipt, ContractTransactionResponse } from 'ethers';
import type { AppRegistry, DatasetRegistry, WorkerpoolRegistry } from '../typechain-types';
import type { NonPayableOverrides } from '../typechain-types/common';

/** The fields of an app, in the order of `AppRegistry.createApp`. */
export interface AppParams {
    /** Human-readable name, e.g. `"my-app"`. */
    name: string;
    /** App type; the iExec SDK only accepts `"DOCKER"`. */
    type: string;
    /** Where the image lives, as bytes (e.g. `toUtf8Bytes('docker.io/org/app:1.0.0')`). */
    multiaddr: BytesLike;
    /** 32-byte checksum of the image (e.g. its docker digest). */
    checksum: BytesLike;
    /** TEE enclave measurement / framework description as bytes; `'0x'` for a standard app. */
    mrenclave: BytesLike;
}

/** The fields of a dataset, in the order of `DatasetRegistry.createDataset`. */
export interface DatasetParams {
    /** Human-readable name. */
    name: string;
    /** Where the (encrypted) dataset lives, as bytes. */
    multiaddr: BytesLike;
    /** 32-byte checksum of the dataset. */
    checksum: BytesLike;
}

/** The fields of a workerpool, in the order of `WorkerpoolRegistry.createWorkerpool`. */
export interface WorkerpoolParams {
    /** Human-readable description. */
    description: string;
}

/** An asset just created: its address and the receipt of the creation transaction. */
export interface CreatedAsset {
    /** Checksummed address of the asset (= its ERC-721 token id). */
    address: string;
    /** Receipt of the creation transaction. */
    receipt: ContractTransactionReceipt;
}

/** Any of the three registries: they share the ERC-721 interface the helpers below rely on. */
export type AssetRegistry = AppRegistry | DatasetRegistry | WorkerpoolRegistry;

/**
 * Converts an ERC-721 token id of a registry to the address of the asset it stands for.
 * @param tokenId The token id (`uint256(uint160(asset))`).
 * @returns The checksummed asset address.
 */
export function tokenIdToAddress(tokenId: bigint): string {
    return getAddress(toBeHex(tokenId, 20));
}

/**
 * Converts an asset address to its ERC-721 token id in its registry.
 * @param address The asset address.
 * @returns `BigInt(address)`.
 */
export function addressToTokenId(address: string): bigint {
    return BigInt(getAddress(address));
}

/**
 * Finds the asset minted by a creation transaction: the `tokenId` of the registry's
 * `Transfer(address(0), owner, tokenId)` event in the receipt.
 * @param registry The registry the transaction was sent to.
 * @param receipt The receipt of the creation transaction.
 * @returns The checksummed address of the new asset.
 * @throws If the receipt holds no mint event of this registry.
 */
export async function mintedAssetAddress(
    registry: AssetRegistry,
    receipt: ContractTransactionReceipt,
): Promise<string> {
    const registryAddress = await registry.getAddress();
    for (const log of receipt.logs) {
        if (log.address !== registryAddress) continue;
        const parsed = registry.interface.parseLog(log);
        if (parsed?.name === 'Transfer' && parsed.args.from === ZeroAddress) {
            return tokenIdToAddress(parsed.args.tokenId as bigint);
        }
    }
    throw new Error(`No ERC-721 mint of registry ${registryAddress} in transaction ${receipt.hash}`);
}

/**
 * The address `createApp` would deploy the app to (computed on-chain by the registry).
 * @param registry The AppRegistry.
 * @param owner The future owner of the app.
 * @param params The app's fields.
 * @returns The checksummed predicted address.
 */
export async function predictApp(registry: AppRegistry, owner: AddressLike, params: AppParams): Promise<string> {
    return registry.predictApp(owner, params.name, params.type, params.multiaddr, params.checksum, params.mrenclave);
}

/**
 * Creates an app owned by `owner`, sent by the signer `registry` is connected to.
 * @param registry The AppRegistry, connected to the sender.
 * @param owner The owner of the new app (receives its token).
 * @param params The app's fields.
 * @param overrides Transaction overrides (gas limit, nonce, ...).
 * @returns The app's address and the creation receipt.
 */
export async function createApp(
    registry: AppRegistry,
    owner: AddressLike,
    params: AppParams,
    overrides: NonPayableOverrides = {},
): Promise<CreatedAsset> {
    return created(
        registry,
        registry.createApp(
            owner,
            params.name,
            params.type,
            params.multiaddr,
            params.checksum,
            params.mrenclave,
            overrides,
        ),
    );
}

/**
 * The address `createDataset` would deploy the dataset to (computed on-chain by the registry).
 * @param registry The DatasetRegistry.
 * @param owner The future owner of the dataset.
 * @param params The dataset's fields.
 * @returns The checksummed predicted address.
 */
export async function predictDataset(
    registry: DatasetRegistry,
    owner: AddressLike,
    params: DatasetParams,
): Promise<string> {
    return registry.predictDataset(owner, params.name, params.multiaddr, params.checksum);
}

/**
 * Creates a dataset owned by `owner`, sent by the signer `registry` is connected to.
 * @param registry The DatasetRegistry, connected to the sender.
 * @param owner The owner of the new dataset (receives its token).
 * @param params The dataset's fields.
 * @param overrides Transaction overrides (gas limit, nonce, ...).
 * @returns The dataset's address and the creation receipt.
 */
export async function createDataset(
    registry: DatasetRegistry,
    owner: AddressLike,
    params: DatasetParams,
    overrides: NonPayableOverrides = {},
): Promise<CreatedAsset> {
    return created(registry, registry.createDataset(owner, params.name, params.multiaddr, params.checksum, overrides));
}

/**
 * The address `createWorkerpool` would deploy the workerpool to (computed on-chain by the registry).
 * @param registry The WorkerpoolRegistry.
 * @param owner The future owner of the workerpool.
 * @param params The workerpool's fields.
 * @returns The checksummed predicted address.
 */
export async function predictWorkerpool(
    registry: WorkerpoolRegistry,
    owner: AddressLike,
    params: WorkerpoolParams,
): Promise<string> {
    return registry.predictWorkerpool(owner, params.description);
}

/**
 * Creates a workerpool owned by `owner`, sent by the signer `registry` is connected to.
 * @param registry The WorkerpoolRegistry, connected to the sender.
 * @param owner The owner of the new workerpool (receives its token).
 * @param params The workerpool's fields.
 * @param overrides Transaction overrides (gas limit, nonce, ...).
 * @returns The workerpool's address and the creation receipt.
 */
export async function createWorkerpool(
    registry: WorkerpoolRegistry,
    owner: AddressLike,
    params: WorkerpoolParams,
    overrides: NonPayableOverrides = {},
): Promise<CreatedAsset> {
    return created(registry, registry.createWorkerpool(owner, params.description, overrides));
}

/** Waits for a creation transaction and reads the new asset's address from its mint event. */
async function created(registry: AssetRegistry, pending: Promise<ContractTransactionResponse>): Promise<CreatedAsset> {
    const tx = await pending;
    const receipt = await tx.wait();
    if (receipt === null) {
        throw new Error(`Transaction ${tx.hash} was dropped`);
    }
    return { address: await mintedAssetAddress(registry, receipt), receipt };
}
