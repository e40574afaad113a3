/**
 * The client's retry loop and its judge of answers, on an in-memory transport: what it sends, which
 * answers it retries and how long it waits, what the shared budget learns, and what each failure
 * says. No server: each answer is scripted, so every branch is reached on purpose and fast.
 */
import { TaurusDbApiError, TaurusDbNetworkError, TaurusDbResponseError } from "../../../provider/errors";
import { abortableSleep } from "../../../provider/http/abortableSleep";
import { ApiClient, type ApiRequest, type ClientOptions, type RetryEvent } from "../../../provider/http/client";
import { AkSkCredentials } from "../../../provider/http/credentials";
import { RequestBudget } from "../../../provider/http/requestBudget";
import { TransportFailure, type HttpRequest, type HttpResponse, type Transport } from "../../../provider/http/transport";
import { USER_AGENT } from "../../../provider/version";

const NOW = Date.parse("2026-11-30T04:00:00Z");
const BASE_URL = "https://gaussdb.example.test";
const GET: ApiRequest = { baseUrl: BASE_URL, path: "/v3/p1/instances/i1/backups", instanceId: "i1" };

type Answer = HttpResponse | TransportFailure | ((request: HttpRequest) => Promise<HttpResponse>);

/** Plays the scripted answers in order and keeps every request it was given. */
class ScriptedTransport implements Transport {
  readonly sent: HttpRequest[] = [];
  constructor(private readonly answers: Answer[]) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    this.sent.push(request);
    const answer = this.answers.shift();
    if (answer === undefined) throw new Error(`unexpected request ${this.sent.length}`);
    if (answer instanceof TransportFailure) throw answer;
    return typeof answer === "function" ? answer(request) : answer;
  }
}

function answer(status: number, body: unknown = {}, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers, body: typeof body === "string" ? body : JSON.stringify(body) };
}

const OK = answer(200, { backups: [] });

function setUp(answers: Answer[], options: Partial<ClientOptions> = {}) {
  const transport = new ScriptedTransport(answers);
  const budget = new RequestBudget({ maxInFlight: 2 });
  const retries: RetryEvent[] = [];
  const client = new ApiClient({
    credentials: new AkSkCredentials("AK-CLIENT-TEST", "SK-CLIENT-TEST"),
    transport,
    budgets: () => budget,
    maxAttempts: 3,
    requestTimeoutMs: 5_000,
    backoff: { baseDelayMs: 4, maxDelayMs: 8 },
    now: () => NOW,
    random: () => 0.5,
    onRetry: (event) => retries.push(event),
    ...options,
  });
  return { client, transport, budget, retries };
}

function send(client: ApiClient, request: ApiRequest = GET, signal = new AbortController().signal) {
  return client.request(request, signal);
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: Error) => error,
  );
}

describe("what is sent", () => {
  test("a GET has no body and no Content-Type, and names the client and the JSON it accepts", async () => {
    const { client, transport } = setUp([OK]);
    await send(client);
    const [request] = transport.sent;
    expect(request.method).toBe("GET");
    expect(request.body).toBeUndefined();
    expect(request.headers).not.toHaveProperty("Content-Type");
    expect(request.headers).toMatchObject({ "User-Agent": USER_AGENT, Accept: "application/json" });
    expect(request.timeoutMs).toBe(5_000);
  });

  test("a POST sends its body as JSON with a JSON Content-Type", async () => {
    const { client, transport } = setUp([OK]);
    await send(client, { ...GET, method: "POST", body: { restore_time: 1 } });
    expect(transport.sent[0].body).toBe('{"restore_time":1}');
    expect(transport.sent[0].headers["Content-Type"]).toBe("application/json;charset=UTF-8");
  });

  test("the language and the project id are sent as headers when given", async () => {
    const { client, transport } = setUp([OK], { language: "en-us" });
    await send(client, { ...GET, projectId: "p1" });
    expect(transport.sent[0].headers).toMatchObject({ "X-Language": "en-us", "X-Project-Id": "p1" });
  });
});

describe("answers", () => {
  test("a 2xx answer is parsed JSON with its status and request id", async () => {
    const { client } = setUp([answer(200, { backups: [1] }, { "x-request-id": "req-1" })]);
    const response = await send(client);
    expect(response.body).toEqual({ backups: [1] });
    expect(response.context).toMatchObject({ status: 200, requestId: "req-1", attempts: 1, instanceId: "i1" });
  });

  test("a 2xx answer that is not JSON fails as an unexpected response quoting the body on one line", async () => {
    const { client } = setUp([answer(200, "  <html>\n\t<b>maintenance</b>   </html>  ")]);
    const error = await failureOf(send(client));
    expect(error).toBeInstanceOf(TaurusDbResponseError);
    expect((error as TaurusDbResponseError).bodyExcerpt).toBe("<html> <b>maintenance</b> </html>");
    expect(error.message).toContain("the body is not JSON");
  });

  test("a 4xx error is not retried and carries the API's code and message", async () => {
    const { client, transport } = setUp([answer(404, { error_code: "DBS.200823", error_msg: "instance not found" })]);
    const error = (await failureOf(send(client))) as TaurusDbApiError;
    expect(error).toBeInstanceOf(TaurusDbApiError);
    expect(error).toMatchObject({ status: 404, errorCode: "DBS.200823", errorMessage: "instance not found", attempts: 1 });
    expect(error.message).not.toContain("Check the access key");
    expect(error.message).not.toContain("redirect");
    expect(transport.sent).toHaveLength(1);
  });

  test("an error body that is not the documented JSON is quoted, collapsed to one line", async () => {
    const { client } = setUp([answer(400, "<html>\n  bad   request\n</html>\n")]);
    const error = (await failureOf(send(client))) as TaurusDbApiError;
    expect(error.errorCode).toBeUndefined();
    expect(error.bodyExcerpt).toBe("<html> bad request </html>");
  });

  test.each([300, 302, 399])("a %i redirect is not followed and the error names where it pointed", async (status) => {
    const { client, transport } = setUp([answer(status, "", { location: "https://elsewhere.example.test/" })]);
    const error = await failureOf(send(client));
    expect(error.message).toContain("redirect to https://elsewhere.example.test/");
    expect(transport.sent).toHaveLength(1);
  });

  test("a 1xx final answer is neither a success nor a redirect", async () => {
    const { client } = setUp([answer(199, { error_code: "X.1", error_msg: "odd" })]);
    const error = (await failureOf(send(client))) as TaurusDbApiError;
    expect(error).toMatchObject({ status: 199, errorCode: "X.1" });
    expect(error.message).not.toContain("redirect");
  });

  test("a 400 is not reported as a redirect", async () => {
    const { client } = setUp([answer(400, { error_code: "DBS.280234", error_msg: "bad" }, { location: "/x" })]);
    expect((await failureOf(send(client))).message).not.toContain("redirect");
  });
});

describe("authentication failures", () => {
  test("a 401 is not retried and says what to check", async () => {
    const { client, transport } = setUp([answer(401, { error_code: "APIGW.0302", error_msg: "bad token" })]);
    const error = await failureOf(send(client));
    expect(error.message).toContain("Check the access key and secret key");
    expect(transport.sent).toHaveLength(1);
  });

  test("a 403 with the gateway's authentication code says what to check; another 403 does not", async () => {
    const signature = setUp([answer(403, { error_code: "APIGW.0301", error_msg: "incorrect signature" })]);
    expect((await failureOf(send(signature.client))).message).toContain("Check the access key and secret key");
    const forbidden = setUp([answer(403, { error_code: "DBS.200001", error_msg: "no permission" })]);
    expect((await failureOf(send(forbidden.client))).message).not.toContain("Check the access key");
  });

  test.each([
    [-10, "about 10 minutes"],
    [10, "about -10 minutes"],
    [-5, "about 5 minutes"],
  ])("a server clock %i minutes from this machine's is named in the hint", async (serverAhead, words) => {
    const date = new Date(NOW + serverAhead * 60_000).toUTCString();
    const { client } = setUp([answer(401, { error_code: "APIGW.0301", error_msg: "expired" }, { date })]);
    expect((await failureOf(send(client))).message).toContain(`clock differs from the server's by ${words}`);
  });

  test.each([4, -4, 0])("a server clock %i minutes off is not blamed", async (serverAhead) => {
    const date = new Date(NOW + serverAhead * 60_000).toUTCString();
    const { client } = setUp([answer(401, { error_code: "APIGW.0301", error_msg: "expired" }, { date })]);
    const error = await failureOf(send(client));
    expect(error.message).toContain("Check the access key");
    expect(error.message).not.toContain("clock");
  });
});

describe("retries", () => {
  test("a gateway error is retried after the backoff, then the answer is returned", async () => {
    const { client, transport, retries } = setUp([answer(503, { error_code: "SYS.0503" }), OK]);
    const response = await send(client);
    expect(response.context.attempts).toBe(2);
    expect(transport.sent).toHaveLength(2);
    expect(retries).toEqual([{ url: transport.sent[0].url, attempt: 1, reason: "HTTP 503 SYS.0503", delayMs: 3 }]);
  });

  test("a gateway error waits for its Retry-After when that is longer than the backoff", async () => {
    const { client, retries } = setUp([answer(502, "", { "retry-after": "0.05" }), OK]);
    await send(client);
    expect(retries[0].delayMs).toBe(50);
  });

  test("a gateway error fails after the last attempt with the count", async () => {
    const { client, transport } = setUp([answer(504, ""), answer(504, ""), answer(504, "gateway timeout")]);
    const error = (await failureOf(send(client))) as TaurusDbApiError;
    expect(error).toMatchObject({ status: 504, attempts: 3, bodyExcerpt: "gateway timeout" });
    expect(transport.sent).toHaveLength(3);
  });

  test("a write that must not happen twice is not retried after a gateway error that may hide its success", async () => {
    const { client, transport } = setUp([answer(503, ""), OK]);
    const error = (await failureOf(send(client, { ...GET, method: "POST", body: {}, sendOnce: true }))) as TaurusDbApiError;
    expect(error.status).toBe(503);
    expect(transport.sent).toHaveLength(1);
  });

  test("answers the caller names as 'try again later' are retried, even for a write sent once", async () => {
    const retryWhen = (status: number, code: string | undefined) => status === 409 && code === "DBS.BUSY";
    const { client, retries } = setUp([answer(409, { error_code: "DBS.BUSY", error_msg: "in progress" }), OK], { retryWhen });
    const response = await send(client, { ...GET, method: "POST", body: {}, sendOnce: true });
    expect(response.context.attempts).toBe(2);
    expect(retries[0].reason).toBe("HTTP 409 DBS.BUSY");
  });

  test("a transient network failure is retried; a write sent once is retried only when it never left", async () => {
    const reset = () => new TransportFailure("ECONNRESET", "socket hang up");
    const refused = () => new TransportFailure("ECONNREFUSED", "connect ECONNREFUSED");

    const read = setUp([reset(), OK]);
    expect((await send(read.client)).context.attempts).toBe(2);
    expect(read.retries[0]).toMatchObject({ attempt: 1, reason: "ECONNRESET", delayMs: 3 });

    const write = { ...GET, method: "POST" as const, body: {}, sendOnce: true };
    const resetWrite = setUp([reset(), OK]);
    const error = await failureOf(send(resetWrite.client, write));
    expect(error).toBeInstanceOf(TaurusDbNetworkError);
    expect((error as TaurusDbNetworkError).code).toBe("ECONNRESET");
    expect(resetWrite.transport.sent).toHaveLength(1);

    const refusedWrite = setUp([refused(), OK]);
    expect((await send(refusedWrite.client, write)).context.attempts).toBe(2);
  });

  test("a failure that another attempt cannot mend is not retried", async () => {
    const { client, transport } = setUp([new TransportFailure("EBODYTOOLARGE", "over 4 MiB", "Check the endpoint."), OK]);
    const error = (await failureOf(send(client))) as TaurusDbNetworkError;
    expect(error.code).toBe("EBODYTOOLARGE");
    expect(error.context.attempts).toBe(1);
    expect(error.message).toContain("Check the endpoint.");
    expect(transport.sent).toHaveLength(1);
  });

  test("a transient failure on the last attempt fails with the count", async () => {
    const timeout = () => new TransportFailure("ETIMEDOUT", "timeout of 5000ms exceeded");
    const { client } = setUp([timeout(), timeout()], { maxAttempts: 2 });
    const error = (await failureOf(send(client))) as TaurusDbNetworkError;
    expect(error.code).toBe("ETIMEDOUT");
    expect(error.context.attempts).toBe(2);
  });

  test("an error that is not a transport failure passes through unchanged", async () => {
    const bug = new RangeError("a bug in a transport");
    const { client } = setUp([() => Promise.reject(bug)]);
    expect(await failureOf(send(client))).toBe(bug);
  });
});

describe("429", () => {
  test("waits as long as Retry-After asks and teaches the shared budget the rate, which successes raise", async () => {
    const { client, budget, retries } = setUp([answer(429, { error_code: "APIGW.0308" }, { "retry-after": "0" }), OK]);
    expect(budget.requestsPerSecond).toBe(Number.POSITIVE_INFINITY);
    await send(client);
    expect(retries[0]).toMatchObject({ reason: "HTTP 429 APIGW.0308", delayMs: 0 });
    // Lowered to the two slots on the 429, then raised by 1/2 by the success that followed.
    expect(budget.requestsPerSecond).toBe(2.5);
  });

  test("without Retry-After, waits the backoff", async () => {
    const { client, retries } = setUp([answer(429, ""), OK]);
    await send(client);
    expect(retries[0]).toMatchObject({ reason: "HTTP 429", delayMs: 3 });
  });

  test("a Retry-After of exactly the longest allowed wait is waited for", async () => {
    const { client } = setUp([answer(429, "", { "retry-after": "0" }), OK], { maxRetryAfterMs: 0 });
    expect((await send(client)).context.attempts).toBe(2);
  });

  test("a Retry-After longer than allowed fails at once and says how long was asked", async () => {
    const { client, transport } = setUp([answer(429, "", { "retry-after": "1.5" }), OK], { maxRetryAfterMs: 1_000 });
    const error = await failureOf(send(client));
    expect(error.message).toContain("The API asked to wait 2 s, longer than 1 s");
    expect(transport.sent).toHaveLength(1);
  });

  test("still throttled on the last attempt: says so, not that the wait was too long", async () => {
    const { client } = setUp([answer(429, "", { "retry-after": "0" })], { maxAttempts: 1, maxRetryAfterMs: 0 });
    const error = await failureOf(send(client));
    expect(error.message).toContain("Still throttled after every retry");
    expect(error.message).not.toContain("asked to wait");
  });
});

describe("cancel", () => {
  test("a cancel during a retry wait fails with the caller's reason, at once", async () => {
    const { client, transport } = setUp([answer(503, "", { "retry-after": "30" }), OK]);
    const controller = new AbortController();
    const reason = new Error("stack cancelled");
    const pending = failureOf(send(client, GET, controller.signal));
    await waitUntil(() => transport.sent.length === 1);
    controller.abort(reason);
    expect(await pending).toBe(reason);
    expect(transport.sent).toHaveLength(1);
  });

  test("a cancel during an exchange fails with the caller's reason, not as a broken exchange", async () => {
    const controller = new AbortController();
    const reason = new Error("deadline");
    const { client, transport } = setUp([
      (request) =>
        new Promise<HttpResponse>((_, reject) =>
          request.signal.addEventListener("abort", () => reject(new TransportFailure("EABORTED", "aborted")), { once: true }),
        ),
    ]);
    const pending = failureOf(send(client, GET, controller.signal));
    await waitUntil(() => transport.sent.length === 1);
    controller.abort(reason);
    expect(await pending).toBe(reason);
  });
});

describe("abortableSleep", () => {
  test("waits the time given", async () => {
    const started = Date.now();
    await abortableSleep(20, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  test("an abort ends the wait with the signal's own reason", async () => {
    const controller = new AbortController();
    const reason = new Error("cancelled");
    const pending = abortableSleep(60_000, controller.signal);
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
