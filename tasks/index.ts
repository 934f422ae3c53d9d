// Every Hardhat task of the repository, one concern per file, grouped by scope.
