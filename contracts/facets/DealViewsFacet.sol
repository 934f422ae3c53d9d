// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IDealViews} from "../interfaces/IDealViews.sol";
import {LibDeal} from "../libraries/LibDeal.sol";
import {IexecLibCore_v5} from "../types/IexecLibCore_v5.sol";
import {PackedDeal} from "../types/PackedDeal.sol";

/**
 * @title DealViewsFacet
 * @notice Read-only access to the deals the Clerk records (`LibDeal`), in the ABI's forms.
 * @custom:version 0.1.0
 */
contract DealViewsFacet is IDealViews {
    /// @inheritdoc IDealViews
    function viewDeal(bytes32 id) external view override returns (IexecLibCore_v5.Deal memory) {
        return LibDeal.load(id);
    }

    /// @inheritdoc IDealViews
    function viewDealABILegacy_pt1(
        bytes32 _id
    ) external view override returns (address, address, uint256, address, address, uint256, address, address, uint256) {
        PackedDeal storage deal = LibDeal.packed(_id);
        return (
            deal.app,
            deal.appOwner,
            deal.appPrice,
            deal.dataset,
            deal.datasetOwner,
            deal.datasetPrice,
            deal.workerpool,
            deal.workerpoolOwner,
            deal.workerpoolPrice
        );
    }

    /// @inheritdoc IDealViews
    function viewDealABILegacy_pt2(
        bytes32 _id
    ) external view override returns (uint256, bytes32, address, address, address, string memory) {
        PackedDeal storage deal = LibDeal.packed(_id);
        return (deal.trust, deal.tag, deal.requester, deal.beneficiary, deal.callback, deal.params);
    }

    /// @inheritdoc IDealViews
    function viewConfigABILegacy(
        bytes32 _id
    ) external view override returns (uint256, uint256, uint256, uint256, uint256, uint256) {
        PackedDeal storage deal = LibDeal.packed(_id);
        return (
            deal.category,
            deal.startTime,
            deal.botFirst,
            deal.botSize,
            deal.workerStake,
            deal.schedulerRewardRatio
        );
    }
}
