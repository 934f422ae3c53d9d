// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IRelay} from "../interfaces/IRelay.sol";
import {IexecLibOrders_v5} from "../types/IexecLibOrders_v5.sol";

/**
 * @title RelayFacet
 * @notice Order broadcasts for off-chain order books.
 * @custom:version 0.1.0
 */
contract RelayFacet is IRelay {
    /// @inheritdoc IRelay
    function broadcastAppOrder(IexecLibOrders_v5.AppOrder calldata apporder) external override {
        emit BroadcastAppOrder(apporder);
    }

    /// @inheritdoc IRelay
    function broadcastDatasetOrder(IexecLibOrders_v5.DatasetOrder calldata datasetorder) external override {
        emit BroadcastDatasetOrder(datasetorder);
    }

    /// @inheritdoc IRelay
    function broadcastWorkerpoolOrder(IexecLibOrders_v5.WorkerpoolOrder calldata workerpoolorder) external override {
        emit BroadcastWorkerpoolOrder(workerpoolorder);
    }

    /// @inheritdoc IRelay
    function broadcastRequestOrder(IexecLibOrders_v5.RequestOrder calldata requestorder) external override {
        emit BroadcastRequestOrder(requestorder);
    }
}
