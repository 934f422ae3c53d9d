// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IERC734} from "../interfaces/external/IERC734.sol";

/**
 * @notice Test-only ERC-734 key manager: keys get purposes with {addKey}; {setMode} makes it
 * misbehave in the ways a restriction check must survive (fail closed).
 */
contract ERC734IdentityMock is IERC734 {
    /// @notice How `keyHasPurpose` answers.
    enum Mode {
        /// From the keys added.
        Keys,
        /// Reverts.
        Revert,
        /// Returns no data.
        Empty,
        /// Returns 2 (not a bool).
        Dirty
    }

    /// @notice The reason of the `Revert` mode.
    error ERC734IdentityMockRefused();

    /// @notice Whether a key has a purpose.
    mapping(bytes32 key => mapping(uint256 purpose => bool)) public purposes;
    /// @notice The current mode.
    Mode public mode;

    /// @notice Give `key` the purpose `purpose`.
    function addKey(bytes32 key, uint256 purpose) external {
        purposes[key][purpose] = true;
    }

    /// @notice Change how `keyHasPurpose` answers.
    function setMode(Mode mode_) external {
        mode = mode_;
    }

    /// @inheritdoc IERC734
    function keyHasPurpose(bytes32 key, uint256 purpose) external view override returns (bool) {
        Mode current = mode;
        if (current == Mode.Revert) revert ERC734IdentityMockRefused();
        if (current == Mode.Empty) {
            assembly {
                return(0, 0)
            }
        }
        if (current == Mode.Dirty) {
            assembly {
                mstore(0, 2)
                return(0, 0x20)
            }
        }
        return purposes[key][purpose];
    }
}
