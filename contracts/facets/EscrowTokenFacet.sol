// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {LibDiamond} from "../diamond/LibDiamond.sol";
import {IEscrow} from "../interfaces/IEscrow.sol";
import {IEscrowToken} from "../interfaces/IEscrowToken.sol";
import {LibEscrow} from "../libraries/LibEscrow.sol";
import {EscrowStorage} from "../storage/EscrowStorage.sol";
import {IexecLibOrders_v5} from "../types/IexecLibOrders_v5.sol";

/**
 * @title EscrowTokenFacet
 * @notice Deposits and withdrawals of the token flavour: SRLC minted 1:1 against RLC held by the
 * hub. Better than the reference: `receiveApproval` accepts calls from the hub's token only, and
 * every token transfer checks its result.
 * @dev Deposits pull the RLC first and credit after (a token calling back during the pull could
 * only deposit its own pulled amounts); withdrawals burn first and pay after.
 * Token calls are checked like SafeERC20 does for tokens that return a bool (RLC does): a revert
 * is bubbled up, `false` reverts `EscrowTokenTransferFailed`, and a token that returns nothing
 * fails the decoding and reverts too (never a silent success). OpenZeppelin's SafeERC20 itself
 * would also accept tokens that return nothing, at about 1,100 gas more per call, through its
 * generic low-level call path: too much for deposits and withdrawals of a bool-returning token.
 * @custom:version 0.1.0
 */
contract EscrowTokenFacet is IEscrowToken {
    /// @dev `matchOrders(AppOrder,DatasetOrder,WorkerpoolOrder,RequestOrder)` of the PoCo ABI: the
    /// only operation `receiveApproval` data may carry.
    bytes4 private constant MATCH_ORDERS_SELECTOR = 0x156194d4;

    /// @inheritdoc IEscrowToken
    function deposit(uint256 amount) external override returns (bool) {
        _pull(_token(), msg.sender, amount);
        LibEscrow.mint(msg.sender, amount);
        return true;
    }

    /// @inheritdoc IEscrowToken
    function depositFor(uint256 amount, address target) external override returns (bool) {
        _pull(_token(), msg.sender, amount);
        LibEscrow.mint(target, amount);
        return true;
    }

    /// @inheritdoc IEscrowToken
    function depositForArray(uint256[] calldata amounts, address[] calldata targets) external override returns (bool) {
        if (amounts.length != targets.length) revert EscrowArrayLengthMismatch(amounts.length, targets.length);
        _pull(_token(), msg.sender, LibEscrow.sum(amounts));
        for (uint256 i = 0; i < amounts.length; ++i) {
            LibEscrow.mint(targets[i], amounts[i]);
        }
        return true;
    }

    /// @inheritdoc IEscrow
    function withdraw(uint256 amount) external override returns (bool) {
        LibEscrow.burn(msg.sender, amount);
        _pay(_token(), msg.sender, amount);
        return true;
    }

    /// @inheritdoc IEscrow
    function withdrawTo(uint256 amount, address target) external override returns (bool) {
        if (target == address(0) || target == address(this)) revert ERC20InvalidReceiver(target);
        LibEscrow.burn(msg.sender, amount);
        _pay(_token(), target, amount);
        return true;
    }

    /// @inheritdoc IEscrow
    function recover() external override returns (uint256) {
        LibDiamond.enforceIsOwner();
        uint256 held = _token().balanceOf(address(this));
        uint256 supply = LibEscrow.totalSupply();
        // held >= supply for any token that does not take RLC away from its holders.
        uint256 surplus = held > supply ? held - supply : 0;
        LibEscrow.mint(msg.sender, surplus);
        return surplus;
    }

    /// @inheritdoc IEscrow
    function receiveApproval(
        address sender,
        uint256 amount,
        address token,
        bytes calldata data
    ) external override returns (bool) {
        address base = EscrowStorage.layout().token;
        // Only the token may say who approved: anyone else could otherwise pull a victim's
        // outstanding allowance into the victim's escrow account.
        if (msg.sender != base) revert EscrowCallerNotToken(msg.sender);
        if (token != base) revert EscrowWrongToken(token);
        _pull(IERC20(base), sender, amount);
        LibEscrow.mint(sender, amount);
        if (data.length != 0) _matchOrders(sender, data);
        return true;
    }

    /**
     * @dev Deposit-and-match (PoCo v6.2): `data` must be `matchOrders` calldata whose request order
     * is `sender`'s; the hub then runs it on itself. The match sees the token as `msg.sender` and
     * charges the request order's requester, who just deposited.
     */
    function _matchOrders(address sender, bytes calldata data) private {
        bytes4 selector = bytes4(data);
        if (selector != MATCH_ORDERS_SELECTOR) revert UnsupportedOperation(selector);
        (, , , IexecLibOrders_v5.RequestOrder memory requestorder) = abi.decode(
            data[4:],
            (
                IexecLibOrders_v5.AppOrder,
                IexecLibOrders_v5.DatasetOrder,
                IexecLibOrders_v5.WorkerpoolOrder,
                IexecLibOrders_v5.RequestOrder
            )
        );
        if (requestorder.requester != sender) revert CallerIsNotTheRequester();
        (bool success, bytes memory reason) = address(this).delegatecall(data);
        if (!success) {
            if (reason.length == 0) revert OperationFailed();
            assembly {
                revert(add(reason, 0x20), mload(reason))
            }
        }
    }

    /// @dev Take `amount` of `token` from `from` (who approved the hub).
    function _pull(IERC20 token, address from, uint256 amount) private {
        if (!token.transferFrom(from, address(this), amount)) {
            revert EscrowTokenTransferFailed(address(token), from, address(this), amount);
        }
    }

    /// @dev Send `amount` of `token` to `to`.
    function _pay(IERC20 token, address to, uint256 amount) private {
        if (!token.transfer(to, amount)) revert EscrowTokenTransferFailed(address(token), address(this), to, amount);
    }

    function _token() private view returns (IERC20) {
        return IERC20(EscrowStorage.layout().token);
    }
}
