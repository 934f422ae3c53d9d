// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IexecLibOrders_v5} from "../types/IexecLibOrders_v5.sol";

/**
 * @title IConfiguration
 * @notice The hub's configuration: its token, registries and EIP-712 domain, set once; the TEE
 * broker and the result-callback gas, owner-managed. Names and signatures are those of the PoCo
 * v6.2 ABI; the events and errors are this implementation's (the reference emits none).
 */
interface IConfiguration {
    /// @notice `configure` was called on a hub that is already configured.
    error ConfigAlreadyConfigured();
    /// @notice `updateDomainSeparator` was called on a hub that is not configured yet.
    error ConfigNotConfigured();
    /// @notice A registry address is zero.
    error ConfigInvalidRegistry(address appRegistry, address datasetRegistry, address workerpoolRegistry);

    /// @notice The hub was configured (once, normally by the initializer of its first cut).
    event Configured(
        address token,
        address appRegistry,
        address datasetRegistry,
        address workerpoolRegistry,
        address v3Hub
    );
    /// @notice The stored EIP-712 domain separator changed.
    event DomainSeparatorUpdated(bytes32 domainSeparator, uint256 chainId);
    /// @notice The three registry addresses changed.
    event RegistriesUpdated(address appRegistry, address datasetRegistry, address workerpoolRegistry);
    /// @notice The TEE broker changed.
    event TeeBrokerUpdated(address previousTeeBroker, address newTeeBroker);
    /// @notice The gas forwarded to result callbacks changed.
    event CallbackGasUpdated(uint256 previousCallbackGas, uint256 newCallbackGas);

    /**
     * @notice Configure the hub, once. Owner only. Stores the token, the ERC-20 metadata of the
     * escrow view, the registries and the EIP-712 domain separator, and sets the result-callback
     * gas to its default (200,000).
     * @param token The RLC token (token flavour) or zero (native flavour).
     * @param name The escrow view's ERC-20 name ("Staked RLC").
     * @param symbol The escrow view's ERC-20 symbol ("SRLC").
     * @param decimals The escrow view's decimals (9).
     * @param appRegistry The app registry.
     * @param datasetRegistry The dataset registry.
     * @param workerpoolRegistry The workerpool registry.
     * @param v3Hub The PoCo v3 hub scores may be imported from, or zero.
     */
    function configure(
        address token,
        string calldata name,
        string calldata symbol,
        uint8 decimals,
        address appRegistry,
        address datasetRegistry,
        address workerpoolRegistry,
        address v3Hub
    ) external;

    /// @notice Recompute the stored domain separator with the current chain id (after a fork).
    /// Anyone may call it; reverts on a hub that is not configured.
    function updateDomainSeparator() external;

    /**
     * @notice Point the hub at other registries. Owner only. The owner can thereby make any
     * contract a valid asset: this is part of the trust placed in the owner.
     * @param appRegistry The app registry.
     * @param datasetRegistry The dataset registry.
     * @param workerpoolRegistry The workerpool registry.
     */
    function changeRegistries(address appRegistry, address datasetRegistry, address workerpoolRegistry) external;

    /// @notice Set the account that signs TEE authorizations instead of the scheduler (zero: the
    /// scheduler signs). Owner only.
    /// @param teeBroker The TEE broker.
    function setTeeBroker(address teeBroker) external;

    /// @notice Set the gas forwarded to result callbacks on finalize. Owner only.
    /// @param callbackGas The gas.
    function setCallbackGas(uint256 callbackGas) external;

    /// @notice The EIP-712 domain the stored separator was computed from (name `iExecODB`,
    /// version `5.0.0`, this chain's id, the hub's address).
    /// @return The domain.
    function domain() external view returns (IexecLibOrders_v5.EIP712Domain memory);

    /// @notice The stored EIP-712 domain separator (zero before `configure`).
    /// @return The separator.
    function eip712domain_separator() external view returns (bytes32);

    /// @notice The RLC token escrowed by the hub, or zero on the native flavour.
    /// @return The token address.
    function token() external view returns (address);

    /// @notice The app registry.
    /// @return The registry address.
    function appregistry() external view returns (address);

    /// @notice The dataset registry.
    /// @return The registry address.
    function datasetregistry() external view returns (address);

    /// @notice The workerpool registry.
    /// @return The registry address.
    function workerpoolregistry() external view returns (address);

    /// @notice The account that signs TEE authorizations instead of the scheduler, or zero.
    /// @return The TEE broker.
    function teebroker() external view returns (address);

    /// @notice The gas forwarded to result callbacks on finalize.
    /// @return The gas.
    function callbackgas() external view returns (uint256);
}
