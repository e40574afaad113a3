/**
 * getInstanceBackups against the emulator over real HTTP: paging, query pass-through, typing,
 * selection, authentication and configuration.
 */
import { forgetProjectIds } from "../../../provider/calls/findProjectId";
import { ARGUMENTS_ONLY, argsFor, list, withEmulator } from "../../support/emulator";

beforeEach(() => forgetProjectIds());

describe("every page, once", () => {
  test.each([
    [0, 100, 1],
    [1, 100, 1],
    [100, 100, 1],
    [101, 100, 2],
    [250, 100, 3],
    [250, 7, 36],
    [1000, 100, 10],
  ])("%i backups at page size %i take exactly %i request(s)", async (backups, pageSize, requests) => {
    await withEmulator({ backups }, async (emulator) => {
      const result = await list(argsFor(emulator, { pageSize }));
      expect(result.totalCount).toBe(backups);
      expect(result.backups.map((b) => b.id)).toEqual(emulator.control.backups().map((b) => b.id));
      expect(new Set(result.backups.map((b) => b.id)).size).toBe(backups);
      expect(emulator.control.stats().byRoute.backups).toBe(requests);
      const offsets = emulator.control
        .requests()
        .map((r) => Number(r.query.offset))
        .sort((a, b) => a - b);
      expect(offsets).toEqual(Array.from({ length: requests }, (_, i) => i * pageSize));
    });
  });

  test("never has more requests in flight than maxConcurrency", async () => {
    await withEmulator({ backups: 2000, latencyMs: 20 }, async (emulator) => {
      let peak = 0;
      emulator.control.onRequest(() => {
        peak = Math.max(peak, emulator.control.stats().inFlight);
      });
      await list(argsFor(emulator, { maxConcurrency: 3 }));
      expect(peak).toBeLessThanOrEqual(3);
      expect(peak).toBeGreaterThanOrEqual(2);
    });
  });
});

describe("query parameters reach the API", () => {
  test("ordering and name filter are sent, signed and honoured", async () => {
    await withEmulator({ backups: 120 }, async (emulator) => {
      const result = await list(argsFor(emulator, { orderField: "name", orderRule: "asc", filterContent: "manual", pageSize: 10 }));
      const names = result.backups.map((b) => b.name);
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((n) => n.toLowerCase().includes("manual"))).toBe(true);
      expect(names).toEqual([...names].sort());
      const query = emulator.control.requests()[0].query;
      expect(query).toMatchObject({ order_field: "name", order_rule: "asc", filter_field: "name", filter_content: "manual" });
    });
  });

  test("unicode and reserved characters in filterContent are encoded and signed correctly", async () => {
    await withEmulator({ backups: 10 }, async (emulator) => {
      const name = "週次 backup & more=+*'()!~";
      const added = emulator.control.addBackup({ name, status: "COMPLETED" });
      const result = await list(argsFor(emulator, { filterContent: name }));
      expect(result.backups.map((b) => b.id)).toEqual([added.id]);
      expect(emulator.control.requests()[0].query.filter_content).toBe(name);
    });
  });
});

describe("the result", () => {
  test("types every backup and picks the newest COMPLETED one", async () => {
    await withEmulator({ backups: 300, timeZone: "UTC-03:30" }, async (emulator) => {
      const result = await list(argsFor(emulator));
      const wire = emulator.control.backups();
      const completed = wire.filter((b) => b.status === "COMPLETED");
      expect(result.latestCompletedBackupId).toBe(completed[0].id);
      expect(result.latestCompletedBackup).toBe(result.backups.find((b) => b.id === completed[0].id));
      const sample = result.backups[0];
      expect(sample.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(sample.timeZone).toBe("UTC-03:30");
      // At UTC-03:30 the UTC instant is the wall clock plus 3 h 30 min.
      const w = wire[0];
      const local = Date.parse(`${w.created.replace(" ", "T")}Z`);
      expect(Date.parse(sample.createdAt) - local).toBe(210 * 60_000);
      expect(typeof sample.sizeKb).toBe("number");
      expect([1, 2]).toContain(sample.backupLevel);
    });
  });

  test("ties on createdAt break on updatedAt, then id, whatever the API's order", async () => {
    await withEmulator({ backups: 0 }, async (emulator) => {
      const same = { status: "COMPLETED", created: "2026-11-01 10:00:00", updated: "2026-11-01 10:05:00" };
      emulator.control.addBackup({ ...same, name: "a" });
      const later = emulator.control.addBackup({ ...same, name: "b", updated: "2026-11-01 10:09:00" });
      emulator.control.addBackup({ ...same, name: "c" });
      for (const orderRule of ["asc", "desc"] as const) {
        const result = await list(argsFor(emulator, { orderField: "name", orderRule }));
        expect(result.latestCompletedBackupId).toBe(later.id);
      }
      emulator.control.updateBackup(later.id, { updated: same.updated });
      const ids = emulator.control
        .backups()
        .map((b) => b.id)
        .sort();
      expect((await list(argsFor(emulator))).latestCompletedBackupId).toBe(ids[ids.length - 1]);
    });
  });

  test("local filters: statuses, backup types and a creation window", async () => {
    await withEmulator({ backups: 200 }, async (emulator) => {
      const all = await list(argsFor(emulator));
      const middle = all.backups[100].createdAt;
      const filtered = await list(argsFor(emulator, { statuses: ["COMPLETED", "FAILED"], backupTypes: ["Db"], createdAfter: middle }));
      expect(filtered.totalCount).toBe(200);
      const expected = all.backups.filter(
        (b) =>
          (b.status === "COMPLETED" || b.status === "FAILED") && b.backupType === "Db" && Date.parse(b.createdAt) >= Date.parse(middle),
      );
      expect(filtered.backups).toEqual(expected);
      expect(filtered.latestCompletedBackupId).toBe(expected.find((b) => b.status === "COMPLETED")?.id);
      const before = await list(argsFor(emulator, { createdBefore: middle }));
      expect(before.backups.length + all.backups.filter((b) => Date.parse(b.createdAt) >= Date.parse(middle)).length).toBe(200);
    });
  });

  test("requireLatestCompleted fails clearly when nothing matches", async () => {
    await withEmulator({ backups: 0 }, async (emulator) => {
      emulator.control.addBackup({ status: "BUILDING" });
      const quiet = await list(argsFor(emulator));
      expect(quiet.latestCompletedBackupId).toBeUndefined();
      await expect(list(argsFor(emulator, { requireLatestCompleted: true }))).rejects.toThrow(
        /has no COMPLETED backup matching the filters \(1 listed, 1 after filters\)/,
      );
    });
  });
});

describe("authentication and configuration", () => {
  test("an IAM token instead of AK/SK", async () => {
    await withEmulator({ backups: 5 }, async (emulator) => {
      const result = await list(
        argsFor(emulator, { accessKey: undefined, secretKey: undefined, authToken: emulator.credentials.authToken }),
      );
      expect(result.backups).toHaveLength(5);
    });
  });

  test("a temporary AK/SK with its security token", async () => {
    await withEmulator({ backups: 5 }, async (emulator) => {
      const temporary = emulator.credentials.temporary;
      const result = await list(argsFor(emulator, { ...temporary }));
      expect(result.backups).toHaveLength(5);
    });
  });

  test("the project id is found through IAM once per process", async () => {
    await withEmulator({ backups: 5 }, async (emulator) => {
      const args = argsFor(emulator, { projectId: undefined, region: emulator.region, iamEndpoint: emulator.url });
      const first = await list(args);
      await list(args);
      await Promise.all([list(args), list(args)]);
      expect(first.projectId).toBe(emulator.projectId);
      expect(emulator.control.stats().byRoute.projects).toBe(1);
    });
  });

  test("stack config, then environment, fill what arguments leave out", async () => {
    await withEmulator({ backups: 5 }, async (emulator) => {
      const config: Record<string, string> = { "taurusdb:endpoint": emulator.url, "taurusdb:projectId": emulator.projectId };
      const env = {
        HUAWEICLOUD_SDK_AK: emulator.credentials.accessKey,
        HUAWEICLOUD_SDK_SK: emulator.credentials.secretKey,
        HW_ACCESS_KEY: "ignored",
        HW_SECRET_KEY: "ignored",
      };
      const result = await list({ instanceId: emulator.instanceId }, { sources: { stackConfig: (key) => config[key], env } });
      expect(result.backups).toHaveLength(5);
      // Explicit arguments beat both: a wrong key in arguments fails even though the environment is right.
      await expect(
        list(
          { instanceId: emulator.instanceId, accessKey: "WRONG", secretKey: "wrong" },
          { sources: { stackConfig: (key) => config[key], env } },
        ),
      ).rejects.toThrow(/HTTP 401/);
    });
  });

  test("getInstanceBackups works from plain Node.js with the usual environment variables", async () => {
    await withEmulator({ backups: 3 }, async (emulator) => {
      const saved = { ...process.env };
      Object.assign(process.env, {
        CLOUD_SDK_AK: emulator.credentials.accessKey,
        CLOUD_SDK_SK: emulator.credentials.secretKey,
        HUAWEICLOUD_SDK_PROJECT_ID: emulator.projectId,
      });
      try {
        // Loaded here, not at the top: the public function brings Pulumi's SDK, which the other tests do not need.
        const { getInstanceBackups } = await import("../../../provider");
        const result = await getInstanceBackups({ instanceId: emulator.instanceId, endpoint: emulator.url });
        expect(result.backups).toHaveLength(3);
      } finally {
        process.env = saved;
      }
    });
  });

  test("X-Language: zh-cn gives the API's Chinese message", async () => {
    await withEmulator({ backups: 3 }, async (emulator) => {
      const unknown = "0".repeat(32) + "in07";
      const english = await list(argsFor(emulator, { instanceId: unknown })).catch((e) => e);
      const chinese = await list(argsFor(emulator, { instanceId: unknown, language: "zh-cn" })).catch((e) => e);
      expect(english.errorMessage).toMatch(/[a-z]/i);
      expect(chinese.errorMessage).toMatch(/[\u4e00-\u9fff]/);
      expect(chinese.errorCode).toBe(english.errorCode);
    });
  });

  test("runs with the arguments-only runtime used by most tests", async () => {
    await withEmulator({ backups: 1 }, async (emulator) => {
      expect((await list(argsFor(emulator), ARGUMENTS_ONLY)).backups).toHaveLength(1);
    });
  });
});
