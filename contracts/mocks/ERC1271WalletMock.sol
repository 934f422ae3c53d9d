// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/**
 * @notice Test-only ERC-1271 smart wallet controlled by one key. In `Valid` mode it accepts exactly
 * the 65-byte ECDSA signatures of the digest by its key (`sdk/orders.ts` `signOrderForWallet`); the other
 * modes misbehave in the ways a verifier must survive.
 */
contract ERC1271WalletMock is IERC1271 {
    /// @notice How the wallet answers `isValidSignature`.
    enum Mode {
        /// Magic value iff the signature is the key's, else 0xffffffff.
        Valid,
        /// Always 0xffffffff.
        Invalid,
        /// Always reverts.
        Revert,
        /// Returns only 4 bytes (the magic value, unpadded).
        ShortReturn,
        /// Returns the magic value with dirty low-order bytes.
        DirtyReturn,
        /// Burns all the gas it is given.
        BurnGas
    }

    /// @notice The error `Revert` mode reverts with.
    error ERC1271WalletMockRefused();

    /// @notice The key that signs for the wallet.
    address public immutable signer;
    /// @notice The current mode.
    Mode public mode;

    /// @param signer_ The key that signs for the wallet.
    constructor(address signer_) {
        signer = signer_;
    }

    /// @notice Change how the wallet answers.
    /// @param mode_ The new mode.
    function setMode(Mode mode_) external {
        mode = mode_;
    }

    /// @inheritdoc IERC1271
    function isValidSignature(bytes32 hash, bytes calldata signature) external view override returns (bytes4) {
        Mode current = mode;
        if (current == Mode.Valid) {
            (address recovered, ECDSA.RecoverError error) = ECDSA.tryRecover(hash, signature);
            return
                error == ECDSA.RecoverError.NoError && recovered == signer
                    ? this.isValidSignature.selector
                    : bytes4(0xffffffff);
        }
        if (current == Mode.Revert) revert ERC1271WalletMockRefused();
        if (current == Mode.ShortReturn) {
            assembly {
                mstore(0x00, shl(224, 0x1626ba7e))
                return(0x00, 4)
            }
        }
        if (current == Mode.DirtyReturn) {
            assembly {
                mstore(0x00, or(shl(224, 0x1626ba7e), 1))
                return(0x00, 0x20)
            }
        }
        if (current == Mode.BurnGas) {
            uint256 i;
            while (gasleft() > 0) ++i;
        }
        return bytes4(0xffffffff);
    }
}
