// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IApprovalReceiver} from "../interfaces/IApprovalReceiver.sol";

/**
 * @title RLC
 * @notice The RLC token for development networks (Hardhat, a local node): 9 decimals, the real
 * token's 87,000,000 RLC supply minted to the deployer, and `approveAndCall`, with which the
 * `iexec` SDK deposits in one transaction. On Ethereum mainnet the real RLC is used, never this.
 */
contract RLC is ERC20 {
    /// @notice Total supply: 87,000,000 RLC of 10^9 nRLC each.
    uint256 public constant INITIAL_SUPPLY = 87_000_000 * 10 ** 9;

    /// @notice The approval receiver returned false.
    error RLCApprovalRefused(address spender);

    /// @notice Mint the whole supply to the deployer.
    constructor() ERC20("iExec RLC Token", "RLC") {
        _mint(msg.sender, INITIAL_SUPPLY);
    }

    /// @notice RLC has 9 decimals.
    /// @return 9.
    function decimals() public pure override returns (uint8) {
        return 9;
    }

    /**
     * @notice Approve `spender` for `value`, then call `spender.receiveApproval(msg.sender, value,
     * this, extraData)` in the same transaction (ERC-677 style).
     * @param spender The contract approved and called.
     * @param value The approved amount.
     * @param extraData Data passed through to the spender.
     * @return True (the spender must accept the approval, else the call reverts).
     */
    function approveAndCall(address spender, uint256 value, bytes calldata extraData) external returns (bool) {
        _approve(msg.sender, spender, value);
        if (!IApprovalReceiver(spender).receiveApproval(msg.sender, value, address(this), extraData)) {
            revert RLCApprovalRefused(spender);
        }
        return true;
    }
}
