/**
 * The test environment of mutation runs: Node's, plus a bail at the first failing test while a
 * mutant is active. One failure is all Stryker needs to call a mutant killed, and Jest cannot bail
 * by test, only by file (jestjs/jest#11766); the core suite is one file, so without this every
 * killed mutant ran all the tests that cover it. Outside a mutant run (the dry run, plain Jest),
 * every test runs.
 */
const { TestEnvironment } = require("jest-environment-node");

/** Set by Stryker's Jest runner to the id of the mutant under test. */
const ACTIVE_MUTANT = "__STRYKER_ACTIVE_MUTANT__";

class BailingEnvironment extends TestEnvironment {
  failed = false;

  async handleTestEvent(event) {
    if (process.env[ACTIVE_MUTANT] === undefined) return;
    if ((event.name === "test_done" && event.test.errors.length > 0) || event.name === "hook_failure") {
      this.failed = true;
    } else if (this.failed && event.name === "run_describe_start") {
      // A block not yet started is skipped whole, its beforeAll hooks (servers, emulators) included.
      event.describeBlock.mode = "skip";
    } else if (this.failed && event.name === "test_start") {
      event.test.mode = "skip";
    }
  }
}

module.exports = BailingEnvironment;
