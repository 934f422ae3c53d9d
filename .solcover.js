// solidity-coverage: instrumentation changes gas and bytecode sizes, so the suites that assert
// gas bounds or record snapshots (their titles carry the tag @gas) do not run under coverage.
module.exports = {
    skipFiles: ['mocks/'],
    mocha: { grep: '@gas', invert: true },
};
