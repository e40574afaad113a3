/**
 * The unit tests of the client's core, in one test file, for mutation runs only (StrykerJS,
 * jest.mutation.config.js). Stryker runs every test file for each mutant and skips the tests that
 * do not cover it; as separate files, each would load its modules again for every mutant, and that
 * loading, not the tests, was the run's time. Each file is required inside its own `describe`, so
 * its hooks stay its own. These files also run on their own in the unit project, as always.
 */
const CORE_TEST_FILES = [
  // Pure tests first: while a mutant is active the run stops at the first failure
  // (bailEnvironment.js), so the fast tests get the first chance to kill it.
  "paging",
  "selection",
  "typing",
  "signature",
  "retryPolicy",
  "requestBudget",
  "settings",
  "restoreArguments",
  "apiClient",
  "redaction",
  "transportFailures",
  "projectLookup",
  "badInput",
  "maxAge",
  "faults",
  "listing",
] as const;

for (const name of CORE_TEST_FILES) {
  describe(name, () => {
    require(`../${name}.test`);
  });
}
