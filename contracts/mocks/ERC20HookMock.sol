// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice The send hook `ERC20HookMock` calls on contract holders.
interface ITokenSender {
    /// @notice Called before `amount` of the holder's tokens move to `to`.
    function tokensToSend(address to, uint256 amount) external;
}

/**
 * @notice Test-only 9-decimals token with an ERC-777-like send hook: `transferFrom` calls
 * `tokensToSend` on a contract holder before moving its tokens, so that the holder can re-enter
 * the hub in the middle of a deposit.
 */
contract ERC20HookMock is ERC20 {
    /// @notice Mint `supply` to the deployer.
    constructor(uint256 supply) ERC20("Hooked token", "HOOK") {
        _mint(msg.sender, supply);
    }

    /// @inheritdoc ERC20
    function decimals() public pure override returns (uint8) {
        return 9;
    }

    /// @inheritdoc ERC20
    function transferFrom(address from, address to, uint256 amount) public override returns (bool) {
        if (from.code.length != 0) ITokenSender(from).tokensToSend(to, amount);
        return super.transferFrom(from, to, amount);
    }
}
