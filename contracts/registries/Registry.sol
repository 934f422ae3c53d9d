// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IRegistry} from "./IRegistry.sol";
import {PackedERC721Enumerable} from "./PackedERC721Enumerable.sol";

/**
 * @title Registry
 * @notice Base of the three asset registries: an ERC-721 Enumerable + Metadata collection, owned, that
 * creates its assets with CREATE2 and mints one token per asset, whose id is the asset's address.
 * @dev Design choices (all behind the reference ABI of PoCo 6.1.0):
 * - Asset proxies are EIP-1167 minimal clones of {master} (55 bytes of creation code, 45 bytes of runtime)
 *   instead of the reference's zeppelinos `InitializableUpgradeabilityProxy`: they are far cheaper to
 *   deploy and cannot be upgraded either. The reference's `proxy.initialize(master, initializer)` step
 *   becomes a direct call of the initializer on the clone, which delegates it to the master, so the
 *   asset sees the registry as `msg.sender` exactly as before. `_predictEntry` and `_createEntry` use the
 *   same code and salt, which is all clients rely on (they call `predict*` on-chain).
 * - `proxyCode()` is rebuilt from the immutable {master} instead of being stored; `proxyCodeHash` is an
 *   immutable.
 * - The ERC-721 storage is {PackedERC721Enumerable}: three new slots per mint instead of six.
 * - Assets keep no registry address nor "initialized" flag in storage: the master holds the registry as an
 *   immutable and only the registry may initialize (see {RegistryEntry}); `App` packs its metadata.
 * - An address that already has code is rejected before CREATE2 (`"Create2: Failed on deploy"`, the
 *   reference string), so a duplicate or front-run creation reverts cheaply instead of burning all the
 *   gas CREATE2 forwards on a collision.
 */
abstract contract Registry is IRegistry, PackedERC721Enumerable, Ownable {
    /// @dev EIP-1167 creation code up to the implementation address (10 bytes of init + 10 of runtime).
    bytes20 private constant CLONE_PREFIX = hex"3d602d80600a3d3981f3363d3d373d3d3d363d73";
    /// @dev EIP-1167 runtime code after the implementation address.
    bytes15 private constant CLONE_SUFFIX = hex"5af43d82803e903d91602b57fd5bf3";

    /// @inheritdoc IRegistry
    address public immutable override master;
    /// @inheritdoc IRegistry
    bytes32 public immutable override proxyCodeHash;

    /// @inheritdoc IRegistry
    IRegistry public override previous;
    /// @inheritdoc IRegistry
    bool public override initialized;
    /// @inheritdoc IRegistry
    string public override baseURI;

    /**
     * @param master_ The implementation contract of the assets, created by the concrete registry.
     * @param name_ ERC-721 collection name.
     * @param symbol_ ERC-721 collection symbol.
     */
    constructor(address master_, string memory name_, string memory symbol_) PackedERC721Enumerable(name_, symbol_) {
        master = master_;
        proxyCodeHash = keccak256(_proxyCode(master_));
    }

    /// @inheritdoc IRegistry
    function initialize(address _previous) external override onlyOwner {
        require(!initialized);
        initialized = true;
        previous = IRegistry(_previous);
    }

    /// @inheritdoc IRegistry
    function setBaseURI(string calldata _baseURI) external override onlyOwner {
        baseURI = _baseURI;
    }

    /// @inheritdoc IRegistry
    function setName(address, string calldata) external virtual override onlyOwner {
        // The revert string of the reference.
        // solhint-disable-next-line gas-small-strings
        revert("Operation not supported on this chain");
    }

    /// @inheritdoc IRegistry
    function isRegistered(address _entry) external view override returns (bool) {
        return _exists(uint256(uint160(_entry))) || (address(previous) != address(0) && previous.isRegistered(_entry));
    }

    /// @inheritdoc IRegistry
    function proxyCode() external view override returns (bytes memory) {
        return _proxyCode(master);
    }

    /**
     * @notice The metadata URI of `tokenId`: {baseURI} followed by the token id in decimal, or an empty
     * string while no base URI is set (OpenZeppelin semantics).
     * @param tokenId The token; reverts `"ERC721: invalid token ID"` if it does not exist.
     * @return The URI.
     */
    function tokenURI(uint256 tokenId) external view override returns (string memory) {
        _requireMinted(tokenId);
        string memory base = baseURI;
        return bytes(base).length == 0 ? "" : string.concat(base, Strings.toString(tokenId));
    }

    /**
     * @dev Deploys the clone for `initializer` and `entryOwner`, initializes it and mints its token to
     * `entryOwner`. Anyone may create an asset for anyone; the owner is part of the salt, so a front-runner
     * can only create the very asset the victim asked for, owned by the victim.
     * @param entryOwner The owner of the new asset; `"ERC721: mint to the zero address"` if zero.
     * @param initializer The ABI-encoded call of the asset's `initialize`.
     * @return entry The address of the new asset.
     */
    function _createEntry(address entryOwner, bytes memory initializer) internal returns (address entry) {
        bytes32 salt = _salt(entryOwner, initializer);
        require(_computeAddress(salt).code.length == 0, "Create2: Failed on deploy");
        bytes memory code = _proxyCode(master);
        assembly ("memory-safe") {
            entry := create2(0, add(code, 0x20), mload(code), salt)
        }
        require(entry != address(0), "Create2: Failed on deploy");
        (bool success, bytes memory reason) = entry.call(initializer);
        if (!success) {
            assembly ("memory-safe") {
                revert(add(reason, 0x20), mload(reason))
            }
        }
        _mint(entryOwner, uint256(uint160(entry)));
    }

    /**
     * @dev The address {_createEntry} deploys to for the same arguments.
     * @param entryOwner The owner of the asset.
     * @param initializer The ABI-encoded call of the asset's `initialize`.
     * @return The CREATE2 address.
     */
    function _predictEntry(address entryOwner, bytes memory initializer) internal view returns (address) {
        return _computeAddress(_salt(entryOwner, initializer));
    }

    /// @dev The reference salt: `keccak256(initializer ‖ owner)`, packed (selector included, 20-byte owner).
    function _salt(address entryOwner, bytes memory initializer) private pure returns (bytes32) {
        return keccak256(abi.encodePacked(initializer, entryOwner));
    }

    /// @dev CREATE2 address of the proxy code deployed by this registry with `salt`.
    function _computeAddress(bytes32 salt) private view returns (address) {
        return address(uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), address(this), salt, proxyCodeHash)))));
    }

    /// @dev EIP-1167 minimal proxy creation code delegating to `implementation`.
    function _proxyCode(address implementation) private pure returns (bytes memory) {
        return abi.encodePacked(CLONE_PREFIX, implementation, CLONE_SUFFIX);
    }
}
