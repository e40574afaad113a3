/**
 * The import rules of eslint.config.mjs, checked by planting violations: the project's own config
 * lints a real file of provider/ with one import added (the file on disk is never changed), and the
 * rule must report it. ESLint loads its config with a dynamic import, which Jest's module sandbox
 * refuses, so the linting runs in a child Node.js process.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../support/build";

interface Planted {
  /** Relative to the repository. */
  readonly file: string;
  /** Added at the top of the file's text. */
  readonly imports?: string;
}

interface Report {
  readonly ruleId: string | null;
  readonly message: string;
}

const LINT_IN_CHILD = `
import { ESLint } from "eslint";
const cases = JSON.parse(await new Promise((resolve) => {
  let input = "";
  process.stdin.on("data", (chunk) => (input += chunk)).on("end", () => resolve(input));
}));
const eslint = new ESLint({ cwd: process.cwd() });
const reports = [];
for (const { filePath, text } of cases) {
  const [result] = await eslint.lintText(text, { filePath });
  reports.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(reports));
`;

/** Lints each file's text, with its planted imports, as if it were on disk; one report list per file. */
function lint(cases: readonly Planted[]): Report[][] {
  const input = cases.map(({ file, imports = "" }) => {
    const filePath = join(ROOT, file);
    return { filePath, text: imports + readFileSync(filePath, "utf8") };
  });
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", LINT_IN_CHILD], {
    cwd: ROOT,
    input: JSON.stringify(input),
    encoding: "utf8",
    timeout: 120_000,
  });
  return JSON.parse(output) as Report[][];
}

const CYCLE_RULE = "local/no-import-cycle";
const ORDER_RULE = "import-x/no-restricted-paths";

const CASES = {
  untouched: { file: "provider/emulator/model/versionHistory.ts" },
  // backupStore.ts imports the history's type; the history importing the store's type closes a cycle.
  typeCycleInTheEmulator: {
    file: "provider/emulator/model/versionHistory.ts",
    imports: 'import type { BackupStore } from "./backupStore";\nexport type Planted = BackupStore;\n',
  },
  // scanPages.ts imports page.ts's types; the client's part is covered as well.
  typeCycleInTheClient: {
    file: "provider/paging/page.ts",
    imports: 'import type { pageCount } from "./scanPages";\nexport type Planted = typeof pageCount;\n',
  },
  downward: {
    file: "provider/emulator/model/versionHistory.ts",
    imports: 'import type { Reply } from "../replies/reply";\nexport type Planted = Reply;\n',
  },
  upward: {
    file: "provider/emulator/model/versionHistory.ts",
    imports: 'import type { GatewayState } from "../gateway/gatewayState";\nexport type Planted = GatewayState;\n',
  },
  pulumiInTheCore: {
    file: "provider/listing.ts",
    imports: 'import type * as pulumi from "@pulumi/pulumi";\nexport type Planted = pulumi.Output<string>;\n',
  },
  pulumiRequiredByTheRestoreCore: {
    file: "provider/restore/restoreRun.ts",
    imports: 'export const planted = () => require("@pulumi/pulumi");\n',
  },
  pulumiOnThePulumiSide: {
    file: "provider/pulumi/stackConfig.ts",
    imports: 'import type * as planted from "@pulumi/pulumi/automation";\nexport type Planted = planted.Stack;\n',
  },
} satisfies Record<string, Planted>;

let reports: Record<keyof typeof CASES, Report[]>;

beforeAll(() => {
  const names = Object.keys(CASES) as (keyof typeof CASES)[];
  const results = lint(names.map((name) => CASES[name]));
  reports = Object.fromEntries(names.map((name, i) => [name, results[i]])) as typeof reports;
}, 120_000);

function ofRule(name: keyof typeof CASES, ruleId: string): string[] {
  return reports[name].filter((r) => r.ruleId === ruleId).map((r) => r.message);
}

function cycle(...files: string[]): string {
  return `Import cycle (type imports count too): ${files.join(" → ")}`;
}

describe("the import-cycle rule", () => {
  it("finds nothing in the file as it is", () => {
    expect(reports.untouched).toEqual([]);
  });

  it("reports a cycle made only of type imports, which import-x/no-cycle lets through", () => {
    const history = "provider/emulator/model/versionHistory.ts";
    expect(ofRule("typeCycleInTheEmulator", CYCLE_RULE)).toEqual([cycle(history, "provider/emulator/model/backupStore.ts", history)]);
    expect(ofRule("typeCycleInTheEmulator", "import-x/no-cycle")).toEqual([]);
  });

  it("covers the client's part of provider/ too", () => {
    const page = "provider/paging/page.ts";
    expect(ofRule("typeCycleInTheClient", CYCLE_RULE)).toEqual([cycle(page, "provider/paging/scanPages.ts", page)]);
  });
});

describe("the order of the emulator's rooms", () => {
  it("lets a room import a lower one", () => {
    expect(reports.downward).toEqual([]);
  });

  it("refuses a type import from a higher room", () => {
    expect(ofRule("upward", ORDER_RULE)).toEqual([
      'Unexpected path "../gateway/gatewayState" imported in restricted zone. A lower room of the emulator must not import a higher one (see EMULATOR_ROOMS in eslint.config.mjs).',
    ]);
    expect(ofRule("upward", CYCLE_RULE)).toEqual([]);
  });
});

describe("the Pulumi zone", () => {
  const message = "Only the Pulumi side of provider/ may import @pulumi/* (see PULUMI_SIDE in eslint.config.mjs).";

  it("refuses @pulumi/* in the core, even as a type import", () => {
    expect(ofRule("pulumiInTheCore", "no-restricted-imports")).toEqual([
      `'@pulumi/pulumi' import is restricted from being used by a pattern. ${message}`,
    ]);
  });

  it("refuses a require of @pulumi/* in the restore's core", () => {
    expect(ofRule("pulumiRequiredByTheRestoreCore", "no-restricted-syntax")).toEqual([message]);
  });

  it("lets the Pulumi side import it", () => {
    expect(reports.pulumiOnThePulumiSide).toEqual([]);
  });
});
