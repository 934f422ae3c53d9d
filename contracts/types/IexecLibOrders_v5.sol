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

    /// @notice An app owner's offer to run its app (EIP-712 signed).
    struct AppOrder {
        address app;
        uint256 appprice;
        uint256 volume;
        bytes32 tag;
        address datasetrestrict;
        address workerpoolrestrict;
        address requesterrestrict;
        bytes32 salt;
        bytes sign;
    }

    /// @notice A dataset owner's offer to let its dataset be used (EIP-712 signed).
    struct DatasetOrder {
        address dataset;
        uint256 datasetprice;
        uint256 volume;
        bytes32 tag;
        address apprestrict;
        address workerpoolrestrict;
        address requesterrestrict;
        bytes32 salt;
        bytes sign;
    }

    /// @notice A workerpool scheduler's offer of computing power (EIP-712 signed).
    struct WorkerpoolOrder {
        address workerpool;
        uint256 workerpoolprice;
        uint256 volume;
        bytes32 tag;
        uint256 category;
        uint256 trust;
        address apprestrict;
        address datasetrestrict;
        address requesterrestrict;
        bytes32 salt;
        bytes sign;
    }

    /// @notice A requester's demand for executions (EIP-712 signed).
    struct RequestOrder {
        address app;
        uint256 appmaxprice;
        address dataset;
        uint256 datasetmaxprice;
        address workerpool;
        uint256 workerpoolmaxprice;
        address requester;
        uint256 volume;
        bytes32 tag;
        uint256 category;
        uint256 trust;
        address beneficiary;
        address callback;
        string params;
        bytes32 salt;
        bytes sign;
    }

    /// @notice What an order operation does: presign the order (SIGN, 0) or close it for good
    /// (CLOSE, 1). Encoded as `uint8` in the ABI, hashed as `uint256` in EIP-712.
    enum OrderOperationEnum {
        SIGN,
        CLOSE
    }

    /// @notice Presign or close an app order. `sign` is the app owner's EIP-712 signature of the
    /// operation (unused when the owner sends it); the order's own `sign` is ignored.
    struct AppOrderOperation {
        AppOrder order;
        OrderOperationEnum operation;
        bytes sign;
    }

    /// @notice Presign or close a dataset order (see `AppOrderOperation`).
    struct DatasetOrderOperation {
        DatasetOrder order;
        OrderOperationEnum operation;
        bytes sign;
    }

    /// @notice Presign or close a workerpool order (see `AppOrderOperation`).
    struct WorkerpoolOrderOperation {
        WorkerpoolOrder order;
        OrderOperationEnum operation;
        bytes sign;
    }

    /// @notice Presign or close a request order (see `AppOrderOperation`).
    struct RequestOrderOperation {
        RequestOrder order;
        OrderOperationEnum operation;
        bytes sign;
    }
}
