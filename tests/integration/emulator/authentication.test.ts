/**
 * Authentication as the gateway does it: tokens, and AK/SK signatures made by the vendor's own
 * signer (not this package's), with every way a signed request can be refused.
 */
import { startEmulator, type RunningEmulator } from "pulumi-taurusdb-backups/emulator";
import { authorizationHeader, canonicalQuery, formatSdkDate } from "../../../provider/api/signature";
import type { WireBackupPage, WireError } from "../../../provider/api/wire";
import { passwordPath } from "../../../provider/api/instanceWire";
import { backupsUrl, getJson, signedFetch, tokenHeaders, vendorSignedHeaders } from "../../support/emulatorRequests";

describe("authentication", () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ backups: 30, maxClockSkewSeconds: 900 });
  });
  afterAll(() => emulator.close());
  afterEach(() => emulator.control.unlock());

  const endpoint = () => backupsUrl(emulator);
  const permanent = () => ({ accessKey: emulator.credentials.accessKey, secretKey: emulator.credentials.secretKey });

  /** A GET of the backup list with the query encoded as the gateway canonicalizes it. */
  async function signedList(query: Record<string, string>, overrides: Partial<Parameters<typeof vendorSignedHeaders>[0]> = {}) {
    const headers = vendorSignedHeaders({
      endpoint: endpoint(),
      queryParams: query,
      projectId: emulator.projectId,
      ...permanent(),
      ...overrides,
    });
    const wireQuery = canonicalQuery(Object.entries(query));
    return getJson<WireBackupPage & WireError>(wireQuery ? `${endpoint()}?${wireQuery}` : endpoint(), headers);
  }

  it("accepts the token it issued", async () => {
    const { status, body } = await getJson(endpoint(), tokenHeaders(emulator));
    expect(status).toBe(200);
    expect(body.total_count).toBe("30");
  });

  it("refuses a wrong token and a request without credentials with 401 APIGW.0301", async () => {
    const wrong = await getJson<WireError>(endpoint(), { "X-Auth-Token": "MIInot-a-token" });
    expect([wrong.status, wrong.body.error_code]).toEqual([401, "APIGW.0301"]);
    const none = await getJson<WireError>(endpoint());
    expect([none.status, none.body.error_code]).toEqual([401, "APIGW.0301"]);
    const zh = await getJson<WireError>(endpoint(), { "X-Language": "zh-cn" });
    expect(zh.body.error_msg).toMatch(/^IAM认证信息错误/);
  });

  it("accepts a request signed by the vendor's AKSKSigner", async () => {
    const { status, body } = await signedList({ limit: "5", offset: "2" });
    expect(status).toBe(200);
    expect(body.backups).toEqual(emulator.control.backups().slice(2, 7));
  });

  it("verifies query values that need encoding: unicode, spaces and *'()!&=+", async () => {
    const name = "升级 前*'()!&=+~ é";
    emulator.control.addBackup({ name: `x-${name}-y` });
    const { status, body } = await signedList({ filter_field: "name", filter_content: name, order_field: "name" });
    expect(status).toBe(200);
    expect(body.backups.map((b) => b.name)).toEqual([`x-${name}-y`]);
  });

  it("verifies a signed query sent form-encoded (spaces as +), since the decoded values are what is signed", async () => {
    const query = { filter_field: "name", filter_content: "a b" };
    const headers = vendorSignedHeaders({ endpoint: endpoint(), queryParams: query, projectId: emulator.projectId, ...permanent() });
    const { status } = await getJson(`${endpoint()}?${new URLSearchParams(query)}`, headers);
    expect(status).toBe(200);
  });

  it("accepts a temporary key with its security token, and refuses it without or with a wrong one", async () => {
    const temporary = emulator.credentials.temporary;
    const keys = { accessKey: temporary.accessKey, secretKey: temporary.secretKey };
    expect((await signedList({ limit: "1" }, { ...keys, securityToken: temporary.securityToken })).status).toBe(200);
    const without = await signedList({ limit: "1" }, keys);
    expect([without.status, without.body.error_code]).toEqual([401, "APIGW.0301"]);
    expect(without.body.error_msg).toContain("X-Security-Token");
    const wrong = await signedList({ limit: "1" }, { ...keys, securityToken: "not-the-token" });
    expect(wrong.status).toBe(401);
  });

  it("accepts the IAM project lookup signed without X-Project-Id", async () => {
    const url = `${emulator.url}/v3/projects`;
    const headers = vendorSignedHeaders({ endpoint: url, queryParams: { name: emulator.region }, ...permanent() });
    const { status, body } = await getJson<{ projects: Array<{ id: string }> }>(`${url}?name=${emulator.region}`, headers);
    expect(status).toBe(200);
    expect(body.projects.map((p) => p.id)).toEqual([emulator.projectId]);
  });

  it("refuses a wrong secret key, a tampered query, and an unknown access key", async () => {
    const wrongSecret = await signedList({ limit: "1" }, { secretKey: "x".repeat(40) });
    expect([wrongSecret.status, wrongSecret.body.error_code]).toEqual([401, "APIGW.0301"]);
    expect(wrongSecret.body.error_msg).toContain("signature");

    const headers = vendorSignedHeaders({
      endpoint: endpoint(),
      queryParams: { limit: "1" },
      projectId: emulator.projectId,
      ...permanent(),
    });
    const tampered = await getJson<WireError>(`${endpoint()}?limit=2`, headers);
    expect(tampered.status).toBe(401);

    const unknown = await signedList({ limit: "1" }, { accessKey: "UNKNOWNACCESSKEY0000" });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error_msg).toContain("access key");
  });

  it("refuses an X-Sdk-Date outside the allowed clock skew, either way", async () => {
    const stale = await signedList({ limit: "1" }, { date: new Date(Date.now() - 16 * 60_000) });
    expect([stale.status, stale.body.error_code]).toEqual([401, "APIGW.0301"]);
    expect(stale.body.error_msg).toContain("X-Sdk-Date");
    const future = await signedList({ limit: "1" }, { date: new Date(Date.now() + 16 * 60_000) });
    expect(future.status).toBe(401);
    const withinSkew = await signedList({ limit: "1" }, { date: new Date(Date.now() - 5 * 60_000) });
    expect(withinSkew.status).toBe(200);
  });

  it("refuses an X-Project-Id that differs from the path's project, for tokens and signatures", async () => {
    const signed = await signedList({ limit: "1" }, { projectId: "f".repeat(32) });
    expect([signed.status, signed.body.error_code]).toEqual([401, "APIGW.0301"]);
    expect(signed.body.error_msg).toContain("X-Project-Id");
    const token = await getJson<WireError>(endpoint(), tokenHeaders(emulator, { "X-Project-Id": "f".repeat(32) }));
    expect(token.status).toBe(401);
  });

  it("refuses an X-Project-Id that is sent but not signed, naming the header", async () => {
    const project = { "X-Project-Id": emulator.projectId };
    const { status, body } = await signedFetch<WireError>({
      base: emulator.url,
      path: new URL(endpoint()).pathname,
      unsigned: project,
      key: permanent(),
    });
    expect([status, body.error_code]).toEqual([401, "APIGW.0301"]);
    expect(body.error_msg).toContain("x-project-id");
    expect((await signedFetch({ base: emulator.url, path: new URL(endpoint()).pathname, signed: project, key: permanent() })).status).toBe(
      200,
    );
  });

  it("refuses a temporary key whose X-Security-Token is sent but not signed", async () => {
    const temporary = emulator.credentials.temporary;
    const token = { "X-Security-Token": temporary.securityToken };
    const call = { base: emulator.url, path: new URL(endpoint()).pathname, key: temporary };
    const unsigned = await signedFetch<WireError>({ ...call, unsigned: token });
    expect([unsigned.status, unsigned.body.error_code]).toEqual([401, "APIGW.0301"]);
    expect(unsigned.body.error_msg).toContain("x-security-token");
    expect((await signedFetch({ ...call, signed: token })).status).toBe(200);
  });

  /** A POST of a new admin password, its Content-Type signed or not, `sentBody` sent in place of the signed body. */
  const passwordPost = (options: { body: string; sentBody?: string; signContentType: boolean }) => {
    const contentType = { "Content-Type": "application/json" };
    return signedFetch<WireError>({
      base: emulator.url,
      path: passwordPath(emulator.projectId, emulator.instanceId),
      body: options.body,
      sentBody: options.sentBody,
      signed: { "X-Project-Id": emulator.projectId, ...(options.signContentType ? contentType : {}) },
      unsigned: options.signContentType ? {} : contentType,
      key: permanent(),
    });
  };

  it("refuses a request with a body whose Content-Type is not signed", async () => {
    const changes = emulator.control.passwordChanges();
    const { status, body } = await passwordPost({ body: JSON.stringify({ password: "Unsigned-Type-1" }), signContentType: false });
    expect([status, body.error_code]).toEqual([401, "APIGW.0301"]);
    expect(body.error_msg).toContain("content-type");
    expect(emulator.control.passwordChanges()).toBe(changes);
  });

  it("covers the body: the signed body is accepted, another body under the same signature is refused", async () => {
    const body = JSON.stringify({ password: "Signed-Body-1" });
    expect((await passwordPost({ body, signContentType: true })).status).toBe(200);
    expect(emulator.control.passwordMatches("Signed-Body-1")).toBe(true);
    const tampered = await passwordPost({ body, sentBody: JSON.stringify({ password: "Signed-Body-2" }), signContentType: true });
    expect([tampered.status, tampered.body.error_code]).toEqual([401, "APIGW.0301"]);
    expect(tampered.body.error_msg).toContain("signature");
    expect(emulator.control.passwordMatches("Signed-Body-2")).toBe(false);
  });

  it("refuses a signature that does not cover host and x-sdk-date", async () => {
    const sdkDate = formatSdkDate(new Date());
    const signedHeaders = { "X-Sdk-Date": sdkDate };
    const authorization = authorizationHeader(
      permanent(),
      { method: "GET", path: new URL(endpoint()).pathname, query: [], headers: signedHeaders },
      sdkDate,
    );
    const { status, body } = await getJson<WireError>(endpoint(), { ...signedHeaders, Authorization: authorization });
    expect(status).toBe(401);
    expect(body.error_msg).toContain("host");
  });

  it("refuses a malformed Authorization header", async () => {
    const { status, body } = await getJson<WireError>(endpoint(), { Authorization: "Bearer abc" });
    expect([status, body.error_code]).toEqual([401, "APIGW.0301"]);
  });

  it("locks an access key after five failed signatures in a row, until unlocked", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await signedList({ limit: "1" }, { secretKey: "wrong-secret-key" })).status).toBe(401);
    }
    const locked = await signedList({ limit: "1" });
    expect([locked.status, locked.body.error_code]).toEqual([401, "APIGW.0301"]);
    expect(locked.body.error_msg).toContain("locked");
    // Tokens are not affected by the lock.
    expect((await getJson(endpoint(), tokenHeaders(emulator))).status).toBe(200);
    emulator.control.unlock();
    expect((await signedList({ limit: "1" })).status).toBe(200);
  });

  it("forgets earlier failures after a good signature", async () => {
    for (let i = 0; i < 4; i++) await signedList({ limit: "1" }, { secretKey: "wrong-secret-key" });
    expect((await signedList({ limit: "1" })).status).toBe(200);
    for (let i = 0; i < 4; i++) await signedList({ limit: "1" }, { secretKey: "wrong-secret-key" });
    expect((await signedList({ limit: "1" })).status).toBe(200);
  });

  it("never records credentials in its request log", async () => {
    await signedList({ limit: "1" });
    await getJson(endpoint(), tokenHeaders(emulator));
    const log = JSON.stringify(emulator.control.requests());
    const { credentials } = emulator;
    for (const secret of [
      credentials.authToken,
      credentials.secretKey,
      credentials.temporary.secretKey,
      credentials.temporary.securityToken,
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toContain("Signature=");
  });
});
