// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @notice The hook `approveAndCall` calls on the spender (ERC-677 style, as the real RLC and the
/// hub's SRLC view do).
interface IApprovalReceiver {
    /// @notice Called by the token right after `from` approved the receiver for `amount`.
    /// @param from The account that approved.
    /// @param amount The approved amount.
    /// @param token The token.
    /// @param extraData Free data passed through by the token.
    /// @return True if the approval was accepted.
    function receiveApproval(
        address from,
        uint256 amount,
        address token,
        bytes calldata extraData
    ) external returns (bool);
}
