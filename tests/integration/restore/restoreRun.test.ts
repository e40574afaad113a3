/**
 * A restore step by step (provider/restore/), against the emulator over real HTTP, on a clock 1000
 * times faster than real time: the real intervals (15 s between looks, a progress line at least
 * every minute, 60 minutes to give up) pass in milliseconds while the emulator's jobs run in real
 * time. Waiting for a busy target, the 409 "operation in progress" codes, following the job,
 * failures and timeouts, a restore request never sent twice, and the admin password.
 */
import { INSTANCE_BUSY_ERROR_CODES } from "../../../provider/api/instanceRules";
import { startEmulator, type RunningEmulator } from "../../../provider/emulator";
import {
  AdminPasswordNotSetError,
  BackupNotRestorableError,
  RestoreJobFailedError,
  RestoreRequestUncertainError,
  RestoreTimeOutOfRangeError,
  RestoreTimeoutError,
} from "../../../provider/restore/errors";
import { RestoreRun, type RestoreRuntime } from "../../../provider/restore/restoreRun";
import { rejectionOf, restoreArgsFor, waitFor } from "../../support/emulator";
import { scaledClock } from "../../support/scaledClock";

jest.setTimeout(60_000);

const SCALE = 1000;
const PASSWORD = "Staging-Admin-7x!";

let emulator: RunningEmulator;
let target: string;
const lines: Array<{ at: number; line: string }> = [];

function runtime(clock = scaledClock(SCALE)): RestoreRuntime {
  return {
    sources: { stackConfig: () => undefined, env: {} },
    clock,
    backoff: { baseDelayMs: 2, maxDelayMs: 20 },
    log: async (line) => void lines.push({ at: clock.now(), line }),
  };
}

const args = (overrides: Record<string, unknown> = {}) => restoreArgsFor(emulator, target, overrides);

const newestCompleted = () => emulator.control.backups().find((b) => b.status === "COMPLETED")!.id;
const restoresInto = (instanceId: string) => emulator.control.restoreHistory(instanceId);

beforeAll(async () => {
  emulator = await startEmulator({ backups: 40, seed: 17 });
});
afterAll(() => emulator.close());
beforeEach(() => {
  lines.length = 0;
  target = emulator.control.addInstance({ name: "staging", backups: 2 });
  emulator.control.setRestoreDurations({ pendingMs: 30, runningMs: 300 });
  emulator.control.clearFaults();
  emulator.control.resetStats();
});

/** The whole restore, as the resource's create runs it. */
async function restore(run: RestoreRun): Promise<{ jobId: string; status: string }> {
  await run.checkSource();
  const waiting = run.waiting();
  const jobId = await run.start(waiting);
  const job = await run.follow(jobId, waiting);
  return { jobId, status: job.status };
}

test("a restore from a COMPLETED backup: the request is signed, the job followed to Completed, the target restored once", async () => {
  const run = await RestoreRun.open(args(), runtime());
  const { jobId, status } = await restore(run);
  expect(status).toBe("Completed");
  expect(restoresInto(target)).toEqual([
    expect.objectContaining({ id: jobId, status: "Completed", backupId: newestCompleted(), sourceInstanceId: emulator.instanceId }),
  ]);
  expect(emulator.control.stats().authFailures).toBe(0);
  expect(lines.map((l) => l.line).join("\n")).toMatch(new RegExp(`job ${jobId} is (Pending|Running)`));
});

test("a busy target is waited for: ACTIVE first, then 409 answers with each documented code are waited out", async () => {
  // Backing up for the first two looks at it.
  emulator.control.setInstanceStatus("BACKING UP", target);
  emulator.control.schedule((c) => c.setInstanceStatus("ACTIVE", target), { beforeRequest: 3, route: "instance" });
  // Once it is ACTIVE, an operation is still in progress for a while: every restore request gets 409.
  for (const code of INSTANCE_BUSY_ERROR_CODES) {
    emulator.control.setBusyErrorCode(code);
    emulator.control.schedule((c) => c.makeBusy({ instanceId: target, forMs: 150 }), { beforeRequest: 1, route: "restore" });
    const run = await RestoreRun.open(args(), runtime());
    expect((await restore(run)).status).toBe("Completed");
    const refused = emulator.control.requests().filter((r) => r.route === "restore" && r.status === 409);
    expect(refused.length).toBeGreaterThan(0);
    emulator.control.resetStats();
  }
  expect(restoresInto(target).filter((job) => job.status === "Completed")).toHaveLength(INSTANCE_BUSY_ERROR_CODES.length);
  expect(lines.map((l) => l.line).join("\n")).toMatch(/waiting for instance \w+ to be ACTIVE \(it is BACKING UP/);
  expect(lines.map((l) => l.line).join("\n")).toMatch(/to be free \(it answers DBS\.\d+: another operation is in progress\)/);
});

test("while the job runs, a progress line comes at least every minute of (clock) time", async () => {
  // At 100 times real speed, 6 s of running is 10 minutes, and a look's few milliseconds stay under a second.
  emulator.control.setRestoreDurations({ pendingMs: 100, runningMs: 6_000 });
  const clock = scaledClock(100);
  const run = await RestoreRun.open(args(), runtime(clock));
  await restore(run);
  const progress = lines.filter((l) => / is (Pending|Running)/.test(l.line)).map((l) => l.at);
  expect(progress.length).toBeGreaterThanOrEqual(9);
  const gaps = progress.slice(1).map((at, i) => at - progress[i]);
  // A line is due a minute after the last one, at the next look (every 15 s).
  expect(Math.max(...gaps)).toBeLessThanOrEqual(60_000 + 15_000);
  // Not a line per look: while the status stays Running, about one a minute.
  const running = lines.filter((l) => / is Running/.test(l.line)).map((l) => l.at);
  expect(Math.min(...running.slice(1).map((at, i) => at - running[i]))).toBeGreaterThanOrEqual(55_000);
  expect(lines.some((l) => / is Running \d+%/.test(l.line))).toBe(true);
});

test("a failed job fails with the job's reason and id", async () => {
  emulator.control.failRestores({ reason: "Restoration failed: disk full.", targetInstanceId: target });
  const run = await RestoreRun.open(args(), runtime());
  const error = await rejectionOf(restore(run));
  expect(error).toBeInstanceOf(RestoreJobFailedError);
  const jobId = restoresInto(target)[0].id;
  expect(error.message).toContain(`job ${jobId} ended Failed (Restoration failed: disk full.)`);
  expect((error as RestoreJobFailedError).jobId).toBe(jobId);
});

test("a BUILDING or missing backup is refused before any restore request", async () => {
  const building = emulator.control.addBackup({ name: "still-building" });
  for (const [backupId, status] of [
    [building.id, "BUILDING"],
    ["f".repeat(32) + "br01", undefined],
  ] as const) {
    const run = await RestoreRun.open(args({ backupId }), runtime());
    const error = await rejectionOf(run.checkSource());
    expect(error).toBeInstanceOf(BackupNotRestorableError);
    expect((error as BackupNotRestorableError).status).toBe(status);
    expect(error.message).toMatch(status ? /is BUILDING, not COMPLETED: only a COMPLETED backup can be restored/ : /has no backup/);
  }
  expect(emulator.control.stats().byRoute.restore).toBe(0);
});

test("a point in time inside a restorable range is restored; one outside is refused naming the nearest ranges", async () => {
  const now = Date.now();
  emulator.control.setRestorableRanges(
    [
      { start: now - 5 * 3_600_000, end: now - 3 * 3_600_000 },
      { start: now - 2 * 3_600_000, end: now - 60_000 },
    ],
    emulator.instanceId,
  );
  try {
    const inside = new Date(now - 4 * 3_600_000).toISOString();
    const run = await RestoreRun.open(args({ type: "timestamp", backupId: undefined, restoreTime: inside }), runtime());
    expect((await restore(run)).status).toBe("Completed");
    expect(restoresInto(target)[0]).toMatchObject({ type: "timestamp", restoreTime: Date.parse(inside) });

    const gap = new Date(now - 2.5 * 3_600_000).toISOString();
    const refused = await RestoreRun.open(args({ type: "timestamp", backupId: undefined, restoreTime: gap }), runtime());
    const error = await rejectionOf(refused.checkSource());
    expect(error).toBeInstanceOf(RestoreTimeOutOfRangeError);
    expect(error.message).toContain(`${gap} is outside the restorable time ranges of instance ${emulator.instanceId}`);
    expect(error.message).toContain(new Date(now - 3 * 3_600_000).toISOString());
    expect(restoresInto(target)).toHaveLength(1);
  } finally {
    emulator.control.setRestorableRanges(undefined, emulator.instanceId);
  }
});

test("a target that never gets ready: the wait gives up at restoreTimeout, naming its status, and nothing is restored", async () => {
  emulator.control.setInstanceStatus("BACKING UP", target);
  try {
    const run = await RestoreRun.open(args({ restoreTimeout: "10m" }), runtime());
    const error = await rejectionOf(restore(run));
    expect(error).toBeInstanceOf(RestoreTimeoutError);
    expect(error.message).toMatch(/after 10m, waiting for instance \w+ to be ACTIVE \(it is BACKING UP\): nothing was restored/);
    expect((error as RestoreTimeoutError).jobId).toBeUndefined();
    expect(emulator.control.stats().byRoute.restore).toBe(0);
  } finally {
    emulator.control.setInstanceStatus("ACTIVE", target);
  }
});

test("a job that outlasts restoreTimeout: the error names the job, still under way", async () => {
  emulator.control.setRestoreDurations({ pendingMs: 50, runningMs: 1_500 });
  const run = await RestoreRun.open(args({ restoreTimeout: "10m" }), runtime());
  const error = await rejectionOf(restore(run));
  expect(error).toBeInstanceOf(RestoreTimeoutError);
  const jobId = restoresInto(target)[0].id;
  expect((error as RestoreTimeoutError).jobId).toBe(jobId);
  expect((error as RestoreTimeoutError).jobStatus).toMatch(/Pending|Running/);
  expect(error.message).toContain(`the next update waits for job ${jobId} instead of restoring again`);
});

test("a cancel while a job look is on its way fails with the caller's reason, not as a broken exchange", async () => {
  emulator.control.setRestoreDurations({ pendingMs: 50, runningMs: 60_000 });
  const cancel = new AbortController();
  const reason = new Error("cancelled by the engine");
  const run = await RestoreRun.open(args(), { ...runtime(), signal: cancel.signal });
  await run.checkSource();
  const waiting = run.waiting();
  const jobId = await run.start(waiting);
  emulator.control.injectFaults({ kind: "stall", route: "jobs", times: Infinity });
  const following = rejectionOf(run.follow(jobId, waiting));
  await waitFor(() => emulator.control.stats().stalled > 0);
  cancel.abort(reason);
  expect(await following).toBe(reason);
});

test("a restore request whose answer is lost (502, reset) is not sent again", async () => {
  for (const fault of [{ kind: "status", status: 502, body: "html" }, { kind: "drop" }] as const) {
    emulator.control.injectFaults({ ...fault, route: "restore" });
    const run = await RestoreRun.open(args(), runtime());
    const error = await rejectionOf(restore(run));
    expect(error).toBeInstanceOf(RestoreRequestUncertainError);
    expect(error.message).toMatch(/may or may not have been accepted[\s\S]*not sent again/);
    expect(emulator.control.stats().byRoute.restore).toBe(1);
    emulator.control.resetStats();
  }
  // Throttling says nothing was done: that one is retried.
  emulator.control.injectFaults({ kind: "status", status: 429, route: "restore" });
  expect((await restore(await RestoreRun.open(args(), runtime()))).status).toBe("Completed");
});

test("the admin password is set once the target is idle, and appears in no error or log line", async () => {
  const run = await RestoreRun.open(args({ adminPassword: PASSWORD }), runtime());
  const { jobId } = await restore(run);
  await run.setAdminPassword(PASSWORD, run.waiting(), jobId);
  expect(emulator.control.passwordMatches(PASSWORD, target)).toBe(true);
  expect(emulator.control.passwordChanges(target)).toBe(1);

  // A server that echoes the password in its error: the error quotes it redacted.
  emulator.control.injectFaults({
    kind: "status",
    status: 500,
    route: "password",
    times: Infinity,
    errorCode: "DBS.108000",
    errorMsg: `cannot set ${PASSWORD} now`,
  });
  const failed = await rejectionOf(run.setAdminPassword(PASSWORD, run.waiting(), jobId));
  expect(failed).toBeInstanceOf(AdminPasswordNotSetError);
  expect(failed.message).toContain(`after restore job ${jobId} completed`);
  expect(failed.message).not.toContain(PASSWORD);
  for (const { line } of lines) expect(line).not.toContain(PASSWORD);
});
