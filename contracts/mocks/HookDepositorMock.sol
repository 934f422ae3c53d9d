// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IEscrowToken} from "../interfaces/IEscrowToken.sol";
import {ITokenSender} from "./ERC20HookMock.sol";

/// @notice Test-only depositor that re-enters `deposit` from the token's send hook, once.
contract HookDepositorMock is ITokenSender {
    IEscrowToken private _hub;
    uint256 private _nested;

    /// @notice Deposit `amount` on `hub`, and `nested` more from inside the pull of `amount`.
    function deposit(IEscrowToken hub, ERC20 token, uint256 amount, uint256 nested) external {
        _hub = hub;
        _nested = nested;
        token.approve(address(hub), amount + nested);
        hub.deposit(amount);
    }

    /// @notice The token's send hook: re-enter the hub once.
    function tokensToSend(address, uint256) external override {
        uint256 nested = _nested;
        if (nested == 0) return;
        _nested = 0;
        _hub.deposit(nested);
    }
}
