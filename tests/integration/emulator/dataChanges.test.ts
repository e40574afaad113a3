/** Data changes through the control, alone and timed between the requests of a paging client. */
import { startEmulator, type RunningEmulator } from "pulumi-taurusdb-backups/emulator";
import type { WireBackup, WireBackupPage } from "../../../provider/api/wire";
import { backupsUrl, getJson, tokenHeaders } from "../../support/emulatorRequests";

const T0 = Date.UTC(2026, 0, 4, 9, 30, 30);

describe("data changes", () => {
  let emulator: RunningEmulator;
  let clock: number;

  beforeEach(async () => {
    clock = T0;
    emulator = await startEmulator({ backups: 20, seed: 3, now: () => clock, recordHistory: true });
  });
  afterEach(() => emulator.close());

  const page = (offset: number, limit: number) =>
    getJson<WireBackupPage>(backupsUrl(emulator, `offset=${offset}&limit=${limit}`), tokenHeaders(emulator)).then((r) => r.body);

  it("adds a BUILDING backup as the newest, completes it, and bumps the version each time", async () => {
    const v0 = emulator.control.version();
    clock += 60_000;
    const added = emulator.control.addBackup({ name: "before-upgrade" });
    expect(added).toMatchObject({
      name: "before-upgrade",
      status: "BUILDING",
      size: "0.0",
      instance_id: emulator.instanceId,
      created: "2026-01-04 17:31:30",
    });
    expect(added.id).toMatch(/^[0-9a-f]{32}br01$/);
    expect(emulator.control.version()).toBe(v0 + 1);
    expect((await page(0, 1)).backups[0]).toEqual(added);

    clock += 5 * 60_000;
    const completed = emulator.control.completeBackup(added.id);
    expect(completed).toMatchObject({ id: added.id, status: "COMPLETED", created: added.created, updated: "2026-01-04 17:36:30" });
    expect(Number(completed.size)).toBeGreaterThan(0);
    expect(emulator.control.version()).toBe(v0 + 2);
    expect((await page(0, 1)).backups[0]).toEqual(completed);
  });

  it("keeps a new backup newest even when the clock has not moved", () => {
    const before = emulator.control.backups()[0];
    const a = emulator.control.addBackup();
    const b = emulator.control.addBackup();
    expect(
      emulator.control
        .backups()
        .slice(0, 3)
        .map((x) => x.id),
    ).toEqual([b.id, a.id, before.id]);
    expect(a.created > before.created && b.created > a.created).toBe(true);
  });

  it("fails, edits, deletes and expires backups", async () => {
    const [newest] = emulator.control.backups();
    expect(emulator.control.failBackup(newest.id).status).toBe("FAILED");
    expect(emulator.control.updateBackup(newest.id, { status: "DELETING", description: "going" })).toMatchObject({
      status: "DELETING",
      description: "going",
    });
    expect(() => emulator.control.updateBackup(newest.id, { id: "other" })).toThrow(/id/);
    expect(emulator.control.deleteBackup(newest.id).id).toBe(newest.id);
    expect(() => emulator.control.deleteBackup(newest.id)).toThrow(/no backup/);

    const oldestThree = emulator.control.backups().slice(-3).reverse();
    expect(emulator.control.expireOldest(3)).toEqual(oldestThree);
    expect((await page(0, 100)).total_count).toBe("16");
  });

  it("moves an edited backup in the begin-time order", () => {
    const [, second] = emulator.control.backups();
    emulator.control.updateBackup(second.id, { created: "2026-01-04 17:35:00" });
    expect(emulator.control.backups()[0].id).toBe(second.id);
    expect(() => emulator.control.updateBackup(second.id, { created: "2026-02-30 00:00:00" })).toThrow(/created/);
  });

  it("applies a scheduled mutation before the n-th backup-list request is answered", async () => {
    const before = emulator.control.backups();
    let added: WireBackup | undefined;
    emulator.control.schedule(
      (c) => {
        added = c.addBackup({ name: "sneaked-in" });
      },
      { beforeRequest: 2 },
    );

    const first = await page(0, 5);
    expect(first.backups).toEqual(before.slice(0, 5));
    const second = await page(5, 5);
    // The new newest pushed everything down by one: the client sees before[4] again.
    expect(added).toBeDefined();
    expect(second.total_count).toBe("21");
    expect(second.backups).toEqual(before.slice(4, 9));
  });

  it("counts only backup-list requests by default, and every request with route any", async () => {
    const projects = () => fetch(`${emulator.url}/v3/projects`, { headers: tokenHeaders(emulator) });
    const seen: string[] = [];
    emulator.control.schedule(() => seen.push("list#1"), { beforeRequest: 1 });
    emulator.control.schedule(() => seen.push("any#2"), { beforeRequest: 2, route: "any" });
    await projects();
    expect(seen).toEqual([]);
    await page(0, 1);
    expect(seen).toEqual(["list#1", "any#2"]);
  });

  it("expires the oldest backups while a client pages, as retention does", async () => {
    const before = emulator.control.backups();
    emulator.control.schedule((c) => c.expireOldest(2), { beforeRequest: 3 });
    const seen: WireBackup[] = [];
    for (let offset = 0; ; offset += 5) {
      const { backups } = await page(offset, 5);
      seen.push(...backups);
      if (backups.length < 5) break;
    }
    expect(seen).toEqual(before.slice(0, 18));
  });

  it("cancels a scheduled mutation that has not run", async () => {
    const cancel = emulator.control.schedule((c) => c.expireOldest(5), { beforeRequest: 1 });
    cancel();
    expect((await page(0, 1)).total_count).toBe("20");
  });

  it("runs request hooks with what arrived (no headers), and keeps their errors instead of failing requests", async () => {
    const arrivals: Array<{ route: string; routeSequence: number; query: Record<string, string> }> = [];
    const stop = emulator.control.onRequest((request, control) => {
      arrivals.push({ route: request.route, routeSequence: request.routeSequence, query: { ...request.query } });
      if (request.routeSequence === 2) control.completeBackup("no-such-backup");
    });
    await page(0, 3);
    const second = await getJson<WireBackupPage>(backupsUrl(emulator, "offset=3&limit=3"), tokenHeaders(emulator));
    stop();
    await page(0, 1);
    expect(second.status).toBe(200);
    expect(arrivals).toEqual([
      { route: "backups", routeSequence: 1, query: { offset: "0", limit: "3" } },
      { route: "backups", routeSequence: 2, query: { offset: "3", limit: "3" } },
    ]);
    expect(emulator.control.hookErrors()).toEqual(["no backup no-such-backup"]);
  });

  it("records a bounded history of versions a client can be checked against", async () => {
    const initial = emulator.control.backups();
    const added = emulator.control.addBackup();
    emulator.control.completeBackup(added.id);
    const history = emulator.control.history();
    expect(history.map((h) => h.version)).toEqual([1, 2, 3]);
    expect(history[0].backups).toEqual(initial);
    expect(history[2].backups[0]).toMatchObject({ id: added.id, status: "COMPLETED" });
    expect(history[2].backups).toEqual(emulator.control.backups());
  });

  it("keeps only the most recent snapshots", async () => {
    const bounded = await startEmulator({ backups: 2, recordHistory: 2 });
    try {
      for (let i = 0; i < 4; i++) bounded.control.addBackup();
      expect(bounded.control.history().map((h) => h.version)).toEqual([4, 5]);
      expect(bounded.control.history()[1].backups).toHaveLength(6);
    } finally {
      await bounded.close();
    }
  });

  it("refuses history when it is not recorded", async () => {
    const plain = await startEmulator({ backups: 1 });
    try {
      expect(() => plain.control.history()).toThrow(/recordHistory/);
    } finally {
      await plain.close();
    }
  });

  it("logs requests without secrets and resets its stats", async () => {
    await page(0, 2);
    const [entry] = emulator.control.requests();
    expect(entry).toMatchObject({
      sequence: 1,
      method: "GET",
      route: "backups",
      status: 200,
      outcome: "answered",
      query: { offset: "0", limit: "2" },
    });
    expect(entry.path).toBe(`/v3/${emulator.projectId}/instances/${emulator.instanceId}/backups`);
    expect(typeof entry.at).toBe("number");
    emulator.control.resetStats();
    expect(emulator.control.requests()).toEqual([]);
    expect(emulator.control.stats().requests).toBe(0);
  });
});
