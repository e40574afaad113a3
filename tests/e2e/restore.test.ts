/**
 * InstanceRestore through the real Pulumi engine (Automation API, inline program, local file
 * backend) against the emulator, restoring the pinned newest COMPLETED backup of one instance into
 * another: preview says what it would restore into what; up restores and sets the admin password;
 * a second up, a refresh and a change of settings or credentials restore nothing; a keeper bump
 * restores again; a busy target is waited for; a failing job fails the update naming the job; a
 * password that cannot be set leaves the restore recorded; a BUILDING or missing backup and an
 * instant outside the restorable ranges are refused before any restore request; destroy restores
 * nothing back; and no credential or password is in the state file.
 */
import { InstanceRestore, LatestCompletedBackup } from "../../provider";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { createLocalStack, emulatorConfig, type LocalStack } from "../../harness/localStack";

jest.setTimeout(300_000);

const PASSWORD = "Staging-Admin-7x!";
const SECOND_PASSWORD = "Rotated-Admin-9y?";

describe("restoring the pinned backup into another instance", () => {
  let emulator: RunningEmulator;
  let target: string;
  let local: LocalStack;
  /** What the program declares; each test changes what it needs. */
  const program = {
    keeper: "v1",
    backupId: undefined as string | undefined,
    adminPassword: PASSWORD,
    restoreTimeout: "60m",
    credentialsAsArguments: false,
  };
  const printed: string[] = [];
  const record = (text: string) => printed.push(text);
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: Error) => error,
    );
  const restores = () => emulator.control.restoreHistory(target);
  const newestCompleted = () => emulator.control.backups().find((b) => b.status === "COMPLETED")!.id;

  beforeAll(async () => {
    emulator = await startEmulator({ backups: 60, seed: 29 });
    emulator.control.setRestoreDurations({ pendingMs: 50, runningMs: 400 });
    target = emulator.control.addInstance({ name: "staging", backups: 3 });
    local = await createLocalStack({
      project: "e2e-restore",
      program: async () => {
        const credentials = program.credentialsAsArguments
          ? { accessKey: emulator.credentials.accessKey, secretKey: emulator.credentials.secretKey }
          : {};
        const pinned = new LatestCompletedBackup("production-backup", {
          instanceId: emulator.instanceId,
          keepers: { restore: program.keeper },
        });
        const restore = new InstanceRestore("staging-restore", {
          sourceInstanceId: emulator.instanceId,
          targetInstanceId: target,
          backupId: program.backupId ?? pinned.backupId,
          // The pin's keeper restores again even when the newest COMPLETED backup is the same one.
          keepers: { restore: program.keeper },
          adminPassword: program.adminPassword,
          restoreTimeout: program.restoreTimeout,
          pollIntervalSeconds: 1,
          ...credentials,
        });
        return {
          pinnedId: pinned.backupId,
          restoredBackupId: restore.backupId,
          jobId: restore.jobId,
          jobStatus: restore.jobStatus,
          startedAt: restore.startedAt,
          completedAt: restore.completedAt,
          targetInstanceId: restore.targetInstanceId,
          passwordSetAt: restore.adminPasswordSetAt,
        };
      },
      config: emulatorConfig(emulator),
    });
  });

  afterAll(async () => {
    await local?.dispose();
    await emulator?.close();
  });

  test("preview says what it would restore into what, and restores nothing", async () => {
    const lines: string[] = [];
    await local.stack.preview({ onOutput: (s) => lines.push(s) });
    // The pin is created in the same update, so its id is not known until then.
    expect(lines.join("")).toContain(`would restore backup (not known yet) of instance ${emulator.instanceId} into instance ${target}`);
    expect(restores()).toEqual([]);
  });

  test("up restores the pinned backup, waits for the job and sets the admin password", async () => {
    const up = await local.stack.up({ onOutput: record });
    const outputs = Object.fromEntries(Object.entries(up.outputs).map(([key, output]) => [key, output.value]));
    expect(outputs.restoredBackupId).toBe(newestCompleted());
    expect(outputs.pinnedId).toBe(newestCompleted());
    expect(outputs.jobStatus).toBe("Completed");
    expect(outputs.targetInstanceId).toBe(target);
    expect(restores()).toEqual([
      expect.objectContaining({
        id: outputs.jobId,
        status: "Completed",
        backupId: newestCompleted(),
        sourceInstanceId: emulator.instanceId,
      }),
    ]);
    expect(Date.parse(outputs.completedAt as string)).toBeGreaterThanOrEqual(Date.parse(outputs.startedAt as string));
    expect(emulator.control.passwordMatches(PASSWORD, target)).toBe(true);
    expect(typeof outputs.passwordSetAt).toBe("string");
    expect(printed.join("")).toContain(`restore job ${outputs.jobId} completed`);
  });

  test("a second up, a refresh and a preview restore nothing and change nothing", async () => {
    const up = await local.stack.up({ onOutput: record });
    expect(Object.keys(up.summary.resourceChanges ?? {})).toEqual(["same"]);
    await local.stack.refresh({ onOutput: record });
    await local.stack.preview({ expectNoChanges: true, onOutput: record });
    expect(restores()).toHaveLength(1);
    expect(emulator.control.passwordChanges(target)).toBe(1);
  });

  test("new settings and credentials moved into arguments restore nothing", async () => {
    program.restoreTimeout = "90m";
    program.credentialsAsArguments = true;
    const up = await local.stack.up({ onOutput: record });
    expect(up.summary.resourceChanges?.replace ?? 0).toBe(0);
    expect(up.summary.resourceChanges?.update).toBe(1);
    expect(restores()).toHaveLength(1);
    program.credentialsAsArguments = false;
    await local.stack.preview({ expectNoChanges: true });
  });

  test("a new admin password alone is set without restoring", async () => {
    program.adminPassword = SECOND_PASSWORD;
    const up = await local.stack.up({ onOutput: record });
    expect(up.summary.resourceChanges?.update).toBe(1);
    expect(emulator.control.passwordMatches(SECOND_PASSWORD, target)).toBe(true);
    expect(restores()).toHaveLength(1);
  });

  test("bumping the keeper restores the newest COMPLETED backup again, and forgets the old restore", async () => {
    const added = emulator.control.addBackup({ name: "fresh" });
    emulator.control.completeBackup(added.id);
    program.keeper = "v2";
    const up = await local.stack.up({ onOutput: record });
    expect(up.outputs.restoredBackupId.value).toBe(added.id);
    expect(up.summary.resourceChanges?.replace).toBe(2);
    expect(restores().map((job) => job.backupId)).toEqual([expect.any(String), added.id]);
    expect(emulator.control.passwordMatches(SECOND_PASSWORD, target)).toBe(true);
    expect(printed.join("")).toMatch(/forgetting the restore into instance \w+ \(job [\w-]+\)\. Nothing is restored back/);
  });

  test("a busy target is waited for before the restore is sent (a keeper bump restores the same backup again)", async () => {
    // The target is busy backing up for the restore's first two looks at it.
    emulator.control.setInstanceStatus("BACKING UP", target);
    emulator.control.schedule((c) => c.setInstanceStatus("ACTIVE", target), { beforeRequest: 3, route: "instance" });
    program.keeper = "v3";
    const lines: string[] = [];
    const up = await local.stack.up({ onOutput: (s) => lines.push(s) });
    expect(up.outputs.jobStatus.value).toBe("Completed");
    expect(lines.join("")).toMatch(new RegExp(`waiting for instance ${target} to be ACTIVE \\(it is BACKING UP`));
    expect(restores()).toHaveLength(3);
    expect(restores()[2].backupId).toBe(restores()[1].backupId);
  });

  test("a failing job fails the update with the job's reason and id; the next up restores again", async () => {
    emulator.control.failRestores({ reason: "Restoration failed: the target ran out of disk.", targetInstanceId: target });
    program.keeper = "v4";
    const failure = await failureOf(local.stack.up({ onOutput: record }));
    const failed = restores().at(-1)!;
    expect(failed.status).toBe("Failed");
    expect(failure?.message).toContain(
      `The restore into instance ${target} failed: job ${failed.id} ended Failed (Restoration failed: the target ran out of disk.)`,
    );
    const up = await local.stack.up({ onOutput: record });
    expect(up.outputs.jobStatus.value).toBe("Completed");
    expect(restores().at(-1)!.status).toBe("Completed");
  });

  test("a password that cannot be set fails the update but keeps the restore; the next up sets it without restoring", async () => {
    emulator.control.injectFaults({ kind: "status", status: 500, route: "password", times: Infinity });
    program.keeper = "v5";
    const failure = await failureOf(local.stack.up({ onOutput: record }));
    emulator.control.clearFaults();
    const restored = restores().at(-1)!;
    expect(failure?.message).toContain(`The admin password of instance ${target} was not set after restore job ${restored.id} completed`);
    const recorded = JSON.parse(local.readState()).checkpoint.latest.resources.find((r: { type: string }) =>
      r.type.endsWith("InstanceRestore"),
    );
    expect(recorded.id).toBe(restored.id);
    const count = restores().length;
    const changesBefore = emulator.control.passwordChanges(target);
    const up = await local.stack.up({ onOutput: record });
    expect(up.outputs.jobId.value).toBe(restored.id);
    expect(restores()).toHaveLength(count);
    expect(emulator.control.passwordChanges(target)).toBe(changesBefore + 1);
    await local.stack.preview({ expectNoChanges: true });
  });

  test("a BUILDING or missing backup is refused before any restore request", async () => {
    const building = emulator.control.addBackup({ name: "not-yet" });
    for (const [backupId, expected] of [
      [building.id, `Backup ${building.id} of instance ${emulator.instanceId} is BUILDING, not COMPLETED`],
      ["0".repeat(32) + "br01", `Instance ${emulator.instanceId} has no backup ${"0".repeat(32)}br01`],
    ]) {
      program.backupId = backupId;
      emulator.control.resetStats();
      const lines: string[] = [];
      const failure = await failureOf(local.stack.preview({ onOutput: (s) => lines.push(s) }));
      expect(`${failure?.message}${lines.join("")}`).toContain(expected);
      expect(await failureOf(local.stack.up({ onOutput: record }))).toBeDefined();
      expect(emulator.control.stats().byRoute.restore).toBe(0);
    }
    program.backupId = undefined;
  });

  test("the state file holds no credential and no password in clear", () => {
    const state = local.readState();
    expect(state).toContain("InstanceRestore");
    for (const secret of [
      emulator.credentials.accessKey,
      emulator.credentials.secretKey,
      emulator.credentials.authToken,
      PASSWORD,
      SECOND_PASSWORD,
    ]) {
      expect(state).not.toContain(secret);
    }
    const recorded = JSON.parse(state).checkpoint.latest.resources.find((r: { type: string }) => r.type.endsWith("InstanceRestore"));
    // Kept only to tell a new password from the last one set, encrypted like any secret.
    expect(JSON.stringify(recorded.outputs.adminPassword)).toContain("ciphertext");
    expect(recorded.outputs.inputs).not.toHaveProperty("adminPassword");
    for (const key of ["accessKey", "secretKey", "securityToken", "authToken"]) expect(recorded.outputs).not.toHaveProperty(key);
    const printedText = printed.join("");
    for (const secret of [emulator.credentials.secretKey, PASSWORD, SECOND_PASSWORD]) expect(printedText).not.toContain(secret);
  });

  test("destroy forgets the restore and restores nothing back", async () => {
    const count = restores().length;
    const lines: string[] = [];
    await local.stack.destroy({ onOutput: (s) => lines.push(s) });
    expect(restores()).toHaveLength(count);
    expect(lines.join("")).toContain("Nothing is restored back");
  });
});

describe("a point-in-time restore", () => {
  test("an instant inside the source's restorable ranges is restored; one outside is refused before any restore request", async () => {
    const emulator = await startEmulator({ backups: 20, seed: 31 });
    emulator.control.setRestoreDurations({ pendingMs: 20, runningMs: 200 });
    const target = emulator.control.addInstance({ name: "pitr-target" });
    const now = Date.now();
    emulator.control.setRestorableRanges([{ start: now - 6 * 3_600_000, end: now - 4 * 3_600_000 }], emulator.instanceId);
    let restoreTime = new Date(now - 2 * 3_600_000).toISOString();
    const local = await createLocalStack({
      project: "e2e-restore-pitr",
      program: async () => {
        const restore = new InstanceRestore("pitr", {
          sourceInstanceId: emulator.instanceId,
          targetInstanceId: target,
          type: "timestamp",
          restoreTime,
          pollIntervalSeconds: 1,
        });
        return { restoreTime: restore.restoreTime, jobStatus: restore.jobStatus };
      },
      config: emulatorConfig(emulator),
    });
    try {
      const failure = await local.stack.up().then(
        () => undefined,
        (error: Error) => error,
      );
      expect(failure?.message).toContain(`${restoreTime} is outside the restorable time ranges of instance ${emulator.instanceId}`);
      expect(failure?.message).toContain(new Date(now - 4 * 3_600_000).toISOString());
      expect(emulator.control.stats().byRoute.restore).toBe(0);

      restoreTime = new Date(now - 5 * 3_600_000).toISOString();
      const up = await local.stack.up();
      expect(up.outputs.jobStatus.value).toBe("Completed");
      expect(up.outputs.restoreTime.value).toBe(restoreTime);
      expect(emulator.control.restoreHistory(target)).toEqual([
        expect.objectContaining({ type: "timestamp", restoreTime: Date.parse(restoreTime), status: "Completed" }),
      ]);
    } finally {
      await local.dispose();
      await emulator.close();
    }
  });
});
