/**
 * The InstanceRestore provider object (provider/restore/instanceRestoreProvider.ts) called as the
 * engine calls it, against the emulator over real HTTP, on a clock 1000 times faster than real
 * time: what a diff replaces, a restore still under way at its deadline recorded and then followed
 * (not repeated) by the next update, one that then fails recorded as Failed and restored again, a
 * refresh that only looks, and a delete that only forgets.
 * The same cases through the real engine are in tests/e2e/restore.test.ts.
 */
import type * as pulumi from "@pulumi/pulumi";
import { startEmulator, type RunningEmulator } from "../../../provider/emulator";
import { instanceRestoreProvider } from "../../../provider/restore/instanceRestoreProvider";
import { PartialStateError } from "../../../provider/dynamic/partialState";
import { rejectionOf, restoreArgsFor } from "../../support/emulator";
import { scaledClock } from "../../support/scaledClock";

jest.setTimeout(60_000);

let emulator: RunningEmulator;
let target: string;
const logged: string[] = [];
let provider: pulumi.dynamic.ResourceProvider;

beforeAll(async () => {
  emulator = await startEmulator({ backups: 30, seed: 41 });
  provider = instanceRestoreProvider({
    sources: () => ({ stackConfig: () => undefined, env: {} }),
    log: { info: async (line) => void logged.push(line), warn: async (line) => void logged.push(`warning: ${line}`) },
    now: Date.now,
    clock: scaledClock(1000),
  });
});
afterAll(() => emulator.close());
beforeEach(() => {
  logged.length = 0;
  target = emulator.control.addInstance({ name: "staging" });
  emulator.control.setRestoreDurations({ pendingMs: 20, runningMs: 200 });
  emulator.control.resetStats();
});

/** The inputs as the dynamic-provider host hands them over: the user's, and the serialized provider. */
const inputs = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  __provider: "serialized-provider-text",
  ...restoreArgsFor(emulator, target, overrides),
});

test("diff: the source, target, type, backup, time and keepers replace; settings, credentials, an explicit default or the same instant in another zone do not", async () => {
  const { outs } = await provider.create(inputs({ keepers: { generation: "1" } }));
  const diff = (news: Record<string, unknown>) => provider.diff!(outs.jobId, outs, news);
  const base = inputs({ keepers: { generation: "1" } });
  expect(await diff(base)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  expect((await diff({ ...base, type: "backup", accessKey: "another-key" })).changes).toBe(false);
  expect(await diff({ ...base, restoreTimeout: "2h" })).toMatchObject({ changes: true, replaces: [] });
  expect((await diff({ ...base, backupId: "e".repeat(32) + "br01" })).replaces).toEqual(["backupId"]);
  expect((await diff({ ...base, keepers: { generation: "2" } })).replaces).toEqual(["keepers"]);
  expect((await diff({ ...base, targetInstanceId: emulator.control.addInstance() })).replaces).toEqual(["targetInstanceId"]);

  const pitr = inputs({ type: "timestamp", backupId: undefined, restoreTime: new Date(Date.now() - 3_600_000).toISOString() });
  const pitrState = (await provider.create(pitr)).outs;
  const sameInstant = new Date(Date.parse(pitr.restoreTime as string) + 8 * 3_600_000).toISOString().replace("Z", "+08:00");
  expect((await provider.diff!(pitrState.jobId, pitrState, { ...pitr, restoreTime: sameInstant })).replaces).toEqual([]);
});

test("a job still running at restoreTimeout is recorded as under way, and the next update follows it instead of restoring again", async () => {
  // 2.5 s of real running time is about 40 minutes at this clock's speed: past a 10-minute timeout.
  emulator.control.setRestoreDurations({ pendingMs: 20, runningMs: 2_500 });
  const error = await rejectionOf(provider.create(inputs({ restoreTimeout: "10m" })));
  expect(error).toBeInstanceOf(PartialStateError);
  const partial = error as PartialStateError;
  const [job] = emulator.control.restoreHistory(target);
  expect(partial.id).toBe(job.id);
  expect(partial.message).toContain(`the next update waits for job ${job.id} instead of restoring again`);
  expect(partial.properties).toMatchObject({
    jobId: job.id,
    jobStatus: expect.stringMatching(/Pending|Running/),
    completedAt: null,
  });
  // The serialized provider is the dynamic host's business (dynamic/forDynamicHost.ts), not the logic's.
  expect(partial.properties).not.toHaveProperty("__provider");

  const diff = await provider.diff!(job.id, partial.properties as Record<string, unknown>, inputs({ restoreTimeout: "10m" }));
  expect(diff).toMatchObject({ changes: true, replaces: [] });
  const { outs } = await provider.update!(job.id, partial.properties as Record<string, unknown>, inputs({ restoreTimeout: "2h" }));
  expect(outs).toMatchObject({ jobId: job.id, jobStatus: "Completed", completedAt: expect.any(String) });
  expect(emulator.control.restoreHistory(target)).toHaveLength(1);
  expect(logged.join("\n")).toContain(`restore job ${job.id} was recorded as under way; waiting for it instead of restoring again`);
});

test("a job recorded as under way that then fails is recorded Failed, and the next diff restores it again", async () => {
  emulator.control.setRestoreDurations({ pendingMs: 20, runningMs: 2_500 });
  emulator.control.failRestores({ reason: "Restoration failed.", targetInstanceId: target });
  const partial = (await rejectionOf(provider.create(inputs({ restoreTimeout: "10m" })))) as PartialStateError;
  expect(partial).toBeInstanceOf(PartialStateError);
  const olds = partial.properties as Record<string, unknown>;

  const failed = (await rejectionOf(provider.update!(partial.id, olds, inputs({ restoreTimeout: "2h" })))) as PartialStateError;
  expect(failed).toBeInstanceOf(PartialStateError);
  expect(failed.message).toContain(`job ${partial.id} ended Failed (Restoration failed.)`);
  expect(failed.properties).toMatchObject({ jobId: partial.id, jobStatus: "Failed" });
  const diff = await provider.diff!(partial.id, failed.properties as Record<string, unknown>, inputs({ restoreTimeout: "2h" }));
  expect(diff).toMatchObject({ changes: true, replaces: ["backupId"] });
  expect(emulator.control.restoreHistory(target)).toHaveLength(1);
});

test("a refresh never restores: an ended restore is read without a request, one under way gets one look at its job", async () => {
  const { id, outs } = await provider.create(inputs());
  emulator.control.resetStats();
  expect(await provider.read!(id, outs)).toEqual({ id, props: outs });
  expect(emulator.control.stats().requests).toBe(0);

  const underWay = { ...outs, jobStatus: "Running", completedAt: null };
  const read = await provider.read!(id, {
    ...underWay,
    accessKey: emulator.credentials.accessKey,
    secretKey: emulator.credentials.secretKey,
  });
  expect(read.props).toMatchObject({ jobStatus: "Completed", completedAt: expect.any(String) });
  expect(emulator.control.stats().byRoute.jobs).toBe(1);
  expect(emulator.control.stats().byRoute.restore).toBe(0);
  expect(emulator.control.restoreHistory(target)).toHaveLength(1);
});

test("delete forgets the record, says so, and calls no API", async () => {
  const { id, outs } = await provider.create(inputs());
  emulator.control.resetStats();
  await provider.delete!(id, outs);
  expect(emulator.control.stats().requests).toBe(0);
  expect(logged.at(-1)).toMatch(new RegExp(`forgetting the restore into instance ${target} \\(job ${id}\\)\\. Nothing is restored back`));
});
