/**
 * shouldBehaveLikeRegistry: the behaviour shared by AppRegistry, DatasetRegistry and
 * WorkerpoolRegistry (spec marketplace.md §1): ERC-721 Enumerable + Metadata collection whose token
 * ids are asset addresses, CREATE2 asset creation, `isRegistered` with the `previous` fallback, the
 * owner-only administration, and the base behaviour of every asset (`RegistryEntry`).
 *
 * Each registry test file runs it with a {@link RegistryKind} that knows how to deploy that registry
 * and create its sample assets (through `sdk/assets.ts`).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { ethers } from 'hardhat';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import type { HardhatEthersSigner } from '@nomicfoundation/hardhat-ethers/signers';
import { ZeroAddress, concat, getAddress, keccak256, toUtf8Bytes } from 'ethers';
import type { AddressLike, ContractTransactionResponse, Signer } from 'ethers';
import { RegistryEntry__factory, RegistryReceiverMock__factory } from '../../typechain-types';
import type { Registry, RegistryEntry } from '../../typechain-types';
import type { NonPayableOverrides } from '../../typechain-types/common';
import { addressToTokenId, tokenIdToAddress } from '../../sdk/assets';
import type { CreatedAsset } from '../../sdk/assets';

/** ERC-165 interface ids the registries must support (OpenZeppelin 3.3 semantics). */
export const INTERFACE_IDS = {
    ERC165: '0x01ffc9a7',
    ERC721: '0x80ac58cd',
    ERC721Metadata: '0x5b5e139f',
    ERC721Enumerable: '0x780e9d63',
} as const;

/** EIP-1167 minimal proxy: creation prefix, runtime prefix and runtime suffix around the master. */
export const CLONE = {
    creationPrefix: '0x3d602d80600a3d3981f3',
    runtimePrefix: '0x363d3d373d3d3d363d73',
    runtimeSuffix: '0x5af43d82803e903d91602b57fd5bf3',
} as const;

/** Upper bound of the gas of a `create*` transaction (the reference pays 550k to 627k). */
export const CREATE_GAS_BOUND = 350_000n;

/** What every registry test fixture provides. */
export interface RegistryFixture {
    /** The registry under test, seen through the common `Registry` interface. */
    registry: Registry;
    /** Deployer and owner of the registry. */
    admin: HardhatEthersSigner;
    alice: HardhatEthersSigner;
    bob: HardhatEthersSigner;
    carol: HardhatEthersSigner;
}

/** How to drive one kind of registry from the shared behaviour. */
export interface RegistryKind {
    /** Expected ERC-721 `name()`. */
    name: string;
    /** Expected ERC-721 `symbol()`. */
    symbol: string;
    /** Deploys the registry and returns the signers; a stable module-level function (for `loadFixture`). */
    fixture: () => Promise<RegistryFixture>;
    /** Deploys another registry of the same kind, owned by `deployer`. */
    deployRegistry: (deployer: Signer) => Promise<Registry>;
    /** Creates the `index`-th sample asset (distinct fields per index) for `owner`, sent by `sender`. */
    createAsset: (
        registry: Registry,
        sender: Signer,
        owner: AddressLike,
        index: number,
        overrides?: NonPayableOverrides,
    ) => Promise<CreatedAsset>;
    /** Predicts the address of the `index`-th sample asset of `owner`. */
    predictAsset: (registry: Registry, owner: AddressLike, index: number) => Promise<string>;
    /** The asset's `initialize` call data for the `index`-th sample: the CREATE2 salt preimage minus the owner. */
    initializer: (index: number) => string;
    /** Calls `initialize` (with sample fields) on the asset at `asset`, as `caller`. */
    initializeAsset: (asset: string, caller: Signer) => Promise<ContractTransactionResponse>;
}

/**
 * Runs the shared registry behaviour for one kind of registry.
 * @param kind How to deploy the registry and create its assets.
 */
export function shouldBehaveLikeRegistry(kind: RegistryKind): void {
    const entryAt = (address: string, runner: Signer): RegistryEntry => RegistryEntry__factory.connect(address, runner);

    /** The registry with five assets: alice owns #0, #1, #2 and bob owns #3, #4 (created in this order). */
    async function withAssets() {
        const fixture = await kind.fixture();
        const { registry, alice, bob, carol } = fixture;
        const assets: string[] = [];
        for (const [index, owner] of [alice, alice, alice, bob, bob].entries()) {
            assets.push((await kind.createAsset(registry, carol, owner.address, index)).address);
        }
        return { ...fixture, assets };
    }

    describe('deployment', () => {
        it('is owned by its deployer', async () => {
            const { registry, admin } = await loadFixture(kind.fixture);
            expect(await registry.owner()).to.equal(admin.address);
        });

        it('emits OwnershipTransferred from zero to the deployer', async () => {
            const { registry, admin } = await loadFixture(kind.fixture);
            const events = await registry.queryFilter(registry.filters.OwnershipTransferred());
            expect(events.map((event) => [...event.args])).to.deep.equal([[ZeroAddress, admin.address]]);
        });

        it('creates a master that belongs to the registry', async () => {
            const { registry, admin } = await loadFixture(kind.fixture);
            const master = entryAt(await registry.master(), admin);
            expect(await ethers.provider.getCode(master)).to.not.equal('0x');
            expect(await master.registry()).to.equal(await registry.getAddress());
        });

        it('starts uninitialized, without predecessor, base URI or token', async () => {
            const { registry } = await loadFixture(kind.fixture);
            expect(await registry.initialized()).to.equal(false);
            expect(await registry.previous()).to.equal(ZeroAddress);
            expect(await registry.baseURI()).to.equal('');
            expect(await registry.totalSupply()).to.equal(0n);
        });
    });

    describe('ERC-721 metadata', () => {
        it(`is named "${kind.name}"`, async () => {
            const { registry } = await loadFixture(kind.fixture);
            expect(await registry.name()).to.equal(kind.name);
        });

        it(`has the symbol "${kind.symbol}"`, async () => {
            const { registry } = await loadFixture(kind.fixture);
            expect(await registry.symbol()).to.equal(kind.symbol);
        });
    });

    describe('supportsInterface', () => {
        for (const [standard, id] of Object.entries(INTERFACE_IDS)) {
            it(`supports ${standard} (${id})`, async () => {
                const { registry } = await loadFixture(kind.fixture);
                expect(await registry.supportsInterface(id)).to.equal(true);
            });
        }

        for (const id of ['0xffffffff', '0x00000000', '0x12345678']) {
            it(`does not support ${id}`, async () => {
                const { registry } = await loadFixture(kind.fixture);
                expect(await registry.supportsInterface(id)).to.equal(false);
            });
        }
    });

    describe('proxyCode and proxyCodeHash', () => {
        it('is the EIP-1167 creation code of a clone of the master', async () => {
            const { registry } = await loadFixture(kind.fixture);
            const master = await registry.master();
            expect(await registry.proxyCode()).to.equal(
                concat([CLONE.creationPrefix, CLONE.runtimePrefix, master, CLONE.runtimeSuffix]).toLowerCase(),
            );
        });

        it('hashes to proxyCodeHash', async () => {
            const { registry } = await loadFixture(kind.fixture);
            expect(await registry.proxyCodeHash()).to.equal(keccak256(await registry.proxyCode()));
        });
    });

    describe('asset creation', () => {
        it('deploys the asset at the predicted address', async () => {
            const { registry, alice } = await loadFixture(kind.fixture);
            const predicted = await kind.predictAsset(registry, alice.address, 0);
            expect(await ethers.provider.getCode(predicted)).to.equal('0x');
            const { address } = await kind.createAsset(registry, alice, alice.address, 0);
            expect(address).to.equal(predicted);
        });

        it('predicts the reference CREATE2 address: salt = keccak256(initializer ‖ owner)', async () => {
            const { registry, alice } = await loadFixture(kind.fixture);
            const salt = keccak256(concat([kind.initializer(0), alice.address]));
            const expected = ethers.getCreate2Address(
                await registry.getAddress(),
                salt,
                await registry.proxyCodeHash(),
            );
            expect(await kind.predictAsset(registry, alice.address, 0)).to.equal(expected);
        });

        it('deploys a clone of the master', async () => {
            const { registry, alice } = await loadFixture(kind.fixture);
            const { address } = await kind.createAsset(registry, alice, alice.address, 0);
            expect(await ethers.provider.getCode(address)).to.equal(
                concat([CLONE.runtimePrefix, await registry.master(), CLONE.runtimeSuffix]).toLowerCase(),
            );
        });

        it('mints the token uint160(asset) to the owner and emits only Transfer(0, owner, id)', async () => {
            const { registry, alice } = await loadFixture(kind.fixture);
            const { address, receipt } = await kind.createAsset(registry, alice, alice.address, 0);
            await expect(receipt)
                .to.emit(registry, 'Transfer')
                .withArgs(ZeroAddress, alice.address, addressToTokenId(address));
            expect(receipt.logs).to.have.lengthOf(1);
            expect(await registry.ownerOf(addressToTokenId(address))).to.equal(alice.address);
        });

        it('makes the token owner the asset owner, with this registry as its registry', async () => {
            const { registry, alice } = await loadFixture(kind.fixture);
            const { address } = await kind.createAsset(registry, alice, alice.address, 0);
            const asset = entryAt(address, alice);
            expect(await asset.owner()).to.equal(alice.address);
            expect(await asset.registry()).to.equal(await registry.getAddress());
        });

        it('lets anyone create an asset for another owner', async () => {
            const { registry, alice, bob } = await loadFixture(kind.fixture);
            const { address } = await kind.createAsset(registry, bob, alice.address, 0);
            expect(await entryAt(address, bob).owner()).to.equal(alice.address);
            expect(await registry.balanceOf(alice.address)).to.equal(1n);
            expect(await registry.balanceOf(bob.address)).to.equal(0n);
        });

        it('gives the same fields with another owner another address', async () => {
            const { registry, alice, bob } = await loadFixture(kind.fixture);
            const forAlice = await kind.createAsset(registry, alice, alice.address, 0);
            const forBob = await kind.createAsset(registry, bob, bob.address, 0);
            expect(forBob.address).to.not.equal(forAlice.address);
        });

        it('reverts when the same asset already exists', async () => {
            const { registry, alice } = await loadFixture(kind.fixture);
            await kind.createAsset(registry, alice, alice.address, 0);
            await expect(kind.createAsset(registry, alice, alice.address, 0)).to.be.revertedWith(
                'Create2: Failed on deploy',
            );
        });

        it('keeps the named owner when a front-runner creates the asset first', async () => {
            const { registry, alice, bob } = await loadFixture(kind.fixture);
            const predicted = await kind.predictAsset(registry, alice.address, 0);
            // bob copies alice's pending transaction and gets it mined first...
            await kind.createAsset(registry, bob, alice.address, 0);
            // ...so alice's own transaction reverts, but the asset is hers.
            await expect(kind.createAsset(registry, alice, alice.address, 0)).to.be.revertedWith(
                'Create2: Failed on deploy',
            );
            expect(await entryAt(predicted, alice).owner()).to.equal(alice.address);
            expect(await registry.ownerOf(addressToTokenId(predicted))).to.equal(alice.address);
        });

        it('rejects a duplicate before CREATE2, without burning the gas limit', async () => {
            const { registry, alice } = await loadFixture(kind.fixture);
            await kind.createAsset(registry, alice, alice.address, 0);
            await expect(
                kind.createAsset(registry, alice, alice.address, 0, { gasLimit: 5_000_000 }),
            ).to.be.revertedWith('Create2: Failed on deploy');
            // Hardhat mines the reverted transaction: read its receipt from the last block.
            const block = await ethers.provider.getBlock('latest');
            const receipt = await ethers.provider.getTransactionReceipt(block!.transactions[0]);
            expect(receipt!.status).to.equal(0);
            expect(receipt!.gasUsed).to.be.lessThan(100_000n);
        });

        it('reverts when the owner is the zero address', async () => {
            const { registry, alice } = await loadFixture(kind.fixture);
            await expect(kind.createAsset(registry, alice, ZeroAddress, 0)).to.be.revertedWith(
                'ERC721: mint to the zero address',
            );
        });

        it(`costs at most ${CREATE_GAS_BOUND} gas for the first asset of a new owner @gas`, async () => {
            const { registry, alice } = await loadFixture(kind.fixture);
            const { receipt } = await kind.createAsset(registry, alice, alice.address, 0);
            expect(receipt.gasUsed).to.be.at.most(CREATE_GAS_BOUND);
        });
    });

    describe('isRegistered', () => {
        it('is true for an asset of this registry', async () => {
            const { registry, assets } = await loadFixture(withAssets);
            for (const asset of assets) {
                expect(await registry.isRegistered(asset)).to.equal(true);
            }
        });

        it('is false for an unknown address, the zero address, the master and the registry itself', async () => {
            const { registry } = await loadFixture(withAssets);
            for (const address of [
                getAddress(keccak256(toUtf8Bytes('unknown')).slice(0, 42)),
                ZeroAddress,
                await registry.master(),
                await registry.getAddress(),
            ]) {
                expect(await registry.isRegistered(address)).to.equal(false);
            }
        });

        it('falls back to the previous registry', async () => {
            const { registry, admin, assets } = await loadFixture(withAssets);
            const next = await kind.deployRegistry(admin);
            expect(await next.isRegistered(assets[0])).to.equal(false);
            await next.initialize(await registry.getAddress());
            expect(await next.isRegistered(assets[0])).to.equal(true);
            expect(await next.isRegistered(ZeroAddress)).to.equal(false);
        });

        it('follows a chain of previous registries and still knows its own assets', async () => {
            const { registry, admin, alice, assets } = await loadFixture(withAssets);
            const middle = await kind.deployRegistry(admin);
            const last = await kind.deployRegistry(admin);
            await middle.initialize(await registry.getAddress());
            await last.initialize(await middle.getAddress());
            const own = await kind.createAsset(last, alice, alice.address, 0);
            expect(await last.isRegistered(assets[4])).to.equal(true);
            expect(await last.isRegistered(own.address)).to.equal(true);
            expect(await registry.isRegistered(own.address)).to.equal(false);
        });
    });

    describe('initialize', () => {
        it('sets the previous registry and the initialized flag', async () => {
            const { registry, admin } = await loadFixture(kind.fixture);
            const previous = await kind.deployRegistry(admin);
            await registry.initialize(await previous.getAddress());
            expect(await registry.previous()).to.equal(await previous.getAddress());
            expect(await registry.initialized()).to.equal(true);
        });

        it('accepts no previous registry', async () => {
            const { registry } = await loadFixture(kind.fixture);
            await registry.initialize(ZeroAddress);
            expect(await registry.initialized()).to.equal(true);
            expect(await registry.previous()).to.equal(ZeroAddress);
        });

        it('reverts without reason when called a second time', async () => {
            const { registry, admin } = await loadFixture(kind.fixture);
            await registry.initialize(ZeroAddress);
            const other = await kind.deployRegistry(admin);
            await expect(registry.initialize(await other.getAddress())).to.be.revertedWithoutReason();
            expect(await registry.previous()).to.equal(ZeroAddress);
        });

        it('reverts when the caller is not the owner', async () => {
            const { registry, alice } = await loadFixture(kind.fixture);
            await expect(registry.connect(alice).initialize(ZeroAddress)).to.be.revertedWith(
                'Ownable: caller is not the owner',
            );
        });
    });

    describe('setBaseURI and tokenURI', () => {
        const BASE_URI = 'https://nfts-metadata.iex.ec/asset/31337/';

        it('sets the base URI', async () => {
            const { registry } = await loadFixture(kind.fixture);
            await registry.setBaseURI(BASE_URI);
            expect(await registry.baseURI()).to.equal(BASE_URI);
        });

        it('builds tokenURI from the base URI and the decimal token id', async () => {
            const { registry, assets } = await loadFixture(withAssets);
            await registry.setBaseURI(BASE_URI);
            for (const asset of assets) {
                const id = addressToTokenId(asset);
                expect(await registry.tokenURI(id)).to.equal(`${BASE_URI}${id.toString(10)}`);
            }
        });

        it('returns an empty tokenURI while no base URI is set', async () => {
            const { registry, assets } = await loadFixture(withAssets);
            expect(await registry.tokenURI(addressToTokenId(assets[0]))).to.equal('');
        });

        it('reverts tokenURI for a token that does not exist', async () => {
            const { registry } = await loadFixture(withAssets);
            await registry.setBaseURI(BASE_URI);
            await expect(registry.tokenURI(1n)).to.be.revertedWith('ERC721: invalid token ID');
        });

        it('reverts setBaseURI when the caller is not the owner', async () => {
            const { registry, alice } = await loadFixture(kind.fixture);
            await expect(registry.connect(alice).setBaseURI(BASE_URI)).to.be.revertedWith(
                'Ownable: caller is not the owner',
            );
        });
    });

    describe('setName', () => {
        it('reverts for the owner: operation not supported', async () => {
            const { registry, alice } = await loadFixture(kind.fixture);
            await expect(registry.setName(alice.address, 'registry.iexec.eth')).to.be.revertedWith(
                'Operation not supported on this chain',
            );
        });

        it('reverts when the caller is not the owner', async () => {
            const { registry, alice } = await loadFixture(kind.fixture);
            await expect(registry.connect(alice).setName(alice.address, 'registry.iexec.eth')).to.be.revertedWith(
                'Ownable: caller is not the owner',
            );
        });
    });

    describe('ownership', () => {
        it('transfers ownership and the admin rights with it', async () => {
            const { registry, admin, alice } = await loadFixture(kind.fixture);
            await expect(registry.transferOwnership(alice.address))
                .to.emit(registry, 'OwnershipTransferred')
                .withArgs(admin.address, alice.address);
            expect(await registry.owner()).to.equal(alice.address);
            await expect(registry.setBaseURI('ipfs://')).to.be.revertedWith('Ownable: caller is not the owner');
            await registry.connect(alice).setBaseURI('ipfs://');
            expect(await registry.baseURI()).to.equal('ipfs://');
        });

        it('reverts transferOwnership to the zero address', async () => {
            const { registry } = await loadFixture(kind.fixture);
            await expect(registry.transferOwnership(ZeroAddress)).to.be.revertedWith(
                'Ownable: new owner is the zero address',
            );
        });

        it('reverts transferOwnership and renounceOwnership when the caller is not the owner', async () => {
            const { registry, alice } = await loadFixture(kind.fixture);
            await expect(registry.connect(alice).transferOwnership(alice.address)).to.be.revertedWith(
                'Ownable: caller is not the owner',
            );
            await expect(registry.connect(alice).renounceOwnership()).to.be.revertedWith(
                'Ownable: caller is not the owner',
            );
        });

        it('renounces ownership: admin functions are closed, creation stays open', async () => {
            const { registry, admin, alice } = await loadFixture(kind.fixture);
            await expect(registry.renounceOwnership())
                .to.emit(registry, 'OwnershipTransferred')
                .withArgs(admin.address, ZeroAddress);
            expect(await registry.owner()).to.equal(ZeroAddress);
            await expect(registry.initialize(ZeroAddress)).to.be.revertedWith('Ownable: caller is not the owner');
            await expect(registry.setBaseURI('ipfs://')).to.be.revertedWith('Ownable: caller is not the owner');
            const { address } = await kind.createAsset(registry, alice, alice.address, 0);
            expect(await registry.isRegistered(address)).to.equal(true);
        });
    });

    describe('ERC-721 transfers', () => {
        it('moves the asset with the token: owner(), balances and Transfer event', async () => {
            const { registry, alice, bob, assets } = await loadFixture(withAssets);
            const id = addressToTokenId(assets[0]);
            await expect(registry.connect(alice).transferFrom(alice.address, bob.address, id))
                .to.emit(registry, 'Transfer')
                .withArgs(alice.address, bob.address, id);
            expect(await registry.ownerOf(id)).to.equal(bob.address);
            expect(await entryAt(assets[0], bob).owner()).to.equal(bob.address);
            expect(await registry.balanceOf(alice.address)).to.equal(2n);
            expect(await registry.balanceOf(bob.address)).to.equal(3n);
        });

        it('lets the approved account transfer, then clears the approval', async () => {
            const { registry, alice, bob, carol, assets } = await loadFixture(withAssets);
            const id = addressToTokenId(assets[1]);
            await expect(registry.connect(alice).approve(carol.address, id))
                .to.emit(registry, 'Approval')
                .withArgs(alice.address, carol.address, id);
            expect(await registry.getApproved(id)).to.equal(carol.address);
            await registry.connect(carol).transferFrom(alice.address, bob.address, id);
            expect(await registry.ownerOf(id)).to.equal(bob.address);
            expect(await registry.getApproved(id)).to.equal(ZeroAddress);
        });

        it('lets an operator transfer and approve', async () => {
            const { registry, alice, bob, carol, assets } = await loadFixture(withAssets);
            const id = addressToTokenId(assets[2]);
            await expect(registry.connect(alice).setApprovalForAll(carol.address, true))
                .to.emit(registry, 'ApprovalForAll')
                .withArgs(alice.address, carol.address, true);
            expect(await registry.isApprovedForAll(alice.address, carol.address)).to.equal(true);
            await registry.connect(carol).approve(bob.address, id);
            expect(await registry.getApproved(id)).to.equal(bob.address);
            await registry.connect(carol).transferFrom(alice.address, carol.address, id);
            expect(await registry.ownerOf(id)).to.equal(carol.address);
            await registry.connect(alice).setApprovalForAll(carol.address, false);
            expect(await registry.isApprovedForAll(alice.address, carol.address)).to.equal(false);
        });

        it('reverts a transfer by an account that is neither owner, approved nor operator', async () => {
            const { registry, alice, bob, assets } = await loadFixture(withAssets);
            await expect(
                registry.connect(bob).transferFrom(alice.address, bob.address, addressToTokenId(assets[0])),
            ).to.be.revertedWith('ERC721: caller is not token owner or approved');
        });

        it('reverts a transfer from an account that does not own the token', async () => {
            const { registry, alice, bob, assets } = await loadFixture(withAssets);
            await expect(
                registry.connect(alice).transferFrom(bob.address, alice.address, addressToTokenId(assets[0])),
            ).to.be.revertedWith('ERC721: transfer from incorrect owner');
        });

        it('reverts a transfer to the zero address', async () => {
            const { registry, alice, assets } = await loadFixture(withAssets);
            await expect(
                registry.connect(alice).transferFrom(alice.address, ZeroAddress, addressToTokenId(assets[0])),
            ).to.be.revertedWith('ERC721: transfer to the zero address');
        });

        it('reverts a transfer of a token that does not exist', async () => {
            const { registry, alice } = await loadFixture(withAssets);
            await expect(registry.connect(alice).transferFrom(alice.address, alice.address, 1n)).to.be.revertedWith(
                'ERC721: invalid token ID',
            );
        });

        it('reverts approve to the current owner and by a stranger', async () => {
            const { registry, alice, bob, assets } = await loadFixture(withAssets);
            const id = addressToTokenId(assets[0]);
            await expect(registry.connect(alice).approve(alice.address, id)).to.be.revertedWith(
                'ERC721: approval to current owner',
            );
            await expect(registry.connect(bob).approve(bob.address, id)).to.be.revertedWith(
                'ERC721: approve caller is not token owner or approved for all',
            );
        });

        it('reverts setApprovalForAll to the caller and getApproved of an unknown token', async () => {
            const { registry, alice } = await loadFixture(withAssets);
            await expect(registry.connect(alice).setApprovalForAll(alice.address, true)).to.be.revertedWith(
                'ERC721: approve to caller',
            );
            await expect(registry.getApproved(1n)).to.be.revertedWith('ERC721: invalid token ID');
        });

        it('reverts balanceOf(0) and ownerOf of an unknown token', async () => {
            const { registry } = await loadFixture(withAssets);
            await expect(registry.balanceOf(ZeroAddress)).to.be.revertedWith(
                'ERC721: address zero is not a valid owner',
            );
            await expect(registry.ownerOf(1n)).to.be.revertedWith('ERC721: invalid token ID');
        });
    });

    describe('ERC-721 safe transfers', () => {
        const ReceiverBehaviour = { Accept: 0, ReturnWrongValue: 1, RevertWithReason: 2, RevertWithoutReason: 3 };

        async function deployReceiver(deployer: Signer, behaviour: number) {
            return new RegistryReceiverMock__factory(deployer).deploy(behaviour);
        }

        it('transfers to an account without code', async () => {
            const { registry, alice, bob, assets } = await loadFixture(withAssets);
            const id = addressToTokenId(assets[0]);
            await registry.connect(alice)['safeTransferFrom(address,address,uint256)'](alice.address, bob.address, id);
            expect(await registry.ownerOf(id)).to.equal(bob.address);
        });

        it('calls the receiver after the transfer, passing the data along', async () => {
            const { registry, alice, assets } = await loadFixture(withAssets);
            const receiver = await deployReceiver(alice, ReceiverBehaviour.Accept);
            const id = addressToTokenId(assets[0]);
            await expect(
                registry
                    .connect(alice)
                    ['safeTransferFrom(address,address,uint256,bytes)'](alice.address, receiver, id, '0x1234'),
            )
                .to.emit(receiver, 'Received')
                .withArgs(alice.address, alice.address, id, '0x1234', await receiver.getAddress());
            expect(await entryAt(assets[0], alice).owner()).to.equal(await receiver.getAddress());
        });

        it('reverts when the receiver returns a wrong value', async () => {
            const { registry, alice, assets } = await loadFixture(withAssets);
            const receiver = await deployReceiver(alice, ReceiverBehaviour.ReturnWrongValue);
            await expect(
                registry
                    .connect(alice)
                    ['safeTransferFrom(address,address,uint256)'](alice.address, receiver, addressToTokenId(assets[0])),
            ).to.be.revertedWith('ERC721: transfer to non ERC721Receiver implementer');
        });

        it('reverts when the recipient contract does not implement the receiver', async () => {
            const { registry, alice, assets } = await loadFixture(withAssets);
            const reverting = await deployReceiver(alice, ReceiverBehaviour.RevertWithoutReason);
            for (const recipient of [registry, reverting]) {
                await expect(
                    registry
                        .connect(alice)
                        ['safeTransferFrom(address,address,uint256)'](
                            alice.address,
                            recipient,
                            addressToTokenId(assets[0]),
                        ),
                ).to.be.revertedWith('ERC721: transfer to non ERC721Receiver implementer');
            }
        });

        it("bubbles up the receiver's revert reason", async () => {
            const { registry, alice, assets } = await loadFixture(withAssets);
            const receiver = await deployReceiver(alice, ReceiverBehaviour.RevertWithReason);
            await expect(
                registry
                    .connect(alice)
                    ['safeTransferFrom(address,address,uint256)'](alice.address, receiver, addressToTokenId(assets[0])),
            ).to.be.revertedWith('RegistryReceiverMock: rejected');
        });

        it('reverts when the caller is not allowed', async () => {
            const { registry, alice, bob, assets } = await loadFixture(withAssets);
            await expect(
                registry
                    .connect(bob)
                    ['safeTransferFrom(address,address,uint256)'](
                        alice.address,
                        bob.address,
                        addressToTokenId(assets[0]),
                    ),
            ).to.be.revertedWith('ERC721: caller is not token owner or approved');
        });
    });

    describe('ERC-721 enumeration', () => {
        it('lists every token in creation order', async () => {
            const { registry, assets } = await loadFixture(withAssets);
            expect(await registry.totalSupply()).to.equal(BigInt(assets.length));
            for (const [index, asset] of assets.entries()) {
                expect(tokenIdToAddress(await registry.tokenByIndex(index))).to.equal(asset);
            }
        });

        it("lists each owner's tokens", async () => {
            const { registry, alice, bob, carol, assets } = await loadFixture(withAssets);
            expect(await registry.balanceOf(alice.address)).to.equal(3n);
            expect(await registry.balanceOf(bob.address)).to.equal(2n);
            expect(await registry.balanceOf(carol.address)).to.equal(0n);
            for (let i = 0; i < 3; i++) {
                expect(tokenIdToAddress(await registry.tokenOfOwnerByIndex(alice.address, i))).to.equal(assets[i]);
            }
            for (let i = 0; i < 2; i++) {
                expect(tokenIdToAddress(await registry.tokenOfOwnerByIndex(bob.address, i))).to.equal(assets[3 + i]);
            }
        });

        it('reverts out-of-bounds indexes', async () => {
            const { registry, alice, carol, assets } = await loadFixture(withAssets);
            await expect(registry.tokenByIndex(assets.length)).to.be.revertedWith(
                'ERC721Enumerable: global index out of bounds',
            );
            await expect(registry.tokenOfOwnerByIndex(alice.address, 3)).to.be.revertedWith(
                'ERC721Enumerable: owner index out of bounds',
            );
            await expect(registry.tokenOfOwnerByIndex(carol.address, 0)).to.be.revertedWith(
                'ERC721Enumerable: owner index out of bounds',
            );
        });

        it('keeps owners, balances and per-owner lists consistent over random transfers', async () => {
            const moves = fc.array(fc.record({ token: fc.nat(4), to: fc.nat(2) }), { maxLength: 10 });
            await fc.assert(
                fc.asyncProperty(moves, async (steps) => {
                    const { registry, alice, bob, carol, assets } = await loadFixture(withAssets);
                    const accounts = [alice, bob, carol];
                    const model = new Map<string, HardhatEthersSigner>(
                        assets.map((asset, index) => [asset, index < 3 ? alice : bob]),
                    );
                    for (const { token, to } of steps) {
                        const from = model.get(assets[token])!;
                        await registry
                            .connect(from)
                            .transferFrom(from.address, accounts[to].address, addressToTokenId(assets[token]));
                        model.set(assets[token], accounts[to]);
                    }
                    for (const account of accounts) {
                        const expected = assets.filter((asset) => model.get(asset) === account).sort();
                        const balance = await registry.balanceOf(account.address);
                        expect(balance).to.equal(BigInt(expected.length));
                        const listed: string[] = [];
                        for (let i = 0n; i < balance; i++) {
                            listed.push(tokenIdToAddress(await registry.tokenOfOwnerByIndex(account.address, i)));
                        }
                        expect(listed.sort()).to.deep.equal(expected);
                    }
                    for (const [index, asset] of assets.entries()) {
                        expect(await registry.ownerOf(addressToTokenId(asset))).to.equal(model.get(asset)!.address);
                        expect(tokenIdToAddress(await registry.tokenByIndex(index))).to.equal(asset);
                    }
                }),
                { numRuns: 25 },
            );
        });
    });

    describe('assets (RegistryEntry)', () => {
        it('cannot initialize the master', async () => {
            const { registry, admin, alice } = await loadFixture(kind.fixture);
            const master = await registry.master();
            for (const caller of [admin, alice]) {
                await expect(kind.initializeAsset(master, caller)).to.be.revertedWith('already initialized');
            }
        });

        it('gives the master no owner and no registration', async () => {
            const { registry, alice } = await loadFixture(withAssets);
            const master = await registry.master();
            await expect(entryAt(master, alice).owner()).to.be.revertedWith('ERC721: invalid token ID');
            expect(await registry.isRegistered(master)).to.equal(false);
        });

        it('cannot re-initialize an asset, not even by its owner or the registry owner', async () => {
            const { admin, alice, carol, assets } = await loadFixture(withAssets);
            for (const caller of [alice, admin, carol]) {
                await expect(kind.initializeAsset(assets[0], caller)).to.be.revertedWith('already initialized');
            }
        });

        it('reverts setName for the asset owner: operation not supported', async () => {
            const { alice, assets } = await loadFixture(withAssets);
            await expect(entryAt(assets[0], alice).setName(alice.address, 'app.iexec.eth')).to.be.revertedWith(
                'Operation not supported on this chain',
            );
        });

        it('reverts setName when the caller is not the asset owner', async () => {
            const { admin, bob, assets } = await loadFixture(withAssets);
            for (const caller of [bob, admin]) {
                await expect(entryAt(assets[0], caller).setName(caller.address, 'app.iexec.eth')).to.be.revertedWith(
                    'caller is not the owner',
                );
            }
        });

        it('moves the setName rights with the token', async () => {
            const { registry, alice, bob, assets } = await loadFixture(withAssets);
            await registry.connect(alice).transferFrom(alice.address, bob.address, addressToTokenId(assets[0]));
            await expect(entryAt(assets[0], alice).setName(alice.address, 'app.iexec.eth')).to.be.revertedWith(
                'caller is not the owner',
            );
            await expect(entryAt(assets[0], bob).setName(bob.address, 'app.iexec.eth')).to.be.revertedWith(
                'Operation not supported on this chain',
            );
        });
    });
}
