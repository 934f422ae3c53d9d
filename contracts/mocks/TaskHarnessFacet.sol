// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {ConfigStorage} from "../storage/ConfigStorage.sol";
import {TaskStorage} from "../storage/TaskStorage.sol";

/**
 * @title TaskHarnessFacet
 * @notice Test-only facet: sets what the task side reads but no operation of a test hub can set
 * directly: workers' scores (as the reference tests write them into storage) and the PoCo v3 hub
 * scores are imported from (set only by the one-shot `configure`). Never deployed by `deploy/`.
 */
contract TaskHarnessFacet {
    /// @notice Set `worker`'s score.
    function harnessSetScore(address worker, uint128 score) external {
        TaskStorage.layout().workers[worker].score = score;
    }

    /// @notice Set the PoCo v3 hub.
    function harnessSetV3Hub(address v3Hub) external {
        ConfigStorage.layout().v3Hub = v3Hub;
    }
}
