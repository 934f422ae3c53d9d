// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {IOrderManagement} from "../interfaces/IOrderManagement.sol";
import {ClerkStorage} from "../storage/ClerkStorage.sol";

/**
 * @title LibSignature
 * @notice Who signed an order or an order operation: ECDSA for EOAs, ERC-1271 for contracts, and
 * on-chain presignatures. The rules are listed in {IOrderManagement}.
 * @dev Differences from the reference (`SignatureVerifier`, PoCo v6.2), on purpose:
 * - `account == address(0)` is rejected up front. The reference compares the recovered address,
 *   which is zero for any junk signature, with the zero account and accepts it.
 * - An ERC-1271 wallet that returns malformed data is a refusal. The reference decodes the
 *   answer of a `try` call as `bytes4`, which reverts the whole call on short or dirty data.
 */
library LibSignature {
    /// @dev `IERC1271.isValidSignature.selector`, the value a wallet returns to accept a signature.
    bytes4 private constant ERC1271_MAGIC_VALUE = IERC1271.isValidSignature.selector;
    /// @dev secp256k1n / 2: an `s` above it is the malleable twin of a lower one (EIP-2).
    uint256 private constant HALF_CURVE_ORDER = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;
    /// @dev EIP-2098: the top bit of `vs` is `v - 27`, the other 255 bits are `s`.
    uint256 private constant COMPACT_S_MASK = 0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff;

    /**
     * @notice Whether `signature` is `account`'s signature of `digest`.
     * @dev Reverts with {IOrderManagement.SignatureInvalidLength} when `account` is an EOA and the
     * signature is neither 65 nor 64 bytes long (as the reference does).
     */
    function verify(address account, bytes32 digest, bytes calldata signature) internal view returns (bool) {
        if (account == address(0)) return false;
        if (account.code.length != 0) return _isValidERC1271(account, digest, signature);
        return _recover(digest, signature) == account;
    }

    /**
     * @notice Whether `signature` is `account`'s ECDSA signature of `digest`, whether `account`
     * has code or not (never ERC-1271): for keys that must be keys, such as TEE enclave challenges.
     * @dev Reverts with {IOrderManagement.SignatureInvalidLength} when the signature is neither 65
     * nor 64 bytes long.
     */
    function verifyECDSA(address account, bytes32 digest, bytes calldata signature) internal pure returns (bool) {
        return account != address(0) && _recover(digest, signature) == account;
    }

    /// @notice Whether `account` (not zero) presigned `digest`.
    function verifyPresignature(address account, bytes32 digest) internal view returns (bool) {
        return account != address(0) && ClerkStorage.layout().presigned[digest] == account;
    }

    /**
     * @notice Whether `account` presigned `digest`, else whether `signature` is its signature of it.
     * @dev Same answer, and same revert ({IOrderManagement.SignatureInvalidLength} for an EOA
     * without presignature and a signature of a wrong length), as checking the presignature first.
     * For an EOA with a well-formed signature the signature is checked first, since neither check
     * can then revert: a valid one (the usual case) saves the presignature's storage read.
     */
    function verifyPresignatureOrSignature(
        address account,
        bytes32 digest,
        bytes calldata signature
    ) internal view returns (bool) {
        if (account == address(0)) return false;
        uint256 length = signature.length;
        if ((length == 65 || length == 64) && account.code.length == 0) {
            return _recover(digest, signature) == account || ClerkStorage.layout().presigned[digest] == account;
        }
        return verifyPresignature(account, digest) || verify(account, digest, signature);
    }

    /// @dev The ECDSA signer of `digest`, or zero for a high `s`, a `v` other than 27/28 or an
    /// unrecoverable signature.
    function _recover(bytes32 digest, bytes calldata signature) private pure returns (address) {
        bytes32 r;
        uint256 s;
        uint256 v;
        if (signature.length == 65) {
            assembly ("memory-safe") {
                r := calldataload(signature.offset)
                s := calldataload(add(signature.offset, 0x20))
                v := byte(0, calldataload(add(signature.offset, 0x40)))
            }
        } else if (signature.length == 64) {
            uint256 vs;
            assembly ("memory-safe") {
                r := calldataload(signature.offset)
                vs := calldataload(add(signature.offset, 0x20))
            }
            s = vs & COMPACT_S_MASK;
            v = (vs >> 255) + 27;
        } else {
            revert IOrderManagement.SignatureInvalidLength(signature.length);
        }
        bool badV;
        unchecked {
            // Only 27 and 28 give 0 or 1 (below 27 it wraps around); no branch on `v`, so that a
            // signature's cost does not depend on its recovery byte.
            badV = v - 27 > 1;
        }
        if (s > HALF_CURVE_ORDER || badV) return address(0);
        // Returns zero when the signature does not recover.
        return ecrecover(digest, uint8(v), r, bytes32(s));
    }

    /// @dev Whether the wallet answers `isValidSignature(digest, signature)` with exactly the magic
    /// value. A STATICCALL: the wallet cannot change state. Only the first word of the answer is
    /// copied (no return-data bomb); a revert or an answer shorter than a word is a refusal.
    function _isValidERC1271(address wallet, bytes32 digest, bytes calldata signature) private view returns (bool) {
        bytes memory data = abi.encodeCall(IERC1271.isValidSignature, (digest, signature));
        bytes32 magic = ERC1271_MAGIC_VALUE;
        bool valid;
        assembly ("memory-safe") {
            let success := staticcall(gas(), wallet, add(data, 0x20), mload(data), 0x00, 0x20)
            valid := and(and(success, gt(returndatasize(), 0x1f)), eq(mload(0x00), magic))
        }
        return valid;
    }
}
