// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// @notice Test-only facet, first version: two functions and a payable receive.
contract FacetMockV1 {
    /// @notice Emitted when the facet receives coins.
    event FacetMockReceived(address from, uint256 value);

    /// @notice Accept coins and say so.
    receive() external payable {
        emit FacetMockReceived(msg.sender, msg.value);
    }

    /// @notice Which version serves the call.
    /// @return 1.
    function mockVersion() external pure returns (uint256) {
        return 1;
    }

    /// @notice A second function.
    /// @return 10.
    function mockOther() external pure returns (uint256) {
        return 10;
    }
}
