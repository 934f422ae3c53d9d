import { expect } from 'chai';
import { ethers } from 'hardhat';
import { loadFixture } from '@nomicfoundation/hardhat-network-helpers';
import { Wallet, ZeroAddress, concat, id } from 'ethers';
import {
    ERC20FalseReturnMock__factory,
    ERC20HookMock__factory,
    HookDepositorMock__factory,
    MatchOrdersMockFacet__factory,
} from '../../typechain-types';
import { NRLC_PER_RLC } from '../../sdk/units';
import { shouldBehaveLikeEscrow } from '../behaviours/Escrow.behaviour';
import { deployHub, tokenHubFixture } from '../helpers/hub';
import { impersonate } from '../helpers/escrow';
import { unsignedOrders } from '../helpers/orders';

const RLC = NRLC_PER_RLC;
const MATCH_ORDERS_SELECTOR = '0x156194d4';
const SPONSOR_MATCH_ORDERS_SELECTOR = '0x2f391533';

describe('EscrowTokenFacet', function () {
    shouldBehaveLikeEscrow('token');

    async function fixture() {
        const hub = await loadFixture(tokenHubFixture);
        const [alice, bob] = hub.accounts;
        return { ...hub, rlc: hub.rlc!, alice, bob };
    }

    /** `matchOrders` calldata for a request order of `requester`. */
    function matchOrdersData(requester: string, options: { appmaxprice?: bigint; params?: string } = {}) {
        return MatchOrdersMockFacet__factory.createInterface().encodeFunctionData(
            'matchOrders',
            unsignedOrders({ requester, ...options }),
        );
    }

    describe('deposit', function () {
        it('bubbles up the token revert when the hub is not approved', async function () {
            const { hub, rlc, alice } = await fixture();
            await expect(hub.escrowToken.connect(alice).deposit(RLC)).to.be.revertedWith(
                'ERC20: insufficient allowance',
            );
            expect(await rlc.balanceOf(await hub.escrowToken.getAddress())).to.equal(0n);
        });
    });

    describe('with a token that returns false', function () {
        async function falseTokenFixture() {
            const [owner] = await ethers.getSigners();
            const token = await new ERC20FalseReturnMock__factory(owner).deploy(1_000n * RLC);
            const deployed = await deployHub({ flavour: 'token', tokenAddress: await token.getAddress() });
            return { ...deployed, token };
        }

        it('reverts a deposit whose pull returns false, crediting nothing', async function () {
            const { hub, hubAddress, token, owner } = await loadFixture(falseTokenFixture);
            await token.approve(hubAddress, RLC);
            await token.setFailing(true);
            await expect(hub.escrowToken.deposit(RLC))
                .to.be.revertedWithCustomError(hub.escrowToken, 'EscrowTokenTransferFailed')
                .withArgs(await token.getAddress(), owner.address, hubAddress, RLC);
            expect(await hub.erc20.balanceOf(owner.address)).to.equal(0n);
        });

        it('reverts a withdrawal whose payment returns false, debiting nothing', async function () {
            const { hub, hubAddress, token, owner } = await loadFixture(falseTokenFixture);
            await token.approve(hubAddress, RLC);
            await hub.escrowToken.deposit(RLC);
            await token.setFailing(true);
            await expect(hub.escrow.withdraw(RLC))
                .to.be.revertedWithCustomError(hub.escrowToken, 'EscrowTokenTransferFailed')
                .withArgs(await token.getAddress(), hubAddress, owner.address, RLC);
            await expect(hub.escrow.withdrawTo(RLC, Wallet.createRandom().address)).to.be.revertedWithCustomError(
                hub.escrowToken,
                'EscrowTokenTransferFailed',
            );
            expect(await hub.erc20.balanceOf(owner.address)).to.equal(RLC);
            expect(await token.balanceOf(hubAddress)).to.equal(RLC);
        });
    });

    describe('with a token that calls the depositor back during the pull (ERC-777 style)', function () {
        async function hookTokenFixture() {
            const [owner] = await ethers.getSigners();
            const token = await new ERC20HookMock__factory(owner).deploy(1_000n * RLC);
            const deployed = await deployHub({ flavour: 'token', tokenAddress: await token.getAddress() });
            const depositor = await new HookDepositorMock__factory(owner).deploy();
            await token.transfer(depositor, 100n * RLC);
            return { ...deployed, token, depositor };
        }

        it('credits a deposit re-entered from the hook exactly once, as the outer one', async function () {
            const { hub, hubAddress, token, depositor } = await loadFixture(hookTokenFixture);
            const tx = depositor.deposit(hubAddress, token, 10n * RLC, 5n * RLC);
            await expect(tx).to.changeTokenBalances(token, [depositor, hubAddress], [-15n * RLC, 15n * RLC]);
            await expect(tx).to.changeTokenBalances(hub.erc20, [depositor], [15n * RLC]);
            expect(await hub.erc20.totalSupply()).to.equal(15n * RLC);
        });
    });

    describe('receiveApproval', function () {
        it('deposits in one transaction with RLC.approveAndCall(hub, amount, "0x"), as the iexec SDK does', async function () {
            const { hub, hubAddress, rlc, alice } = await fixture();
            const tx = rlc.connect(alice).approveAndCall(hubAddress, 3n * RLC, '0x');
            // The SDK looks for these two logs in the receipt.
            await expect(tx)
                .to.emit(rlc, 'Approval')
                .withArgs(alice.address, hubAddress, 3n * RLC);
            await expect(tx)
                .to.emit(hub.erc20, 'Transfer')
                .withArgs(ZeroAddress, alice.address, 3n * RLC);
            await expect(tx).to.changeTokenBalances(rlc, [alice, hubAddress], [-3n * RLC, 3n * RLC]);
            await expect(tx).to.changeTokenBalances(hub.erc20, [alice], [3n * RLC]);
            // The allowance was used up.
            expect(await rlc.allowance(alice.address, hubAddress)).to.equal(0n);
        });

        it('deposits nothing, and succeeds, for an amount of zero with no data', async function () {
            const { hub, hubAddress, rlc, alice } = await fixture();
            const tx = rlc.connect(alice).approveAndCall(hubAddress, 0n, '0x');
            await expect(tx).to.emit(hub.erc20, 'Transfer').withArgs(ZeroAddress, alice.address, 0n);
            await expect(tx).to.changeTokenBalances(rlc, [alice, hubAddress], [0n, 0n]);
        });

        it('reverts when called by anyone but the token, leaving a victim’s allowance untouched', async function () {
            const { hub, hubAddress, rlc, alice, bob } = await fixture();
            // alice approved the hub and has not deposited yet; bob tries to force the deposit.
            await rlc.connect(alice).approve(hubAddress, 5n * RLC);
            await expect(hub.escrowToken.connect(bob).receiveApproval(alice.address, 5n * RLC, rlc, '0x'))
                .to.be.revertedWithCustomError(hub.escrowToken, 'EscrowCallerNotToken')
                .withArgs(bob.address);
            expect(await rlc.allowance(alice.address, hubAddress)).to.equal(5n * RLC);
            expect(await hub.erc20.balanceOf(alice.address)).to.equal(0n);
        });

        it('reverts when the token names another token', async function () {
            const { hub, hubAddress, rlc, alice } = await fixture();
            await rlc.connect(alice).approve(hubAddress, RLC);
            const asToken = await impersonate(await rlc.getAddress());
            const other = Wallet.createRandom().address;
            await expect(hub.escrowToken.connect(asToken).receiveApproval(alice.address, RLC, other, '0x'))
                .to.be.revertedWithCustomError(hub.escrowToken, 'EscrowWrongToken')
                .withArgs(other);
        });

        describe('with matchOrders data (deposit and match)', function () {
            it('deposits, then matches the orders on the hub, in one transaction', async function () {
                const { hub, hubAddress, rlc, alice } = await fixture();
                const data = matchOrdersData(alice.address, { appmaxprice: 2n * RLC });
                const tx = rlc.connect(alice).approveAndCall(hubAddress, 5n * RLC, data);
                // The match sees the deposit already credited, and the token as caller.
                await expect(tx)
                    .to.emit(hub.matchMock, 'MatchOrdersMockCalled')
                    .withArgs(await rlc.getAddress(), alice.address, 5n * RLC);
                await expect(tx)
                    .to.emit(hub.erc20, 'Lock')
                    .withArgs(alice.address, 2n * RLC);
                await expect(tx).to.changeTokenBalances(rlc, [alice, hubAddress], [-5n * RLC, 5n * RLC]);
                const account = await hub.erc20.viewAccount(alice.address);
                expect([account.stake, account.locked]).to.deep.equal([3n * RLC, 2n * RLC]);
            });

            it('reverts for another operation than matchOrders (even sponsorMatchOrders)', async function () {
                const { hub, hubAddress, rlc, alice } = await fixture();
                const data = SPONSOR_MATCH_ORDERS_SELECTOR + matchOrdersData(alice.address).slice(10);
                await expect(rlc.connect(alice).approveAndCall(hubAddress, RLC, data))
                    .to.be.revertedWithCustomError(hub.escrowToken, 'UnsupportedOperation')
                    .withArgs(SPONSOR_MATCH_ORDERS_SELECTOR);
            });

            it('reverts cleanly for data shorter than a selector', async function () {
                const { hub, hubAddress, rlc, alice } = await fixture();
                await expect(rlc.connect(alice).approveAndCall(hubAddress, RLC, '0x15'))
                    .to.be.revertedWithCustomError(hub.escrowToken, 'UnsupportedOperation')
                    .withArgs('0x15000000');
            });

            it('reverts when the request order is not the approver’s', async function () {
                const { hub, hubAddress, rlc, alice, bob } = await fixture();
                await expect(
                    rlc.connect(alice).approveAndCall(hubAddress, RLC, matchOrdersData(bob.address)),
                ).to.be.revertedWithCustomError(hub.escrowToken, 'CallerIsNotTheRequester');
            });

            it('reverts without reason for undecodable orders', async function () {
                const { hubAddress, rlc, alice } = await fixture();
                const data = concat([MATCH_ORDERS_SELECTOR, '0x1234']);
                await expect(rlc.connect(alice).approveAndCall(hubAddress, RLC, data)).to.be.revertedWithoutReason();
            });

            it('bubbles up the reason of a failed match and rolls the deposit back', async function () {
                const { hub, hubAddress, rlc, alice } = await fixture();
                const data = matchOrdersData(alice.address, { params: 'revert-with-reason' });
                const tx = rlc.connect(alice).approveAndCall(hubAddress, RLC, data);
                await expect(tx)
                    .to.be.revertedWithCustomError(hub.matchMock, 'MatchOrdersMockFailed')
                    .withArgs('revert-with-reason');
                expect(await hub.erc20.balanceOf(alice.address)).to.equal(0n);
                expect(await rlc.balanceOf(hubAddress)).to.equal(0n);
            });

            it('reverts OperationFailed for a match that failed without reason', async function () {
                const { hub, hubAddress, rlc, alice } = await fixture();
                const data = matchOrdersData(alice.address, { params: 'revert-without-reason' });
                await expect(rlc.connect(alice).approveAndCall(hubAddress, RLC, data)).to.be.revertedWithCustomError(
                    hub.escrowToken,
                    'OperationFailed',
                );
            });
        });
    });

    describe('receive', function () {
        it('rejects plain coin transfers (the token flavour escrows RLC only)', async function () {
            const { hub, hubAddress, alice } = await fixture();
            await expect(alice.sendTransaction({ to: hubAddress, value: 1n }))
                .to.be.revertedWithCustomError(hub.cut, 'DiamondFunctionNotFound')
                .withArgs('0x00000000');
        });
    });

    describe('recover', function () {
        it('credits the owner with RLC sent to the hub without approveAndCall, and nobody else', async function () {
            const { hub, hubAddress, rlc, owner, alice } = await fixture();
            await rlc.connect(alice).transfer(hubAddress, 4n * RLC);
            expect(await hub.erc20.balanceOf(alice.address)).to.equal(0n);
            await expect(hub.escrow.recover()).to.changeTokenBalances(hub.erc20, [owner, alice], [4n * RLC, 0n]);
            expect(await hub.erc20.totalSupply()).to.equal(await rlc.balanceOf(hubAddress));
        });
    });

    it('routes matchOrders data under the selector of the reference ABI', function () {
        expect(MatchOrdersMockFacet__factory.createInterface().getFunction('matchOrders').selector).to.equal(
            MATCH_ORDERS_SELECTOR,
        );
        expect(
            id(
                'sponsorMatchOrders((address,uint256,uint256,bytes32,address,address,address,bytes32,bytes),(address,uint256,uint256,bytes32,address,address,address,bytes32,bytes),(address,uint256,uint256,bytes32,uint256,uint256,address,address,address,bytes32,bytes),(address,uint256,address,uint256,address,uint256,address,uint256,bytes32,uint256,uint256,address,address,string,bytes32,bytes))',
            ).slice(0, 10),
        ).to.equal(SPONSOR_MATCH_ORDERS_SELECTOR);
    });
});
