// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IexecLibOrders_v5} from "../types/IexecLibOrders_v5.sol";

/**
 * @title IRelay
 * @notice Publish orders on chain for off-chain order books: each call only emits the whole order
 * (its `sign` included). No access control, no check, no state. Names, signatures and events are
 * those of the PoCo v6.2 ABI.
 */
interface IRelay {
    /// @notice An app order was published.
    event BroadcastAppOrder(IexecLibOrders_v5.AppOrder apporder);
    /// @notice A dataset order was published.
    event BroadcastDatasetOrder(IexecLibOrders_v5.DatasetOrder datasetorder);
    /// @notice A workerpool order was published.
    event BroadcastWorkerpoolOrder(IexecLibOrders_v5.WorkerpoolOrder workerpoolorder);
    /// @notice A request order was published.
    event BroadcastRequestOrder(IexecLibOrders_v5.RequestOrder requestorder);

    /// @notice Publish an app order. Emits {BroadcastAppOrder}.
    /// @param apporder The order, as it would be matched.
    function broadcastAppOrder(IexecLibOrders_v5.AppOrder calldata apporder) external;

    /// @notice Publish a dataset order. Emits {BroadcastDatasetOrder}.
    /// @param datasetorder The order, as it would be matched.
    function broadcastDatasetOrder(IexecLibOrders_v5.DatasetOrder calldata datasetorder) external;

    /// @notice Publish a workerpool order. Emits {BroadcastWorkerpoolOrder}.
    /// @param workerpoolorder The order, as it would be matched.
    function broadcastWorkerpoolOrder(IexecLibOrders_v5.WorkerpoolOrder calldata workerpoolorder) external;

    /// @notice Publish a request order. Emits {BroadcastRequestOrder}.
    /// @param requestorder The order, as it would be matched.
    function broadcastRequestOrder(IexecLibOrders_v5.RequestOrder calldata requestorder) external;
}
