// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IRegistryEntry} from "../IRegistryEntry.sol";

/**
 * @title IApp
 * @notice An application registered in the AppRegistry: its metadata, set once at creation.
 */
interface IApp is IRegistryEntry {
    /**
     * @notice Sets the app's metadata. Called once by the registry while it creates the app.
     * @dev Reverts `"already initialized"` for any other caller.
     * @param _appName Human-readable name.
     * @param _appType Type of the app; the iExec SDK only accepts `"DOCKER"`.
     * @param _appMultiaddr Where the app image lives (e.g. a docker image reference).
     * @param _appChecksum Checksum of the image (e.g. its docker digest).
     * @param _appMREnclave TEE enclave measurement / framework description; empty for a standard app.
     */
    function initialize(
        string calldata _appName,
        string calldata _appType,
        bytes calldata _appMultiaddr,
        bytes32 _appChecksum,
        bytes calldata _appMREnclave
    ) external;

    /**
     * @notice The app's name.
     * @return The name given at creation.
     */
    function m_appName() external view returns (string memory);

    /**
     * @notice The app's type.
     * @return The type given at creation.
     */
    function m_appType() external view returns (string memory);

    /**
     * @notice Where the app image lives.
     * @return The multiaddr given at creation.
     */
    function m_appMultiaddr() external view returns (bytes memory);

    /**
     * @notice The checksum of the app image.
     * @return The checksum given at creation.
     */
    function m_appChecksum() external view returns (bytes32);

    /**
     * @notice The TEE enclave measurement.
     * @return The MREnclave given at creation (empty for a standard app).
     */
    function m_appMREnclave() external view returns (bytes memory);
}
