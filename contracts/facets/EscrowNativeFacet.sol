// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {LibDiamond} from "../diamond/LibDiamond.sol";
import {IEscrow} from "../interfaces/IEscrow.sol";
import {IEscrowNative} from "../interfaces/IEscrowNative.sol";
import {LibEscrow} from "../libraries/LibEscrow.sol";

/**
 * @title EscrowNativeFacet
 * @notice Deposits and withdrawals of the native flavour: SRLC minted against the chain's coin at
 * 1 nRLC = 10^9 wei. The dust of a payment (below 1 nRLC) is refunded to the payer in the same
 * transaction, never kept.
 * @dev Withdrawals burn before they pay, with a checked call: a receiver that reverts makes the
 * whole withdrawal revert (the burn with it), and one that re-enters finds its balance already
 * reduced.
 * @custom:version 0.1.0
 */
contract EscrowNativeFacet is IEscrowNative {
    /// @notice Wei per nRLC: 18 decimals of the native coin against the 9 of RLC.
    uint256 private constant WEI_PER_NRLC = 1_000_000_000;

    /// @inheritdoc IEscrowNative
    receive() external payable override {
        _deposit(msg.sender);
    }

    /// @inheritdoc IEscrowNative
    function deposit() external payable override returns (bool) {
        _deposit(msg.sender);
        return true;
    }

    /// @inheritdoc IEscrowNative
    function depositFor(address target) external payable override returns (bool) {
        _deposit(target);
        return true;
    }

    /// @inheritdoc IEscrowNative
    function depositForArray(
        uint256[] calldata amounts,
        address[] calldata targets
    ) external payable override returns (bool) {
        if (amounts.length != targets.length) revert EscrowArrayLengthMismatch(amounts.length, targets.length);
        uint256 total = LibEscrow.sum(amounts);
        if (total > msg.value / WEI_PER_NRLC) revert NativeInsufficientValue(msg.value, total);
        for (uint256 i = 0; i < amounts.length; ++i) {
            LibEscrow.mint(targets[i], amounts[i]);
        }
        // total * WEI_PER_NRLC <= msg.value
        _refund(msg.value - total * WEI_PER_NRLC);
        return true;
    }

    /// @inheritdoc IEscrow
    function withdraw(uint256 amount) external override returns (bool) {
        LibEscrow.burn(msg.sender, amount);
        _send(msg.sender, amount * WEI_PER_NRLC);
        return true;
    }

    /// @inheritdoc IEscrow
    function withdrawTo(uint256 amount, address target) external override returns (bool) {
        if (target == address(0) || target == address(this)) revert ERC20InvalidReceiver(target);
        LibEscrow.burn(msg.sender, amount);
        _send(target, amount * WEI_PER_NRLC);
        return true;
    }

    /// @inheritdoc IEscrow
    function recover() external override returns (uint256) {
        LibDiamond.enforceIsOwner();
        uint256 held = address(this).balance / WEI_PER_NRLC;
        uint256 supply = LibEscrow.totalSupply();
        // held >= supply: every minted nRLC was paid 10^9 wei that only a withdrawal takes out.
        uint256 surplus = held > supply ? held - supply : 0;
        LibEscrow.mint(msg.sender, surplus);
        return surplus;
    }

    /**
     * @inheritdoc IEscrow
     * @dev Not available on the native flavour (there is no token to approve): always reverts
     * `UnsupportedOperation(receiveApproval.selector)`. Present so that the hub's ABI is the
     * reference's. Declared `virtual` only so that the compiler does not ask for `pure`: the
     * reference ABI has this function nonpayable, and so must the hub's.
     */
    function receiveApproval(address, uint256, address, bytes calldata) external virtual override returns (bool) {
        revert UnsupportedOperation(IEscrow.receiveApproval.selector);
    }

    /// @dev Credit `target` with the whole nRLC in `msg.value`, refund the dust to the payer.
    function _deposit(address target) private {
        LibEscrow.mint(target, msg.value / WEI_PER_NRLC);
        _refund(msg.value % WEI_PER_NRLC);
    }

    /// @dev Give the payer back what it paid beyond what was credited (nothing to do for none, so
    /// that contracts without `receive` can deposit exact multiples of 10^9 wei).
    function _refund(uint256 value) private {
        if (value != 0) _send(msg.sender, value);
    }

    function _send(address to, uint256 value) private {
        (bool success, ) = to.call{value: value}("");
        if (!success) revert NativeTransferFailed(to, value);
    }
}
