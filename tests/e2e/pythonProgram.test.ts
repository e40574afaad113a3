/**
 * The generated Python SDK in a Python inline Automation API program (tests/e2e/python/
 * latest_backup_stack.py), run by the real engine with the plugin installed from its tarball,
 * against the emulator: the newest COMPLETED backup through get_instance_backups_output, one pinned
 * by LatestCompletedBackup, a preview right after `up` that changes nothing, a newer backup that
 * moves only the live value, a keeper that moves the pin, and a state and output free of
 * credentials. The SDK is installed as a user installs it: from the release's wheel (`python -m
 * build` of sdk/python), with pip, into a virtual environment of its own made for that wheel
 * (harness/pythonEnv.ts), beside pulumi from PyPI.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { ensureEngine, type Engine } from "../../harness/engine";
import { emulatorConfig, localEngineEnv, workRoot } from "../../harness/localStack";
import { installPluginFromArchive, type InstalledPlugin } from "../../harness/pluginInstall";
import { ensurePythonEnv, type PythonEnv } from "../../harness/pythonEnv";
import { PLUGIN_VERSION } from "../../scripts/release/bundle";

jest.setTimeout(900_000);

const PROJECT = "e2e-python";
const SCRIPT = path.join(__dirname, "python", "latest_backup_stack.py");

interface ActionResult {
  action: string;
  outputs?: Record<string, unknown>;
  changes: Record<string, number>;
}

describe("a Python inline program with the generated SDK through the engine", () => {
  let emulator: RunningEmulator;
  let engine: Engine;
  let plugin: InstalledPlugin;
  let python: PythonEnv;
  let workDir: string;
  let restoreGeneration = "v1";
  const printed: string[] = [];
  const newestCompleted = () => emulator.control.backups().find((b) => b.status === "COMPLETED")!.id;

  beforeAll(async () => {
    python = ensurePythonEnv();
    engine = ensureEngine();
    emulator = await startEmulator({ backups: 150, seed: 23 });
    plugin = await installPluginFromArchive(engine, "python");
    workDir = path.join(workRoot(), `${PROJECT}-${randomBytes(4).toString("hex")}`);
    fs.mkdirSync(path.join(workDir, "state"), { recursive: true });
  });

  afterAll(async () => {
    if (workDir && fs.existsSync(path.join(workDir, "Pulumi.yaml"))) await runProgram(["destroy"]).catch(() => undefined);
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    plugin?.dispose();
    await emulator?.close();
  });

  /** Runs the Python program's actions in order; fails with its stderr when it exits non-zero. */
  function runProgram(actions: string[]): Promise<ActionResult[]> {
    const params = {
      project: PROJECT,
      workDir,
      pulumiHome: plugin.pulumiHome,
      engineRoot: engine.root,
      backendUrl: `file://${path.join(workDir, "state")}`,
      actions,
      config: {
        ...emulatorConfig(emulator),
        instanceId: { value: emulator.instanceId },
        restoreGeneration: { value: restoreGeneration },
      },
      env: localEngineEnv([engine.binDir]),
    };
    return new Promise((resolve, reject) => {
      const child = spawn(python.python, [SCRIPT], { stdio: ["pipe", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (code) => {
        printed.push(stdout, stderr);
        const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
        if (code !== 0 || !line)
          reject(new Error(`the Python program failed (exit ${code}):\n${stderr.split("\n").slice(-40).join("\n")}`));
        else resolve(JSON.parse(line.slice("RESULT ".length)));
      });
      child.stdin.end(JSON.stringify(params));
    });
  }

  test("the SDK the program imports is the release's wheel, installed by pip into an environment of its own", () => {
    const probe = spawnSync(
      python.python,
      [
        "-c",
        "import json, sys, importlib.metadata as m, pulumi_taurusdb; d = m.distribution('pulumi_taurusdb'); print(json.dumps({'file': pulumi_taurusdb.__file__, 'prefix': sys.prefix, 'installer': d.read_text('INSTALLER'), 'origin': json.loads(d.read_text('direct_url.json'))['url'], 'version': d.version}))",
      ],
      { encoding: "utf8" },
    );
    const found = JSON.parse(probe.stdout);
    expect(path.basename(python.wheel)).toBe(`pulumi_taurusdb-${PLUGIN_VERSION}-py3-none-any.whl`);
    expect(found).toEqual({
      file: expect.stringContaining(`${path.sep}site-packages${path.sep}pulumi_taurusdb${path.sep}`),
      prefix: fs.realpathSync(python.dir),
      installer: "pip\n",
      // The wheel's place when the environment was made (the environment is shared by checkouts with the same wheel).
      origin: expect.stringMatching(new RegExp(`^file:///.*/${path.basename(python.wheel).replace(/\./g, "\\.")}$`)),
      version: PLUGIN_VERSION,
    });
  });

  test("up reads and pins the newest COMPLETED backup; a preview right after shows no changes", async () => {
    const [up, preview] = await runProgram(["up", "preview"]);
    expect(up.outputs).toEqual({
      newestCompletedBackupId: newestCompleted(),
      backupCount: 150,
      pinnedBackupId: newestCompleted(),
      pinnedStatus: "COMPLETED",
    });
    expect(up.changes.create).toBeGreaterThan(0);
    expect(Object.keys(preview.changes)).toEqual(["same"]);
  });

  test("a newer backup completes: the live value follows it, the pinned one stays, and nothing else changes", async () => {
    const firstPinned = newestCompleted();
    const added = emulator.control.addBackup();
    emulator.control.completeBackup(added.id);
    const [up, preview] = await runProgram(["up", "preview"]);
    expect(up.outputs?.newestCompletedBackupId).toBe(added.id);
    expect(up.outputs?.pinnedBackupId).toBe(firstPinned);
    expect(Object.keys(preview.changes)).toEqual(["same"]);
  });

  test("a keeper changes: the pinned backup is replaced by the newest", async () => {
    restoreGeneration = "v2";
    const [up] = await runProgram(["up"]);
    expect(up.outputs?.pinnedBackupId).toBe(newestCompleted());
    expect(up.changes.replace).toBe(1);
  });

  test("the state file holds no access key, secret key or token", () => {
    const state = fs.readFileSync(path.join(workDir, "state", ".pulumi", "stacks", PROJECT, "dev.json"), "utf8");
    expect(state).toContain("taurusdb:index:LatestCompletedBackup");
    for (const secret of [emulator.credentials.accessKey, emulator.credentials.secretKey, emulator.credentials.authToken]) {
      expect(state).not.toContain(secret);
    }
  });

  test("nothing printed holds a credential, and the plugin never exited before it was asked to", () => {
    const output = printed.join("");
    expect(output).toContain("LatestCompletedBackup");
    for (const secret of [emulator.credentials.accessKey, emulator.credentials.secretKey]) expect(output).not.toContain(secret);
    expect(output).not.toMatch(/exited prematurely/);
  });
});
