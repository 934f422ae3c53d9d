// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IRegistryEntry} from "../IRegistryEntry.sol";

/**
 * @title IDataset
 * @notice A dataset registered in the DatasetRegistry: its metadata, set once at creation.
 */
interface IDataset is IRegistryEntry {
    /**
     * @notice Sets the dataset's metadata. Called once by the registry while it creates the dataset.
     * @dev Reverts `"already initialized"` for any other caller.
     * @param _datasetName Human-readable name.
     * @param _datasetMultiaddr Where the (encrypted) dataset lives.
     * @param _datasetChecksum Checksum of the dataset.
     */
    function initialize(
        string calldata _datasetName,
        bytes calldata _datasetMultiaddr,
        bytes32 _datasetChecksum
    ) external;

    /**
     * @notice The dataset's name.
     * @return The name given at creation.
     */
    function m_datasetName() external view returns (string memory);

    /**
     * @notice Where the dataset lives.
     * @return The multiaddr given at creation.
     */
    function m_datasetMultiaddr() external view returns (bytes memory);

    /**
     * @notice The checksum of the dataset.
     * @return The checksum given at creation.
     */
    function m_datasetChecksum() external view returns (bytes32);
}
