// Every Hardhat task of the repository, one concern per file, grouped by scope.
import './poco/addresses';
import './app/create';
import './app/show';
import './dataset/create';
import './dataset/show';
import './dataset/encrypt';
import './workerpool/create';
import './workerpool/show';
import './workerpool/configure';
import './account/deposit';
import './account/withdraw';
import './account/show';
import './storage/check';
import './storage/snapshot';
import './diamond/describe';
import './diamond/diff';
import './diamond/upgrade';
