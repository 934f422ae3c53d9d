import { expect } from 'chai';
import { ethers } from 'hardhat';
import { Wallet, hexlify, toUtf8Bytes } from 'ethers';
import { App__factory, Dataset__factory, Workerpool__factory } from '../../typechain-types';
import { deployMarket } from '../helpers/market';

/** AssetViewsFacet: each asset's owner and metadata in one call (PoCo 6.1 `viewApp`, `viewDataset`, `viewWorkerpool`). */
describe('AssetViewsFacet', function () {
    it('viewApp returns the owner and every field of the app, as its own getters do', async function () {
        const market = await deployMarket();
        const app = App__factory.connect(market.assets.app, ethers.provider);
        const info = await market.hub.assetViews.viewApp(market.assets.app);
        expect(info.owner).to.equal(market.actors.appOwner.address);
        expect(info.m_appName).to.equal(await app.m_appName());
        expect(info.m_appType).to.equal('DOCKER');
        expect(info.m_appMultiaddr).to.equal(hexlify(toUtf8Bytes('docker.io/iexechub/hello-world:1.0.0')));
        expect(info.m_appChecksum).to.equal(await app.m_appChecksum());
        expect(info.m_appMREnclave).to.equal(await app.m_appMREnclave());
    });

    it('viewDataset returns the owner and every field of the dataset', async function () {
        const market = await deployMarket();
        const dataset = Dataset__factory.connect(market.assets.dataset, ethers.provider);
        const info = await market.hub.assetViews.viewDataset(market.assets.dataset);
        expect(info).to.deep.equal([
            market.actors.datasetOwner.address,
            await dataset.m_datasetName(),
            await dataset.m_datasetMultiaddr(),
            await dataset.m_datasetChecksum(),
        ]);
    });

    it('viewWorkerpool returns the owner, the description and the current policy', async function () {
        const market = await deployMarket();
        const pool = Workerpool__factory.connect(market.assets.workerpool, market.actors.scheduler);
        await (await pool.changePolicy(40n, 7n)).wait();
        const info = await market.hub.assetViews.viewWorkerpool(market.assets.workerpool);
        expect(info).to.deep.equal([market.actors.scheduler.address, 'pool', 40n, 7n]);
        expect(info.m_workerStakeRatioPolicy).to.equal(40n);
    });

    it('reverts for an address that is not such an asset', async function () {
        const market = await deployMarket();
        await expect(market.hub.assetViews.viewApp(Wallet.createRandom().address)).to.be.reverted;
        await expect(market.hub.assetViews.viewDataset(market.assets.app)).to.be.reverted;
        await expect(market.hub.assetViews.viewWorkerpool(market.assets.dataset)).to.be.reverted;
    });
});
