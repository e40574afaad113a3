/**
 * The LatestCompletedBackup provider object (provider/resources/latestCompletedBackupProvider.ts)
 * called as the engine calls it on a refresh, against the emulator over real HTTP: a pinned backup
 * that still exists but is no longer COMPLETED is as unavailable as a deleted one.
 * The same cases through the real engine are in tests/e2e/pinning.test.ts.
 */
import type * as pulumi from "@pulumi/pulumi";
import { startEmulator, type RunningEmulator } from "../../../provider/emulator";
import { latestCompletedBackupProvider } from "../../../provider/resources/latestCompletedBackupProvider";
import { argsFor } from "../../support/emulator";

let emulator: RunningEmulator;
const warnings: string[] = [];
let provider: pulumi.dynamic.ResourceProvider;

beforeAll(async () => {
  emulator = await startEmulator({ backups: 30, seed: 23 });
  provider = latestCompletedBackupProvider({
    sources: () => ({ stackConfig: () => undefined, env: {} }),
    log: { info: async () => undefined, warn: async (line) => void warnings.push(line) },
    now: Date.now,
  });
});
afterAll(() => emulator.close());
beforeEach(() => (warnings.length = 0));

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
