// @ts-check
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const { mutateGlobs } = createRequire(import.meta.url)("./tests/mutation/scope.cjs");

/**
 * `npm run mutation`: StrykerJS plants small bugs in the client's core one at a time and runs the
 * unit tests that cover each (per-test coverage), to measure whether the tests would catch them.
 * Reports go to reports/mutation/ (ignored by git); scripts/mutationScores.ts then gates each part.
 *
 * The core is the data path: arguments, settings, validation, signing, HTTP (budget, retries,
 * redaction, transport), the listing's API calls, paging, typing, selection and the listing. Left
 * out: the emulator (the tests' own server), and what is built on the core (the restore's waits and
 * calls, resources, plugin, command line), whose tests wait through jobs, run the real engine or
 * child processes and take seconds each: too slow to run per mutant.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: "npm",
  testRunner: "jest",
  jest: {
    projectType: "custom",
    configFile: "jest.mutation.config.js",
    enableFindRelatedTests: false,
  },
  checkers: ["typescript"],
  // Only the mutated modules and what they import: checking a mutant against the whole project (tests,
  // scripts, Pulumi's SDK) kept two checker processes busy for the whole run.
  tsconfigFile: "tsconfig.mutation.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // TypeScript's watch mode waits 250 ms after each change before it checks; one wait per group of mutants.
  checkerNodeArgs: ["--require", fileURLToPath(new URL("tests/mutation/typescriptWithoutDebounce.cjs", import.meta.url))],
  coverageAnalysis: "perTest",
  // A mutant in code that runs when a module loads (the catalogue's rules, the region table, the
  // unit multipliers) is covered by every test, so each would rerun the whole suite: the run would
  // take hours. Those tables are checked value by value by named tests instead (see README).
  ignoreStatic: true,
  // Messages are checked by the tests for the facts they carry, not word for word; mutating every
  // string would double the run for wording. The strings that are behaviour (the signing algorithm,
  // header names, query keys) are held by the vendor-signer and wire tests, which fail on any change.
  mutator: { excludedMutations: ["StringLiteral"] },
  // Part by part, from tests/mutation/scope.cjs (which the score table and the core suite read too).
  mutate: mutateGlobs(),
  ignorePatterns: ["dist", "reports", ".pulumi-work", "sdk", "sdkgen", "examples/*/node_modules"],
  // Two test runners and the type checker, which is idle once it has checked the mutants.
  concurrency: 4,
  timeoutMS: 3_000,
  timeoutFactor: 1.25,
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: "reports/.stryker-tmp",
  cleanTempDir: "always",
};
