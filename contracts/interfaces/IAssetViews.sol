// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";

/**
 * @title IAssetViews
 * @notice An asset's owner and metadata in one call (PoCo 6.1 ABI; worker middleware reads them in
 * bulk). Each reads the asset's own getters: an address that is not such an asset reverts.
 */
interface IAssetViews {
    /**
     * @notice An app's owner and metadata.
     * @param app The app.
     * @return The owner, name, type, multiaddr, checksum and MREnclave of the app.
     */
    function viewApp(address app) external view returns (IexecLibCore_v5.AppInfo memory);

    /**
     * @notice A dataset's owner and metadata.
     * @param dataset The dataset.
     * @return The owner, name, multiaddr and checksum of the dataset.
     */
    function viewDataset(address dataset) external view returns (IexecLibCore_v5.DatasetInfo memory);

    /**
     * @notice A workerpool's owner, description and policy.
     * @param workerpool The workerpool.
     * @return The owner, description, worker stake ratio and scheduler reward ratio of the workerpool.
     */
    function viewWorkerpool(address workerpool) external view returns (IexecLibCore_v5.WorkerpoolInfo memory);
}
