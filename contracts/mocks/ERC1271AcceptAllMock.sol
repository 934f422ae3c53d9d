// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";

/// @notice Test-only ERC-1271 wallet that reports every signature valid: whoever holds an order of
/// it can presign or close it (the wallet's choice, not a verifier flaw).
contract ERC1271AcceptAllMock is IERC1271 {
    /// @inheritdoc IERC1271
    function isValidSignature(bytes32, bytes calldata) external pure override returns (bytes4) {
        return IERC1271.isValidSignature.selector;
    }
}
