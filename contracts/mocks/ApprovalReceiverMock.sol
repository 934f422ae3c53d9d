// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IApprovalReceiver} from "../interfaces/IApprovalReceiver.sol";

/// @notice Test-only `approveAndCall` receiver: records the call and answers what it is told to.
contract ApprovalReceiverMock is IApprovalReceiver {
    /// @notice What `receiveApproval` returns.
    bool public accept = true;

    /// @notice `receiveApproval` was called with these arguments, by `caller`.
    event ApprovalReceived(address caller, address from, uint256 amount, address token, bytes extraData);

    /// @notice Make `receiveApproval` return `accept_`.
    function setAccept(bool accept_) external {
        accept = accept_;
    }

    /// @inheritdoc IApprovalReceiver
    function receiveApproval(
        address from,
        uint256 amount,
        address token,
        bytes calldata extraData
    ) external override returns (bool) {
        emit ApprovalReceived(msg.sender, from, amount, token, extraData);
        return accept;
    }
}
