// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {Registry} from "../Registry.sol";
import {App} from "./App.sol";
import {IApp} from "./IApp.sol";

/**
 * @title AppRegistry
 * @notice Creates App assets and mints their ERC-721 token (`iExec Application Registry (V5)`,
 * `iExecAppsV5`); the token id is the app's address.
 */
contract AppRegistry is Registry {
    /// @notice Deploys the registry, owned by the deployer, and the App master its apps delegate to.
    constructor() Registry(address(new App()), "iExec Application Registry (V5)", "iExecAppsV5") {}

    /**
     * @notice Creates an app owned by `_appOwner` and mints its token to `_appOwner`. Anyone may create
     * an app for anyone. Emits only the ERC-721 `Transfer(address(0), _appOwner, uint160(app))`.
     * @dev Reverts `"Create2: Failed on deploy"` if the same app (same fields, same owner) already exists
     * and `"ERC721: mint to the zero address"` if `_appOwner` is zero.
     * @param _appOwner Owner of the app (receives the token).
     * @param _appName Human-readable name.
     * @param _appType Type of the app (the iExec SDK only accepts `"DOCKER"`).
     * @param _appMultiaddr Where the app image lives.
     * @param _appChecksum Checksum of the image.
     * @param _appMREnclave TEE enclave measurement; empty for a standard app.
     * @return The new app, at the address {predictApp} returns for the same arguments.
     */
    function createApp(
        address _appOwner,
        string calldata _appName,
        string calldata _appType,
        bytes calldata _appMultiaddr,
        bytes32 _appChecksum,
        bytes calldata _appMREnclave
    ) external returns (App) {
        return
            App(_createEntry(_appOwner, _initializer(_appName, _appType, _appMultiaddr, _appChecksum, _appMREnclave)));
    }

    /**
     * @notice The address {createApp} deploys to for the same arguments (whether created yet or not).
     * @param _appOwner Owner of the app.
     * @param _appName Human-readable name.
     * @param _appType Type of the app.
     * @param _appMultiaddr Where the app image lives.
     * @param _appChecksum Checksum of the image.
     * @param _appMREnclave TEE enclave measurement.
     * @return The app's address.
     */
    function predictApp(
        address _appOwner,
        string calldata _appName,
        string calldata _appType,
        bytes calldata _appMultiaddr,
        bytes32 _appChecksum,
        bytes calldata _appMREnclave
    ) external view returns (App) {
        return
            App(_predictEntry(_appOwner, _initializer(_appName, _appType, _appMultiaddr, _appChecksum, _appMREnclave)));
    }

    /// @dev The call data of `App.initialize` for these fields: the CREATE2 salt is derived from it.
    function _initializer(
        string calldata _appName,
        string calldata _appType,
        bytes calldata _appMultiaddr,
        bytes32 _appChecksum,
        bytes calldata _appMREnclave
    ) private pure returns (bytes memory) {
        return abi.encodeCall(IApp.initialize, (_appName, _appType, _appMultiaddr, _appChecksum, _appMREnclave));
    }
}
