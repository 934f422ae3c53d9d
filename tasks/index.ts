// Every Hardhat task of the repository, one concern per file, grouped by scope.
import './account/deposit';
import './account/withdraw';
import './account/show';
