/**
 * examples/restore-latest-backup as its README says to run it, through the real engine against the
 * emulator: the README's own commands (`pulumi stack init`, every `pulumi config set`, placeholders
 * filled in) run with the real `pulumi` CLI, then the example's restore path (refreshStaging.ts,
 * reading that config) runs through the engine: the pinned backup is restored into staging with
 * its admin password, a second `pulumi up` does nothing, and the README's `restoreGeneration` bump
 * restores again. The endpoint is pointed at the emulator, the one setting not in the README; the
 * `@pulumi/random` part is checked under mocks (tests/unit/examples/restoreLatestBackup.test.ts), as its
 * provider plugin cannot be downloaded here.
 */
import * as pulumi from "@pulumi/pulumi";
import * as auto from "@pulumi/pulumi/automation";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { refreshStaging, stagingSettings } from "../../examples/restore-latest-backup/refreshStaging";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { ensureEngine, type Engine } from "../../harness/engine";
import { localEngineEnv, workRoot } from "../../harness/localStack";
import { repoRoot } from "../../harness/repoRoot";

jest.setTimeout(300_000);

const EXAMPLE = path.join(repoRoot(), "examples", "restore-latest-backup");
const PROJECT = "restore-latest-backup";
const PASSWORD = "Example-Staging-3q?";

/** The shell lines of the README's "Run it" section, comments removed. */
function readmeCommands(): string[] {
  const readme = fs.readFileSync(path.join(EXAMPLE, "README.md"), "utf8");
  const block = /## Run it\s+```sh\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error("the example's README has no ```sh block under ## Run it");
  return block[1]
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter(Boolean);
}

describe("the restore example, run as its README says", () => {
  let emulator: RunningEmulator;
  let engine: Engine;
  let target: string;
  let workDir: string;
  let stack: auto.Stack;
  let env: Record<string, string>;
  const printed: string[] = [];

  /** Runs one `pulumi ...` line with the real CLI in the example's workspace. */
  function pulumiCli(line: string): void {
    const args = line.split(/\s+/).slice(1);
    const result = spawnSync(path.join(engine.binDir, "pulumi"), args, { cwd: workDir, env: { ...process.env, ...env }, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`\`${line}\` failed (${result.status}): ${result.stderr}`);
  }

  beforeAll(async () => {
    emulator = await startEmulator({ backups: 50, seed: 37 });
    emulator.control.setRestoreDurations({ pendingMs: 50, runningMs: 300 });
    target = emulator.control.addInstance({ name: "staging" });
    engine = ensureEngine();
    const root = workRoot();
    workDir = path.join(root, `${PROJECT}-${randomBytes(4).toString("hex")}`);
    fs.mkdirSync(path.join(workDir, "state"), { recursive: true });
    env = { ...localEngineEnv([engine.binDir]), PULUMI_HOME: path.join(root, "pulumi-home") };
    fs.writeFileSync(
      path.join(workDir, "Pulumi.yaml"),
      [`name: ${PROJECT}`, "runtime: nodejs", "backend:", `  url: file://${path.join(workDir, "state")}`, ""].join("\n"),
    );
  });

  afterAll(async () => {
    await stack?.workspace.removeStack("staging", { force: true }).catch(() => undefined);
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    await emulator?.close();
  });

  test("the README's commands, run with the real CLI, set up the stack with one credential set", () => {
    const placeholders: Record<string, string> = {
      "<production instance id>": emulator.instanceId,
      "<staging instance id>": target,
      "<project id>": emulator.projectId,
      "<AK>": emulator.credentials.accessKey,
      "<SK>": emulator.credentials.secretKey,
    };
    const commands = readmeCommands();
    expect(commands[0]).toBe("npm install");
    expect(commands.at(-1)).toBe("pulumi up");
    for (const command of commands.slice(1, -1)) {
      const filled = command.replace(/<[^>]+>/g, (placeholder) => {
        if (!(placeholder in placeholders)) throw new Error(`the README has a placeholder this test does not know: ${placeholder}`);
        return placeholders[placeholder];
      });
      expect(filled).toMatch(/^pulumi /);
      pulumiCli(filled);
    }
    // The only setting not in the README: the emulator instead of the region's endpoint.
    pulumiCli(`pulumi config set taurusdb:endpoint ${emulator.url}`);
    const config = spawnSync(path.join(engine.binDir, "pulumi"), ["config", "--json"], {
      cwd: workDir,
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
    const keys = Object.keys(JSON.parse(config.stdout));
    expect(keys.filter((key) => key.startsWith("taurusdb:") && /Key|Token/.test(key)).sort()).toEqual([
      "taurusdb:accessKey",
      "taurusdb:secretKey",
    ]);
  });

  test("`pulumi up`: the pinned backup is restored into staging, which gets its admin password", async () => {
    stack = await auto.LocalWorkspace.selectStack(
      {
        stackName: "staging",
        projectName: PROJECT,
        program: async () => {
          const { backup, restore } = refreshStaging({
            ...stagingSettings(),
            adminPassword: pulumi.secret(PASSWORD),
            pollIntervalSeconds: 1,
          });
          return { restoredBackupId: restore.backupId, pinnedId: backup.backupId, jobStatus: restore.jobStatus, jobId: restore.jobId };
        },
      },
      { workDir, pulumiCommand: await auto.PulumiCommand.get({ root: engine.root, skipVersionCheck: true }), envVars: env },
    );
    const up = await stack.up({ onOutput: (s) => printed.push(s) });
    const newestFullCompleted = emulator.control.backups().find((b) => b.status === "COMPLETED" && b.backup_type === "Db")!.id;
    expect(up.outputs.restoredBackupId.value).toBe(newestFullCompleted);
    expect(up.outputs.jobStatus.value).toBe("Completed");
    expect(emulator.control.restoreHistory(target)).toEqual([
      expect.objectContaining({ id: up.outputs.jobId.value, status: "Completed", backupId: newestFullCompleted }),
    ]);
    expect(emulator.control.passwordMatches(PASSWORD, target)).toBe(true);
  });

  test("a second `pulumi up` restores nothing and changes nothing", async () => {
    const up = await stack.up({ onOutput: (s) => printed.push(s) });
    expect(Object.keys(up.summary.resourceChanges ?? {})).toEqual(["same"]);
    expect(emulator.control.restoreHistory(target)).toHaveLength(1);
  });

  test("`pulumi config set restoreGeneration 2 && pulumi up` restores again, even the same backup", async () => {
    pulumiCli("pulumi config set restoreGeneration 2");
    const up = await stack.up({ onOutput: (s) => printed.push(s) });
    expect(up.summary.resourceChanges?.replace).toBe(2);
    const history = emulator.control.restoreHistory(target);
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({ status: "Completed", backupId: history[0].backupId });
  });

  test("neither the state nor the output holds the keys or the password", () => {
    const state = fs.readFileSync(path.join(workDir, "state", ".pulumi", "stacks", PROJECT, "staging.json"), "utf8");
    for (const secret of [emulator.credentials.accessKey, emulator.credentials.secretKey, PASSWORD]) {
      expect(state).not.toContain(secret);
      expect(printed.join("")).not.toContain(secret);
    }
  });
});
