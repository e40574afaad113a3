/**
 * Answers that cannot be used, each named for what it is and what to do: a body over the size cap
 * (also when it only grows that large once decompressed), a broken gzip body, headers too large,
 * HTTPS to something that does not speak TLS, a redirect, and a total_count no instance has.
 */
import { createServer } from "node:net";
import { gzipSync } from "node:zlib";
import { TaurusDbApiError, TaurusDbNetworkError, TaurusDbResponseError } from "../provider/errors";
import { MAX_BODY_BYTES } from "../provider/http/transport";
import { listInstanceBackups } from "../provider/listing";
import { ARGUMENTS_ONLY, rejectionOf } from "./support/emulator";
import { startStubServer, wireBackup, type StubServer } from "./support/stubServer";

const INSTANCE = "61a4ea66210545909d74a05c27a7179ein07";
const args = (endpoint: string) => ({
  instanceId: INSTANCE,
  projectId: "619d3e78f61b4be68bc5aa0b59edcf7b",
  endpoint,
  accessKey: "AKTRANSPORTTEST",
  secretKey: "transport-secret",
  maxAttempts: 2,
});
const runtime = { ...ARGUMENTS_ONLY, backoff: { baseDelayMs: 1, maxDelayMs: 2 } };

let answer: (response: import("node:http").ServerResponse) => void;
let server: StubServer;
beforeAll(async () => {
  server = await startStubServer((_request, response) => answer(response));
});
afterAll(() => server.close());

const page = (extra: Record<string, unknown> = {}) => JSON.stringify({ backups: [wireBackup(1, INSTANCE)], total_count: "1", ...extra });

test("a body over the cap is refused as such, not as 'no answer', and not retried", async () => {
  let requests = 0;
  answer = (response) => {
    requests++;
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(page({ padding: "x".repeat(MAX_BODY_BYTES) }));
  };
  const error = await rejectionOf(listInstanceBackups(args(server.url), runtime));
  expect(error).toBeInstanceOf(TaurusDbNetworkError);
  expect(error.message).toMatch(
    /^Unusable answer from the TaurusDB API .*EBODYTOOLARGE \(the response body is larger than 4194304 bytes, far more than a page of backups; check the endpoint\)/,
  );
  expect(requests).toBe(1);
});

test("a small gzip body that inflates past the cap is refused by its decompressed size", async () => {
  const bomb = gzipSync(page({ padding: "x".repeat(MAX_BODY_BYTES + 1) }));
  expect(bomb.length).toBeLessThan(64 * 1024);
  answer = (response) => {
    response.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
    response.end(bomb);
  };
  expect((await rejectionOf(listInstanceBackups(args(server.url), runtime))).message).toMatch(/EBODYTOOLARGE/);
});

test("a body that is not the gzip its Content-Encoding says is named as such", async () => {
  answer = (response) => {
    response.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
    response.end("this is not gzip at all");
  };
  const error = await rejectionOf(listInstanceBackups(args(server.url), runtime));
  expect(error.message).toMatch(
    /EBADBODY \(the response body could not be decompressed as its Content-Encoding says .*\)\. A proxy or the endpoint is mangling responses/,
  );
});

test("headers larger than Node.js accepts are named as such", async () => {
  answer = (response) => {
    response.writeHead(200, { "Content-Type": "application/json", "X-Padding": "p".repeat(20 * 1024) });
    response.end(page());
  };
  const error = await rejectionOf(listInstanceBackups(args(server.url), runtime));
  expect(error.message).toMatch(/HPE_HEADER_OVERFLOW \(the response headers are larger than Node.js accepts \(16 KB\)\)/);
});

test("https to a server that does not speak TLS is a TLS failure, with what to check", async () => {
  const plain = createServer((socket) => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
  await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
  try {
    const port = (plain.address() as { port: number }).port;
    const error = await rejectionOf(listInstanceBackups(args(`https://127.0.0.1:${port}`), runtime));
    expect(error).toBeInstanceOf(TaurusDbNetworkError);
    expect(error.message).toMatch(
      /the TLS connection failed: .*Check the endpoint's certificate and host name; this package never turns certificate checks off\./,
    );
  } finally {
    plain.close();
  }
});

test("a redirect is not followed, and says why", async () => {
  answer = (response) => {
    response.writeHead(302, { Location: "https://elsewhere.example.com/v3/backups" });
    response.end();
  };
  const error = await rejectionOf(listInstanceBackups(args(server.url), runtime));
  expect(error).toBeInstanceOf(TaurusDbApiError);
  expect(error.message).toMatch(
    /HTTP 302 .*The endpoint answered with a redirect to https:\/\/elsewhere\.example\.com\/v3\/backups\. Redirects are not followed, because a signed request must not be replayed elsewhere/,
  );
});

test("a total_count over the million this package lists is a response error, not an inconsistency to retry", async () => {
  answer = (response) => {
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ backups: [wireBackup(1, INSTANCE)], total_count: "2000000" }));
  };
  const error = await rejectionOf(listInstanceBackups(args(server.url), runtime));
  expect(error).toBeInstanceOf(TaurusDbResponseError);
  expect(error.message).toMatch(/total_count 2000000 is more than the 1000000 backups this package lists; no instance keeps that many/);
});
