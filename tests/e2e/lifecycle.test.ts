/**
 * The dynamic providers under the real Pulumi engine (Automation API, inline program, local file
 * backend), against the emulator: preview, up, a newer backup completing, keepers, refresh after the
 * pinned backup expires, destroy, wrong credentials, throttling, and what the state file holds.
 */
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { InstanceBackups, LatestCompletedBackup } from "../../provider";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { createLocalStack, emulatorConfig, type LocalStack } from "../../harness/localStack";

jest.setTimeout(240_000);

/** Outputs of a resource as the engine reported them in a preview or update. */
function outputsOf(events: EngineEvent[], type: string): Record<string, unknown> | undefined {
  const event = events.find((e) => e.resOutputsEvent?.metadata.type === type);
  return event?.resOutputsEvent?.metadata.new?.outputs;
}

describe("live and pinned backups through the engine", () => {
  let emulator: RunningEmulator;
  let local: LocalStack;
  let keeper = "v1";
  const output: string[] = [];
  const record = (text: string) => output.push(text);

  beforeAll(async () => {
    emulator = await startEmulator({ backups: 240, seed: 7 });
    local = await createLocalStack({
      project: "e2e-lifecycle",
      program: async () => {
        // Credentials from stack config for the live list; as (secret) inputs for the pinned choice.
        const live = new InstanceBackups("live", { instanceId: emulator.instanceId, pageSize: 50 });
        const pinned = new LatestCompletedBackup("pinned", {
          instanceId: emulator.instanceId,
          accessKey: emulator.credentials.accessKey,
          secretKey: emulator.credentials.secretKey,
          keepers: { restore: keeper },
        });
        const summary = new InstanceBackups("summary", { instanceId: emulator.instanceId, summaryOnly: true });
        return {
          liveLatest: live.latestCompletedBackupId,
          liveCount: live.totalCount,
          pinnedId: pinned.backupId,
          pinnedStatus: pinned.backup.status,
          pinnedAvailable: pinned.available,
          summaryBackups: summary.backups,
          summaryLatest: summary.latestCompletedBackupId,
        };
      },
      config: emulatorConfig(emulator),
    });
  });

  afterAll(async () => {
    await local?.dispose();
    await emulator?.close();
  });

  const newestCompleted = () => emulator.control.backups().find((b) => b.status === "COMPLETED")!.id;

  test("preview: the live outputs are already known", async () => {
    const events: EngineEvent[] = [];
    await local.stack.preview({ onEvent: (e) => events.push(e), onOutput: record });
    const live = outputsOf(events, "pulumi-nodejs:dynamic/taurusdb:InstanceBackups");
    expect(live?.latestCompletedBackupId).toBe(newestCompleted());
    expect(live?.totalCount).toBe(240);
  });

  test("up: live and pinned agree on the newest COMPLETED backup; the summary keeps the state small", async () => {
    const up = await local.stack.up({ onOutput: record });
    expect(up.outputs.liveLatest.value).toBe(newestCompleted());
    expect(up.outputs.pinnedId.value).toBe(newestCompleted());
    expect(up.outputs.pinnedStatus.value).toBe("COMPLETED");
    expect(up.outputs.liveCount.value).toBe(240);
    expect(up.outputs.summaryBackups.value).toEqual([]);
    expect(up.outputs.summaryLatest.value).toBe(newestCompleted());
  });

  test("a newer backup completes: the live output moves, the pinned one stays (even when throttled)", async () => {
    const firstPinned = newestCompleted();
    const added = emulator.control.addBackup();
    emulator.control.completeBackup(added.id);
    emulator.control.setRateLimit({ requestsPerSecond: 20, burst: 2 });
    try {
      const up = await local.stack.up({ onOutput: record });
      expect(up.outputs.liveLatest.value).toBe(added.id);
      expect(up.outputs.pinnedId.value).toBe(firstPinned);
      expect(emulator.control.stats().rateLimited).toBeGreaterThan(0);
    } finally {
      emulator.control.setRateLimit(undefined);
    }
  });

  test("a keeper changes: the pinned backup moves to the newest", async () => {
    keeper = "v2";
    const up = await local.stack.up({ onOutput: record });
    expect(up.outputs.pinnedId.value).toBe(newestCompleted());
    expect(up.summary.resourceChanges?.replace).toBe(1);
  });

  test("refresh after the pinned backup expires: by default the pin is kept and marked unavailable", async () => {
    const pinned = (await local.stack.outputs()).pinnedId.value as string;
    emulator.control.deleteBackup(pinned);
    await local.stack.refresh({ onOutput: record });
    const up = await local.stack.up({ onOutput: record });
    expect(up.outputs.pinnedId.value).toBe(pinned);
    expect(up.outputs.pinnedAvailable.value).toBe(false);
  });

  test("the state file holds no access key, secret key or token", () => {
    const state = local.readState();
    expect(state).toContain("LatestCompletedBackup");
    for (const secret of [emulator.credentials.accessKey, emulator.credentials.secretKey, emulator.credentials.authToken]) {
      expect(state).not.toContain(secret);
    }
    // The serialized providers hold no library code either: only the module name they load.
    expect(state).toContain("pulumi-taurusdb-backups/dynamic-runtime");
    expect(state).not.toContain("SDK-HMAC-SHA256");
  });

  test("destroy deletes nothing in the cloud and empties the stack", async () => {
    const before = emulator.control.backups().length;
    await local.stack.destroy({ onOutput: record });
    expect(emulator.control.backups()).toHaveLength(before);
    expect(JSON.parse(local.readState()).checkpoint.latest.resources ?? []).toHaveLength(0);
  });

  test("nothing printed during the lifecycle contains a credential", () => {
    const printed = output.join("");
    expect(printed.length).toBeGreaterThan(0);
    for (const secret of [emulator.credentials.accessKey, emulator.credentials.secretKey]) expect(printed).not.toContain(secret);
  });
});

describe("wrong credentials", () => {
  test("pulumi up fails with the API's message and no credential in the output", async () => {
    const emulator = await startEmulator({ backups: 10 });
    const wrongSecret = "definitely-not-the-secret-key";
    const local = await createLocalStack({
      project: "e2e-wrong-credentials",
      program: async () => ({ latest: new InstanceBackups("live", { instanceId: emulator.instanceId }).latestCompletedBackupId }),
      config: emulatorConfig(emulator, { secretKey: wrongSecret }),
    });
    const printed: string[] = [];
    try {
      const failure = await local.stack.up({ onOutput: (s) => printed.push(s) }).then(
        () => undefined,
        (error: Error) => error,
      );
      expect(failure).toBeDefined();
      const everything = `${printed.join("")}\n${failure!.message}`;
      expect(everything).toMatch(/HTTP 401 \(APIGW\.0301/);
      expect(everything).toContain(emulator.instanceId);
      expect(everything).not.toContain(wrongSecret);
      expect(everything).not.toContain(emulator.credentials.accessKey);
      expect(everything).not.toMatch(/Signature=/);
      expect(emulator.control.stats().byRoute.backups).toBe(1);
    } finally {
      await local.dispose();
      await emulator.close();
    }
  });
});
