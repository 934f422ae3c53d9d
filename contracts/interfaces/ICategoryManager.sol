// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";

/**
 * @title ICategoryManager
 * @notice Computation categories: a name, a description and a work-clock reference from which a
 * task's deadlines derive. Ids are 0-based, in creation order; categories are only ever added.
 * Five exist from deployment: 0 XS (300 s), 1 S (1,200 s), 2 M (3,600 s), 3 L (10,800 s),
 * 4 XL (36,000 s). Names, signatures and the event are those of the PoCo v6.2 ABI; the error is
 * this implementation's (the reference reverts without reason).
 */
interface ICategoryManager {
    /// @notice No category has this id: ids go from 0 to `count - 1`.
    error CategoryUnknown(uint256 catid, uint256 count);

    /// @notice A category was created.
    event CreateCategory(uint256 catid, string name, string description, uint256 workClockTimeRef);

    /**
     * @notice Create a category. Owner only (`OwnableUnauthorizedAccount` otherwise). No
     * validation: the owner is trusted with the values. Emits {CreateCategory}.
     * @param name The category's name.
     * @param description The category's description.
     * @param workClockTimeRef The work-clock reference, in seconds.
     * @return catid The new category's id (the previous count).
     */
    function createCategory(
        string calldata name,
        string calldata description,
        uint256 workClockTimeRef
    ) external returns (uint256 catid);

    /// @notice How many categories exist.
    /// @return The count.
    function countCategory() external view returns (uint256);

    /// @notice A category. Reverts with {CategoryUnknown} for an id that does not exist.
    /// @param catid The category's id.
    /// @return The category.
    function viewCategory(uint256 catid) external view returns (IexecLibCore_v5.Category memory);

    /// @notice A category as separate values (for clients of the PoCo v5 ABI). Reverts with
    /// {CategoryUnknown} for an id that does not exist.
    /// @param catid The category's id.
    /// @return name The category's name.
    /// @return description The category's description.
    /// @return workClockTimeRef The work-clock reference, in seconds.
    function viewCategoryABILegacy(
        uint256 catid
    ) external view returns (string memory name, string memory description, uint256 workClockTimeRef);
}
