// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ICategoryManager} from "../interfaces/ICategoryManager.sol";
import {CategoryStorage} from "../storage/CategoryStorage.sol";
import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";

/**
 * @title LibCategory
 * @notice Category writes and reads shared by the category facet, the hub's initializer (the
 * default categories) and the facets that need a category's work-clock reference.
 */
library LibCategory {
    /// @notice Append a category and emit `CreateCategory`; returns its id.
    function create(
        string memory name,
        string memory description,
        uint256 workClockTimeRef
    ) internal returns (uint256 catid) {
        IexecLibCore_v5.Category[] storage categories = CategoryStorage.layout().categories;
        catid = categories.length;
        categories.push(IexecLibCore_v5.Category(name, description, workClockTimeRef));
        emit ICategoryManager.CreateCategory(catid, name, description, workClockTimeRef);
    }

    /// @notice How many categories exist.
    function count() internal view returns (uint256) {
        return CategoryStorage.layout().categories.length;
    }

    /// @notice A category; reverts with `CategoryUnknown` for an id that does not exist.
    function get(uint256 catid) internal view returns (IexecLibCore_v5.Category storage) {
        IexecLibCore_v5.Category[] storage categories = CategoryStorage.layout().categories;
        if (catid >= categories.length) revert ICategoryManager.CategoryUnknown(catid, categories.length);
        return categories[catid];
    }
}
