// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {Registry} from "../Registry.sol";
import {Dataset} from "./Dataset.sol";
import {IDataset} from "./IDataset.sol";

/**
 * @title DatasetRegistry
 * @notice Creates Dataset assets and mints their ERC-721 token (`iExec Dataset Registry (V5)`,
 * `iExecDatasetsV5`); the token id is the dataset's address.
 */
contract DatasetRegistry is Registry {
    /// @notice Deploys the registry, owned by the deployer, and the Dataset master its datasets delegate to.
    constructor() Registry(address(new Dataset()), "iExec Dataset Registry (V5)", "iExecDatasetsV5") {}

    /**
     * @notice Creates a dataset owned by `_datasetOwner` and mints its token to `_datasetOwner`. Anyone
     * may create a dataset for anyone. Emits only the ERC-721 `Transfer(address(0), _datasetOwner, id)`.
     * @dev Reverts `"Create2: Failed on deploy"` if the same dataset (same fields, same owner) already
     * exists and `"ERC721: mint to the zero address"` if `_datasetOwner` is zero.
     * @param _datasetOwner Owner of the dataset (receives the token).
     * @param _datasetName Human-readable name.
     * @param _datasetMultiaddr Where the dataset lives.
     * @param _datasetChecksum Checksum of the dataset.
     * @return The new dataset, at the address {predictDataset} returns for the same arguments.
     */
    function createDataset(
        address _datasetOwner,
        string calldata _datasetName,
        bytes calldata _datasetMultiaddr,
        bytes32 _datasetChecksum
    ) external returns (Dataset) {
        return Dataset(_createEntry(_datasetOwner, _initializer(_datasetName, _datasetMultiaddr, _datasetChecksum)));
    }

    /**
     * @notice The address {createDataset} deploys to for the same arguments (whether created yet or not).
     * @param _datasetOwner Owner of the dataset.
     * @param _datasetName Human-readable name.
     * @param _datasetMultiaddr Where the dataset lives.
     * @param _datasetChecksum Checksum of the dataset.
     * @return The dataset's address.
     */
    function predictDataset(
        address _datasetOwner,
        string calldata _datasetName,
        bytes calldata _datasetMultiaddr,
        bytes32 _datasetChecksum
    ) external view returns (Dataset) {
        return Dataset(_predictEntry(_datasetOwner, _initializer(_datasetName, _datasetMultiaddr, _datasetChecksum)));
    }

    /// @dev The call data of `Dataset.initialize` for these fields: the CREATE2 salt is derived from it.
    function _initializer(
        string calldata _datasetName,
        bytes calldata _datasetMultiaddr,
        bytes32 _datasetChecksum
    ) private pure returns (bytes memory) {
        return abi.encodeCall(IDataset.initialize, (_datasetName, _datasetMultiaddr, _datasetChecksum));
    }
}
