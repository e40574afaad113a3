/**
 * The unit tests StrykerJS runs per mutant (stryker.config.mjs): those aimed at the client's core.
 * Left out are unit tests of other parts that only pass through the core on their way (the
 * emulator's own tests, whose server verifies signatures with the same signer; the command line's
 * and the examples' tests; the restore's, which wait through whole jobs), so each mutant runs the
 * tests that can judge it, quickly.
 */
const unit = require("./jest.unit.config");

/** @type {import('jest').Config} */
module.exports = {
  ...unit,
  displayName: "mutation",
  testPathIgnorePatterns: [
    ...unit.testPathIgnorePatterns,
    "<rootDir>/tests/emulator/",
    "<rootDir>/tests/cli/",
    "<rootDir>/tests/examples/",
    "<rootDir>/tests/restoreRun",
    "<rootDir>/tests/instanceRestore",
    "<rootDir>/tests/types.test.ts",
    "<rootDir>/tests/readme.test.ts",
    "<rootDir>/tests/selfLink.test.ts",
  ],
};
