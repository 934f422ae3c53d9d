// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IApprovalReceiver} from "../interfaces/IApprovalReceiver.sol";
import {IEscrowERC20} from "../interfaces/IEscrowERC20.sol";
import {LibEscrow} from "../libraries/LibEscrow.sol";
import {ConfigStorage} from "../storage/ConfigStorage.sol";
import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";

/**
 * @title EscrowERC20Facet
 * @notice The hub's SRLC ERC-20 view of escrow balances and the account views, for both flavours.
 * @custom:version 0.1.0
 */
contract EscrowERC20Facet is IEscrowERC20 {
    /// @inheritdoc IEscrowERC20
    function name() external view override returns (string memory) {
        return ConfigStorage.layout().name;
    }

    /// @inheritdoc IEscrowERC20
    function symbol() external view override returns (string memory) {
        return ConfigStorage.layout().symbol;
    }

    /// @inheritdoc IEscrowERC20
    function decimals() external view override returns (uint8) {
        return ConfigStorage.layout().decimals;
    }

    /// @inheritdoc IEscrowERC20
    function totalSupply() external view override returns (uint256) {
        return LibEscrow.totalSupply();
    }

    /// @inheritdoc IEscrowERC20
    function balanceOf(address account) external view override returns (uint256) {
        return LibEscrow.balanceOf(account);
    }

    /// @inheritdoc IEscrowERC20
    function frozenOf(address account) external view override returns (uint256) {
        return LibEscrow.frozenOf(account);
    }

    /// @inheritdoc IEscrowERC20
    function viewAccount(address account) external view override returns (IexecLibCore_v5.Account memory) {
        return IexecLibCore_v5.Account({stake: LibEscrow.balanceOf(account), locked: LibEscrow.frozenOf(account)});
    }

    /// @inheritdoc IEscrowERC20
    function viewAccountABILegacy(address _user) external view override returns (uint256, uint256) {
        return (LibEscrow.balanceOf(_user), LibEscrow.frozenOf(_user));
    }

    /// @inheritdoc IEscrowERC20
    function allowance(address account, address spender) external view override returns (uint256) {
        return LibEscrow.allowance(account, spender);
    }

    /// @inheritdoc IEscrowERC20
    function transfer(address to, uint256 value) external override returns (bool) {
        LibEscrow.transfer(msg.sender, to, value);
        return true;
    }

    /// @inheritdoc IEscrowERC20
    function approve(address spender, uint256 value) external override returns (bool) {
        LibEscrow.approve(msg.sender, spender, value);
        return true;
    }

    /// @inheritdoc IEscrowERC20
    function transferFrom(address from, address to, uint256 value) external override returns (bool) {
        // The reference's order: the transfer, then the allowance (re-emitting Approval).
        LibEscrow.transfer(from, to, value);
        LibEscrow.spendAllowance(from, msg.sender, value);
        return true;
    }

    /// @inheritdoc IEscrowERC20
    function increaseAllowance(address spender, uint256 addedValue) external override returns (bool) {
        LibEscrow.approve(msg.sender, spender, LibEscrow.allowance(msg.sender, spender) + addedValue);
        return true;
    }

    /// @inheritdoc IEscrowERC20
    function decreaseAllowance(address spender, uint256 subtractedValue) external override returns (bool) {
        uint256 current = LibEscrow.allowance(msg.sender, spender);
        if (current < subtractedValue) revert ERC20FailedDecreaseAllowance(spender, current, subtractedValue);
        unchecked {
            // current >= subtractedValue
            LibEscrow.approve(msg.sender, spender, current - subtractedValue);
        }
        return true;
    }

    /// @inheritdoc IEscrowERC20
    function approveAndCall(address spender, uint256 value, bytes calldata extraData) external override returns (bool) {
        LibEscrow.approve(msg.sender, spender, value);
        if (!IApprovalReceiver(spender).receiveApproval(msg.sender, value, address(this), extraData)) {
            revert EscrowApprovalRefused(spender);
        }
        return true;
    }
}
