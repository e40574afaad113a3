/**
 * `taurusdb-backups`, run as a user runs it: the compiled command in a child process of its own,
 * settings and credentials from the environment and flags, against the emulator over real HTTP.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ARGUMENT_NAMES, CREDENTIAL_ENV_FAMILIES, flagOf, SECRET_NAMES } from "../../../provider/arguments/catalogue";
import { EXIT_CODES } from "../../../provider/cli/exitCodes";
import { startEmulator, type RunningEmulator } from "../../../provider/emulator";
import { ensureBuilt, ROOT } from "../../support/build";

const CLI = path.join(ROOT, "dist", "provider", "cli", "main.js");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Everything every run printed, to check no secret was ever among it. */
const printed: string[] = [];

function run(args: readonly string[], env: Record<string, string> = {}, nodeOptions: readonly string[] = []): Promise<Run> {
  const started = process.hrtime.bigint();
  // Only what the test gives: no credential of the machine running the tests leaks in.
  const child = spawn(process.execPath, [...nodeOptions, CLI, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      printed.push(stdout, stderr);
      resolve({ code, stdout, stderr, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    });
  });
}

let emulator: RunningEmulator;
let env: Record<string, string>;
const newestCompleted = (instanceId?: string) => emulator.control.backups(instanceId).find((b) => b.status === "COMPLETED")!.id;

beforeAll(async () => {
  ensureBuilt();
  emulator = await startEmulator({ backups: 250, seed: 21 });
  env = {
    TAURUSDB_ENDPOINT: emulator.url,
    HUAWEICLOUD_SDK_PROJECT_ID: emulator.projectId,
    HUAWEICLOUD_SDK_AK: emulator.credentials.accessKey,
    HUAWEICLOUD_SDK_SK: emulator.credentials.secretKey,
  };
}, 180_000);
afterAll(async () => {
  await emulator?.close();
  const secrets = [emulator.credentials.secretKey, emulator.credentials.authToken, emulator.credentials.temporary.secretKey];
  for (const text of printed) for (const secret of secrets) expect(text).not.toContain(secret);
});
beforeEach(() => emulator.control.resetStats());

describe("latest", () => {
  test("prints the id of the newest COMPLETED backup, and nothing else on stdout", async () => {
    const result = await run(["latest", "--instance", emulator.instanceId], env);
    expect(result).toMatchObject({ code: EXIT_CODES.ok, stdout: `${newestCompleted()}\n` });
  });

  test("--json prints that backup whole, with the instance id, project id and total count", async () => {
    const result = await run(["latest", "--instance", emulator.instanceId, "--json"], env);
    expect(result.code).toBe(EXIT_CODES.ok);
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({ instanceId: emulator.instanceId, projectId: emulator.projectId, totalCount: 250 });
    expect(output.backup).toMatchObject({ id: newestCompleted(), status: "COMPLETED", instanceId: emulator.instanceId });
    expect(output.backup.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  test("takes credentials from any of the environment families the catalogue names", async () => {
    const { TAURUSDB_ENDPOINT, HUAWEICLOUD_SDK_PROJECT_ID } = env;
    const result = await run(["latest", "--instance", emulator.instanceId], {
      TAURUSDB_ENDPOINT,
      HUAWEICLOUD_SDK_PROJECT_ID,
      HW_ACCESS_KEY: emulator.credentials.accessKey,
      HW_SECRET_KEY: emulator.credentials.secretKey,
    });
    expect(result).toMatchObject({ code: EXIT_CODES.ok, stdout: `${newestCompleted()}\n` });
  });

  test("flags win over the environment", async () => {
    const result = await run(["latest", "--instance", emulator.instanceId, "--endpoint", emulator.url], {
      ...env,
      TAURUSDB_ENDPOINT: "http://127.0.0.1:1",
    });
    expect(result).toMatchObject({ code: EXIT_CODES.ok, stdout: `${newestCompleted()}\n` });
  });

  test("exit 3 with a clear message when the instance has no COMPLETED backup", async () => {
    const empty = emulator.control.addInstance({ backups: 0 });
    const result = await run(["latest", "--instance", empty], env);
    expect(result.code).toBe(EXIT_CODES.noCompletedBackup);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`Instance ${empty} has no COMPLETED backup`);
  });

  test("exit 4 when the newest COMPLETED backup is older than --max-age", async () => {
    // Only backups from before two days ago count, so the newest of them is older than a day.
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
    const result = await run(["latest", "--instance", emulator.instanceId, "--created-before", twoDaysAgo, "--max-age", "1d"], env);
    expect(result.code).toBe(EXIT_CODES.tooOld);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/is \d+d( \d+h)? old, older than --max-age 1d: .* or raise --max-age\./);
  });
});

describe("list", () => {
  test("prints a table of every backup: id, status, type, size, created", async () => {
    const result = await run(["list", "--instance", emulator.instanceId], env);
    expect(result.code).toBe(EXIT_CODES.ok);
    const [header, ...rows] = result.stdout.trimEnd().split("\n");
    expect(header.split(/\s+/)).toEqual(["ID", "STATUS", "TYPE", "SIZE", "CREATED"]);
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(emulator.control.backups().map((b) => b.id));
    expect(rows[0]).toMatch(
      /^\S+ {2}(BUILDING|COMPLETED|FAILED|DELETING) +(Db|Snapshot) +\d+(\.\d)? (KB|MB|GB|TB) {2}\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
    );
  });

  test("--json prints the whole result, and list flags filter it", async () => {
    const result = await run(
      ["list", "--instance", emulator.instanceId, "--json", "--statuses", "COMPLETED,FAILED", "--backup-types", "Db"],
      env,
    );
    expect(result.code).toBe(EXIT_CODES.ok);
    const output = JSON.parse(result.stdout);
    const expected = emulator.control.backups().filter((b) => ["COMPLETED", "FAILED"].includes(b.status) && b.backup_type === "Db");
    expect(output).toMatchObject({
      instanceId: emulator.instanceId,
      projectId: emulator.projectId,
      totalCount: 250,
      latestCompletedBackupId: newestCompleted(),
    });
    expect(output.backups.map((b: { id: string }) => b.id)).toEqual(expected.map((b) => b.id));
  });

  test("stderr shows the progress of a long listing as plain lines when it is not a terminal; --quiet silences it", async () => {
    const shown = await run(["list", "--instance", emulator.instanceId, "--page-size", "20"], env);
    expect(shown.code).toBe(EXIT_CODES.ok);
    const lines = shown.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(`${emulator.instanceId}: fetched page 1/13 (20 of 250 backups)`);
    expect(lines[lines.length - 1]).toBe(`${emulator.instanceId}: fetched page 13/13 (250 of 250 backups)`);
    expect(shown.stderr).not.toContain("\r");
    expect(shown.stdout).not.toContain("fetched page");

    const quiet = await run(["list", "--instance", emulator.instanceId, "--page-size", "20", "--quiet"], env);
    expect(quiet).toMatchObject({ code: EXIT_CODES.ok, stderr: "", stdout: shown.stdout });
  });

  test("on a terminal the progress is one line, overwritten page by page and erased before the result", async () => {
    // `script` runs the command on a pseudo-terminal, as a shell would: stdout and stderr are its tty.
    const command = [process.execPath, CLI, "list", "--instance", emulator.instanceId, "--page-size", "20"]
      .map((part) => `'${part}'`)
      .join(" ");
    const result = await new Promise<Run>((resolve, reject) => {
      const started = Date.now();
      const child = spawn("script", ["-qec", command, "/dev/null"], {
        env: { PATH: process.env.PATH ?? "", TERM: "dumb", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
      child.once("error", reject);
      child.once("close", (code) => resolve({ code, stdout, stderr: "", ms: Date.now() - started }));
    });
    printed.push(result.stdout);
    expect(result.code).toBe(EXIT_CODES.ok);
    const screen = result.stdout.replace(/\r\n/g, "\n");
    for (let page = 1; page <= 13; page++) expect(screen).toContain(`\r\x1b[K${emulator.instanceId}: fetched page ${page}/13 (`);
    // The line is erased, and the table starts on a clean line.
    expect(screen).toContain(`(250 of 250 backups)\r\x1b[KID `);
    expect(screen).not.toMatch(/fetched page[^\r]*\n/);
  });
});

describe("failures", () => {
  test("exit 1 when the API answers an error, with its code and no request retried in vain", async () => {
    emulator.control.injectFaults({ kind: "status", status: 500 });
    const result = await run(["latest", "--instance", emulator.instanceId], env);
    expect(result.code).toBe(EXIT_CODES.failed);
    expect(result.stderr).toMatch(/^taurusdb-backups: TaurusDB API answered HTTP 500 \(/m);
  });

  test("exit 1 when nothing answers", async () => {
    const result = await run(["latest", "--instance", emulator.instanceId, "--endpoint", "http://127.0.0.1:1", "--max-attempts", "1"], env);
    expect(result.code).toBe(EXIT_CODES.failed);
    expect(result.stderr).toContain("No answer from the TaurusDB API");
    expect(result.stderr).toContain("ECONNREFUSED");
  });

  test("exit 2 for bad flag values, each named by its flag with what is allowed, before any request", async () => {
    const result = await run(
      ["list", "--instance", emulator.instanceId, "--page-size", "0", "--statuses", "COMPLETED,DONE", "--max-age", "soon"],
      env,
    );
    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr).toContain("--page-size: must be an integer from 1 to 100 (got 0)");
    expect(result.stderr).toContain('--statuses[1]: must be one of "BUILDING", "COMPLETED", "FAILED", "DELETING" (got "DONE")');
    expect(result.stderr).toContain('--max-age: must be a duration such as "26h"');
    expect(result.stderr).toContain("Run 'taurusdb-backups list --help' for the flags.");
    expect(emulator.control.stats().requests).toBe(0);
  });

  test("exit 2 for an unknown flag (with the likely one), a missing value, a missing --instance and an unknown command", async () => {
    const cases: Array<[string[], string]> = [
      [["list", "--instance", emulator.instanceId, "--pagesize", "10"], "unknown flag --pagesize; did you mean --page-size?"],
      [["list", "--instance"], "--instance needs a value"],
      [["latest"], '--instance: is required: 36 letters or digits ending in "in07"'],
      [["latest", "--instance", emulator.instanceId, "--require-latest-completed"], "unknown flag --require-latest-completed"],
      [["restore"], 'unknown command "restore"; the commands are latest, list'],
    ];
    for (const [args, message] of cases) {
      const result = await run(args, env);
      expect({ args, code: result.code, stdout: result.stdout }).toEqual({ args, code: EXIT_CODES.usage, stdout: "" });
      expect(result.stderr).toContain(message);
    }
    expect(emulator.control.stats().requests).toBe(0);
  });

  test("exit 2 without credentials, naming every environment variable that can hold them", async () => {
    const { TAURUSDB_ENDPOINT, HUAWEICLOUD_SDK_PROJECT_ID } = env;
    const result = await run(["latest", "--instance", emulator.instanceId], { TAURUSDB_ENDPOINT, HUAWEICLOUD_SDK_PROJECT_ID });
    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr).toContain("credentials: none found");
    for (const family of CREDENTIAL_ENV_FAMILIES) {
      expect(result.stderr).toContain(family.accessKey);
      expect(result.stderr).toContain(family.secretKey);
    }
    // The command line has no credential flags, so it must not point at arguments or stack config.
    expect(result.stderr).not.toMatch(/accessKey|pulumi config/);
    expect(emulator.control.stats().requests).toBe(0);
  });

  test("exit 2 without a region or an endpoint, saying which flags and variables give them, and no stack config", async () => {
    const { HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK } = env;
    const result = await run(["latest", "--instance", emulator.instanceId], { HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK });
    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr).toContain(
      "--region: is needed to find the endpoint: set --region or environment variable HW_REGION_NAME, or give the endpoint (--endpoint or environment variable TAURUSDB_ENDPOINT)",
    );
    expect(result.stderr).toContain(
      "--project-id: is needed, or a region to find it from: set --project-id, environment variable HUAWEICLOUD_SDK_PROJECT_ID",
    );
    expect(result.stderr).not.toMatch(/stack config|argument,/);
  });

  test("half a pair in the environment names the variable that is set, never its value", async () => {
    const { TAURUSDB_ENDPOINT, HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_SK } = env;
    const result = await run(["latest", "--instance", emulator.instanceId], {
      TAURUSDB_ENDPOINT,
      HUAWEICLOUD_SDK_PROJECT_ID,
      HUAWEICLOUD_SDK_SK,
    });
    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr).toContain("environment variable HUAWEICLOUD_SDK_SK is set, but an access key is not");
    expect(result.stderr).not.toContain(HUAWEICLOUD_SDK_SK);
  });
});

describe("help", () => {
  test("--help of the tool names the commands, the credential variables and every exit code", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(EXIT_CODES.ok);
    expect(result.stdout).toMatch(/^Usage: taurusdb-backups <command> \[flags\]/);
    expect(result.stdout).toMatch(/^ {2}latest {2}print the id of the newest COMPLETED backup$/m);
    expect(result.stdout).toMatch(/^ {2}list {4}print every backup as a table/m);
    for (const code of Object.values(EXIT_CODES)) expect(result.stdout).toMatch(new RegExp(`^  ${code}  \\S`, "m"));
    for (const family of CREDENTIAL_ENV_FAMILIES) expect(result.stdout).toContain(`${family.accessKey} + ${family.secretKey}`);
  });

  test.each(["latest", "list"])(
    "%s --help lists a flag for every argument but the secrets, with allowed values, defaults and variables",
    async (command) => {
      const result = await run([command, "--help"]);
      expect(result.code).toBe(EXIT_CODES.ok);
      for (const name of ARGUMENT_NAMES) {
        const flag = flagOf(name);
        if (SECRET_NAMES.has(name)) expect(flag).toBeUndefined();
        else if (!(command === "latest" && name === "requireLatestCompleted"))
          expect(result.stdout).toMatch(new RegExp(`^  --${flag}\\b`, "m"));
      }
      expect(result.stdout).not.toMatch(/--(access-key|secret-key|security-token|auth-token)\b/);
      expect(result.stdout).toMatch(/--page-size <n> +records per request \(1 to 100; default 100\)/);
      expect(result.stdout).toMatch(/--statuses <a,b> +.*any of BUILDING, COMPLETED, FAILED,\s+DELETING/);
      expect(result.stdout).toMatch(/--region <name> [\s\S]*?\(env HW_REGION_NAME\)/);
      expect(result.stdout).toMatch(/--endpoint <url> [\s\S]*?\(env TAURUSDB_ENDPOINT\)/);
    },
  );

  test("--help answers within a second and loads no @pulumi module; a whole listing loads none either", async () => {
    const loaded = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "taurusdb-cli-")), "modules.txt");
    try {
      const preload = ["--require", path.join(ROOT, "tests", "support", "recordLoadedModules.js")];
      const help = await run(["--help"], { LOADED_MODULES_FILE: loaded }, preload);
      expect(help.code).toBe(EXIT_CODES.ok);
      expect(help.ms).toBeLessThan(1000);
      const helpModules = fs.readFileSync(loaded, "utf8").split("\n");
      expect(helpModules).toContain(CLI); // the record is real: it saw the command itself
      expect(helpModules.filter((m) => m.includes(`${path.sep}@pulumi${path.sep}`))).toEqual([]);

      const listing = await run(["latest", "--instance", emulator.instanceId], { ...env, LOADED_MODULES_FILE: loaded }, preload);
      expect(listing.code).toBe(EXIT_CODES.ok);
      const listingModules = fs.readFileSync(loaded, "utf8").split("\n");
      expect(listingModules.some((m) => m.endsWith(path.join("provider", "listing.js")))).toBe(true);
      expect(listingModules.filter((m) => m.includes(`${path.sep}@pulumi${path.sep}`))).toEqual([]);
    } finally {
      fs.rmSync(path.dirname(loaded), { recursive: true, force: true });
    }
  });

  test("--version prints the package's version; package.json names the command", async () => {
    const result = await run(["--version"]);
    expect(result).toMatchObject({ code: EXIT_CODES.ok, stdout: `${manifest.version}\n` });
    expect(path.join(ROOT, manifest.bin["taurusdb-backups"])).toBe(CLI);
  });
});
