/**
 * The provider plugin from its tarball, installed by `pulumi plugin install --file`, run by the real
 * engine for a Pulumi YAML program (the real YAML language host), against the emulator: `fn::invoke`
 * of getInstanceBackups for the newest COMPLETED backup, LatestCompletedBackup pinning one (with the
 * default provider configured from secret stack config, and with an explicit provider whose token
 * is a secret input), a preview right after `up` that changes nothing, keepers, refresh after the
 * pinned backup expires, and a state and output free of credentials.
 */
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { ensureEngine } from "../../scripts/engine";
import { emulatorConfig, type LocalStack } from "../../scripts/localStack";
import { installPluginFromTarball, type InstalledPlugin } from "../../scripts/pluginInstall";
import { createYamlStack } from "../../scripts/yamlStack";

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
outputs:
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
  const printed: string[] = [];
  const record = (text: string) => printed.push(text);
  const newestCompleted = (types: string[] = ["Db", "Snapshot"]) =>
    emulator.control.backups().find((b) => b.status === "COMPLETED" && types.includes(b.backup_type))!.id;

  beforeAll(async () => {
    emulator = await startEmulator({ backups: 120, seed: 11 });
    plugin = await installPluginFromTarball(ensureEngine(), "yaml");
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
      },
    });
  });

  afterAll(async () => {
    await local?.dispose();
    plugin?.dispose();
    await emulator?.close();
  });

  test("up: the invoke reads the newest COMPLETED backup and both resources pin it", async () => {
    const up = await local.stack.up({ onOutput: record });
    expect(up.outputs.newestCompletedBackupId.value).toBe(newestCompleted());
    expect(up.outputs.backupCount.value).toBe(120);
    expect(up.outputs.pinnedBackupId.value).toBe(newestCompleted());
    expect(up.outputs.pinnedStatus.value).toBe("COMPLETED");
    expect(up.outputs.pinnedWithTokenId.value).toBe(newestCompleted(["Db"]));
    expect(up.summary.resourceChanges).toEqual(expect.objectContaining({ create: expect.any(Number) }));
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
  });

  test("a keeper changes: the pinned backup is replaced by the newest", async () => {
    await local.stack.setConfig("restoreGeneration", { value: "v2" });
    const up = await local.stack.up({ onOutput: record });
    expect(up.outputs.pinnedBackupId.value).toBe(newestCompleted());
    expect(up.summary.resourceChanges?.replace).toBe(1);
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

  test("the state file holds no access key, secret key or token; provider credentials only as ciphertext", () => {
    const state = local.readState();
    expect(state).toContain("taurusdb:index:LatestCompletedBackup");
    expect(state).toContain("pulumi:providers:taurusdb");
    for (const secret of [emulator.credentials.accessKey, emulator.credentials.secretKey, emulator.credentials.authToken]) {
      expect(state).not.toContain(secret);
    }
    const resources: Array<{ type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }> =
      JSON.parse(state).checkpoint.latest.resources;
    for (const pinned of resources.filter((r) => r.type === "taurusdb:index:LatestCompletedBackup")) {
      for (const key of ["accessKey", "secretKey", "securityToken", "authToken"]) expect(pinned.outputs).not.toHaveProperty(key);
    }
    const tokenProvider = resources.find((r) => r.type === "pulumi:providers:taurusdb" && r.inputs?.authToken);
    expect(JSON.stringify(tokenProvider?.inputs?.authToken)).toContain("ciphertext");
  });

  test("destroy deletes nothing in the cloud and empties the stack", async () => {
    const before = emulator.control.backups().length;
    await local.stack.destroy({ onOutput: record });
    expect(emulator.control.backups()).toHaveLength(before);
    expect(JSON.parse(local.readState()).checkpoint.latest.resources ?? []).toHaveLength(0);
  });

  test("nothing printed holds a credential, and the plugin never exited before it was asked to", () => {
    const output = printed.join("");
    expect(output.length).toBeGreaterThan(0);
    for (const secret of [emulator.credentials.accessKey, emulator.credentials.secretKey, emulator.credentials.authToken]) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toMatch(/exited prematurely/);
  });
});
