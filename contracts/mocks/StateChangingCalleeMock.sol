// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/**
 * @notice Test-only callee that answers any call with `answer` (e.g. `true` as an ERC-734
 * identity, the ERC-1271 magic value as a wallet) after writing to its storage. Called with
 * STATICCALL, the write fails and so does the call: it shows that the callees of a match cannot
 * change state during it.
 */
contract StateChangingCalleeMock {
    /// @notice How many calls changed state.
    uint256 public writes;
    /// @notice The word every call returns.
    bytes32 public immutable answer;

    constructor(bytes32 answer_) {
        answer = answer_;
    }

    /// @notice Write, then return `answer`.
    // The point of this mock: a fallback that changes state.
    // solhint-disable-next-line no-complex-fallback
    fallback(bytes calldata) external returns (bytes memory) {
        ++writes;
        return abi.encode(answer);
    }
}
