// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// @dev What the consumer asks the hub during a callback.
interface IHubForConsumer {
    function resultFor(bytes32 id) external view returns (bytes memory);

    function claim(bytes32 taskId) external;

    function finalize(bytes32 taskId, bytes calldata results, bytes calldata resultsCallback) external;
}

/**
 * @title OracleConsumerMock
 * @notice Test-only result-callback target (ERC-1154 `receiveResult`), with the misbehaviours a
 * finalization must survive.
 */
contract OracleConsumerMock {
    /// @notice How `receiveResult` behaves.
    enum Mode {
        /// Records the call, checks `resultFor` on the caller agrees, emits {ResultReceived}.
        Record,
        /// Reverts.
        Revert,
        /// Burns all the gas it is given.
        BurnGas,
        /// Returns 256 KiB of data.
        ReturnBomb,
        /// Tries to claim and to finalize the task again, and records whether each call succeeded.
        Reenter
    }

    /// @notice `receiveResult(taskId, data)` was called by `caller`; `pulled` is what
    /// `caller.resultFor(taskId)` returned during the call.
    event ResultReceived(address caller, bytes32 taskId, bytes data, bytes pulled, uint256 gasLeft);
    /// @notice In `Reenter` mode: whether the nested claim and finalize succeeded.
    event ReentryAttempted(bool claimed, bool finalized);

    /// @notice The error `Revert` mode reverts with.
    error OracleConsumerMockRefused();

    /// @notice The current mode.
    Mode public mode;
    /// @notice How many times `receiveResult` completed.
    uint256 public calls;
    /// @notice The last task and data received.
    bytes32 public lastTaskId;
    bytes public lastData;

    /// @notice Change the mode.
    function setMode(Mode mode_) external {
        mode = mode_;
    }

    /// @notice The callback the hub calls on finalization.
    function receiveResult(bytes32 taskId, bytes calldata data) external {
        Mode current = mode;
        if (current == Mode.Revert) revert OracleConsumerMockRefused();
        if (current == Mode.BurnGas) {
            uint256 i;
            while (gasleft() > 0) ++i;
        }
        if (current == Mode.ReturnBomb) {
            assembly {
                return(0, 0x40000)
            }
        }
        if (current == Mode.Reenter) {
            (bool claimed, ) = msg.sender.call(abi.encodeCall(IHubForConsumer.claim, (taskId)));
            (bool finalized, ) = msg.sender.call(abi.encodeCall(IHubForConsumer.finalize, (taskId, "", data)));
            emit ReentryAttempted(claimed, finalized);
        }
        bytes memory pulled = IHubForConsumer(msg.sender).resultFor(taskId);
        ++calls;
        lastTaskId = taskId;
        lastData = data;
        emit ResultReceived(msg.sender, taskId, data, pulled, gasleft());
    }
}
