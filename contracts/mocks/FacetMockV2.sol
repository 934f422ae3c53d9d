// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// @notice Test-only facet, second version of `mockVersion`.
contract FacetMockV2 {
    /// @notice Which version serves the call.
    /// @return 2.
    function mockVersion() external pure returns (uint256) {
        return 2;
    }
}
