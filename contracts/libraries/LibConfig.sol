// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IConfiguration} from "../interfaces/IConfiguration.sol";
import {ConfigStorage} from "../storage/ConfigStorage.sol";
import {EscrowStorage} from "../storage/EscrowStorage.sol";

/**
 * @title LibConfig
 * @notice Configuration writes shared by the configuration facet and the diamond's initializer,
 * and the EIP-712 domain of the orders.
 */
library LibConfig {
    /// @notice EIP-712 domain name of PoCo orders (kept from the reference for signature compatibility).
    string internal constant DOMAIN_NAME = "iExecODB";
    /// @notice EIP-712 domain version of PoCo orders.
    string internal constant DOMAIN_VERSION = "5.0.0";
    /// @notice keccak256 of the EIP-712 domain type.
    bytes32 internal constant DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );
    /// @notice Result-callback gas set by `configure` (the v6.2 value).
    uint256 internal constant DEFAULT_CALLBACK_GAS = 200_000;

    /// @notice Store the configuration once; see `IConfiguration.configure`.
    function configure(
        address token,
        string memory name,
        string memory symbol,
        uint8 decimals,
        address appRegistry,
        address datasetRegistry,
        address workerpoolRegistry,
        address v3Hub
    ) internal {
        ConfigStorage.Layout storage $ = ConfigStorage.layout();
        if ($.domainSeparator != bytes32(0)) revert IConfiguration.ConfigAlreadyConfigured();
        EscrowStorage.layout().token = token;
        $.name = name;
        $.symbol = symbol;
        $.decimals = decimals;
        $.v3Hub = v3Hub;
        emit IConfiguration.Configured(token, appRegistry, datasetRegistry, workerpoolRegistry, v3Hub);
        setRegistries(appRegistry, datasetRegistry, workerpoolRegistry);
        setCallbackGas(DEFAULT_CALLBACK_GAS);
        updateDomainSeparator();
    }

    /// @notice Store the registries, rejecting a zero address.
    function setRegistries(address appRegistry, address datasetRegistry, address workerpoolRegistry) internal {
        if (appRegistry == address(0) || datasetRegistry == address(0) || workerpoolRegistry == address(0)) {
            revert IConfiguration.ConfigInvalidRegistry(appRegistry, datasetRegistry, workerpoolRegistry);
        }
        ConfigStorage.Layout storage $ = ConfigStorage.layout();
        $.appRegistry = appRegistry;
        $.datasetRegistry = datasetRegistry;
        $.workerpoolRegistry = workerpoolRegistry;
        emit IConfiguration.RegistriesUpdated(appRegistry, datasetRegistry, workerpoolRegistry);
    }

    /// @notice Store the result-callback gas.
    function setCallbackGas(uint256 callbackGas) internal {
        ConfigStorage.Layout storage $ = ConfigStorage.layout();
        emit IConfiguration.CallbackGasUpdated($.callbackGas, callbackGas);
        $.callbackGas = callbackGas;
    }

    /// @notice Recompute and store the domain separator for the current chain and hub address.
    function updateDomainSeparator() internal {
        bytes32 separator = keccak256(
            abi.encode(
                DOMAIN_TYPEHASH,
                keccak256(bytes(DOMAIN_NAME)),
                keccak256(bytes(DOMAIN_VERSION)),
                block.chainid,
                address(this)
            )
        );
        ConfigStorage.layout().domainSeparator = separator;
        emit IConfiguration.DomainSeparatorUpdated(separator, block.chainid);
    }
}
