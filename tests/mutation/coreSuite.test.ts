/**
 * The tests of the mutated core (tests/mutation/scope.cjs), in one test file, for mutation runs
 * only (StrykerJS, jest.mutation.config.js). Stryker runs every test file for each mutant and
 * skips the tests that do not cover it; as separate files, each would load its modules again for
 * every mutant, and that loading, not the tests, was the run's time. Each file is required inside
 * its own `describe`, so its hooks stay its own. The files are found by folder, never listed: a
 * new test in a mirrored folder runs per mutant at once. They also run in their own tiers, as always.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "../support/build";

const { testFolders } = require("./scope.cjs") as { testFolders(): string[] };

function testFilesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) =>
      entry.isDirectory()
        ? testFilesUnder(path.join(folder, entry.name))
        : entry.name.endsWith(".test.ts")
          ? [path.join(folder, entry.name)]
          : [],
    );
}

for (const file of testFolders().flatMap((folder) => testFilesUnder(path.join(ROOT, folder)))) {
  describe(path.relative(ROOT, file), () => {
    require(file);
  });
}
