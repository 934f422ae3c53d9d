// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {RegistryEntry} from "../RegistryEntry.sol";
import {IApp} from "./IApp.sol";

/**
 * @title App
 * @notice An application asset. Its metadata is written once, by the AppRegistry, when it creates the
 * app; its owner is the owner of its token in the AppRegistry.
 * @dev Storage: the four variable-length fields (name, type, multiaddr, MREnclave) are concatenated in a
 * single `bytes` value behind a 12-byte header holding the lengths of the first three (`uint32` each; the
 * MREnclave is the rest). Stored separately they would take one slot each plus one slot per 32 bytes of
 * any field of 32 bytes or more, and every field wastes the end of its last slot; packed, a typical app
 * (`"my-app"`, `"DOCKER"`, a 53-byte multiaddr, a 40-byte MREnclave) takes 5 slots instead of 8, which
 * is what keeps `createApp` under 350k gas. The getters decode the value; they are views that PoCo
 * does not call on-chain. The checksum is a plain `bytes32` slot.
 */
contract App is IApp, RegistryEntry {
    /// @dev Size of the header of `_fields`: three `uint32` lengths.
    uint256 private constant HEADER_LENGTH = 12;
    /// @dev Positions of the fields in `_fields`. The last one, the MREnclave, has no length in the header.
    uint256 private constant NAME = 0;
    uint256 private constant TYPE = 1;
    uint256 private constant MULTIADDR = 2;
    uint256 private constant MRENCLAVE = 3;

    /// @dev `abi.encodePacked(uint32 nameLength, uint32 typeLength, uint32 multiaddrLength, name, type, multiaddr, mrenclave)`.
    bytes private _fields;

    /// @inheritdoc IApp
    bytes32 public override m_appChecksum;

    /// @inheritdoc IApp
    function initialize(
        string calldata _appName,
        string calldata _appType,
        bytes calldata _appMultiaddr,
        bytes32 _appChecksum,
        bytes calldata _appMREnclave
    ) external override onlyRegistry {
        // Lengths fit in 32 bits: 4 GiB of call data would cost far more gas than any block holds.
        _fields = abi.encodePacked(
            uint32(bytes(_appName).length),
            uint32(bytes(_appType).length),
            uint32(_appMultiaddr.length),
            _appName,
            _appType,
            _appMultiaddr,
            _appMREnclave
        );
        m_appChecksum = _appChecksum;
    }

    /// @inheritdoc IApp
    function m_appName() external view override returns (string memory) {
        return string(_field(NAME));
    }

    /// @inheritdoc IApp
    function m_appType() external view override returns (string memory) {
        return string(_field(TYPE));
    }

    /// @inheritdoc IApp
    function m_appMultiaddr() external view override returns (bytes memory) {
        return _field(MULTIADDR);
    }

    /// @inheritdoc IApp
    function m_appMREnclave() external view override returns (bytes memory) {
        return _field(MRENCLAVE);
    }

    /**
     * @dev The field at position `index` of `_fields` ({NAME} to {MRENCLAVE}); empty on the master,
     * which is never initialized.
     */
    function _field(uint256 index) private view returns (bytes memory field) {
        bytes memory packed = _fields;
        if (packed.length == 0) {
            return field;
        }
        uint256 header;
        assembly ("memory-safe") {
            header := mload(add(packed, 0x20))
        }
        // Skip the fields before `index`, then take its length from the header; the MREnclave has no
        // length in the header: it runs to the end.
        uint256 start = HEADER_LENGTH;
        for (uint256 i = 0; i < index; ++i) {
            start += _length(header, i);
        }
        uint256 end = index == MRENCLAVE ? packed.length : start + _length(header, index);
        field = new bytes(end - start);
        for (uint256 i = 0; i < field.length; ++i) {
            field[i] = packed[start + i];
        }
    }

    /// @dev The length of the field at position `index` ({NAME} to {MULTIADDR}): the `index`-th `uint32` of `header`.
    function _length(uint256 header, uint256 index) private pure returns (uint256) {
        return (header >> (224 - 32 * index)) & type(uint32).max;
    }
}
