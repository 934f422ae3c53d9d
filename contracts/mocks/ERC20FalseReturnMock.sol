// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/**
 * @notice Test-only 9-decimals token whose `transfer` and `transferFrom` return false without
 * moving anything while `failing` is set (tokens of that kind exist; the escrow must not credit or
 * debit on such a result).
 */
contract ERC20FalseReturnMock is ERC20 {
    /// @notice Whether transfers fail by returning false.
    bool public failing;

    /// @notice Mint `supply` to the deployer.
    constructor(uint256 supply) ERC20("False-returning token", "FALSE") {
        _mint(msg.sender, supply);
    }

    /// @notice Make transfers fail (true) or work (false).
    function setFailing(bool failing_) external {
        failing = failing_;
    }

    /// @inheritdoc ERC20
    function decimals() public pure override returns (uint8) {
        return 9;
    }

    /// @inheritdoc ERC20
    function transfer(address to, uint256 amount) public override returns (bool) {
        if (failing) return false;
        return super.transfer(to, amount);
    }

    /// @inheritdoc ERC20
    function transferFrom(address from, address to, uint256 amount) public override returns (bool) {
        if (failing) return false;
        return super.transferFrom(from, to, amount);
    }
}
