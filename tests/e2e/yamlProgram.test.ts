/**
 * The provider plugin from its tarball, installed by `pulumi plugin install --file`, run by the real
 * engine for a Pulumi YAML program (the real YAML language host), against the emulator: `fn::invoke`
 * of getInstanceBackups for the newest COMPLETED backup, LatestCompletedBackup pinning one (with the
 * default provider configured from secret stack config, and with an explicit provider whose token
 * is a secret input), InstanceRestore restoring the pinned backup into another instance with a
 * secret admin password, a preview right after `up` that changes nothing, keepers, refresh after
 * the pinned backup expires, a restore whose password cannot be set recorded through the engine's
 * initialization failure, and a state and output free of credentials and passwords.
 */
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { ensureEngine } from "../../harness/engine";
import { emulatorConfig, type LocalStack } from "../../harness/localStack";
import { installPluginFromArchive, type InstalledPlugin } from "../../harness/pluginInstall";
import { createYamlStack } from "../../harness/yamlStack";

jest.setTimeout(600_000);

const PROGRAM = `
config:
  instanceId:
    type: string
  restoreGeneration:
    type: string
  emulatorEndpoint:
    type: string
  emulatorProjectId:
    type: string
  emulatorToken:
    type: string
  restoreTarget:
    type: string
  stagingPassword:
    type: string
    secret: true
variables:
  listing:
    fn::invoke:
      function: taurusdb:index:getInstanceBackups
      arguments:
        instanceId: \${instanceId}
        pageSize: 25
resources:
  pinned:
    type: taurusdb:index:LatestCompletedBackup
    properties:
      instanceId: \${instanceId}
      keepers:
        restore: \${restoreGeneration}
  tokenProvider:
    type: pulumi:providers:taurusdb
    properties:
      endpoint: \${emulatorEndpoint}
      projectId: \${emulatorProjectId}
      authToken: \${emulatorToken}
  pinnedWithToken:
    type: taurusdb:index:LatestCompletedBackup
    properties:
      instanceId: \${instanceId}
      backupTypes: [Db]
    options:
      provider: \${tokenProvider}
  stagingRestore:
    type: taurusdb:index:InstanceRestore
    properties:
      sourceInstanceId: \${instanceId}
      targetInstanceId: \${restoreTarget}
      backupId: \${pinned.backupId}
      keepers:
        restore: \${restoreGeneration}
      adminPassword: \${stagingPassword}
      pollIntervalSeconds: 1
outputs:
  restoreJobId: \${stagingRestore.jobId}
  restoreStatus: \${stagingRestore.jobStatus}
  restoredBackupId: \${stagingRestore.backupId}
  newestCompletedBackupId: \${listing.latestCompletedBackupId}
  backupCount: \${listing.totalCount}
  pinnedBackupId: \${pinned.backupId}
  pinnedStatus: \${pinned.backup.status}
  pinnedAvailable: \${pinned.available}
  pinnedWithTokenId: \${pinnedWithToken.backupId}
`;

describe("a YAML program through the engine with the installed plugin", () => {
  let emulator: RunningEmulator;
  let plugin: InstalledPlugin;
  let local: LocalStack;
  let target: string;
  const PASSWORD = "Yaml-Staging-4z!";
  const restores = () => emulator.control.restoreHistory(target);
  const printed: string[] = [];
  const record = (text: string) => printed.push(text);
  const newestCompleted = (types: string[] = ["Db", "Snapshot"]) =>
    emulator.control.backups().find((b) => b.status === "COMPLETED" && types.includes(b.backup_type))!.id;

  beforeAll(async () => {
    emulator = await startEmulator({ backups: 120, seed: 11 });
    emulator.control.setRestoreDurations({ pendingMs: 50, runningMs: 300 });
    target = emulator.control.addInstance({ name: "staging" });
    plugin = await installPluginFromArchive(ensureEngine(), "yaml");
    local = await createYamlStack({
      project: "e2e-yaml",
      program: PROGRAM,
      pulumiHome: plugin.pulumiHome,
      config: {
        ...emulatorConfig(emulator),
        instanceId: { value: emulator.instanceId },
        restoreGeneration: { value: "v1" },
        emulatorEndpoint: { value: emulator.url },
        emulatorProjectId: { value: emulator.projectId },
        emulatorToken: { value: emulator.credentials.authToken, secret: true },
        restoreTarget: { value: target },
        stagingPassword: { value: PASSWORD, secret: true },
      },
    });
  });

  afterAll(async () => {
    await local?.dispose();
    plugin?.dispose();
    await emulator?.close();
  });

  test("up: the invoke reads the newest COMPLETED backup, both resources pin it, and it is restored into the target with its own admin password", async () => {
    const up = await local.stack.up({ onOutput: record });
    expect(up.outputs.newestCompletedBackupId.value).toBe(newestCompleted());
    expect(up.outputs.backupCount.value).toBe(120);
    expect(up.outputs.pinnedBackupId.value).toBe(newestCompleted());
    expect(up.outputs.pinnedStatus.value).toBe("COMPLETED");
    expect(up.outputs.pinnedWithTokenId.value).toBe(newestCompleted(["Db"]));
    expect(up.summary.resourceChanges).toEqual(expect.objectContaining({ create: expect.any(Number) }));
    expect(up.outputs.restoreStatus.value).toBe("Completed");
    expect(up.outputs.restoredBackupId.value).toBe(newestCompleted());
    expect(restores()).toEqual([
      expect.objectContaining({ id: up.outputs.restoreJobId.value, status: "Completed", backupId: newestCompleted() }),
    ]);
    expect(emulator.control.passwordMatches(PASSWORD, target)).toBe(true);
  });

  test("a preview right after up shows no changes", async () => {
    const events: EngineEvent[] = [];
    const preview = await local.stack.preview({ onOutput: record, onEvent: (e) => events.push(e) });
    expect(Object.keys(preview.changeSummary)).toEqual(["same"]);
    const steps = events.flatMap((e) => (e.resourcePreEvent ? [e.resourcePreEvent.metadata.op] : []));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((op) => op === "same")).toBe(true);
  });

  test("a newer backup completes: the invoke follows it, the pinned backups stay", async () => {
    const firstPinned = newestCompleted();
    const added = emulator.control.addBackup({ backup_type: "Db" });
    emulator.control.completeBackup(added.id);
    const up = await local.stack.up({ onOutput: record });
    expect(up.outputs.newestCompletedBackupId.value).toBe(added.id);
    expect(up.outputs.pinnedBackupId.value).toBe(firstPinned);
    expect(up.outputs.pinnedWithTokenId.value).not.toBe(added.id);
    expect(up.summary.resourceChanges?.replace ?? 0).toBe(0);
    expect(restores()).toHaveLength(1);
  });

  test("a keeper changes: the pinned backup is replaced by the newest, and restored", async () => {
    await local.stack.setConfig("restoreGeneration", { value: "v2" });
    const up = await local.stack.up({ onOutput: record });
    expect(up.outputs.pinnedBackupId.value).toBe(newestCompleted());
    expect(up.outputs.restoredBackupId.value).toBe(newestCompleted());
    expect(up.summary.resourceChanges?.replace).toBe(2);
    expect(restores().map((job) => job.backupId)).toEqual([expect.any(String), newestCompleted()]);
  });

  test("refresh after the pinned backup expires: by default the pin is kept, marked unavailable, and nothing is replaced", async () => {
    const pinned = (await local.stack.outputs()).pinnedBackupId.value as string;
    emulator.control.deleteBackup(pinned);
    await local.stack.refresh({ onOutput: record });
    const up = await local.stack.up({ onOutput: record });
    expect(up.outputs.pinnedBackupId.value).toBe(pinned);
    expect(up.outputs.pinnedAvailable.value).toBe(false);
    expect(up.summary.resourceChanges?.replace ?? 0).toBe(0);
    expect(printed.join("")).toMatch(new RegExp(`the pinned backup ${pinned} .*no longer exists`));
  });

  test("a restore whose admin password cannot be set is recorded (the engine's initialization failure); the next up sets it without restoring", async () => {
    emulator.control.injectFaults({ kind: "status", status: 500, route: "password", times: Infinity });
    await local.stack.setConfig("restoreGeneration", { value: "v3" });
    const failure = await local.stack.up({ onOutput: record }).then(
      () => undefined,
      (error: Error) => error,
    );
    emulator.control.clearFaults();
    const restored = restores().at(-1)!;
    expect(restored.status).toBe("Completed");
    expect(failure?.message).toContain(`The admin password of instance ${target} was not set after restore job ${restored.id} completed`);
    const resources: Array<{ type: string; id: string }> = JSON.parse(local.readState()).checkpoint.latest.resources;
    expect(resources.find((r) => r.type === "taurusdb:index:InstanceRestore")?.id).toBe(restored.id);
    const changes = emulator.control.passwordChanges(target);
    const up = await local.stack.up({ onOutput: record });
    expect(up.outputs.restoreJobId.value).toBe(restored.id);
    expect(restores()).toHaveLength(3);
    expect(emulator.control.passwordChanges(target)).toBe(changes + 1);
  });

  test("the state file holds no access key, secret key, token or password; provider credentials only as ciphertext", () => {
    const state = local.readState();
    expect(state).toContain("taurusdb:index:LatestCompletedBackup");
    expect(state).toContain("pulumi:providers:taurusdb");
    for (const secret of [emulator.credentials.accessKey, emulator.credentials.secretKey, emulator.credentials.authToken, PASSWORD]) {
      expect(state).not.toContain(secret);
    }
    const resources: Array<{ type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }> =
      JSON.parse(state).checkpoint.latest.resources;
    for (const pinned of resources.filter((r) => r.type === "taurusdb:index:LatestCompletedBackup")) {
      for (const key of ["accessKey", "secretKey", "securityToken", "authToken"]) expect(pinned.outputs).not.toHaveProperty(key);
    }
    const restore = resources.find((r) => r.type === "taurusdb:index:InstanceRestore");
    expect(JSON.stringify(restore?.outputs?.adminPassword)).toContain("ciphertext");
    expect(JSON.stringify(restore?.inputs?.adminPassword)).toContain("ciphertext");
    const tokenProvider = resources.find((r) => r.type === "pulumi:providers:taurusdb" && r.inputs?.authToken);
    expect(JSON.stringify(tokenProvider?.inputs?.authToken)).toContain("ciphertext");
  });

  test("destroy deletes nothing in the cloud, restores nothing back, and empties the stack", async () => {
    const before = emulator.control.backups().length;
    const restored = restores().length;
    await local.stack.destroy({ onOutput: record });
    expect(emulator.control.backups()).toHaveLength(before);
    expect(restores()).toHaveLength(restored);
    expect(JSON.parse(local.readState()).checkpoint.latest.resources ?? []).toHaveLength(0);
  });

  test("nothing printed holds a credential or the password, and the plugin never exited before it was asked to", () => {
    const output = printed.join("");
    expect(output.length).toBeGreaterThan(0);
    for (const secret of [emulator.credentials.accessKey, emulator.credentials.secretKey, emulator.credentials.authToken, PASSWORD]) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toMatch(/exited prematurely/);
  });
});
