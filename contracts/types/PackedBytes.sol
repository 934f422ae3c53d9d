// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/**
 * @notice A byte string in storage, one slot shorter than a Solidity `bytes` for most lengths:
 * `head` holds the length (top 4 bytes) and the first 28 bytes; the rest follows in consecutive
 * slots from `keccak256(slot of head)`. A 53-byte result location (`/ipfs/<CIDv0>`) takes 2 slots
 * instead of 3; up to 28 bytes take 1 slot, as a short Solidity `bytes` does. The empty string is
 * a zero `head`. Written once (`LibPackedBytes.store` on an empty record), read with `load`.
 */
struct PackedBytes {
    uint256 head;
}

/**
 * @title LibPackedBytes
 * @notice Store and load a {PackedBytes}.
 */
library LibPackedBytes {
    /// @dev Bytes of `head` after the 4-byte length.
    uint256 private constant HEAD_BYTES = 28;

    /**
     * @notice Store `data` into an empty record (nothing is written for empty data). Bytes past
     * the end of `data` in the last slot are zero.
     * @dev `data.length` must be below 2^32 (no calldata is that long).
     */
    function store(PackedBytes storage record, bytes calldata data) internal {
        uint256 length = data.length;
        if (length == 0) return;
        assembly ("memory-safe") {
            // The top `n` bytes of `word` (all of it for n >= 32).
            function keep(word, n) -> kept {
                kept := word
                if lt(n, 32) {
                    kept := and(word, not(sub(shl(sub(256, shl(3, n)), 1), 1)))
                }
            }
            let slot := record.slot
            sstore(slot, or(shl(224, length), shr(32, keep(calldataload(data.offset), length))))
            if gt(length, HEAD_BYTES) {
                mstore(0x00, slot)
                let base := keccak256(0x00, 0x20)
                let src := add(data.offset, HEAD_BYTES)
                let left := sub(length, HEAD_BYTES)
                for {
                    let i := 0
                } gt(left, 0) {
                    i := add(i, 1)
                } {
                    sstore(add(base, i), keep(calldataload(src), left))
                    src := add(src, 32)
                    left := sub(left, min(left, 32))
                }
                function min(a, b) -> m {
                    m := a
                    if lt(b, a) {
                        m := b
                    }
                }
            }
        }
    }

    /// @notice The stored bytes (empty for an empty record).
    function load(PackedBytes storage record) internal view returns (bytes memory data) {
        uint256 head = record.head;
        uint256 length = head >> 224;
        assembly ("memory-safe") {
            data := mload(0x40)
            mstore(data, length)
            // Room for the bytes rounded up to a word, plus the word the last copy may spill into.
            mstore(0x40, add(data, add(0x40, and(add(length, 31), not(31)))))
            let dst := add(data, 0x20)
            mstore(dst, shl(32, head))
            if gt(length, HEAD_BYTES) {
                mstore(0x00, record.slot)
                let base := keccak256(0x00, 0x20)
                let end := add(dst, length)
                dst := add(dst, HEAD_BYTES)
                for {
                    let i := 0
                } lt(dst, end) {
                    i := add(i, 1)
                } {
                    mstore(dst, sload(add(base, i)))
                    dst := add(dst, 32)
                }
            }
        }
    }
}
