// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/**
 * @title IERC173
 * @notice Contract ownership (ERC-173), with the errors of this repository.
 */
interface IERC173 {
    /// @notice The caller is not the owner.
    error OwnableUnauthorizedAccount(address account);
    /// @notice Ownership cannot be transferred to the zero address (use renounceOwnership).
    error OwnableInvalidOwner(address owner);

    /// @notice Emitted when ownership changes, including at construction and on renounce.
    /// @param previousOwner The former owner.
    /// @param newOwner The new owner (zero after a renounce).
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    /// @notice The owner of the contract.
    /// @return The owner address.
    function owner() external view returns (address);

    /// @notice Give the contract to a new owner. Owner only; the new owner must not be zero.
    /// @param newOwner The new owner.
    function transferOwnership(address newOwner) external;

    /// @notice Leave the contract without owner: every owner-only function becomes uncallable
    /// for good (users keep depositing, matching, running tasks and withdrawing). Owner only.
    function renounceOwnership() external;
}
