// Mocha reporter for CI: the ordinary `spec` output, plus the run's real counts written as JSON to
// the file named by MOCHA_RESULTS_FILE (read by .ci/run to print "N passed, N failed").
'use strict';
const fs = require('fs');
const Mocha = require('mocha');

class CiReporter extends Mocha.reporters.Spec {
    constructor(runner, options) {
        super(runner, options);
        const file = process.env.MOCHA_RESULTS_FILE;
        let passed = 0;
        let failed = 0;
        let pending = 0;
        runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => passed++);
        runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => failed++);
        runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, () => pending++);
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            if (file) fs.writeFileSync(file, JSON.stringify({ passed, failed, pending }));
        });
    }
}

module.exports = CiReporter;
