// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {LibDiamond} from "../diamond/LibDiamond.sol";
import {ICategoryManager} from "../interfaces/ICategoryManager.sol";
import {LibCategory} from "../libraries/LibCategory.sol";
import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";

/**
 * @title CategoryManagerFacet
 * @notice Owner-managed computation categories.
 * @custom:version 0.1.0
 */
contract CategoryManagerFacet is ICategoryManager {
    /// @inheritdoc ICategoryManager
    function createCategory(
        string calldata name,
        string calldata description,
        uint256 workClockTimeRef
    ) external override returns (uint256 catid) {
        LibDiamond.enforceIsOwner();
        return LibCategory.create(name, description, workClockTimeRef);
    }

    /// @inheritdoc ICategoryManager
    function countCategory() external view override returns (uint256) {
        return LibCategory.count();
    }

    /// @inheritdoc ICategoryManager
    function viewCategory(uint256 catid) external view override returns (IexecLibCore_v5.Category memory) {
        return LibCategory.get(catid);
    }

    /// @inheritdoc ICategoryManager
    function viewCategoryABILegacy(
        uint256 catid
    ) external view override returns (string memory name, string memory description, uint256 workClockTimeRef) {
        IexecLibCore_v5.Category storage category = LibCategory.get(catid);
        return (category.name, category.description, category.workClockTimeRef);
    }
}
