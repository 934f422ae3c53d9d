// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";

// Test-only contract: gas advice does not apply.
// solhint-disable gas-indexed-events

/**
 * @title RegistryReceiverMock
 * @notice Test-only ERC-721 recipient for the registries' `safeTransferFrom` tests: accepts, answers a
 * wrong value, or reverts, and records what it saw (including the token's owner during the hook).
 */
contract RegistryReceiverMock is IERC721Receiver {
    /// @notice What `onERC721Received` does.
    enum Behaviour {
        Accept,
        ReturnWrongValue,
        RevertWithReason,
        RevertWithoutReason
    }

    /// @notice The configured behaviour.
    Behaviour public immutable behaviour;

    /**
     * @notice Emitted when a token is accepted.
     * @param operator The caller of `safeTransferFrom`.
     * @param from The previous owner.
     * @param tokenId The token.
     * @param data The data passed along.
     * @param ownerDuringHook `ownerOf(tokenId)` read from the registry inside the hook.
     */
    event Received(address operator, address from, uint256 tokenId, bytes data, address ownerDuringHook);

    /// @param behaviour_ What `onERC721Received` does.
    constructor(Behaviour behaviour_) {
        behaviour = behaviour_;
    }

    /**
     * @notice ERC-721 receiver hook.
     * @param operator The caller of `safeTransferFrom`.
     * @param from The previous owner.
     * @param tokenId The token.
     * @param data The data passed along.
     * @return The receiver selector, or a wrong value, depending on {behaviour}.
     */
    function onERC721Received(
        address operator,
        address from,
        uint256 tokenId,
        bytes calldata data
    ) external override returns (bytes4) {
        if (behaviour == Behaviour.RevertWithReason) {
            revert("RegistryReceiverMock: rejected");
        }
        if (behaviour == Behaviour.RevertWithoutReason) {
            revert();
        }
        if (behaviour == Behaviour.ReturnWrongValue) {
            return bytes4(0xdeadbeef);
        }
        emit Received(operator, from, tokenId, data, IERC721(msg.sender).ownerOf(tokenId));
        return IERC721Receiver.onERC721Received.selector;
    }
}
