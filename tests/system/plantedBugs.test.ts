/**
 * Eight small, realistic bugs that once survived the whole of `npm test` (issue 10), planted again
 * one at a time in a copy of the sources: each must make the test named beside it fail on an
 * assertion (not on a compile error). StrykerJS measures the rest (`npm run mutation`); these are
 * kept here because some live where it does not look (tables read when a module loads, the
 * resources), and because each names the test that guards it.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, "..", "..");
/** What a copy needs to run unit tests: sources, tests and their configuration. */
const COPIED = [
  "provider",
  "tests",
  "schema.json",
  "package.json",
  "tsconfig.json",
  "jest.shared.config.js",
  "jest.unit.config.js",
  "jest.integration.config.js",
];

interface PlantedBug {
  readonly bug: string;
  readonly file: string;
  /** Text that must occur exactly once in `file`, and what replaces it. */
  readonly find: string;
  readonly replace: string;
  readonly testFile: string;
  /** The full name of the test (describe blocks and test name, space-separated) that must fail. */
  readonly testName: string;
}

const BUGS: readonly PlantedBug[] = [
  {
    bug: "collectSnapshot accepts a total_count that changes between full pages",
    file: "provider/paging/collectSnapshot.ts",
    find: "} else if (page.totalCount !== totalCount) {",
    replace: "} else if (page.totalCount !== totalCount && page.backups.length < pageSize) {",
    testFile: "tests/unit/paging/paging.test.ts",
    testName:
      "collectSnapshot total_count moves between pages (even when every page is full): the scan is refused and repeated, with the reason",
  },
  {
    bug: "a GB is 1000² KB",
    file: "provider/backups/toBackup.ts",
    find: '["GB", 1024 ** 2],',
    replace: '["GB", 1000 ** 2],',
    testFile: "tests/unit/backups/typing.test.ts",
    testName: 'each field is typed correctly or refused clearly {"size":"3","size_unit":"GB"} is typed',
  },
  {
    bug: "an access key given as an argument is completed by a secret key from stack config",
    file: "provider/settings/merge.ts",
    find: "for (const name of CREDENTIAL_NAMES) take(name, credentials?.fields[name]);",
    replace:
      "for (const name of CREDENTIAL_NAMES) take(name, credentialSets(given, sources).find((set) => set.fields[name] !== undefined)?.fields[name]);",
    testFile: "tests/unit/settings/settings.test.ts",
    testName: "resolution an access key in arguments is not completed by a secret from stack config or the environment",
  },
  {
    bug: "any host starting with 127. counts as loopback for plain http",
    file: "provider/arguments/endpointUrl.ts",
    find: "127(?:\\.\\d{1,3}){3}",
    replace: "127\\..*",
    testFile: "tests/integration/validation/badInput.test.ts",
    testName: "invalid input is refused before any request endpoint plain http to 127.evil.example",
  },
  {
    bug: "the pinned resource's refresh ignores the backup's status",
    file: "provider/resources/latestCompletedBackupProvider.ts",
    find: 'if (current?.status === "COMPLETED") return',
    replace: "if (current) return",
    testFile: "tests/integration/resources/latestCompletedBackupProvider.test.ts",
    testName: "refresh: a pinned backup still listed but no longer COMPLETED is unavailable (keep), named with its status",
  },
  {
    bug: "the request budget ignores a 429 (no shared pause, no slowing down)",
    file: "provider/http/requestBudget.ts",
    find: "throttled(retryAfterMs: number, permit: Permit): void {",
    replace: "throttled(retryAfterMs: number, permit: Permit): void {\n    if (retryAfterMs >= 0 || permit) return;",
    testFile: "tests/unit/http/requestBudget.test.ts",
    testName: "a 429 pauses every waiter until Retry-After, then spaces them at the learned rate",
  },
  {
    bug: "HW_SECURITY_TOKEN is dropped from the HW_* family",
    file: "provider/arguments/catalogue.ts",
    find: '{ accessKey: "HW_ACCESS_KEY", secretKey: "HW_SECRET_KEY", securityToken: "HW_SECURITY_TOKEN" },',
    replace: '{ accessKey: "HW_ACCESS_KEY", secretKey: "HW_SECRET_KEY" },',
    testFile: "tests/unit/settings/settings.test.ts",
    testName:
      "resolution credentials come as a set from the first place that has any: arguments, taurusdb:*, huaweicloud:*, then each environment family",
  },
  {
    bug: "backupTypes no longer re-pins",
    file: "provider/arguments/catalogue.ts",
    find: 'backupTypes: { kind: "choice", pin: "choice",',
    replace: 'backupTypes: { kind: "choice", pin: "setting",',
    testFile: "tests/unit/settings/settings.test.ts",
    testName:
      "the argument catalogue the pinned resource re-pins on the choice inputs only, and never takes the ordering or the status filter",
  },
];

interface JestReport {
  numRuntimeErrorTestSuites: number;
  testResults: Array<{ message: string; assertionResults: Array<{ fullName: string; status: string }> }>;
}

let copy: string;

beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), "planted-bugs-"));
  for (const entry of COPIED) fs.cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"), "dir");
});
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

/** The test tier a file belongs to, which names its Jest config: `tests/unit/...` is `unit`. */
const tierOf = (testFile: string) => testFile.split("/")[1];

/** Runs one test of the copy and returns Jest's report. */
async function runTest(testFile: string, testName: string): Promise<JestReport> {
  const output = path.join(copy, "report.json");
  const jest = path.join(ROOT, "node_modules", "jest", "bin", "jest.js");
  const pattern = `^${testName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`;
  await promisify(execFile)(
    process.execPath,
    [jest, "-c", `jest.${tierOf(testFile)}.config.js`, "--ci", "--json", `--outputFile=${output}`, "-t", pattern, testFile],
    { cwd: copy },
  ).catch(() => undefined); // a failing test exits 1; the report says which
  return JSON.parse(fs.readFileSync(output, "utf8")) as JestReport;
}

const statusOf = (report: JestReport, testName: string) =>
  report.testResults.flatMap((file) => file.assertionResults).find((test) => test.fullName === testName)?.status;

test.each(BUGS)("$bug: killed by $testFile", async ({ file, find, replace, testFile, testName }) => {
  const target = path.join(copy, file);
  const original = fs.readFileSync(target, "utf8");
  // The bug must still apply: if the code moved on, this table must follow it.
  expect(original.split(find)).toHaveLength(2);

  const clean = await runTest(testFile, testName);
  expect(statusOf(clean, testName)).toBe("passed");

  fs.writeFileSync(target, original.replace(find, replace));
  try {
    const planted = await runTest(testFile, testName);
    expect(planted.numRuntimeErrorTestSuites).toBe(0);
    expect(statusOf(planted, testName)).toBe("failed");
  } finally {
    fs.writeFileSync(target, original);
  }
});
