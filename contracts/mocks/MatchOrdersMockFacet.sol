// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {LibEscrow} from "../libraries/LibEscrow.sol";
import {IexecLibOrders_v5} from "../types/IexecLibOrders_v5.sol";

/**
 * @title MatchOrdersMockFacet
 * @notice Test-only stand-in for the Clerk's `matchOrders`, to test the deposit-and-match path of
 * `receiveApproval` before the Clerk exists. It locks `appmaxprice` from the requester (as a deal
 * would lock its price) and reports what it saw; the request order's `params` make it fail:
 * `"revert-with-reason"` reverts `MatchOrdersMockFailed(params)`, `"revert-without-reason"`
 * reverts with no data.
 */
contract MatchOrdersMockFacet {
    /// @notice `matchOrders` ran, called by `caller`, for `requester` whose free balance was `balance`.
    event MatchOrdersMockCalled(address caller, address requester, uint256 balance);

    /// @notice The failure asked for by the request order.
    error MatchOrdersMockFailed(string reason);

    /**
     * @notice Same signature as the Clerk's `matchOrders`.
     * @param requestorder The request order; only it is read.
     * @return dealId A value derived from the requester.
     */
    function matchOrders(
        IexecLibOrders_v5.AppOrder calldata,
        IexecLibOrders_v5.DatasetOrder calldata,
        IexecLibOrders_v5.WorkerpoolOrder calldata,
        IexecLibOrders_v5.RequestOrder calldata requestorder
    ) external returns (bytes32 dealId) {
        bytes32 mode = keccak256(bytes(requestorder.params));
        if (mode == keccak256("revert-with-reason")) revert MatchOrdersMockFailed(requestorder.params);
        if (mode == keccak256("revert-without-reason")) revert();
        emit MatchOrdersMockCalled(msg.sender, requestorder.requester, LibEscrow.balanceOf(requestorder.requester));
        LibEscrow.lock(requestorder.requester, requestorder.appmaxprice);
        return keccak256(abi.encode(requestorder.requester));
    }
}
