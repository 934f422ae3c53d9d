// Every Hardhat task of the repository, one concern per file, grouped by scope.
import './poco/addresses';
import './app/create';
import './app/show';
import './dataset/create';
import './dataset/show';
import './workerpool/create';
import './workerpool/show';
import './workerpool/configure';
import './account/deposit';
import './account/withdraw';
import './account/show';
import './order/sign';
import './order/cancel';
import './order/match';
import './deal/show';
import './category/create';
import './category/list';
