// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {RegistryEntry} from "../RegistryEntry.sol";
import {IDataset} from "./IDataset.sol";

/**
 * @title Dataset
 * @notice A dataset asset. Its metadata is written once, by the DatasetRegistry, when it creates the
 * dataset; its owner is the owner of its token in the DatasetRegistry.
 */
contract Dataset is IDataset, RegistryEntry {
    /// @inheritdoc IDataset
    string public override m_datasetName;
    /// @inheritdoc IDataset
    bytes public override m_datasetMultiaddr;
    /// @inheritdoc IDataset
    bytes32 public override m_datasetChecksum;

    /// @inheritdoc IDataset
    function initialize(
        string calldata _datasetName,
        bytes calldata _datasetMultiaddr,
        bytes32 _datasetChecksum
    ) external override onlyRegistry {
        m_datasetName = _datasetName;
        m_datasetMultiaddr = _datasetMultiaddr;
        m_datasetChecksum = _datasetChecksum;
    }
}
