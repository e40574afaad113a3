/**
 * The calls around a restore, over real HTTP, signed like the client signs (body included): the
 * instance, restore into an existing instance, the job that follows it, restorable times, and
 * what makes a write wait (409) or fail.
 */
import { startEmulator, type RunningEmulator } from "pulumi-taurusdb-backups/emulator";
import { INSTANCE_BUSY_ERROR_CODES } from "../../../provider/api/instanceRules";
import {
  instancePath,
  jobsPath,
  restorePath,
  restoreTimePath,
  type WireInstanceResponse,
  type WireJob,
  type WireJobResponse,
  type WireRestoreRequest,
  type WireRestoreResponse,
  type WireRestoreTimes,
} from "../../../provider/api/instanceWire";
import type { WireError } from "../../../provider/api/wire";
import { callApi } from "../../support/emulatorRequests";

type Answer = WireRestoreResponse & WireError;

describe("restores and jobs", () => {
  let emulator: RunningEmulator;
  /** A second instance in the project: the usual restore target. */
  let target: string;

  beforeAll(async () => {
    emulator = await startEmulator({ backups: 30, seed: 5, restoreDurationMs: 200 });
    target = emulator.control.addInstance({ name: "restore-target", backups: 3 });
  });
  afterAll(() => emulator.close());
  afterEach(async () => {
    await untilIdle(target);
    await untilIdle(emulator.instanceId);
    emulator.control.setRestoreDurations({ pendingMs: 20, runningMs: 180 });
    emulator.control.clearFaults();
  });

  const newestCompleted = (instanceId = emulator.instanceId) => emulator.control.backups(instanceId).find((b) => b.status === "COMPLETED")!;
  const restoreBody = (overrides: Partial<Record<keyof WireRestoreRequest, unknown>> = {}) =>
    JSON.stringify({
      source_instance_id: emulator.instanceId,
      target_instance_id: target,
      type: "backup",
      backup_id: newestCompleted().id,
      ...overrides,
    });
  const postRestore = (body: string, headers: Record<string, string> = {}) =>
    callApi<Answer>(emulator, restorePath(emulator.projectId), { body, headers });
  const getJob = (id: string) => callApi<WireJobResponse & WireError>(emulator, jobsPath(emulator.projectId), { query: [["id", id]] });

  /** Polls the job until it ends, returning every status seen (consecutive repeats once) and the last answer. */
  async function followJob(id: string, onPoll?: (job: WireJob) => Promise<void>): Promise<{ seen: string[]; last: WireJob }> {
    const seen: string[] = [];
    for (;;) {
      const { body } = await getJob(id);
      if (seen.at(-1) !== body.job.status) seen.push(body.job.status);
      await onPoll?.(body.job);
      if (body.job.status === "Completed" || body.job.status === "Failed") return { seen, last: body.job };
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }

  async function untilIdle(instanceId: string): Promise<void> {
    while (emulator.control.jobs().some((j) => j.targetInstanceId === instanceId && (j.status === "Pending" || j.status === "Running"))) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it("shows an instance with its status, type, engine, region, zone and times in the API's style", async () => {
    const { status, body } = await callApi<WireInstanceResponse>(emulator, instancePath(emulator.projectId, emulator.instanceId));
    expect(status).toBe(200);
    const { instance } = body;
    expect(instance).toMatchObject({
      id: emulator.instanceId,
      status: "ACTIVE",
      type: "Cluster",
      project_id: emulator.projectId,
      region: emulator.region,
      time_zone: "UTC+08:00",
      datastore: { type: "gaussdb-mysql", version: "8.0" },
    });
    expect(instance.name).toBe(emulator.control.instances()[0].name);
    expect(instance.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0800$/);
    // Created before its oldest backup began.
    const oldest = emulator.control.backups().at(-1)!;
    expect(Date.parse(instance.created.replace(/(\d{2})(\d{2})$/, "$1:$2"))).toBeLessThan(
      Date.parse(`${oldest.created.replace(" ", "T")}+08:00`),
    );
  });

  it("answers 404 DBS.200002 for an instance that does not exist, 400 for a malformed id, in either language", async () => {
    const missing = await callApi<WireError>(emulator, instancePath(emulator.projectId, `${"0".repeat(32)}in07`), {
      headers: { "X-Language": "zh-cn" },
    });
    expect([missing.status, missing.body.error_code, missing.body.error_msg]).toEqual([404, "DBS.200002", "实例不存在。"]);
    const malformed = await callApi<WireError>(emulator, instancePath(emulator.projectId, "not-an-instance"));
    expect([malformed.status, malformed.body.error_code]).toEqual([400, "DBS.280234"]);
  });

  it("shows the status the control sets, and refuses writes while it is not ACTIVE", async () => {
    emulator.control.setInstanceStatus("BACKING UP", target);
    try {
      expect((await callApi<WireInstanceResponse>(emulator, instancePath(emulator.projectId, target))).body.instance.status).toBe(
        "BACKING UP",
      );
      const refused = await postRestore(restoreBody());
      expect([refused.status, refused.body.error_code]).toEqual([409, "DBS.200019"]);
      expect(refused.body.error_msg).toContain("BACKING UP");
    } finally {
      emulator.control.setInstanceStatus("ACTIVE", target);
    }
    expect(() => emulator.control.setInstanceStatus("SLEEPING" as never)).toThrow(/status/);
  });

  it("restores a COMPLETED backup: job Pending, then Running with a percentage while the target is RESTORING, then Completed", async () => {
    // Long enough phases for a poll every 15 ms to see each of them, even on a loaded machine.
    emulator.control.setRestoreDurations({ pendingMs: 300, runningMs: 600 });
    const backup = newestCompleted();
    const body = restoreBody({ backup_id: backup.id });
    const accepted = await postRestore(body);
    expect(accepted.status).toBe(200);
    const jobId = accepted.body.job_id;
    expect(jobId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const targetStatuses = new Set<string>();
    const progress: string[] = [];
    const { seen, last } = await followJob(jobId, async (job) => {
      if (job.status !== "Running") return;
      progress.push(job.process);
      const status = (await callApi<WireInstanceResponse>(emulator, instancePath(emulator.projectId, target))).body.instance.status;
      // Only a reading taken while the job was running on both sides of it counts.
      if ((await getJob(jobId)).body.job.status === "Running") targetStatuses.add(status);
    });
    expect(seen).toEqual(["Pending", "Running", "Completed"]);
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) expect(p).toMatch(/^\d{1,2}%$/);
    expect(targetStatuses).toEqual(new Set(["RESTORING"]));
    expect(last).toMatchObject({
      id: jobId,
      name: "RestoreGaussMySqlInstance",
      process: "",
      fail_reason: "",
      instance: { id: target, name: "restore-target" },
    });
    expect(last.entities).toEqual(JSON.parse(body));
    expect(last.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0800$/);
    expect(last.ended).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0800$/);
    expect((await callApi<WireInstanceResponse>(emulator, instancePath(emulator.projectId, target))).body.instance.status).toBe("ACTIVE");

    const history = emulator.control.restoreHistory(target);
    expect(history.at(-1)).toMatchObject({
      id: jobId,
      status: "Completed",
      sourceInstanceId: emulator.instanceId,
      type: "backup",
      backupId: backup.id,
      request: JSON.parse(body),
    });
    expect(emulator.control.restoreHistory()).toEqual([]);
  });

  it("restores to an instant inside the source's restorable ranges", async () => {
    const [range] = emulator.control.restorableRanges();
    const instant = range.start + Math.floor((range.end - range.start) / 2);
    const accepted = await postRestore(restoreBody({ type: "timestamp", backup_id: undefined, restore_time: instant }));
    expect(accepted.status).toBe(200);
    expect((await followJob(accepted.body.job_id)).last.status).toBe("Completed");
    expect(emulator.control.restoreHistory(target).at(-1)).toMatchObject({ type: "timestamp", restoreTime: instant });
  });

  it("fails the next restore when told, with its fail_reason, and the target is ACTIVE again", async () => {
    emulator.control.failRestores({ reason: "Restoration failed: disk I/O error." });
    const failed = await followJob((await postRestore(restoreBody())).body.job_id);
    expect(failed.seen.at(-1)).toBe("Failed");
    expect(failed.last.fail_reason).toBe("Restoration failed: disk I/O error.");
    expect(failed.last.ended).not.toBe("");
    expect(emulator.control.instanceStatus(target)).toBe("ACTIVE");
    // Only the next one.
    expect((await followJob((await postRestore(restoreBody())).body.job_id)).last.status).toBe("Completed");
  });

  it("fails only the restores into a given target, as many times as told", async () => {
    const other = emulator.control.addInstance({ name: "other-target", backups: 1 });
    const stop = emulator.control.failRestores({ reason: "quota", targetInstanceId: target, count: 2 });
    const outcomes: string[] = [];
    for (const into of [other, target, target, target]) {
      const { body } = await postRestore(restoreBody({ target_instance_id: into }));
      outcomes.push((await followJob(body.job_id)).last.status);
    }
    stop();
    expect(outcomes).toEqual(["Completed", "Failed", "Failed", "Completed"]);
  });

  it("refuses a restore into an instance with a restore in progress, with 409", async () => {
    emulator.control.setRestoreDurations({ pendingMs: 100, runningMs: 300 });
    const first = await postRestore(restoreBody());
    expect(first.status).toBe(200);
    const second = await postRestore(restoreBody());
    expect([second.status, second.body.error_code]).toEqual([409, "DBS.200019"]);
    await followJob(first.body.job_id);
    expect((await postRestore(restoreBody())).status).toBe(200);
  });

  it("answers 409 while the target is made busy, with the code chosen, until released or the time is up", async () => {
    const release = emulator.control.makeBusy({ instanceId: target });
    const busy = await postRestore(restoreBody(), { "X-Language": "zh-cn" });
    expect([busy.status, busy.body.error_code]).toEqual([409, "DBS.200019"]);
    expect(busy.body.error_msg).toMatch(/^实例正在进行其他操作/);
    for (const code of INSTANCE_BUSY_ERROR_CODES) {
      emulator.control.setBusyErrorCode(code);
      expect((await postRestore(restoreBody())).body.error_code).toBe(code);
    }
    emulator.control.setBusyErrorCode("DBS.200019");
    expect(() => emulator.control.setBusyErrorCode("DBS.999999" as never)).toThrow(/code/);
    release();
    expect(
      emulator.control.jobs().filter((j) => j.targetInstanceId === target && j.status !== "Completed" && j.status !== "Failed"),
    ).toEqual([]);
    const accepted = await postRestore(restoreBody());
    expect(accepted.status).toBe(200);
    await followJob(accepted.body.job_id);

    emulator.control.makeBusy({ instanceId: target, forMs: 400 });
    expect((await postRestore(restoreBody())).status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await postRestore(restoreBody())).status).toBe(200);
  });

  it("lets a scheduled mutation make the target busy just before the n-th restore request", async () => {
    let release: (() => void) | undefined;
    emulator.control.schedule((c) => (release = c.makeBusy({ instanceId: target })), { beforeRequest: 2, route: "restore" });
    const first = await postRestore(restoreBody());
    expect(first.status).toBe(200);
    await followJob(first.body.job_id);
    expect(release).toBeUndefined();
    expect((await postRestore(restoreBody())).status).toBe(409);
    expect(release).toBeDefined();
    release?.();
  });

  it("applies faults aimed at the restore route, and starts no job then", async () => {
    const jobs = emulator.control.jobs().length;
    emulator.control.injectFaults({ kind: "status", status: 503, route: "restore" });
    const listPage = await callApi(emulator, `/v3/${emulator.projectId}/instances/${emulator.instanceId}/backups`, {
      query: [["limit", "1"]],
    });
    expect(listPage.status).toBe(200);
    const faulted = await postRestore(restoreBody());
    expect([faulted.status, faulted.body.error_code]).toEqual([503, "APIGW.0202"]);
    expect(emulator.control.jobs()).toHaveLength(jobs);
    expect(emulator.control.requests().at(-1)).toMatchObject({ route: "restore", status: 503, fault: "status", method: "POST" });
  });

  it.each([
    ["a body that is not JSON", "{not json", "request body", {}],
    ["a JSON array", "[]", "request body", {}],
    ["no source_instance_id", JSON.stringify({ target_instance_id: "x", type: "backup" }), "source_instance_id", {}],
    ["a malformed target_instance_id", undefined, "target_instance_id", { target_instance_id: "abc" }],
    ["a numeric target_instance_id", undefined, "target_instance_id", { target_instance_id: 7 }],
    ["an unknown type", undefined, "type", { type: "snapshot" }],
    ["a backup restore without backup_id", undefined, "backup_id", { backup_id: undefined }],
    ["a backup that does not exist", undefined, "backup_id", { backup_id: `${"f".repeat(32)}br01` }],
    ["a timestamp restore without restore_time", undefined, "restore_time", { type: "timestamp" }],
    ["a restore_time given as text", undefined, "restore_time", { type: "timestamp", restore_time: "1767519030000" }],
    ["a fractional restore_time", undefined, "restore_time", { type: "timestamp", restore_time: 1.5 }],
    ["a restore_time outside the restorable ranges", undefined, "restore_time", { type: "timestamp", restore_time: 1000 }],
  ])(
    "refuses %s with 400 DBS.280234 naming the problem, and starts no job",
    async (_label, raw: string | undefined, mentioned, overrides: Record<string, unknown>) => {
      const jobs = emulator.control.jobs().length;
      const { status, body } = await postRestore(raw ?? restoreBody(overrides));
      expect([status, body.error_code]).toEqual([400, "DBS.280234"]);
      expect(body.error_msg).toContain(mentioned);
      expect(emulator.control.jobs()).toHaveLength(jobs);
    },
  );

  it("refuses a backup of another instance, or one that is not COMPLETED", async () => {
    const ofTarget = newestCompleted(target);
    const foreign = await postRestore(restoreBody({ backup_id: ofTarget.id }));
    expect([foreign.status, foreign.body.error_msg]).toEqual([
      400,
      "Invalid parameter backup_id: the backup does not belong to the source instance.",
    ]);
    const building = emulator.control.addBackup({ name: "still-building" });
    const notDone = await postRestore(restoreBody({ backup_id: building.id }));
    expect([notDone.status, notDone.body.error_code]).toEqual([400, "DBS.280234"]);
    expect(notDone.body.error_msg).toContain("BUILDING");
    emulator.control.completeBackup(building.id);
    const done = await postRestore(restoreBody({ backup_id: building.id }));
    expect(done.status).toBe(200);
    await followJob(done.body.job_id);
  });

  it("refuses a body that is not sent as JSON, an unknown target (404) and another project (403)", async () => {
    const asText = await postRestore(restoreBody(), { "Content-Type": "text/plain" });
    expect([asText.status, asText.body.error_code]).toEqual([400, "DBS.280234"]);
    expect(asText.body.error_msg).toContain("Content-Type");
    const unknown = await postRestore(restoreBody({ target_instance_id: `${"0".repeat(32)}in07` }));
    expect([unknown.status, unknown.body.error_code]).toEqual([404, "DBS.200002"]);
    const otherProject = await callApi<WireError>(emulator, restorePath("0".repeat(32)), { body: restoreBody(), as: "token" });
    expect([otherProject.status, otherProject.body.error_code]).toEqual([403, "DBS.200010"]);
  });

  it("restores into an instance added later, authenticated by token or by a temporary key", async () => {
    const added = emulator.control.addInstance({ name: "added-later", backups: 0 });
    for (const as of ["token", "temporary"] as const) {
      const accepted = await callApi<Answer>(emulator, restorePath(emulator.projectId), {
        body: restoreBody({ target_instance_id: added }),
        as,
      });
      expect(accepted.status).toBe(200);
      await followJob(accepted.body.job_id);
    }
    expect(emulator.control.restoreHistory(added).map((j) => j.status)).toEqual(["Completed", "Completed"]);
  });

  it("answers a job query without id with 400, and an id that names no job with 400 DBS.200001", async () => {
    const missing = await callApi<WireError>(emulator, jobsPath(emulator.projectId));
    expect([missing.status, missing.body.error_code]).toEqual([400, "DBS.280234"]);
    const unknown = await getJob("00000000-0000-0000-0000-000000000000");
    expect([unknown.status, unknown.body.error_code]).toEqual([400, "DBS.200001"]);
    const twice = await callApi<WireError>(emulator, jobsPath(emulator.projectId), {
      query: [
        ["id", "a"],
        ["id", "b"],
      ],
    });
    expect(twice.status).toBe(400);
  });

  it("answers each route's wrong method with 405 and the method it takes", async () => {
    for (const [path, method, allowed] of [
      [restorePath(emulator.projectId), "GET", "POST"],
      [jobsPath(emulator.projectId), "POST", "GET"],
      [instancePath(emulator.projectId, target), "DELETE", "GET"],
      [`${instancePath(emulator.projectId, target)}/password`, "PUT", "POST"],
      [`${instancePath(emulator.projectId, target)}/restore-time`, "POST", "GET"],
    ]) {
      const response = await fetch(`${emulator.url}${path}`, { method, headers: { "X-Auth-Token": emulator.credentials.authToken } });
      expect([path, method, response.status, response.headers.get("allow")]).toEqual([path, method, 405, allowed]);
      expect(((await response.json()) as WireError).error_code).toBe("APIGW.0101");
    }
    const unknown = await fetch(`${emulator.url}${instancePath(emulator.projectId, target)}/reboot`, { method: "POST" });
    expect(unknown.status).toBe(404);
  });

  it("counts the new routes in its stats and its request log", async () => {
    emulator.control.resetStats();
    await callApi(emulator, instancePath(emulator.projectId, target));
    await getJob("00000000-0000-0000-0000-000000000000");
    const stats = emulator.control.stats();
    expect(stats.byRoute).toMatchObject({ instance: 1, jobs: 1, restore: 0, backups: 0 });
    expect(emulator.control.requests().map((r) => r.route)).toEqual(["instance", "jobs"]);
  });
});

describe("restorable times", () => {
  const T0 = Date.UTC(2026, 0, 4, 9, 30, 30);
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ backups: 20, seed: 8, now: () => T0 });
  });
  afterAll(() => emulator.close());
  afterEach(() => emulator.control.setRestorableRanges(undefined));

  const restoreTimes = (query: Array<[string, string]> = []) =>
    callApi<WireRestoreTimes & WireError>(emulator, restoreTimePath(emulator.projectId, emulator.instanceId), { query });

  /** When the oldest COMPLETED backup finished, read from its `updated` in its zone (UTC+08:00). */
  function oldestCompletedFinish(): number {
    const oldest = emulator.control
      .backups()
      .filter((b) => b.status === "COMPLETED")
      .at(-1)!;
    return Date.parse(`${oldest.updated.replace(" ", "T")}+08:00`);
  }

  it("spans from the oldest COMPLETED backup's finish until now, by default", async () => {
    const { status, body } = await restoreTimes();
    expect(status).toBe(200);
    expect(body.restore_times).toEqual([{ start_time: oldestCompletedFinish(), end_time: T0 }]);
    expect(emulator.control.restorableRanges()).toEqual([{ start: oldestCompletedFinish(), end: T0 }]);
  });

  it("clips the ranges to the UTC day asked for, or to a start_time..end_time window", async () => {
    const day = await restoreTimes([["date", "2026-01-04"]]);
    expect(day.body.restore_times).toEqual([{ start_time: Date.UTC(2026, 0, 4), end_time: T0 }]);
    const before = await restoreTimes([["date", "2024-01-01"]]);
    expect(before.body.restore_times).toEqual([]);
    const window = await restoreTimes([
      ["start_time", String(T0 - 60_000)],
      ["end_time", String(T0 + 60_000)],
    ]);
    expect(window.body.restore_times).toEqual([{ start_time: T0 - 60_000, end_time: T0 }]);
  });

  it("serves ranges set by the control, gaps included, and checks restore_time against them", async () => {
    const ranges = [
      { start: T0 - 3_600_000, end: T0 - 1_800_000 },
      { start: T0 - 7_200_000, end: T0 - 5_400_000 },
    ];
    emulator.control.setRestorableRanges(ranges);
    const { body } = await restoreTimes();
    expect(body.restore_times).toEqual([
      { start_time: T0 - 7_200_000, end_time: T0 - 5_400_000 },
      { start_time: T0 - 3_600_000, end_time: T0 - 1_800_000 },
    ]);
    const target = emulator.control.addInstance({ backups: 1 });
    const restore = (instant: number) =>
      callApi<WireError>(emulator, restorePath(emulator.projectId), {
        body: JSON.stringify({
          source_instance_id: emulator.instanceId,
          target_instance_id: target,
          type: "timestamp",
          restore_time: instant,
        }),
      });
    expect((await restore(T0 - 4_000_000)).status).toBe(400);
    expect((await restore(T0 - 1_800_000)).status).toBe(200);
    expect(() => emulator.control.setRestorableRanges([{ start: 5, end: 1 }])).toThrow(/start <= end/);
  });

  it.each([
    [[["date", "2026-02-30"]], "date"],
    [[["date", "04/01/2026"]], "date"],
    [
      [
        ["date", "2026-01-04"],
        ["start_time", "1"],
      ],
      "start_time",
    ],
    [[["start_time", "10"]], "end_time"],
    [
      [
        ["start_time", "10"],
        ["end_time", "5"],
      ],
      "start_time",
    ],
    [
      [
        ["start_time", "soon"],
        ["end_time", "5"],
      ],
      "start_time",
    ],
  ] as Array<[Array<[string, string]>, string]>)("refuses the window %j with 400 DBS.280234", async (query, mentioned) => {
    const { status, body } = await restoreTimes(query);
    expect([status, body.error_code]).toEqual([400, "DBS.280234"]);
    expect(body.error_msg).toContain(mentioned);
  });
});

describe("close() with a restore running", () => {
  it("closes promptly and the job stays where it was", async () => {
    const emulator = await startEmulator({ backups: 5, restoreDurationMs: 60_000 });
    const target = emulator.control.addInstance();
    const backup = emulator.control.backups().find((b) => b.status === "COMPLETED")!;
    const body = JSON.stringify({
      source_instance_id: emulator.instanceId,
      target_instance_id: target,
      type: "backup",
      backup_id: backup.id,
    });
    expect((await callApi(emulator, restorePath(emulator.projectId), { body })).status).toBe(200);
    const started = Date.now();
    await emulator.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(emulator.control.jobs().map((j) => j.status)).toEqual(["Pending"]);
  });
});
