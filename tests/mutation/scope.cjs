// @ts-check
/**
 * What `npm run mutation` mutates, part by part, written once: StrykerJS's `mutate` globs
 * (stryker.config.mjs), the tests it runs per mutant (./coreSuite.test.ts: the unit and
 * integration tests of the same folders) and the score table with its gates
 * (scripts/mutationScores.ts) all come from here. Plain CommonJS, so the ESM Stryker config, the
 * TypeScript scripts and Jest can all read it.
 */

/**
 * @typedef {{ readonly name: string, readonly files: readonly string[], readonly gated: boolean }} Part
 * Files by path from the repository root; a path ending in "/" is a folder. Each mutated file
 * belongs to the first part that names it.
 */

/** @type {readonly Part[]} */
const PARTS = [
  { name: "listing (`listing.ts`)", files: ["provider/listing.ts"], gated: true },
  { name: "paging (`paging/`)", files: ["provider/paging/"], gated: true },
  { name: "selection (`selection/`)", files: ["provider/selection/"], gated: true },
  { name: "typing (`backups/`)", files: ["provider/backups/"], gated: true },
  { name: "settings (`settings/`)", files: ["provider/settings/"], gated: true },
  {
    name: "signing (`api/signature.ts`, `http/authenticate.ts`)",
    files: ["provider/api/signature.ts", "provider/http/authenticate.ts"],
    gated: true,
  },
  {
    name: "retries (`http/client.ts`, `retryPolicy.ts`, `abortableSleep.ts`)",
    files: ["provider/http/client.ts", "provider/http/retryPolicy.ts", "provider/http/abortableSleep.ts"],
    gated: true,
  },
  {
    name: "limiter (`http/requestBudget.ts`, `budgets.ts`)",
    files: ["provider/http/requestBudget.ts", "provider/http/budgets.ts"],
    gated: true,
  },
  { name: "transport and redaction (rest of `http/`)", files: ["provider/http/"], gated: false },
  {
    name: "API calls (`calls/`)",
    files: ["provider/calls/apiSession.ts", "provider/calls/backupPages.ts", "provider/calls/findProjectId.ts"],
    gated: false,
  },
  { name: "arguments (`arguments/`)", files: ["provider/arguments/"], gated: false },
  { name: "validation (`validation/`)", files: ["provider/validation/"], gated: false },
];

/** Mutated by no part: `ruleShape.ts` describes a rule for the schema and README generators, whose freshness tests check it. */
const LEFT_OUT = ["provider/arguments/ruleShape.ts"];

/** StrykerJS's `mutate`: every part's files, less what is left out. */
const mutateGlobs = () => [
  ...PARTS.flatMap((part) => part.files.map((file) => (file.endsWith("/") ? `${file}**/*.ts` : file))),
  ...LEFT_OUT.map((file) => `!${file}`),
];

/**
 * The test folders that mirror the mutated code, pure tests first (while a mutant is active the run
 * stops at the first failure, so the fast tests get the first chance to kill it): for each source
 * folder of provider/ (or top-level module, by its name), `tests/unit/<it>/` then `tests/integration/<it>/`.
 */
const testFolders = () => {
  const mirrored = [
    ...new Set(
      PARTS.flatMap((part) =>
        part.files.map((file) =>
          file
            .replace(/^provider\//, "")
            .split("/")[0]
            .replace(/\.ts$/, ""),
        ),
      ),
    ),
  ];
  return ["unit", "integration"].flatMap((tier) => mirrored.map((folder) => `tests/${tier}/${folder}`));
};

module.exports = { PARTS, LEFT_OUT, GATE_PERCENT: 90, mutateGlobs, testFolders };
