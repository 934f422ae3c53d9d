// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/**
 * @title IexecLibCore_v5
 * @notice The core structs of the PoCo ABI.
 * @dev The legacy library name is kept on purpose (design.md §2): ethers decodes struct results by
 * member name and TypeChain derives type names from `internalType`, so clients of the reference
 * (the `iexec` SDK, worker middleware) need exactly `IexecLibCore_v5.<Struct>` with these members.
 */
// solhint-disable-next-line contract-name-capwords
library IexecLibCore_v5 {
    /// @notice An escrow account, as `viewAccount` returns it.
    struct Account {
        /// Free balance (nRLC): what the account can withdraw, transfer or have locked.
        uint256 stake;
        /// Frozen balance (nRLC): locked by deals and contributions, released by the protocol.
        uint256 locked;
    }

    /// @notice A computation category, as `viewCategory` returns it.
    struct Category {
        /// Short name ("XS", "S", ...).
        string name;
        /// Free text (the v6 deployment stores the 2-character string `""`).
        string description;
        /// Work-clock reference in seconds; a task's deadlines are multiples of it.
        uint256 workClockTimeRef;
    }
}
