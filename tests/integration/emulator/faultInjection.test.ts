/** Every fault kind, its timing in the plan, the rate limit, latency, and a prompt close(). */
import { request as httpRequest } from "node:http";
import { startEmulator, type RunningEmulator } from "pulumi-taurusdb-backups/emulator";
import type { WireBackupPage, WireError } from "../../../provider/api/wire";
import { backupsUrl, getJson, tokenHeaders } from "../../support/emulatorRequests";

describe("faults", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ backups: 40 });
  });
  afterAll(() => emulator.close());
  afterEach(() => {
    emulator.control.clearFaults();
    emulator.control.setRateLimit(undefined);
    emulator.control.setLatency(0);
  });

  const list = (query = "limit=10") => fetch(backupsUrl(emulator, query), { headers: tokenHeaders(emulator) });
  const listJson = (query = "limit=10") => getJson<WireBackupPage & WireError>(backupsUrl(emulator, query), tokenHeaders(emulator));

  it("answers 429 APIGW.0308 with Retry-After, or without it", async () => {
    emulator.control.injectFaults({ kind: "status", status: 429, retryAfterSeconds: 3 }, { kind: "status", status: 429 });
    const first = await listJson();
    expect([first.status, first.body.error_code]).toEqual([429, "APIGW.0308"]);
    expect(first.headers.get("retry-after")).toBe("3");
    const second = await listJson();
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBeNull();
    expect((await listJson()).status).toBe(200);
  });

  it.each([
    [500, "DBS.108000"],
    [502, "APIGW.0202"],
    [503, "APIGW.0202"],
    [504, "APIGW.0203"],
  ])("answers %i with a JSON error body (%s)", async (status, code) => {
    emulator.control.injectFaults({ kind: "status", status });
    const response = await listJson();
    expect(response.status).toBe(status);
    expect(response.body.error_code).toBe(code);
    expect(typeof response.body.error_msg).toBe("string");
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it.each([502, 503, 504])("answers %i with a proxy's HTML page", async (status) => {
    emulator.control.injectFaults({ kind: "status", status, body: "html", retryAfterSeconds: 1 });
    const response = await list();
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.text()).toMatch(new RegExp(`<title>${status} `));
  });

  it("lets a status fault carry its own code and message", async () => {
    emulator.control.injectFaults({ kind: "status", status: 500, errorCode: "DBS.280001", errorMsg: "boom" });
    expect((await listJson()).body).toEqual({ error_code: "DBS.280001", error_msg: "boom" });
  });

  it("drops the connection without an answer", async () => {
    emulator.control.injectFaults({ kind: "drop" });
    const failure = await list().then(
      () => undefined,
      (error: Error & { cause?: { code?: string } }) => error,
    );
    // fetch reports a lost connection as a TypeError whose cause has the socket's code.
    expect(failure?.name).toBe("TypeError");
    expect(["ECONNRESET", "UND_ERR_SOCKET"]).toContain(failure?.cause?.code);
    expect(emulator.control.stats().dropped).toBeGreaterThanOrEqual(1);
    expect((await listJson()).status).toBe(200);
  });

  it("stalls until the client's own timeout fires", async () => {
    emulator.control.injectFaults({ kind: "stall" });
    const failure = await fetch(backupsUrl(emulator), { headers: tokenHeaders(emulator), signal: AbortSignal.timeout(150) }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure?.name).toBe("TimeoutError");
    expect(emulator.control.requests().at(-1)?.outcome).toBe("stalled");
    expect((await listJson()).status).toBe(200);
  });

  it("can stall for a while and then answer normally", async () => {
    emulator.control.injectFaults({ kind: "stall", ms: 50 });
    const response = await listJson();
    expect(response.status).toBe(200);
    expect(response.body.backups).toHaveLength(10);
  });

  it("misreports total_count by a delta", async () => {
    emulator.control.injectFaults({ kind: "lieTotal", delta: 5 }, { kind: "lieTotal", delta: -3 });
    expect((await listJson()).body.total_count).toBe("45");
    expect((await listJson()).body.total_count).toBe("37");
    expect((await listJson()).body.total_count).toBe("40");
  });

  it("shifts a page to skip or repeat records", async () => {
    const all = emulator.control.backups();
    emulator.control.injectFaults({ kind: "skip", count: 2 }, { kind: "duplicate", count: 3 });
    expect((await listJson("offset=10&limit=5")).body.backups).toEqual(all.slice(12, 17));
    expect((await listJson("offset=10&limit=5")).body.backups).toEqual(all.slice(7, 12));
    expect((await listJson("offset=10&limit=5")).body.backups).toEqual(all.slice(10, 15));
  });

  it("applies a fault at the n-th matching request, and repeats it `times` times", async () => {
    emulator.control.injectFaults({ kind: "status", status: 503, atRequest: 2, times: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await list()).status);
    expect(statuses).toEqual([200, 503, 503, 200]);
    expect(emulator.control.pendingFaults()).toEqual([]);
  });

  it("targets the backup list by default, and any route when asked", async () => {
    const projectsUrl = `${emulator.url}/v3/projects?name=${emulator.region}`;
    emulator.control.injectFaults({ kind: "status", status: 500 });
    expect((await fetch(projectsUrl, { headers: tokenHeaders(emulator) })).status).toBe(200);
    expect((await list()).status).toBe(500);
    emulator.control.injectFaults({ kind: "status", status: 502, route: "any" });
    expect((await fetch(projectsUrl, { headers: tokenHeaders(emulator) })).status).toBe(502);
    emulator.control.injectFaults({ kind: "status", status: 504, route: "projects" });
    expect((await list()).status).toBe(200);
    expect((await fetch(projectsUrl, { headers: tokenHeaders(emulator) })).status).toBe(504);
  });

  it("rejects a malformed fault before queueing anything", async () => {
    expect(() => emulator.control.injectFaults({ kind: "drop" }, { kind: "status", status: 200 })).toThrow(/status/);
    expect(() => emulator.control.injectFaults({ kind: "lieTotal", delta: 1, route: "projects" })).toThrow(/backup list/);
    expect(emulator.control.pendingFaults()).toEqual([]);
  });

  it("counts faults in its stats", async () => {
    emulator.control.resetStats();
    emulator.control.injectFaults({ kind: "status", status: 500 }, { kind: "lieTotal", delta: 1 });
    await list();
    await list();
    const stats = emulator.control.stats();
    expect(stats.faults).toEqual({ status: 1, lieTotal: 1 });
    expect(stats.byStatus).toEqual({ "200": 1, "500": 1 });
    expect(stats.requests).toBe(2);
  });

  it("rate-limits with a token bucket, answering 429 APIGW.0308 with Retry-After", async () => {
    emulator.control.setRateLimit({ requestsPerSecond: 1, burst: 2 });
    const first = await listJson();
    const second = await listJson();
    const third = await listJson();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([third.status, third.body.error_code]).toEqual([429, "APIGW.0308"]);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(emulator.control.stats().rateLimited).toBeGreaterThanOrEqual(1);
    emulator.control.setRateLimit(undefined);
    expect((await listJson()).status).toBe(200);
  });

  it("adds latency and still answers", async () => {
    emulator.control.setLatency(20);
    expect((await listJson()).status).toBe(200);
    expect(() => emulator.control.setLatency(-1)).toThrow();
  });
});

describe("close()", () => {
  it("closes promptly with a request stalled forever, and the client sees the connection end", async () => {
    const emulator = await startEmulator({ faults: [{ kind: "stall" }] });
    const outcome = new Promise<string>((resolve) => {
      const req = httpRequest(backupsUrl(emulator), { headers: tokenHeaders(emulator) }, () => resolve("answered"));
      req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      req.end();
    });
    // Wait until the emulator holds the request.
    while (emulator.control.stats().stalled === 0) await new Promise((r) => setTimeout(r, 5));
    let deadline: NodeJS.Timeout | undefined;
    const tooLate = new Promise((resolve) => (deadline = setTimeout(() => resolve("still open"), 3000)));
    const closed = await Promise.race([emulator.close().then(() => "closed"), tooLate]);
    clearTimeout(deadline);
    expect(closed).toBe("closed");
    expect(await outcome).toMatch(/ECONNRESET|socket hang up/);
  });

  it("closes promptly during a long stall with a timed answer, and twice without error", async () => {
    const emulator = await startEmulator({ faults: [{ kind: "stall", ms: 60_000 }] });
    const pending = fetch(backupsUrl(emulator), { headers: tokenHeaders(emulator) }).catch((e: Error) => e);
    while (emulator.control.stats().inFlight === 0) await new Promise((r) => setTimeout(r, 5));
    await Promise.all([emulator.close(), emulator.close()]);
    expect(await pending).toHaveProperty("name", "TypeError");
  });
});
