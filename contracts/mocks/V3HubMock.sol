// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/**
 * @title V3HubMock
 * @notice Test-only PoCo v3 hub: answers `viewScore(worker)` with what the test set, or reverts.
 */
contract V3HubMock {
    /// @notice The error `viewScore` reverts with when asked to.
    error V3HubMockRefused();

    mapping(address worker => uint256) private _scores;
    bool private _reverting;

    /// @notice Set the score reported for `worker`.
    function setScore(address worker, uint256 score) external {
        _scores[worker] = score;
    }

    /// @notice Make `viewScore` revert, or answer again.
    function setReverting(bool reverting) external {
        _reverting = reverting;
    }

    /// @notice The PoCo v3 hub's score getter.
    function viewScore(address worker) external view returns (uint256) {
        if (_reverting) revert V3HubMockRefused();
        return _scores[worker];
    }
}
