// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IEscrow} from "../interfaces/IEscrow.sol";
import {IEscrowNative} from "../interfaces/IEscrowNative.sol";

/**
 * @notice Test-only account that re-enters a native hub from its `receive`: on each payment it
 * gets, it tries `withdraw(amount)` again, `reentries` times at most, and counts what succeeded
 * and what failed (a failed re-entry is caught, so the outer withdrawal goes on).
 */
contract ReentrantReceiverMock {
    IEscrow private _hub;
    uint256 private _amount;
    uint256 private _reentries;
    /// @notice Re-entrant withdrawals that succeeded.
    uint256 public succeeded;
    /// @notice Re-entrant withdrawals that reverted.
    uint256 public failed;

    /// @notice Deposit `msg.value` on `hub`.
    function deposit(IEscrowNative hub) external payable {
        hub.deposit{value: msg.value}();
    }

    /// @notice Withdraw `amount` from `hub`, then re-enter `reentries` times from `receive`.
    function attack(IEscrow hub, uint256 amount, uint256 reentries) external {
        _hub = hub;
        _amount = amount;
        _reentries = reentries;
        hub.withdraw(amount);
    }

    /// @notice Re-enter the hub while re-entries are left (re-entering from here is the mock's purpose).
    // solhint-disable-next-line no-complex-fallback
    receive() external payable {
        if (_reentries == 0) return;
        --_reentries;
        try _hub.withdraw(_amount) {
            ++succeeded;
        } catch {
            ++failed;
        }
    }
}
