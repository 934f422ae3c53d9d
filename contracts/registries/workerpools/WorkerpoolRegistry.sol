// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {Registry} from "../Registry.sol";
import {IWorkerpool} from "./IWorkerpool.sol";
import {Workerpool} from "./Workerpool.sol";

/**
 * @title WorkerpoolRegistry
 * @notice Creates Workerpool assets and mints their ERC-721 token (`iExec Workerpool Registry (V5)`,
 * `iExecWorkerpoolV5`); the token id is the workerpool's address.
 */
contract WorkerpoolRegistry is Registry {
    /// @notice Deploys the registry, owned by the deployer, and the Workerpool master its pools delegate to.
    constructor() Registry(address(new Workerpool()), "iExec Workerpool Registry (V5)", "iExecWorkerpoolV5") {}

    /**
     * @notice Creates a workerpool owned by `_workerpoolOwner` and mints its token to `_workerpoolOwner`.
     * Anyone may create a workerpool for anyone. Emits only the ERC-721 `Transfer(address(0), owner, id)`.
     * @dev Reverts `"Create2: Failed on deploy"` if the same workerpool (same description, same owner)
     * already exists and `"ERC721: mint to the zero address"` if `_workerpoolOwner` is zero.
     * @param _workerpoolOwner Owner of the workerpool (receives the token).
     * @param _workerpoolDescription Human-readable description.
     * @return The new workerpool, at the address {predictWorkerpool} returns for the same arguments.
     */
    function createWorkerpool(
        address _workerpoolOwner,
        string calldata _workerpoolDescription
    ) external returns (Workerpool) {
        return Workerpool(_createEntry(_workerpoolOwner, _initializer(_workerpoolDescription)));
    }

    /**
     * @notice The address {createWorkerpool} deploys to for the same arguments (whether created yet or not).
     * @param _workerpoolOwner Owner of the workerpool.
     * @param _workerpoolDescription Human-readable description.
     * @return The workerpool's address.
     */
    function predictWorkerpool(
        address _workerpoolOwner,
        string calldata _workerpoolDescription
    ) external view returns (Workerpool) {
        return Workerpool(_predictEntry(_workerpoolOwner, _initializer(_workerpoolDescription)));
    }

    /// @dev The call data of `Workerpool.initialize` for this description: the CREATE2 salt is derived from it.
    function _initializer(string calldata _workerpoolDescription) private pure returns (bytes memory) {
        return abi.encodeCall(IWorkerpool.initialize, (_workerpoolDescription));
    }
}
