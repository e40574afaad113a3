/**
 * Pinning under the habits of platform teams, through the real engine against the emulator:
 * `preview --expect-no-changes` right after `up` (the CI drift gate) with credentials given as
 * arguments, as stack config and through the environment; what a refresh does when retention
 * expires the pinned backup (`onExpired` keep, repin, fail); `maxAge`; and the preview saying which
 * backup a new pin would take.
 */
import * as pulumi from "@pulumi/pulumi";
import { InstanceBackups, LatestCompletedBackup, type OnExpired } from "../../provider";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { createLocalStack, emulatorConfig, type LocalStack } from "../../harness/localStack";

jest.setTimeout(240_000);

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ backups: 120, seed: 11 });
});
afterAll(() => emulator?.close());

const newestCompleted = () => emulator.control.backups().find((b) => b.status === "COMPLETED")!.id;

/** A stand-in for a restore: a resource whose input is the pinned id, so any change to it shows as an update. */
const restoreStandIn: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `restore-of-${inputs.backupId}`, outs: inputs };
  },
};
class RestoreStandIn extends pulumi.dynamic.Resource {
  constructor(name: string, props: { backupId: pulumi.Input<string> }) {
    super(restoreStandIn, name, props);
  }
}

async function withStack<T>(
  project: string,
  program: () => Promise<Record<string, unknown>>,
  setUp: Partial<Parameters<typeof createLocalStack>[0]>,
  test: (local: LocalStack, printed: string[]) => Promise<T>,
): Promise<T> {
  const local = await createLocalStack({ project, program, ...setUp });
  const printed: string[] = [];
  try {
    return await test(local, printed);
  } finally {
    await local.dispose();
  }
}

describe("preview right after up reports no changes, wherever the credentials are", () => {
  type Placement = { args: Record<string, string>; config?: ReturnType<typeof emulatorConfig>; env?: Record<string, string> };
  const placements: Array<[string, () => Placement]> = [
    [
      "arguments",
      () => ({
        args: {
          endpoint: emulator.url,
          projectId: emulator.projectId,
          accessKey: emulator.credentials.accessKey,
          secretKey: emulator.credentials.secretKey,
        },
      }),
    ],
    ["stack config", () => ({ args: {}, config: emulatorConfig(emulator) })],
    [
      "the environment",
      () => ({
        args: {},
        env: {
          TAURUSDB_ENDPOINT: emulator.url,
          HUAWEICLOUD_SDK_PROJECT_ID: emulator.projectId,
          HUAWEICLOUD_SDK_AK: emulator.credentials.accessKey,
          HUAWEICLOUD_SDK_SK: emulator.credentials.secretKey,
        },
      }),
    ],
  ];

  test.each(placements)("credentials and settings as %s", async (label, placement) => {
    const { args, config, env } = placement();
    const program = async () => {
      const pinned = new LatestCompletedBackup("pinned", { instanceId: emulator.instanceId, keepers: { restore: "1" }, ...args });
      const live = new InstanceBackups("live", { instanceId: emulator.instanceId, summaryOnly: true, ...args });
      return { pinnedId: pinned.backupId, projectId: pinned.projectId, liveLatest: live.latestCompletedBackupId };
    };
    await withStack(`e2e-no-changes-${label.replace(/\W+/g, "-")}`, program, { config, env }, async (local, printed) => {
      const up = await local.stack.up({ onOutput: (s) => printed.push(s) });
      expect(up.outputs.pinnedId.value).toBe(newestCompleted());
      expect(up.outputs.projectId.value).toBe(emulator.projectId);
      // A newer backup completing must not show up as a change of the pinned resource either.
      emulator.control.completeBackup(emulator.control.addBackup().id);
      const preview = await local.stack.preview({ expectNoChanges: true, onOutput: (s) => printed.push(s) });
      expect(preview.changeSummary.update ?? 0).toBe(0);
      expect(preview.changeSummary.replace ?? 0).toBe(0);
      expect(local.readState()).not.toContain(emulator.credentials.secretKey);
      expect(local.readState()).not.toContain(emulator.credentials.accessKey);
    });
  });

  test("moving credentials from arguments to stack config is not a change", async () => {
    let useArguments = true;
    const program = async () => {
      const args = useArguments ? { accessKey: emulator.credentials.accessKey, secretKey: emulator.credentials.secretKey } : {};
      return { pinnedId: new LatestCompletedBackup("pinned", { instanceId: emulator.instanceId, ...args }).backupId };
    };
    const config = emulatorConfig(emulator);
    await withStack("e2e-move-credentials", program, { config }, async (local) => {
      await local.stack.up();
      useArguments = false;
      await local.stack.preview({ expectNoChanges: true });
    });
  });
});

describe("when retention expires the pinned backup", () => {
  const program = (onExpired: OnExpired | undefined) => async () => {
    const pinned = new LatestCompletedBackup("pinned", {
      instanceId: emulator.instanceId,
      keepers: { restore: "1" },
      ...(onExpired ? { onExpired } : {}),
    });
    new RestoreStandIn("restore", { backupId: pinned.backupId });
    return { pinnedId: pinned.backupId, available: pinned.available, missingSince: pinned.missingSince };
  };

  test('default ("keep"): refresh + up keep the id, set available false, warn, and update nothing downstream', async () => {
    await withStack("e2e-expiry-keep", program(undefined), { config: emulatorConfig(emulator) }, async (local, printed) => {
      const pinned = (await local.stack.up()).outputs.pinnedId.value as string;
      emulator.control.deleteBackup(pinned);
      await local.stack.refresh({ onOutput: (s) => printed.push(s) });
      const up = await local.stack.up({ onOutput: (s) => printed.push(s) });
      expect(up.outputs.pinnedId.value).toBe(pinned);
      expect(up.outputs.available.value).toBe(false);
      expect(Date.parse(up.outputs.missingSince.value as string)).toBeGreaterThan(Date.now() - 120_000);
      expect(up.summary.resourceChanges?.update ?? 0).toBe(0);
      expect(up.summary.resourceChanges?.replace ?? 0).toBe(0);
      expect(printed.join("")).toMatch(new RegExp(`the pinned backup ${pinned} .*no longer exists[\\s\\S]*onExpired is "keep"`));
      // Still no phantom change for the drift gate.
      await local.stack.preview({ expectNoChanges: true });
    });
  });

  test('"repin": refresh + up pin the newest COMPLETED backup, and the restore stand-in follows', async () => {
    await withStack("e2e-expiry-repin", program("repin"), { config: emulatorConfig(emulator) }, async (local) => {
      const pinned = (await local.stack.up()).outputs.pinnedId.value as string;
      emulator.control.deleteBackup(pinned);
      await local.stack.refresh();
      const up = await local.stack.up();
      expect(up.outputs.pinnedId.value).not.toBe(pinned);
      expect(up.outputs.pinnedId.value).toBe(newestCompleted());
      expect(up.outputs.available.value).toBe(true);
      expect(up.summary.resourceChanges?.replace ?? up.summary.resourceChanges?.create).toBeGreaterThan(0);
    });
  });

  test('"fail": the refresh records it, and the update after it stops, naming the backup and the keeper to change', async () => {
    await withStack("e2e-expiry-fail", program("fail"), { config: emulatorConfig(emulator) }, async (local) => {
      const pinned = (await local.stack.up()).outputs.pinnedId.value as string;
      emulator.control.deleteBackup(pinned);
      await local.stack.refresh();
      const resources: Array<{ type: string; outputs: Record<string, unknown> }> = JSON.parse(local.readState()).checkpoint.latest
        .resources;
      expect(resources.find((r) => r.type.endsWith("LatestCompletedBackup"))?.outputs.available).toBe(false);
      const failure = await local.stack.up().then(
        () => undefined,
        (error: Error) => error,
      );
      expect(failure?.message).toMatch(new RegExp(`pinned backup ${pinned} of instance ${emulator.instanceId} is no longer available`));
      expect(failure?.message).toMatch(/change a keeper \(keepers\.restore\)/);
    });
  });
});

describe("maxAge and the preview of a new pin", () => {
  test("a new pin's preview names the backup it would take; maxAge refuses a stale one before anything is created", async () => {
    // An instance whose newest backup is three days old.
    const stale = await startEmulator({ backups: 30, seed: 5, now: () => Date.now() - 3 * 86_400_000 });
    const newest = stale.control.backups().find((b) => b.status === "COMPLETED")!.id;
    let maxAge = "1000d";
    const program = async () => ({ pinnedId: new LatestCompletedBackup("pinned", { instanceId: stale.instanceId, maxAge }).backupId });
    try {
      await withStack("e2e-pin-preview", program, { config: emulatorConfig(stale) }, async (local, printed) => {
        await local.stack.preview({ onOutput: (s) => printed.push(s) });
        expect(printed.join("")).toContain(`would pin its newest COMPLETED backup ${newest}`);

        maxAge = "2d";
        const failure = await local.stack.up().then(
          () => undefined,
          (error: Error) => error,
        );
        expect(failure?.message).toMatch(
          new RegExp(
            `The newest COMPLETED backup of instance ${stale.instanceId}, ${newest} \\(created [\\d-]+T[\\d:]+Z\\), is 3d( \\d+h)? old, older than maxAge 2d`,
          ),
        );
        const resources: Array<{ type: string }> = JSON.parse(local.readState()).checkpoint.latest?.resources ?? [];
        expect(resources.filter((r) => r.type.includes("LatestCompletedBackup"))).toEqual([]);
      });
    } finally {
      await stale.close();
    }
  });
});
