// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/**
 * @title IexecLibOrders_v5
 * @notice The order-side structs of the PoCo ABI.
 * @dev The legacy library name is kept on purpose (design.md §2): ethers decodes struct results by
 * member name and TypeChain derives type names from `internalType`, so clients of the reference
 * (the `iexec` SDK, worker middleware) need exactly `IexecLibOrders_v5.<Struct>` with these members.
 */
// solhint-disable-next-line contract-name-capwords
library IexecLibOrders_v5 {
    /// @notice The EIP-712 domain of the hub's orders, as `domain()` returns it.
    struct EIP712Domain {
        string name;
        string version;
        uint256 chainId;
        address verifyingContract;
    }
}
