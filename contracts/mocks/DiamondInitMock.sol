// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {DiamondStorage} from "../storage/DiamondStorage.sol";

/// @notice Test-only cut initializer: succeeds (recording an interface id), or fails with or
/// without a reason.
contract DiamondInitMock {
    /// @notice The interface id `succeed` records.
    bytes4 public constant MOCK_INTERFACE_ID = 0x12345678;

    /// @notice The failure `failWithError` reverts with.
    error DiamondInitMockFailed(uint256 code);

    /// @notice Emitted by `succeed`, from the diamond's context.
    event DiamondInitMockCalled(address context);

    /// @notice Record `MOCK_INTERFACE_ID` as supported and emit an event.
    function succeed() external {
        DiamondStorage.layout().supportedInterfaces[MOCK_INTERFACE_ID] = true;
        emit DiamondInitMockCalled(address(this));
    }

    /// @notice Revert with a custom error.
    function failWithError() external pure {
        revert DiamondInitMockFailed(42);
    }

    /// @notice Revert without reason.
    function failWithoutReason() external pure {
        revert(); // solhint-disable-line reason-string
    }
}
