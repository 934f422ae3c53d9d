// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/**
 * @title IERC734
 * @notice The part of an ERC-734 key manager (identity) the protocol uses: group membership. An
 * order restriction (`*restrict`, `RequestOrder.workerpool`) that is such an identity admits every
 * account whose key has the group-member purpose.
 * @dev The key of an account is the account's address left-padded to 32 bytes,
 * `bytes32(uint256(uint160(account)))`, as the reference (PoCo v6.2 `SignatureVerifier`) passes it.
 */
interface IERC734 {
    /**
     * @notice Whether `key` has `purpose` in this identity.
     * @param key The key (an account, left-padded).
     * @param purpose The purpose (4: group member).
     * @return exists True if the key has the purpose.
     */
    function keyHasPurpose(bytes32 key, uint256 purpose) external view returns (bool exists);
}
