// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {LibSignature} from "../libraries/LibSignature.sol";
import {ClerkStorage} from "../storage/ClerkStorage.sol";

/// @notice Test-only: `LibSignature` as external functions, over this contract's own Clerk storage.
contract LibSignatureMock {
    /// @notice `LibSignature.verify`.
    function verify(address account, bytes32 digest, bytes calldata signature) external view returns (bool) {
        return LibSignature.verify(account, digest, signature);
    }

    /// @notice `LibSignature.verifyPresignature`.
    function verifyPresignature(address account, bytes32 digest) external view returns (bool) {
        return LibSignature.verifyPresignature(account, digest);
    }

    /// @notice `LibSignature.verifyPresignatureOrSignature`.
    function verifyPresignatureOrSignature(
        address account,
        bytes32 digest,
        bytes calldata signature
    ) external view returns (bool) {
        return LibSignature.verifyPresignatureOrSignature(account, digest, signature);
    }

    /// @notice Record a presignature directly (what `manage*Order` SIGN does).
    function setPresigned(bytes32 digest, address account) external {
        ClerkStorage.layout().presigned[digest] = account;
    }
}
