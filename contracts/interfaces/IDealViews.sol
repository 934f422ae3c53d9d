// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";

/**
 * @title IDealViews
 * @notice The deals the Clerk recorded, as the PoCo v6.2 ABI returns them: whole (`viewDeal`, read
 * by the `iexec` SDK) and in the three legacy pieces the Java worker middleware reads. An unknown
 * deal id reads as all zeros (the SDK takes `app.pointer == 0` for "not found"); nothing reverts.
 */
interface IDealViews {
    /**
     * @notice The deal `id` (all zero if there is none).
     * @param id The deal id.
     * @return The deal; its `sponsor` is the requester unless someone else paid for it.
     */
    function viewDeal(bytes32 id) external view returns (IexecLibCore_v5.Deal memory);

    /**
     * @notice The deal's resources (legacy ABI).
     * @param _id The deal id.
     * @return The app, its owner and price; the dataset, its owner and price; the workerpool, its
     * owner and price.
     */
    function viewDealABILegacy_pt1(
        bytes32 _id
    ) external view returns (address, address, uint256, address, address, uint256, address, address, uint256);

    /**
     * @notice The deal's request side (legacy ABI).
     * @param _id The deal id.
     * @return The trust, the tag, the requester, the beneficiary, the callback, the params.
     */
    function viewDealABILegacy_pt2(
        bytes32 _id
    ) external view returns (uint256, bytes32, address, address, address, string memory);

    /**
     * @notice The deal's configuration (legacy ABI).
     * @param _id The deal id.
     * @return The category, the start time, the first task index, the number of tasks, the worker
     * stake, the scheduler reward ratio.
     */
    function viewConfigABILegacy(
        bytes32 _id
    ) external view returns (uint256, uint256, uint256, uint256, uint256, uint256);
}
