/**
 * A server or proxy that echoes the request's headers in its error answers: for 400, 401, 429 and
 * 500 (and a 302 pointing back at itself), with JSON and with plain-text bodies, echoing them whole
 * or truncated, in the body and in X-Request-Id. No thrown error, cause, field, JSON or
 * util.inspect rendering, and no Pulumi log line may then hold the token, the security token, the
 * access key, the secret key or the signature, nor a piece of one. Server text is also capped and
 * stripped of control characters. (The log lines are recorded in the words Pulumi's log and the
 * command line use: ./support/recordingReporter.ts.)
 */
import type { IncomingHttpHeaders } from "node:http";
import { inspect } from "node:util";
import { AkSkCredentials, TokenCredentials } from "../../../provider/http/credentials";
import { Redactor } from "../../../provider/http/redact";
import { listInstanceBackups } from "../../../provider/listing";
import { rejectionOf } from "../../support/emulator";
import { recordingReporter } from "../../support/recordingReporter";
import { startStubServer, type StubServer } from "../../support/stubServer";

const INSTANCE = "61a4ea66210545909d74a05c27a7179ein07";
const PROJECT = "619d3e78f61b4be68bc5aa0b59edcf7b";
const TOKEN = `MIIToken${"Zq8xW2pL".repeat(40)}`;
const AK = "HPUAQWERTYUIOPASDFGH";
const SK = "skSECRETsecretSECRETsecret0123456789abcd";
const SECURITY_TOKEN = `gQpTemporary${"Vb7nM3kR".repeat(30)}`;

type Echo = "json" | "text" | "truncated";
let echo: Echo = "json";
let status = 400;
const seenAuthorizations: string[] = [];
let server: StubServer;

function echoed(headers: IncomingHttpHeaders): string {
  const credentials = ["authorization", "x-auth-token", "x-security-token"].map((name) => `${name}: ${headers[name] ?? ""}`);
  if (echo === "truncated") return credentials.map((line) => line.slice(0, 60) + "…" + line.slice(-40)).join(" | ");
  return credentials.join("\r\n");
}

beforeAll(async () => {
  server = await startStubServer((request, response) => {
    if (request.headers.authorization) seenAuthorizations.push(String(request.headers.authorization));
    const text = echoed(request.headers);
    const headers: Record<string, string> = {
      "X-Request-Id": String(request.headers["x-auth-token"] ?? request.headers.authorization ?? "").slice(0, 120),
    };
    if (status === 429) headers["Retry-After"] = "0";
    if (status === 302) headers.Location = `${server.url}/login?token=${request.headers["x-auth-token"] ?? request.headers.authorization}`;
    const body =
      echo === "text"
        ? `<html><body><pre>Bad request\n${text}</pre></body></html>`
        : JSON.stringify({ error_code: "PROXY.0001", error_msg: `rejected: ${text}` });
    response.writeHead(status, { ...headers, "Content-Type": echo === "text" ? "text/html" : "application/json" });
    response.end(body);
  });
});
afterAll(() => server.close());

/** Every way an error may end up printed: message, stack, fields, JSON, util.inspect, causes. */
function renderings(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    parts.push(
      String(current),
      (current as Error).stack ?? "",
      JSON.stringify(current) ?? "",
      inspect(current, { depth: 8, showHidden: true }),
    );
    parts.push(...Object.values(current as object).map((value) => (typeof value === "string" ? value : (JSON.stringify(value) ?? ""))));
  }
  return parts.join("\n");
}

/** Holds no secret, and no 16-character piece of one (a truncated echo). */
function expectNoSecret(text: string): void {
  const secrets = [TOKEN, AK, SK, SECURITY_TOKEN, ...seenAuthorizations.map((a) => /Signature=([0-9a-f]+)/.exec(a)![1])];
  for (const secret of secrets) {
    for (let i = 0; i + 16 <= secret.length; i += 8) expect(text).not.toContain(secret.slice(i, i + 16));
  }
  expect(text).not.toMatch(/SDK-HMAC-SHA256 Access=|Signature=[0-9a-f]{8}/);
}

const credentialSets = {
  token: { authToken: TOKEN },
  "temporary AK/SK": { accessKey: AK, secretKey: SK, securityToken: SECURITY_TOKEN },
};

describe.each([400, 401, 429, 500, 302])("HTTP %i", (answer) => {
  describe.each(["json", "text", "truncated"] as const)("echoing the headers as %s", (form) => {
    test.each(Object.entries(credentialSets))("with %s credentials: nothing printable holds a credential", async (_label, credentials) => {
      status = answer;
      echo = form;
      const { reporter, lines: logged } = recordingReporter();
      const args = { instanceId: INSTANCE, projectId: PROJECT, endpoint: server.url, maxAttempts: 2, ...credentials };
      const runtime = { sources: { stackConfig: () => undefined, env: {} }, reporter, backoff: { baseDelayMs: 1, maxDelayMs: 2 } };
      const error = await rejectionOf(listInstanceBackups(args, runtime));
      expect(error.message).toMatch(new RegExp(`HTTP ${answer}`));
      expectNoSecret(renderings(error));
      expectNoSecret(logged.join("\n"));
      if (answer === 429) expect(logged.join("\n")).toMatch(/retrying in/); // the log check saw the retries
    });
  });
});

describe("server text", () => {
  const redactor = Redactor.of([TOKEN, AK]);

  test("is capped at about 1 KB however long the server's message", () => {
    expect(redactor.text("x".repeat(8 * 1024 * 1024)).length).toBeLessThanOrEqual(1024);
  });

  test("has its control characters escaped, so it cannot forge log lines or colour a terminal", () => {
    expect(redactor.text("line\nwarning: forged\u001b[31mred\u202etxt.exe")).toBe("line\\nwarning: forged\\u001b[31mred\\u202etxt.exe");
  });

  test("is cut to 1,023 characters and an ellipsis when longer than 1 KB, and kept whole at exactly the cap", () => {
    expect(redactor.text("x".repeat(2_000))).toBe(`${"x".repeat(1_023)}…`);
    expect(redactor.text("y".repeat(1_024))).toBe("y".repeat(1_024));
    expect(redactor.text("abcdef", 5)).toBe("abcd…");
    expect(redactor.text("abcde", 5)).toBe("abcde");
  });

  test("has carriage returns and tabs escaped by name", () => {
    expect(redactor.text("a\rb\tc")).toBe("a\\rb\\tc");
  });

  test("keeps what is not a credential, such as a request id and an instance id", () => {
    expect(redactor.text(`request 5f1c2d3e-aaaa-bbbb-cccc-0123456789ab for ${INSTANCE} failed`)).toBe(
      `request 5f1c2d3e-aaaa-bbbb-cccc-0123456789ab for ${INSTANCE} failed`,
    );
  });

  test("loses any run that shares ten characters with a credential, at either end", () => {
    expect(redactor.text(`token ${TOKEN.slice(0, 30)} and ${TOKEN.slice(-25)}!`)).toBe("token [redacted] and [redacted]!");
    expect(redactor.text(`key ${AK}`)).toBe("key [redacted]");
  });

  test("loses a run that shares only a credential's last ten characters", () => {
    expect(redactor.text(`echo: ${AK.slice(-10)} end`)).toBe("echo: [redacted] end");
    expect(redactor.text(`echo: ${AK.slice(-10)}`)).toBe("echo: [redacted]");
  });

  test("loses the whole run of token characters around a credential, before and after it", () => {
    expect(redactor.text(`key: abc${AK}xyz, next`)).toBe("key: [redacted], next");
  });

  test("puts one [redacted] for a credential at the very start", () => {
    expect(redactor.text(`${AK} was rejected`)).toBe("[redacted] was rejected");
  });

  test("matches a credential shorter than ten characters whole, every time it appears, from the first character on", () => {
    const short = Redactor.of(["Pa55w0rd"]);
    expect(short.text("Pa55w0rd rejected; Pa55w0rd again!")).toBe("[redacted] rejected; [redacted] again!");
    expect(short.text("Pa55w0r is not it")).toBe("Pa55w0r is not it");
  });

  test("a credential of four characters is hidden; shorter ones are no credential and ordinary text stays", () => {
    expect(Redactor.of(["k3y9"]).text("bad k3y9 given")).toBe("bad [redacted] given");
    expect(Redactor.of(["abc", ""]).text("abc is fine")).toBe("abc is fine");
  });
});

describe("credentials", () => {
  test("AK/SK credentials give the access key, the secret key and the security token (when there is one) to redact", () => {
    expect(new AkSkCredentials(AK, SK, SECURITY_TOKEN).knownSecrets()).toEqual([AK, SK, SECURITY_TOKEN]);
    expect(new AkSkCredentials(AK, SK).knownSecrets()).toEqual([AK, SK]);
  });

  test("a token's identity is 32 hex digits of a hash: the same for one token, different for another, never the token", () => {
    const identity = new TokenCredentials(TOKEN).identity;
    expect(identity).toMatch(/^token:[0-9a-f]{32}$/);
    expect(new TokenCredentials(TOKEN).identity).toBe(identity);
    expect(new TokenCredentials(`${TOKEN}x`).identity).not.toBe(identity);
  });
});
