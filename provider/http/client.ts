/**
 * Signed, retried requests that return parsed JSON, or throw an error that says what happened.
 * Knows nothing of backups or pages: those live in ../paging and ../backups.
 *
 * Every request takes its turn from the account's shared budget (./requestBudget.ts) and is
 * cancelled with the signal its caller gives: a failed, abandoned or finished listing leaves no
 * request, retry or wait behind. Server text put into an error is redacted (./redact.ts).
 */
import { JSON_CONTENT_TYPE } from "../api/instanceWire";
import type { Language } from "../api/rules";
import { ErrorCodes, Headers } from "../api/wire";
import { TaurusDbApiError, TaurusDbNetworkError, TaurusDbResponseError, type ExchangeContext } from "../errors";
import { USER_AGENT } from "../version";
import { abortableSleep } from "./abortableSleep";
import { authenticate } from "./authenticate";
import type { Credentials } from "./credentials";
import { Redactor } from "./redact";
import type { RequestBudget } from "./requestBudget";
import { backoffDelayMs, DEFAULT_BACKOFF, RETRYABLE_STATUSES, retryAfterMs, type BackoffOptions } from "./retryPolicy";
import { TransportFailure, type HttpResponse, type Transport } from "./transport";
import { neverSent } from "./transportFailure";

export interface ClientOptions {
  readonly credentials: Credentials;
  readonly transport: Transport;
  /** The account's share of an endpoint (by base URL), common to every client of that account and endpoint. */
  readonly budgets: (baseUrl: string) => RequestBudget;
  readonly maxAttempts: number;
  readonly requestTimeoutMs: number;
  readonly language?: Language;
  readonly backoff?: BackoffOptions;
  /** A `Retry-After` longer than this fails at once instead of waiting. */
  readonly maxRetryAfterMs?: number;
  readonly now?: () => number;
  readonly random?: () => number;
  /** Told about each retry, for debug logs. */
  readonly onRetry?: (event: RetryEvent) => void;
  /** Answers that mean "try again later" besides the gateway's (409 "operation in progress", say). */
  readonly retryWhen?: (status: number, errorCode: string | undefined) => boolean;
}

export interface RetryEvent {
  readonly url: string;
  readonly attempt: number;
  readonly reason: string;
  readonly delayMs: number;
}

export interface ApiRequest {
  readonly method?: "GET" | "POST";
  readonly baseUrl: string;
  readonly path: string;
  readonly query?: ReadonlyArray<readonly [string, string]>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as `X-Project-Id` (signed) when set. */
  readonly projectId?: string;
  /** Named in error messages. */
  readonly instanceId?: string;
  /** Values in the body that must never be quoted back (a password a server might echo in its error). */
  readonly secrets?: readonly string[];
  /**
   * A write that must not happen twice (a restore): retried only after answers that say it was not
   * acted on (429, the refusals `retryWhen` names, a connection refused), never after one that may
   * hide an accepted request (502/503/504, a reset or a timeout after sending).
   */
  readonly sendOnce?: boolean;
}

export interface JsonResponse {
  readonly body: unknown;
  readonly context: ExchangeContext & { status: number; requestId?: string };
  /** The start of the raw body, redacted, to quote when the JSON has the wrong shape (computed on demand). */
  readonly quote: () => string;
}

type Outcome = JsonResponse | { readonly retryIn: number; readonly reason: string };

export class ApiClient {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly redactor: Redactor;

  constructor(private readonly options: ClientOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.redactor = Redactor.of(options.credentials.knownSecrets());
  }

  /** Server text (a job's failure reason, say) made safe to quote: no credential, capped, on one line. */
  redact(text: string): string {
    return this.redactor.text(text);
  }

  /** Sends a request, retrying what may succeed next time, until `signal` says to stop. */
  async request(request: ApiRequest, signal: AbortSignal): Promise<JsonResponse> {
    const { options } = this;
    const method = request.method ?? "GET";
    const query = request.query ?? [];
    // Stryker disable next-line ConditionalExpression: JSON.stringify(undefined) is undefined as well; the test says what is meant
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const headers: Record<string, string> = { "User-Agent": USER_AGENT, Accept: "application/json" };
    if (options.language) headers[Headers.language] = options.language;
    if (request.projectId) headers[Headers.projectId] = request.projectId;
    if (body !== undefined) headers["Content-Type"] = JSON_CONTENT_TYPE;

    const budget = options.budgets(request.baseUrl);
    for (let attempt = 1; ; attempt++) {
      const permit = await budget.acquire(signal);
      // Signed afresh each attempt: the signature covers X-Sdk-Date, which must stay current.
      const signed = authenticate(
        { method, baseUrl: request.baseUrl, path: request.path, query, headers, body },
        options.credentials,
        new Date(this.now()),
      );
      // Stryker disable next-line ArrayDeclaration: one more text to hide changes nothing unless a server echoes it
      const redactor = this.redactor.with(signed.authorization, ...(request.secrets ?? []));
      const context = { instanceId: request.instanceId, method, url: signed.url, attempts: attempt };
      let outcome: Outcome;
      try {
        const response = await options.transport.send({
          method,
          url: signed.url,
          headers: signed.headers,
          body,
          timeoutMs: options.requestTimeoutMs,
          signal,
        });
        outcome = this.judge(
          response,
          context,
          redactor,
          request.sendOnce === true,
          () => budget.succeeded(),
          (wait) => budget.throttled(wait, permit),
        );
      } catch (error) {
        // The caller stopped the request (a cancel, a deadline): its reason is the failure, not the broken exchange.
        signal.throwIfAborted();
        if (!(error instanceof TransportFailure)) throw error;
        const mayHaveArrived = request.sendOnce === true && !neverSent(error.code);
        if (!error.transient || mayHaveArrived || attempt >= options.maxAttempts) {
          throw new TaurusDbNetworkError(context, error.code, redactor.text(error.message), error.hint);
        }
        outcome = { retryIn: backoffDelayMs(attempt, options.backoff ?? DEFAULT_BACKOFF, this.random), reason: error.code };
      } finally {
        permit.release();
      }
      if (!("retryIn" in outcome)) return outcome;
      options.onRetry?.({ url: signed.url, attempt, reason: outcome.reason, delayMs: outcome.retryIn });
      await abortableSleep(outcome.retryIn, signal);
    }
  }

  /** Success, a reason to retry, or a thrown error. */
  private judge(
    response: HttpResponse,
    exchange: ExchangeContext,
    redactor: Redactor,
    sendOnce: boolean,
    succeeded: () => void,
    throttled: (waitMs: number) => void,
  ): Outcome {
    const { status, headers, body } = response;
    const requestId = headers[Headers.requestId.toLowerCase()];
    const context = { ...exchange, status, requestId: requestId === undefined ? undefined : redactor.text(requestId, 128) };
    const quote = () => redactor.text(body.replace(/\s+/g, " ").trim(), 160);
    if (status >= 200 && status < 300) {
      succeeded();
      try {
        return { body: JSON.parse(body), context, quote };
      } catch {
        throw new TaurusDbResponseError(context, "the body is not JSON", quote());
      }
    }

    const error = readErrorBody(body);
    const fail = (hint?: string) =>
      new TaurusDbApiError({
        ...context,
        errorCode: error?.code === undefined ? undefined : redactor.text(error.code, 64),
        errorMessage: error?.message === undefined ? undefined : redactor.text(error.message),
        bodyExcerpt: error ? undefined : quote(),
        hint,
      });
    const attempt = exchange.attempts;
    const canRetry = attempt < this.options.maxAttempts;

    if (status === 429) {
      const asked = retryAfterMs(headers[Headers.retryAfter.toLowerCase()], this.now());
      const maxWait = this.options.maxRetryAfterMs ?? 60_000;
      if (canRetry && (asked === undefined || asked <= maxWait)) {
        const wait = asked ?? backoffDelayMs(attempt, this.options.backoff ?? DEFAULT_BACKOFF, this.random);
        throttled(wait);
        return { retryIn: wait, reason: `HTTP 429${error ? ` ${redactor.text(error.code, 64)}` : ""}` };
      }
      throw fail(
        asked !== undefined && asked > maxWait
          ? `The API asked to wait ${Math.ceil(asked / 1000)} s, longer than ${maxWait / 1000} s; try again later.`
          : "Still throttled after every retry: other programs of this account may be using its quota; try again later.",
      );
    }
    const gatewayTrouble = RETRYABLE_STATUSES.has(status) && !sendOnce;
    if (canRetry && (gatewayTrouble || this.options.retryWhen?.(status, error?.code))) {
      const asked = retryAfterMs(headers[Headers.retryAfter.toLowerCase()], this.now());
      const wait = Math.max(asked ?? 0, backoffDelayMs(attempt, this.options.backoff ?? DEFAULT_BACKOFF, this.random));
      return { retryIn: wait, reason: `HTTP ${status}${error ? ` ${redactor.text(error.code, 64)}` : ""}` };
    }
    if (status >= 300 && status < 400) {
      const location = headers["location"] === undefined ? "" : ` to ${redactor.text(headers["location"], 200)}`;
      throw fail(
        `The endpoint answered with a redirect${location}. Redirects are not followed, because a signed request must not be replayed elsewhere: set the endpoint to the address that answers.`,
      );
    }
    throw fail(status === 401 || error?.code === ErrorCodes.authFailed ? authenticationHint(headers, this.now()) : undefined);
  }
}

function readErrorBody(body: string): { code: string; message?: string } | undefined {
  try {
    const parsed = JSON.parse(body) as { error_code?: unknown; error_msg?: unknown };
    if (parsed && typeof parsed.error_code === "string") {
      return { code: parsed.error_code, message: typeof parsed.error_msg === "string" ? parsed.error_msg : undefined };
    }
  } catch {
    // Not JSON: the caller quotes the body instead.
  }
  return undefined;
}

/** What to check after a 401, and why it was not retried. */
function authenticationHint(headers: Readonly<Record<string, string | undefined>>, now: number): string {
  const serverDate = headers["date"] ? Date.parse(headers["date"]) : NaN;
  const skewMinutes = Number.isNaN(serverDate) ? 0 : Math.round((now - serverDate) / 60_000);
  const clock =
    Math.abs(skewMinutes) >= 5
      ? ` This machine's clock differs from the server's by about ${skewMinutes} minutes; signatures older than 15 minutes are refused.`
      : "";
  return (
    "Check the access key and secret key (or the token) and the project id. Not retried: the gateway locks an access key " +
    `for 5 minutes after five bad signatures in a row.${clock}`
  );
}
