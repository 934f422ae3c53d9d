// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IEscrowLedger} from "../interfaces/IEscrowLedger.sol";
import {EscrowStorage} from "../storage/EscrowStorage.sol";

/**
 * @title LibEscrow
 * @notice The only place escrowed value moves. Every change of a free balance or of the total
 * supply goes through the private `_update`, which alone emits `Transfer`; frozen balances change
 * only through `_freeze` and `_unfreeze`. The primitives the Clerk and the consensus use (`lock`,
 * `unlock`, `reward`, `seize`, the kitty's `fillKitty` and `payKitty`) are compositions of these.
 * @dev Invariants kept by every function of this library, between two protocol operations:
 * `totalSupply == Σ balance(a)` over every account (the hub's included) and
 * `balance(hub) == Σ frozen(a)` (the kitty's included). `seize` alone leaves the seized value in
 * the hub's balance without an owner: a protocol operation always follows it with `reward` or
 * `fillKitty`, in the same call.
 */
library LibEscrow {
    /**
     * @notice The kitty: the account whose frozen balance collects the stakes of schedulers of
     * failed tasks and pays a share to the schedulers of successful ones. Reference value, the
     * high 20 bytes of keccak256("iExecKitty") minus one (spec marketplace §6.6).
     */
    address internal constant KITTY_ADDRESS = 0x99c2268479b93fDe36232351229815DF80837e23;
    /// @notice Percentage of the kitty paid to the scheduler of a successful task.
    uint256 internal constant KITTY_RATIO = 10;
    /// @notice Least kitty payout (1 RLC), unless the kitty holds less.
    uint256 internal constant KITTY_MIN = 1_000_000_000;
    /// @notice Highest total supply (it is stored in 96 bits, next to the token).
    uint256 internal constant SUPPLY_CAP = type(uint96).max;

    // ------------------------------------------------------------------ views

    /// @notice The free balance of `account`.
    function balanceOf(address account) internal view returns (uint256) {
        return EscrowStorage.layout().accounts[account].balance;
    }

    /// @notice The frozen balance of `account`.
    function frozenOf(address account) internal view returns (uint256) {
        return EscrowStorage.layout().accounts[account].frozen;
    }

    /// @notice Minted minus burned.
    function totalSupply() internal view returns (uint256) {
        return EscrowStorage.layout().totalSupply;
    }

    /// @notice What `spender` may move from the free balance of `account`.
    function allowance(address account, address spender) internal view returns (uint256) {
        return EscrowStorage.layout().allowances[account][spender];
    }

    // ------------------------------------------------------- ERC-20 operations

    /**
     * @notice Credit `to` with `value` new SRLC (a deposit or a recovery).
     * @dev Reverts `ERC20InvalidReceiver` for the zero address, the hub and the kitty, and
     * `EscrowSupplyCapExceeded` above the cap. Emits `Transfer(0, to, value)`.
     */
    function mint(address to, uint256 value) internal {
        _checkReceiver(to);
        _update(address(0), to, value);
    }

    /// @notice Destroy `value` of the free balance of `from` (a withdrawal). Emits `Transfer(from, 0, value)`.
    function burn(address from, uint256 value) internal {
        _update(from, address(0), value);
    }

    /**
     * @notice Move `value` of the free balance of `from` to `to` (the SRLC ERC-20 transfer).
     * @dev Reverts for a zero `from` and for the receivers `mint` rejects. Emits `Transfer`.
     */
    function transfer(address from, address to, uint256 value) internal {
        if (from == address(0)) revert IEscrowLedger.ERC20InvalidSender(address(0));
        _checkReceiver(to);
        _update(from, to, value);
    }

    /// @notice Set the allowance of `spender` over the balance of `account`. Emits `Approval`.
    function approve(address account, address spender, uint256 value) internal {
        if (account == address(0)) revert IEscrowLedger.ERC20InvalidApprover(address(0));
        if (spender == address(0)) revert IEscrowLedger.ERC20InvalidSpender(address(0));
        EscrowStorage.layout().allowances[account][spender] = value;
        emit IEscrowLedger.Approval(account, spender, value);
    }

    /// @notice Decrease the allowance of `spender` over `account` by `value`; always emits
    /// `Approval` with the new allowance (there is no infinite allowance).
    function spendAllowance(address account, address spender, uint256 value) internal {
        uint256 current = EscrowStorage.layout().allowances[account][spender];
        if (current < value) revert IEscrowLedger.ERC20InsufficientAllowance(spender, current, value);
        unchecked {
            // current >= value
            approve(account, spender, current - value);
        }
    }

    // --------------------------------------------------- protocol primitives

    /**
     * @notice Freeze `value` of the free balance of `account`: the value moves to the hub's
     * balance and `account`'s frozen balance grows by it.
     * @dev Emits `Transfer(account, hub, value)` and `Lock(account, value)`.
     */
    function lock(address account, uint256 value) internal {
        if (account == address(0) || account == address(this)) revert IEscrowLedger.ERC20InvalidSender(account);
        _update(account, address(this), value);
        _freeze(account, value);
        emit IEscrowLedger.Lock(account, value);
    }

    /**
     * @notice Release `value` of the frozen balance of `account` back to its free balance.
     * @dev Emits `Transfer(hub, account, value)` and `Unlock(account, value)`.
     */
    function unlock(address account, uint256 value) internal {
        _checkReceiver(account);
        _unfreeze(account, value);
        _update(address(this), account, value);
        emit IEscrowLedger.Unlock(account, value);
    }

    /**
     * @notice Pay `account` `value` out of the hub's balance, for `ref`: the value must have
     * been seized just before (it is otherwise backing someone's frozen balance).
     * @dev Emits `Transfer(hub, account, value)` and `Reward(account, value, ref)`.
     */
    function reward(address account, uint256 value, bytes32 ref) internal {
        _checkReceiver(account);
        _update(address(this), account, value);
        emit IEscrowLedger.Reward(account, value, ref);
    }

    /**
     * @notice Take `value` of the frozen balance of `account`, for `ref`: the value stays in the
     * hub's balance, to be routed by a following `reward` or `fillKitty`.
     * @dev Emits `Seize(account, value, ref)` (no `Transfer`: no balance moves).
     */
    function seize(address account, uint256 value, bytes32 ref) internal {
        _unfreeze(account, value);
        emit IEscrowLedger.Seize(account, value, ref);
    }

    /**
     * @notice Put `value` seized just before into the kitty's frozen balance, for `ref` (the
     * scheduler's stake of a failed task).
     * @dev Emits `Reward(kitty, value, ref)` and `Lock(kitty, value)`, as the reference v6 does
     * (no `Transfer`: the value stays in the hub's balance).
     */
    function fillKitty(uint256 value, bytes32 ref) internal {
        _freeze(KITTY_ADDRESS, value);
        emit IEscrowLedger.Reward(KITTY_ADDRESS, value, ref);
        emit IEscrowLedger.Lock(KITTY_ADDRESS, value);
    }

    /**
     * @notice Pay the scheduler `to` of a successful task `ref` its share of the kitty:
     * `min(max(kitty * KITTY_RATIO / 100, KITTY_MIN), kitty)`, nothing when the kitty is empty.
     * @dev Emits `Seize(kitty, payout, ref)`, `Transfer(hub, to, payout)` and `Reward(to, payout, ref)`.
     * @return payout The amount paid.
     */
    function payKitty(address to, bytes32 ref) internal returns (uint256 payout) {
        uint256 kitty = frozenOf(KITTY_ADDRESS);
        if (kitty == 0) return 0;
        payout = (kitty * KITTY_RATIO) / 100;
        if (payout < KITTY_MIN) payout = KITTY_MIN;
        if (payout > kitty) payout = kitty;
        seize(KITTY_ADDRESS, payout, ref);
        reward(to, payout, ref);
    }

    // ----------------------------------------------------------------- helpers

    /**
     * @notice The sum of `amounts`, saturated at 2^256 - 1 instead of overflowing (a batch that
     * large fails on the payment it needs, with that payment's error rather than a panic).
     */
    function sum(uint256[] calldata amounts) internal pure returns (uint256 total) {
        for (uint256 i = 0; i < amounts.length; ++i) {
            unchecked {
                uint256 next = total + amounts[i];
                if (next < total) return type(uint256).max;
                total = next;
            }
        }
    }

    // ---------------------------------------------------------------- internals

    /// @dev The zero address, the hub (whose balance backs the frozen amounts) and the kitty
    /// (frozen balance only) never receive free balance from outside the protocol.
    function _checkReceiver(address to) private view {
        if (to == address(0) || to == address(this) || to == KITTY_ADDRESS) {
            revert IEscrowLedger.ERC20InvalidReceiver(to);
        }
    }

    /**
     * @dev The one place free balances and the total supply change, and `Transfer` is emitted.
     * A zero `from` mints, a zero `to` burns.
     */
    function _update(address from, address to, uint256 value) private {
        EscrowStorage.Layout storage $ = EscrowStorage.layout();
        if (from == address(0)) {
            uint256 supply = $.totalSupply;
            if (value > SUPPLY_CAP - supply) revert IEscrowLedger.EscrowSupplyCapExceeded(supply, value);
            // supply + value <= SUPPLY_CAP
            $.totalSupply = uint96(supply + value);
        } else {
            EscrowStorage.Account storage account = $.accounts[from];
            uint256 balance = account.balance;
            if (balance < value) revert IEscrowLedger.ERC20InsufficientBalance(from, balance, value);
            unchecked {
                // value <= balance
                account.balance = uint128(balance - value);
            }
        }
        if (to == address(0)) {
            unchecked {
                // value <= balance(from) <= totalSupply
                $.totalSupply -= uint96(value);
            }
        } else {
            unchecked {
                // balance(to) + value <= totalSupply <= SUPPLY_CAP < 2^128
                $.accounts[to].balance += uint128(value);
            }
        }
        emit IEscrowLedger.Transfer(from, to, value);
    }

    /// @dev Grow the frozen balance of `account`. The value must already be in the hub's balance
    /// (moved by `lock`, or seized before `fillKitty`), so the sum stays below the supply cap;
    /// the checked cast guards against a caller that breaks that rule.
    function _freeze(address account, uint256 value) private {
        EscrowStorage.Account storage entry = EscrowStorage.layout().accounts[account];
        entry.frozen = SafeCast.toUint128(uint256(entry.frozen) + value);
    }

    /// @dev Shrink the frozen balance of `account`, reverting `EscrowInsufficientFrozen` below zero.
    function _unfreeze(address account, uint256 value) private {
        EscrowStorage.Account storage entry = EscrowStorage.layout().accounts[account];
        uint256 frozen = entry.frozen;
        if (frozen < value) revert IEscrowLedger.EscrowInsufficientFrozen(account, frozen, value);
        unchecked {
            // value <= frozen
            entry.frozen = uint128(frozen - value);
        }
    }
}
