/**
 * Answers that cannot be used, each named for what it is and what to do: a body over the size cap
 * (also when it only grows that large once decompressed), a broken gzip body, headers too large,
 * HTTPS to something that does not speak TLS, a redirect, and a total_count no instance has.
 */
import { createServer as createHttpServer, type ServerResponse } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { TaurusDbApiError, TaurusDbNetworkError, TaurusDbResponseError } from "../../../provider/errors";
import { BodyGate, LARGE_BODY_BYTES } from "../../../provider/http/bodyGate";
import { createTransport, MAX_BODY_BYTES, type HttpRequest } from "../../../provider/http/transport";
import { describeFailure, TransportFailure } from "../../../provider/http/transportFailure";
import { listInstanceBackups } from "../../../provider/listing";
import { ARGUMENTS_ONLY, rejectionOf, waitFor } from "../../support/emulator";
import { startStubServer, wireBackup, type StubServer } from "../../support/stubServer";

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

let answer: (response: ServerResponse) => void;
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

describe("the transport on its own", () => {
  const request = (overrides: Partial<HttpRequest> = {}): HttpRequest => ({
    method: "GET",
    url: `${server.url}/v3/backups`,
    headers: {},
    timeoutMs: 5_000,
    signal: new AbortController().signal,
    ...overrides,
  });
  const failureOf = async (promise: Promise<unknown>) => (await rejectionOf(promise)) as TransportFailure;

  test("keeps its connection open: a second request to the same server goes over the first one's socket", async () => {
    // A server of its own: the stub's one-second keep-alive is too short for Node's agent to reuse a socket.
    const ports: number[] = [];
    const keepAlive = createHttpServer((incoming, response) => {
      ports.push(incoming.socket.remotePort!);
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end("{}");
    });
    await new Promise<void>((resolve) => keepAlive.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(keepAlive.address() as AddressInfo).port}/v3/backups`;
      const transport = createTransport();
      await transport.send(request({ url }));
      await transport.send(request({ url }));
      expect(ports).toHaveLength(2);
      expect(ports[1]).toBe(ports[0]);
    } finally {
      keepAlive.closeAllConnections();
      keepAlive.close();
    }
  });

  test("gives a gzip body decompressed", async () => {
    answer = (response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
      response.end(gzipSync(page()));
    };
    const response = await createTransport().send(request());
    expect(response.body).toBe(page());
  });

  test("a request its caller cancelled fails as EABORTED, whether before it left or while waiting for the answer", async () => {
    const before = await failureOf(createTransport().send(request({ signal: AbortSignal.abort() })));
    expect(before).toBeInstanceOf(TransportFailure);
    expect(before.code).toBe("EABORTED");

    const held: ServerResponse[] = [];
    answer = (response) => held.push(response);
    const caller = new AbortController();
    const sending = createTransport().send(request({ signal: caller.signal }));
    await waitFor(() => held.length === 1);
    caller.abort();
    const during = await failureOf(sending);
    held[0].end();
    expect(during.code).toBe("EABORTED");
    expect(during.message).toMatch(/^the request was cancelled/);
  });

  test("a body of exactly LARGE_BODY_BYTES never waits for a large-body turn", async () => {
    answer = (response) => {
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.end("s".repeat(LARGE_BODY_BYTES));
    };
    const noTurns = new BodyGate(0);
    const response = await createTransport({ bodyGate: noTurns }).send(request({ timeoutMs: 2_000 }));
    expect(response.body).toHaveLength(LARGE_BODY_BYTES);
  });

  test("a body past LARGE_BODY_BYTES waits for a large-body turn: with none to be had, it runs out of time", async () => {
    answer = (response) => {
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.end("l".repeat(LARGE_BODY_BYTES + 1));
    };
    const noTurns = new BodyGate(0);
    const failure = await failureOf(createTransport({ bodyGate: noTurns }).send(request({ timeoutMs: 300 })));
    expect(failure.code).toBe("ETIMEDOUT");
  });

  test("an answer that is not HTTP is named as such, with what to check", async () => {
    const garbage = createServer((socket) => socket.end("SSH-2.0-OpenSSH_9.6\r\n\r\n"));
    await new Promise<void>((resolve) => garbage.listen(0, "127.0.0.1", resolve));
    try {
      const port = (garbage.address() as { port: number }).port;
      const failure = await failureOf(createTransport().send(request({ url: `http://127.0.0.1:${port}/v3/backups` })));
      expect(failure.code).toMatch(/^HPE_/);
      expect(failure.message).toMatch(/^the answer is not valid HTTP \(/);
      expect(failure.hint).toBe("Check that the endpoint speaks HTTPS to the TaurusDB API.");
    } finally {
      garbage.close();
    }
  });
});

describe("large-body turns", () => {
  test("a turn given back twice counts once: after it is taken again, the next reader waits", async () => {
    const gate = new BodyGate(1);
    const release = await gate.acquire(new AbortController().signal);
    release();
    release();
    await gate.acquire(new AbortController().signal);
    const next = new AbortController();
    const waiting = gate.acquire(next.signal);
    const reason = new Error("gave up waiting for a turn");
    next.abort(reason);
    await expect(waiting).rejects.toBe(reason);
  });
});

describe("a thrown error, described", () => {
  const failure = (code: unknown, message: string) => describeFailure(Object.assign(new Error(message), { code }));

  test("axios's ECONNABORTED for a timeout is ETIMEDOUT; another ECONNABORTED, or another code that mentions a timeout, keeps its code", () => {
    expect(failure("ECONNABORTED", "timeout of 30000ms exceeded")).toMatchObject({
      code: "ETIMEDOUT",
      message: "timeout of 30000ms exceeded",
    });
    expect(failure("ECONNABORTED", "socket closed").code).toBe("ECONNABORTED");
    expect(failure("ECONNRESET", "read ECONNRESET after a timeout").code).toBe("ECONNRESET");
  });

  test("a zlib error is a body that could not be decompressed, known by its Z_ code alone or by its words alone", () => {
    expect(failure("Z_DATA_ERROR", "bad data")).toMatchObject({
      code: "EBADBODY",
      message: "the response body could not be decompressed as its Content-Encoding says (Z_DATA_ERROR: bad data)",
      hint: "A proxy or the endpoint is mangling responses; check the endpoint.",
    });
    expect(failure("ERR_STREAM_PREMATURE_CLOSE", "unexpected end of file").code).toBe("EBADBODY");
    expect(failure("EZ_", "bad data").code).toBe("EZ_");
  });

  test("a parse error other than oversized headers says the answer is not HTTP", () => {
    expect(failure("HPE_INVALID_CONSTANT", "Parse Error: Expected HTTP/")).toMatchObject({
      code: "HPE_INVALID_CONSTANT",
      message: "the answer is not valid HTTP (Parse Error: Expected HTTP/)",
      hint: "Check that the endpoint speaks HTTPS to the TaurusDB API.",
    });
  });

  test("a socket error is itself: no TLS wording and no hint", () => {
    const reset = failure("ECONNRESET", "socket hang up");
    expect(reset).toMatchObject({ code: "ECONNRESET", message: "socket hang up" });
    expect(reset.hint).toBeUndefined();
    expect(reset.transient).toBe(true);
  });

  test("a TLS error says so, with what to check", () => {
    expect(failure("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate")).toMatchObject({
      code: "DEPTH_ZERO_SELF_SIGNED_CERT",
      message: "the TLS connection failed: self-signed certificate",
    });
  });

  test("anything thrown without a string code is EUNKNOWN: an Error, a numeric code, undefined, a string", () => {
    expect(describeFailure(new Error("boom"))).toMatchObject({ code: "EUNKNOWN", message: "boom" });
    expect(failure(42, "numeric")).toMatchObject({ code: "EUNKNOWN", message: "numeric" });
    expect(describeFailure(undefined)).toMatchObject({ code: "EUNKNOWN", message: "undefined" });
    expect(describeFailure("plain text")).toMatchObject({ code: "EUNKNOWN", message: "plain text" });
  });

  test("only the first line of the message is kept, and at most 300 characters of it", () => {
    expect(describeFailure(new Error("connect failed\nAuthorization: SDK-HMAC-SHA256 Access=AK")).message).toBe("connect failed");
    expect(describeFailure(new Error("e".repeat(500))).message).toBe("e".repeat(300));
  });
});
