// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IAssetViews} from "../interfaces/IAssetViews.sol";
import {IApp} from "../registries/apps/IApp.sol";
import {IDataset} from "../registries/datasets/IDataset.sol";
import {IWorkerpool} from "../registries/workerpools/IWorkerpool.sol";
import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";

/**
 * @title AssetViewsFacet
 * @notice Read-only bulk views of apps, datasets and workerpools: the asset's `owner()` and
 * metadata getters, gathered in one call.
 * @custom:version 0.1.0
 */
contract AssetViewsFacet is IAssetViews {
    /// @inheritdoc IAssetViews
    function viewApp(address app) external view override returns (IexecLibCore_v5.AppInfo memory) {
        IApp entry = IApp(app);
        return
            IexecLibCore_v5.AppInfo({
                owner: entry.owner(),
                m_appName: entry.m_appName(),
                m_appType: entry.m_appType(),
                m_appMultiaddr: entry.m_appMultiaddr(),
                m_appChecksum: entry.m_appChecksum(),
                m_appMREnclave: entry.m_appMREnclave()
            });
    }

    /// @inheritdoc IAssetViews
    function viewDataset(address dataset) external view override returns (IexecLibCore_v5.DatasetInfo memory) {
        IDataset entry = IDataset(dataset);
        return
            IexecLibCore_v5.DatasetInfo({
                owner: entry.owner(),
                m_datasetName: entry.m_datasetName(),
                m_datasetMultiaddr: entry.m_datasetMultiaddr(),
                m_datasetChecksum: entry.m_datasetChecksum()
            });
    }

    /// @inheritdoc IAssetViews
    function viewWorkerpool(address workerpool) external view override returns (IexecLibCore_v5.WorkerpoolInfo memory) {
        IWorkerpool entry = IWorkerpool(workerpool);
        return
            IexecLibCore_v5.WorkerpoolInfo({
                owner: entry.owner(),
                m_workerpoolDescription: entry.m_workerpoolDescription(),
                m_workerStakeRatioPolicy: entry.m_workerStakeRatioPolicy(),
                m_schedulerRewardRatioPolicy: entry.m_schedulerRewardRatioPolicy()
            });
    }
}
