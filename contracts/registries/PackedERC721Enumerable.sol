// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Enumerable} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Enumerable.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";
import {ERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";

// The revert strings are OpenZeppelin's, part of the behaviour clients of the reference registries see.
// solhint-disable gas-small-strings

/**
 * @title PackedERC721Enumerable
 * @notice ERC-721 with the Enumerable and Metadata extensions, for collections that only mint (no burn).
 * Behaviour and revert strings are those of OpenZeppelin 4.9 `ERC721` + `ERC721Enumerable`; the storage
 * is laid out so that a mint writes three new slots instead of six:
 * - one slot per token holds its owner and its position in the owner's list (`TokenData`);
 * - the owner's list of tokens is a dynamic array whose length is the owner's balance;
 * - the list of all tokens is append-only (nothing is ever burnt), so no global index per token is kept.
 * `tokenURI` is left to the inheriting contract.
 * @dev Parameter names (`owner`, `operator`, `_data`, ...) are those of the reference ABI.
 */
abstract contract PackedERC721Enumerable is ERC165, IERC721Enumerable, IERC721Metadata {
    /// @dev A token's owner and its index in `_ownedTokens[owner]`, packed in one slot.
    struct TokenData {
        address owner;
        uint96 ownedIndex;
    }

    string private _name;
    string private _symbol;

    mapping(uint256 tokenId => TokenData) private _tokens;
    mapping(address owner => uint256[] tokenIds) private _ownedTokens;
    uint256[] private _allTokens;
    mapping(uint256 tokenId => address approved) private _tokenApprovals;
    mapping(address owner => mapping(address operator => bool approved)) private _operatorApprovals;

    /**
     * @param name_ The collection name returned by {name}.
     * @param symbol_ The collection symbol returned by {symbol}.
     */
    constructor(string memory name_, string memory symbol_) {
        _name = name_;
        _symbol = symbol_;
    }

    /**
     * @notice ERC-165: true for ERC-165, ERC-721, ERC-721 Metadata and ERC-721 Enumerable.
     * @param interfaceId The ERC-165 interface id.
     * @return Whether the interface is supported.
     */
    function supportsInterface(bytes4 interfaceId) public view virtual override(ERC165, IERC165) returns (bool) {
        return
            interfaceId == type(IERC721).interfaceId ||
            interfaceId == type(IERC721Metadata).interfaceId ||
            interfaceId == type(IERC721Enumerable).interfaceId ||
            super.supportsInterface(interfaceId);
    }

    /**
     * @notice The number of tokens owned by `owner`.
     * @param owner The account; reverts `"ERC721: address zero is not a valid owner"` for zero.
     * @return The balance.
     */
    function balanceOf(address owner) public view virtual override returns (uint256) {
        require(owner != address(0), "ERC721: address zero is not a valid owner");
        return _ownedTokens[owner].length;
    }

    /**
     * @notice The owner of `tokenId`.
     * @param tokenId The token; reverts `"ERC721: invalid token ID"` if it does not exist.
     * @return The owner.
     */
    function ownerOf(uint256 tokenId) public view virtual override returns (address) {
        address tokenOwner = _tokens[tokenId].owner;
        require(tokenOwner != address(0), "ERC721: invalid token ID");
        return tokenOwner;
    }

    /**
     * @notice The collection name.
     * @return The name.
     */
    function name() public view virtual override returns (string memory) {
        return _name;
    }

    /**
     * @notice The collection symbol.
     * @return The symbol.
     */
    function symbol() public view virtual override returns (string memory) {
        return _symbol;
    }

    /**
     * @notice Approves `to` to transfer `tokenId` (zero clears the approval). Token owner or operator only.
     * @param to The approved account.
     * @param tokenId The token.
     */
    function approve(address to, uint256 tokenId) public virtual override {
        address tokenOwner = ownerOf(tokenId);
        require(to != tokenOwner, "ERC721: approval to current owner");
        require(
            msg.sender == tokenOwner || isApprovedForAll(tokenOwner, msg.sender),
            "ERC721: approve caller is not token owner or approved for all"
        );
        _tokenApprovals[tokenId] = to;
        emit Approval(tokenOwner, to, tokenId);
    }

    /**
     * @notice The account approved for `tokenId`.
     * @param tokenId The token; reverts `"ERC721: invalid token ID"` if it does not exist.
     * @return The approved account, or zero.
     */
    function getApproved(uint256 tokenId) public view virtual override returns (address) {
        _requireMinted(tokenId);
        return _tokenApprovals[tokenId];
    }

    /**
     * @notice Allows or forbids `operator` to manage every token of the caller.
     * @param operator The operator; reverts `"ERC721: approve to caller"` if it is the caller.
     * @param approved Whether the operator is allowed.
     */
    function setApprovalForAll(address operator, bool approved) public virtual override {
        require(msg.sender != operator, "ERC721: approve to caller");
        _operatorApprovals[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    /**
     * @notice Whether `operator` may manage every token of `owner`.
     * @param owner The token owner.
     * @param operator The operator.
     * @return Whether the operator is approved.
     */
    function isApprovedForAll(address owner, address operator) public view virtual override returns (bool) {
        return _operatorApprovals[owner][operator];
    }

    /**
     * @notice Transfers `tokenId` from `from` to `to`. Owner, approved account or operator only.
     * @param from The current owner.
     * @param to The new owner (not zero).
     * @param tokenId The token.
     */
    function transferFrom(address from, address to, uint256 tokenId) public virtual override {
        require(_isApprovedOrOwner(msg.sender, tokenId), "ERC721: caller is not token owner or approved");
        _transfer(from, to, tokenId);
    }

    /**
     * @notice {transferFrom}, then checks that a contract recipient accepts ERC-721 tokens.
     * @param from The current owner.
     * @param to The new owner (not zero).
     * @param tokenId The token.
     */
    function safeTransferFrom(address from, address to, uint256 tokenId) public virtual override {
        safeTransferFrom(from, to, tokenId, "");
    }

    /**
     * @notice {transferFrom}, then checks that a contract recipient accepts ERC-721 tokens.
     * @param from The current owner.
     * @param to The new owner (not zero).
     * @param tokenId The token.
     * @param _data Passed to the recipient's `onERC721Received`.
     */
    function safeTransferFrom(address from, address to, uint256 tokenId, bytes memory _data) public virtual override {
        require(_isApprovedOrOwner(msg.sender, tokenId), "ERC721: caller is not token owner or approved");
        _transfer(from, to, tokenId);
        require(_checkOnERC721Received(from, to, tokenId, _data), "ERC721: transfer to non ERC721Receiver implementer");
    }

    /**
     * @notice The total number of tokens.
     * @return The number of tokens ever minted (nothing is burnt).
     */
    function totalSupply() public view virtual override returns (uint256) {
        return _allTokens.length;
    }

    /**
     * @notice The `index`-th token of `owner`.
     * @param owner The token owner.
     * @param index Below `balanceOf(owner)`, else reverts `"ERC721Enumerable: owner index out of bounds"`.
     * @return The token id.
     */
    function tokenOfOwnerByIndex(address owner, uint256 index) public view virtual override returns (uint256) {
        require(index < balanceOf(owner), "ERC721Enumerable: owner index out of bounds");
        return _ownedTokens[owner][index];
    }

    /**
     * @notice The `index`-th token of the collection, in minting order.
     * @param index Below `totalSupply()`, else reverts `"ERC721Enumerable: global index out of bounds"`.
     * @return The token id.
     */
    function tokenByIndex(uint256 index) public view virtual override returns (uint256) {
        require(index < totalSupply(), "ERC721Enumerable: global index out of bounds");
        return _allTokens[index];
    }

    /// @dev Whether `tokenId` has been minted.
    function _exists(uint256 tokenId) internal view returns (bool) {
        return _tokens[tokenId].owner != address(0);
    }

    /// @dev Reverts `"ERC721: invalid token ID"` if `tokenId` has not been minted.
    function _requireMinted(uint256 tokenId) internal view {
        require(_exists(tokenId), "ERC721: invalid token ID");
    }

    /**
     * @dev Mints `tokenId` to `to` and emits `Transfer(address(0), to, tokenId)`. Does not call
     * `onERC721Received` (as OpenZeppelin `_mint`).
     */
    function _mint(address to, uint256 tokenId) internal {
        require(to != address(0), "ERC721: mint to the zero address");
        require(!_exists(tokenId), "ERC721: token already minted");
        _addToOwner(to, tokenId);
        _allTokens.push(tokenId);
        emit Transfer(address(0), to, tokenId);
    }

    /// @dev Moves `tokenId` from `from` to `to`, clearing its approval. State is final before any hook runs.
    function _transfer(address from, address to, uint256 tokenId) private {
        require(ownerOf(tokenId) == from, "ERC721: transfer from incorrect owner");
        require(to != address(0), "ERC721: transfer to the zero address");
        delete _tokenApprovals[tokenId];
        _removeFromOwner(from, tokenId);
        _addToOwner(to, tokenId);
        emit Transfer(from, to, tokenId);
    }

    /// @dev Appends `tokenId` to `to`'s list and records `to` as its owner (one write for both).
    function _addToOwner(address to, uint256 tokenId) private {
        uint256[] storage owned = _ownedTokens[to];
        _tokens[tokenId] = TokenData({owner: to, ownedIndex: uint96(owned.length)});
        owned.push(tokenId);
    }

    /// @dev Removes `tokenId` from `from`'s list by moving the last token into its place.
    function _removeFromOwner(address from, uint256 tokenId) private {
        uint256[] storage owned = _ownedTokens[from];
        uint256 lastIndex = owned.length - 1;
        uint256 index = _tokens[tokenId].ownedIndex;
        if (index != lastIndex) {
            uint256 lastTokenId = owned[lastIndex];
            owned[index] = lastTokenId;
            _tokens[lastTokenId].ownedIndex = uint96(index);
        }
        owned.pop();
    }

    /// @dev Whether `spender` is the owner of `tokenId`, approved for it, or an operator of its owner.
    function _isApprovedOrOwner(address spender, uint256 tokenId) private view returns (bool) {
        address tokenOwner = ownerOf(tokenId);
        return (spender == tokenOwner || isApprovedForAll(tokenOwner, spender) || _tokenApprovals[tokenId] == spender);
    }

    /**
     * @dev Calls `onERC721Received` on a contract recipient; true for an account without code. A revert
     * without data is reported as not implementing the receiver; any other revert is bubbled up.
     */
    function _checkOnERC721Received(
        address from,
        address to,
        uint256 tokenId,
        bytes memory data
    ) private returns (bool) {
        if (to.code.length == 0) {
            return true;
        }
        try IERC721Receiver(to).onERC721Received(msg.sender, from, tokenId, data) returns (bytes4 retval) {
            return retval == IERC721Receiver.onERC721Received.selector;
        } catch (bytes memory reason) {
            if (reason.length == 0) {
                revert("ERC721: transfer to non ERC721Receiver implementer");
            }
            assembly ("memory-safe") {
                revert(add(32, reason), mload(reason))
            }
        }
    }
}
