/**
 * The emulator's banner says how to point a program or a stack at it; those instructions work as
 * printed: its `export` lines alone let a plain Node.js listing find the emulator, and its
 * `pulumi config set` lines, run as they are with the real CLI in a stack's directory, let a
 * stack pin the newest COMPLETED backup of the instance it names.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { getInstanceBackupsOutput, LatestCompletedBackup } from "../../provider";
import { banner, startEmulator, type RunningEmulator } from "../../provider/emulator";
import { listInstanceBackups } from "../../provider/listing";
import { NO_STACK_CONFIG } from "../../provider/settings/sources";
import { createLocalStack, localEngineEnv, PASSPHRASE } from "../../harness/localStack";

jest.setTimeout(180_000);

let emulator: RunningEmulator;
let printed: string;
beforeAll(async () => {
  emulator = await startEmulator({ backups: 30, seed: 4 });
  printed = banner(emulator);
});
afterAll(() => emulator.close());

/** The lines of the banner that start with `prefix`, each as its words. */
const linesStartingWith = (prefix: string) =>
  printed
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith(prefix));
const instanceIdPrinted = () => /use instanceId (\S+?)\.?$/m.exec(printed)![1];

test("its export lines alone point a plain Node.js listing at the emulator", async () => {
  const env = Object.fromEntries(
    linesStartingWith("export ").map((line) => line.slice("export ".length).split("=", 2) as [string, string]),
  );
  expect(Object.keys(env)).toContain("TAURUSDB_ENDPOINT");
  const result = await listInstanceBackups({ instanceId: instanceIdPrinted() }, { sources: { stackConfig: NO_STACK_CONFIG, env } });
  expect(result.totalCount).toBe(30);
  expect(result.latestCompletedBackupId).toBe(emulator.control.backups().find((b) => b.status === "COMPLETED")!.id);
});

test("its pulumi config set lines, run as printed, point a stack at the emulator", async () => {
  const instanceId = instanceIdPrinted();
  const local = await createLocalStack({
    project: "e2e-banner",
    program: async () => ({
      pinned: new LatestCompletedBackup("pinned", { instanceId }).backupId,
      live: getInstanceBackupsOutput({ instanceId, requireLatestCompleted: true }).latestCompletedBackupId,
    }),
  });
  try {
    const env = {
      ...process.env,
      ...localEngineEnv([local.engine.binDir]),
      PULUMI_HOME: path.join(local.workDir, "..", "pulumi-home"),
      PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    };
    const commands = linesStartingWith("pulumi config set ");
    expect(commands.length).toBeGreaterThanOrEqual(5);
    for (const command of commands) {
      execFileSync(path.join(local.engine.binDir, "pulumi"), command.split(/\s+/).slice(1), { cwd: local.workDir, env, stdio: "pipe" });
    }
    const up = await local.stack.up();
    const newest = emulator.control.backups().find((b) => b.status === "COMPLETED")!.id;
    expect(up.outputs.pinned.value).toBe(newest);
    expect(up.outputs.live.value).toBe(newest);
    expect(local.readState()).not.toContain(emulator.credentials.secretKey);
  } finally {
    await local.dispose();
  }
});
