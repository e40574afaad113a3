/** Bad input to the emulator itself: it answers cleanly and keeps serving. */
import { request as httpRequest } from "node:http";
import { startEmulator, type RunningEmulator } from "pulumi-taurusdb-backups/emulator";
import type { WireError } from "../../../provider/api/wire";
import { backupsUrl, getJson, rawExchange, tokenHeaders } from "../../support/emulatorRequests";

/** A request with a path sent exactly as given (fetch would normalize it). */
function rawPathRequest(emulator: RunningEmulator, path: string, method = "GET", body?: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(emulator.url);
  const headers = tokenHeaders(emulator, body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(body)) });
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("bad input", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ backups: 5 });
  });
  afterAll(() => emulator.close());
  afterEach(async () => {
    // Whatever came before, it still serves.
    expect((await getJson(backupsUrl(emulator), tokenHeaders(emulator))).status).toBe(200);
  });

  it("answers 404 APIGW.0101 for an unknown route, with or without credentials", async () => {
    for (const path of [
      "/",
      "/v3",
      "/v3/projects/x",
      `/v3/${emulator.projectId}/instances/${emulator.instanceId}/backups/`,
      "/v3//instances//backups",
    ]) {
      const { status, body } = await getJson<WireError>(`${emulator.url}${path}`);
      expect([path, status, body.error_code]).toEqual([path, 404, "APIGW.0101"]);
    }
  });

  it.each(["POST", "PUT", "DELETE", "PATCH"])("answers 405 JSON with Allow: GET for %s", async (method) => {
    const response = await fetch(backupsUrl(emulator), {
      method,
      headers: tokenHeaders(emulator),
      body: method === "DELETE" ? undefined : "{}",
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    expect(((await response.json()) as WireError).error_code).toBe("APIGW.0101");
  });

  it("answers 400 for malformed percent-encoding in the query or the path", async () => {
    for (const path of [
      `/v3/${emulator.projectId}/instances/${emulator.instanceId}/backups?filter_field=name&filter_content=%zz`,
      `/v3/${emulator.projectId}/instances/${emulator.instanceId}/backups?limit=%`,
      `/v3/${emulator.projectId}/instances/${emulator.instanceId}/backups?x=%FF`,
      `/v3/%E0%A4%A/instances/${emulator.instanceId}/backups`,
    ]) {
      const { status, body } = await rawPathRequest(emulator, path);
      expect([path, status, (JSON.parse(body) as WireError).error_code]).toEqual([path, 400, "APIGW.0201"]);
    }
  });

  it("answers 414 for a long query string", async () => {
    const { status, body } = await getJson<WireError>(
      backupsUrl(emulator, `filter_field=name&filter_content=${"a".repeat(9000)}`),
      tokenHeaders(emulator),
    );
    expect([status, body.error_code]).toEqual([414, "APIGW.0201"]);
  });

  it("answers 414 for a very long request line", async () => {
    const reply = await rawExchange(
      emulator.url,
      `GET /v3/projects?name=${"a".repeat(100_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 414 /);
    expect(reply).toContain('"error_code":"APIGW.0201"');
  });

  it("answers 431 for oversized headers", async () => {
    const response = await fetch(backupsUrl(emulator), { headers: tokenHeaders(emulator, { "X-Big": "b".repeat(20_000) }) });
    expect(response.status).toBe(431);
    expect(((await response.json()) as WireError).error_code).toBe("APIGW.0201");
  });

  it("answers 431 and closes when the request head is beyond what the parser takes", async () => {
    const reply = await rawExchange(emulator.url, `GET /v3/projects HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(1_200_000)}\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 431 /);
    expect(reply).toContain("X-Request-Id:");
    expect(emulator.control.stats().rejectedConnections).toBeGreaterThanOrEqual(1);
  });

  it("answers 400 to bytes that are not HTTP", async () => {
    const reply = await rawExchange(emulator.url, Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x0d, 0x0a, 0x0d, 0x0a]));
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    const garbage = await rawExchange(emulator.url, "HELLO\r\n\r\n");
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
  });

  it("survives a client that disconnects mid-request", async () => {
    const partial = await rawExchange(emulator.url, "GET /v3/projects HTTP/1.1\r\nHost: x\r\nX-Auth", 200);
    expect(typeof partial).toBe("string");
  });

  it("answers 413 for an oversized body", async () => {
    const { status, body } = await rawPathRequest(emulator, new URL(backupsUrl(emulator)).pathname, "GET", "x".repeat(2 * 1024 * 1024));
    expect([status, (JSON.parse(body) as WireError).error_code]).toEqual([413, "APIGW.0201"]);
  });

  it("answers 400 to restore bodies that are empty, cut short, deeply nested or not objects, and keeps serving", async () => {
    const path = `/v3/${emulator.projectId}/instances/restore`;
    for (const body of ["", "{", '{"type":', "[".repeat(100_000) + "]".repeat(100_000), "null", '"text"', "1e999", "\u0000"]) {
      const { status, body: answer } = await rawPathRequest(emulator, path, "POST", body);
      expect([body.slice(0, 20), status, (JSON.parse(answer) as WireError).error_code]).toEqual([body.slice(0, 20), 400, "DBS.280234"]);
    }
  });

  it("answers 413 for a restore body over 1 MiB", async () => {
    const body = JSON.stringify({ padding: "x".repeat(1024 * 1024) });
    const { status, body: answer } = await rawPathRequest(emulator, `/v3/${emulator.projectId}/instances/restore`, "POST", body);
    expect([status, (JSON.parse(answer) as WireError).error_code]).toEqual([413, "APIGW.0201"]);
  });

  it("understands an absolute-form request target", async () => {
    const { status } = await rawPathRequest(emulator, backupsUrl(emulator, "limit=1"));
    expect(status).toBe(200);
  });

  it("rejects bad options at start with a clear error", async () => {
    await expect(startEmulator({ backups: -1 })).rejects.toThrow(/backups/);
    await expect(startEmulator({ timeZone: "CST" })).rejects.toThrow(/time zone/);
    await expect(startEmulator({ rateLimit: { requestsPerSecond: 0 } })).rejects.toThrow(/requestsPerSecond/);
    await expect(startEmulator({ port: 70000 })).rejects.toThrow(/port/);
  });

  it("listens on loopback by default", () => {
    expect(new URL(emulator.url).hostname).toBe("127.0.0.1");
  });
});
