// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IConfiguration} from "../interfaces/IConfiguration.sol";
import {LibDiamond} from "../diamond/LibDiamond.sol";
import {LibConfig} from "../libraries/LibConfig.sol";
import {ConfigStorage} from "../storage/ConfigStorage.sol";
import {EscrowStorage} from "../storage/EscrowStorage.sol";
import {IexecLibOrders_v5} from "../types/IexecLibOrders_v5.sol";

/**
 * @title ConfigurationFacet
 * @notice The hub's configuration: set once at deployment, then the owner-managed settings and
 * the getters clients use to discover the registries and the token.
 */
contract ConfigurationFacet is IConfiguration {
    /// @inheritdoc IConfiguration
    function configure(
        address token_,
        string calldata name_,
        string calldata symbol_,
        uint8 decimals_,
        address appRegistry,
        address datasetRegistry,
        address workerpoolRegistry,
        address v3Hub
    ) external override {
        LibDiamond.enforceIsOwner();
        LibConfig.configure(token_, name_, symbol_, decimals_, appRegistry, datasetRegistry, workerpoolRegistry, v3Hub);
    }

    /// @inheritdoc IConfiguration
    function updateDomainSeparator() external override {
        if (ConfigStorage.layout().domainSeparator == bytes32(0)) revert ConfigNotConfigured();
        LibConfig.updateDomainSeparator();
    }

    /// @inheritdoc IConfiguration
    function changeRegistries(
        address appRegistry,
        address datasetRegistry,
        address workerpoolRegistry
    ) external override {
        LibDiamond.enforceIsOwner();
        LibConfig.setRegistries(appRegistry, datasetRegistry, workerpoolRegistry);
    }

    /// @inheritdoc IConfiguration
    function setTeeBroker(address teeBroker) external override {
        LibDiamond.enforceIsOwner();
        ConfigStorage.Layout storage $ = ConfigStorage.layout();
        emit TeeBrokerUpdated($.teeBroker, teeBroker);
        $.teeBroker = teeBroker;
    }

    /// @inheritdoc IConfiguration
    function setCallbackGas(uint256 callbackGas) external override {
        LibDiamond.enforceIsOwner();
        LibConfig.setCallbackGas(callbackGas);
    }

    /// @inheritdoc IConfiguration
    function domain() external view override returns (IexecLibOrders_v5.EIP712Domain memory) {
        return
            IexecLibOrders_v5.EIP712Domain({
                name: LibConfig.DOMAIN_NAME,
                version: LibConfig.DOMAIN_VERSION,
                chainId: block.chainid,
                verifyingContract: address(this)
            });
    }

    /// @inheritdoc IConfiguration
    function eip712domain_separator() external view override returns (bytes32) {
        return ConfigStorage.layout().domainSeparator;
    }

    /// @inheritdoc IConfiguration
    function token() external view override returns (address) {
        return EscrowStorage.layout().token;
    }

    /// @inheritdoc IConfiguration
    function appregistry() external view override returns (address) {
        return ConfigStorage.layout().appRegistry;
    }

    /// @inheritdoc IConfiguration
    function datasetregistry() external view override returns (address) {
        return ConfigStorage.layout().datasetRegistry;
    }

    /// @inheritdoc IConfiguration
    function workerpoolregistry() external view override returns (address) {
        return ConfigStorage.layout().workerpoolRegistry;
    }

    /// @inheritdoc IConfiguration
    function teebroker() external view override returns (address) {
        return ConfigStorage.layout().teeBroker;
    }

    /// @inheritdoc IConfiguration
    function callbackgas() external view override returns (uint256) {
        return ConfigStorage.layout().callbackGas;
    }
}
