/**
 * The tests StrykerJS runs per mutant (stryker.config.mjs): the unit tests aimed at the client's
 * core, gathered in one file (tests/mutation/coreSuite.test.ts) so their modules load once per
 * mutant instead of once per file, and run in an environment that stops at the first failure while
 * a mutant is active (tests/mutation/bailEnvironment.js). Left out are unit tests of other parts
 * that only pass through the core on their way (the emulator's own tests, whose server verifies
 * signatures with the same signer; the command line's and the examples'; the restore's, which wait
 * through whole jobs; and those of the Pulumi integration, which load Pulumi's SDK).
 */
const path = require("node:path");
const shared = require("./jest.shared.config");

/** @type {import('jest').Config} */
module.exports = {
  ...shared,
  displayName: "mutation",
  roots: ["<rootDir>/tests/mutation"],
  // An absolute path: Stryker loads the environment itself during its dry run.
  testEnvironment: path.join(__dirname, "tests/mutation/bailEnvironment.js"),
};
