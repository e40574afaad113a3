/**
 * The LatestCompletedBackup provider object (provider/resources/latestCompletedBackupProvider.ts)
 * called as the engine calls it, against the emulator over real HTTP: what each refresh records,
 * and what the diff after it decides (a diff follows every refresh, as in `pulumi up --refresh`); a
 * pinned backup that still exists but is no longer COMPLETED is as unavailable as a deleted one;
 * the host's cancel stops a pin's listing at once. The same cases through the real engine are in
 * tests/e2e/pinning.test.ts.
 */
import type * as pulumi from "@pulumi/pulumi";
import { startEmulator, type RunningEmulator } from "../../../provider/emulator";
import { latestCompletedBackupProvider } from "../../../provider/resources/latestCompletedBackupProvider";
import { argsFor } from "../../support/emulator";

let emulator: RunningEmulator;
const warnings: string[] = [];
let provider: pulumi.dynamic.ResourceProvider;

function providerWith(signal?: AbortSignal): pulumi.dynamic.ResourceProvider {
  return latestCompletedBackupProvider({
    sources: () => ({ stackConfig: () => undefined, env: {} }),
    log: { info: async () => undefined, warn: async (line) => void warnings.push(line) },
    now: Date.now,
    signal,
  });
}

beforeAll(async () => {
  emulator = await startEmulator({ backups: 30, seed: 23 });
  provider = providerWith();
});
afterAll(() => emulator.close());
beforeEach(() => {
  warnings.length = 0;
  emulator.control.clearFaults();
});

/** The inputs of the resource as the program gives them again, the state's own fields aside. */
const inputsOf = (overrides: Record<string, unknown> = {}) => ({ ...argsFor(emulator), ...overrides });
const listings = () => emulator.control.stats().byRoute.backups;

/** Pins the newest COMPLETED backup, as `pulumi up` does, and returns what the state records. */
async function pin(overrides: Record<string, unknown> = {}) {
  const { id, outs } = await provider.create({ ...argsFor(emulator), ...overrides });
  return { id, state: { ...outs, ...argsFor(emulator), ...overrides } };
}

test("refresh: a pinned backup still listed but no longer COMPLETED is unavailable (keep), named with its status", async () => {
  const { id, state } = await pin();
  expect((await provider.read!(id, state)).props).toMatchObject({ backupId: id, available: true });

  emulator.control.updateBackup(id, { status: "FAILED" });
  const read = await provider.read!(id, state);
  expect(read.id).toBe(id);
  expect(read.props).toMatchObject({ backupId: id, available: false, backup: expect.objectContaining({ id, status: "FAILED" }) });
  expect(warnings.join("\n")).toContain(`is FAILED, no longer COMPLETED`);
});

test('refresh with onExpired "repin": a pinned backup no longer COMPLETED reports the resource gone', async () => {
  const { id, state } = await pin({ onExpired: "repin" });
  emulator.control.updateBackup(id, { status: "BUILDING" });
  expect(await provider.read!(id, state)).toEqual({ id: "", props: {} });
  expect(warnings.join("\n")).toMatch(/is BUILDING, no longer COMPLETED; onExpired is "repin"/);
});

test("refresh with maxAge: a deleted pinned backup is marked unavailable, not refused for want of a COMPLETED backup", async () => {
  const { id, state } = await pin({ maxAge: "3650d" });
  emulator.control.deleteBackup(id);
  const read = await provider.read!(id, state);
  expect(read).toMatchObject({ id, props: { backupId: id, available: false } });
  expect(warnings.join("\n")).toContain("no longer exists");
});

test("refresh with maxAge: a pinned backup that has since grown older than maxAge is still available (maxAge guards the pin only)", async () => {
  const { id, state } = await pin({ maxAge: "3650d" });
  // As if years had passed: the recorded maxAge is now far shorter than the backup's age.
  const aged = { ...state, inputs: { ...(state.inputs as Record<string, unknown>), maxAge: "1m" } };
  expect((await provider.read!(id, aged)).props).toMatchObject({ backupId: id, available: true });
});

describe("the diff after a refresh", () => {
  test("an available pin with the same inputs changes nothing; a keeper, the instance or a filter pins anew; a setting only updates", async () => {
    const { id, state } = await pin({ keepers: { generation: "1" } });
    const refreshed = (await provider.read!(id, state)).props;
    const diff = (news: Record<string, unknown>) => provider.diff!(id, refreshed, news);
    expect(await diff(inputsOf({ keepers: { generation: "1" } }))).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    expect(await diff(inputsOf({ keepers: { generation: "2" } }))).toEqual({
      changes: true,
      replaces: ["keepers"],
      deleteBeforeReplace: false,
    });
    expect((await diff(inputsOf({ keepers: { generation: "1" }, backupTypes: ["Db"] }))).replaces).toEqual(["backupTypes"]);
    expect((await diff(inputsOf({ keepers: { generation: "1" }, instanceId: emulator.control.addInstance() }))).replaces).toEqual([
      "instanceId",
    ]);
    expect(await diff(inputsOf({ keepers: { generation: "1" }, pageSize: 50 }))).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  test('"keep": after a refresh finds the pin gone, the diff with the same inputs changes nothing downstream', async () => {
    const { id, state } = await pin();
    emulator.control.deleteBackup(id);
    const refreshed = (await provider.read!(id, state)).props;
    expect(refreshed).toMatchObject({ backupId: id, available: false });
    expect(await provider.diff!(id, refreshed, inputsOf())).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  test('"fail": the refresh records it, the diff asks for an update (no replacement) and warns, and the update stops naming the keepers', async () => {
    const { id, state } = await pin({ onExpired: "fail", keepers: { refresh: "2026-11" } });
    emulator.control.deleteBackup(id);
    const refreshed = (await provider.read!(id, state)).props;
    const news = inputsOf({ onExpired: "fail", keepers: { refresh: "2026-11" } });
    expect(await provider.diff!(id, refreshed, news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(warnings.join("\n")).toContain("The next update stops here.");
    await expect(provider.update!(id, refreshed, news)).rejects.toThrow(`change a keeper (keepers.refresh)`);
  });

  test('"repin": a pin found gone before its refresh is recorded gets replaced on the diff', async () => {
    const { id, state } = await pin({ onExpired: "repin" });
    const unavailable = { ...state, available: false, missingSince: new Date().toISOString() };
    expect(await provider.diff!(id, unavailable, inputsOf({ onExpired: "repin" }))).toEqual({
      changes: true,
      replaces: ["onExpired"],
      deleteBeforeReplace: false,
    });
  });
});

describe("requests", () => {
  test("a pin lists once; a refresh lists once, by the pinned backup's name; a diff and a settings update list nothing", async () => {
    const before = listings();
    const { id, state } = await pin();
    expect(listings() - before).toBe(1);
    const refreshed = (await provider.read!(id, state)).props;
    expect(listings() - before).toBe(2);
    const lastQuery = emulator.control
      .requests()
      .filter((r) => r.route === "backups")
      .pop()!.query;
    expect(lastQuery).toMatchObject({ filter_field: "name", filter_content: (refreshed.backup as { name: string }).name });
    await provider.diff!(id, refreshed, inputsOf({ pageSize: 50 }));
    await provider.update!(id, refreshed, inputsOf({ pageSize: 50 }));
    expect(listings() - before).toBe(2);
  });

  test("the host's cancel stops a pin's listing at once, with the cancel's reason", async () => {
    emulator.control.injectFaults({ kind: "stall" });
    const controller = new AbortController();
    const cancelled = providerWith(controller.signal).create(inputsOf());
    while (emulator.control.stats().inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const reason = new Error("the engine cancelled");
    const started = Date.now();
    controller.abort(reason);
    await expect(cancelled).rejects.toBe(reason);
    // Bounded well below the plugin's 5 s grace: the listing itself stopped, not a timer.
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
