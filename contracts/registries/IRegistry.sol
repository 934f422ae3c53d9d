// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IERC721Enumerable} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Enumerable.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";

/**
 * @title IRegistry
 * @notice A registry of PoCo assets (apps, datasets or workerpools): an ERC-721 Enumerable + Metadata
 * collection in which every token is an asset contract created by the registry, and the token id is
 * the asset's address (`uint256(uint160(asset))`). Owning the token is owning the asset.
 * @dev Parameter names (`_entry`, `_previous`, `_baseURI`) are those of the reference ABI
 * (PoCo 6.1.0), kept so that the compiled ABI is identical. Creation emits only the ERC-721
 * `Transfer(address(0), owner, tokenId)` event, as in the reference.
 */
interface IRegistry is IERC721Enumerable, IERC721Metadata {
    /**
     * @notice Sets the predecessor registry consulted by {isRegistered}. Registry owner only, once.
     * @dev Reverts `"Ownable: caller is not the owner"` for anyone but the owner and reverts without a
     * reason on a second call. The owner must not build a cycle of predecessors (a registry that is,
     * directly or not, its own predecessor): {isRegistered} would then run out of gas on unknown entries.
     * @param _previous The predecessor registry, or `address(0)` for none.
     */
    function initialize(address _previous) external;

    /**
     * @notice Sets the base of every {tokenURI}. Registry owner only.
     * @param _baseURI The new base URI, e.g. `https://nfts-metadata.iex.ec/app/1/`.
     */
    function setBaseURI(string calldata _baseURI) external;

    /**
     * @notice ENS reverse registration in PoCo v5; kept for ABI compatibility only.
     * @dev Reverts `"Ownable: caller is not the owner"` for anyone but the owner, and
     * `"Operation not supported on this chain"` otherwise.
     */
    function setName(address, string calldata) external;

    /**
     * @notice Whether `_entry` is an asset of this registry or, recursively, of its predecessor.
     * @param _entry The address of the asset.
     * @return True if the token `uint160(_entry)` exists here, or if `previous().isRegistered(_entry)`.
     */
    function isRegistered(address _entry) external view returns (bool);

    /**
     * @notice The implementation contract every asset proxy of this registry delegates to.
     * @return The master (logic) contract, created by the registry in its constructor.
     */
    function master() external view returns (address);

    /**
     * @notice The creation bytecode deployed with CREATE2 for every asset.
     * @return The proxy creation code; it embeds {master}.
     */
    function proxyCode() external view returns (bytes memory);

    /**
     * @notice The hash used to compute asset addresses.
     * @return `keccak256(proxyCode())`.
     */
    function proxyCodeHash() external view returns (bytes32);

    /**
     * @notice The predecessor registry, if any.
     * @return The registry set by {initialize}, or `address(0)`.
     */
    function previous() external view returns (IRegistry);

    /**
     * @notice Whether {initialize} has been called.
     * @return True once {initialize} has run.
     */
    function initialized() external view returns (bool);

    /**
     * @notice The base of every {tokenURI}.
     * @return The base URI set by {setBaseURI} (empty by default).
     */
    function baseURI() external view returns (string memory);
}
