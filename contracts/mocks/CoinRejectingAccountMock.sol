// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IEscrow} from "../interfaces/IEscrow.sol";
import {IEscrowNative} from "../interfaces/IEscrowNative.sol";

/// @notice Test-only account with no `receive`: it deposits and withdraws on a native hub, and
/// any coin sent to it (a withdrawal, a dust refund) fails.
contract CoinRejectingAccountMock {
    /// @notice Deposit `msg.value` on `hub`.
    function deposit(IEscrowNative hub) external payable {
        hub.deposit{value: msg.value}();
    }

    /// @notice Withdraw `amount` nRLC from `hub`.
    function withdraw(IEscrow hub, uint256 amount) external {
        hub.withdraw(amount);
    }
}
