/**
 * Signed, retried GET requests that return parsed JSON, or throw an error that says what happened.
 * Knows nothing of backups or pages: those live in ../paging and ../backups.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { ErrorCodes, Headers } from "../api/wire";
import type { Language } from "../api/rules";
import { TaurusDbApiError, TaurusDbNetworkError, TaurusDbResponseError, type ExchangeContext } from "../errors";
import type { Credentials } from "./credentials";
import { USER_AGENT } from "../version";
import { authenticate } from "./authenticate";
import { excerpt } from "./excerpt";
import type { RequestLimiter } from "./limiter";
import { backoffDelayMs, DEFAULT_BACKOFF, RETRYABLE_STATUSES, retryAfterMs, type BackoffOptions } from "./retryPolicy";
import { TransportFailure, type Transport } from "./transport";

export interface ClientOptions {
  readonly credentials: Credentials;
  readonly transport: Transport;
  readonly limiter: RequestLimiter;
  /** Aborts every request and wait: the listing's deadline or the caller's cancel. */
  readonly signal: AbortSignal;
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
}

export interface RetryEvent {
  readonly url: string;
  readonly attempt: number;
  readonly reason: string;
  readonly delayMs: number;
}

export interface GetRequest {
  readonly baseUrl: string;
  readonly path: string;
  readonly query?: ReadonlyArray<readonly [string, string]>;
  /** Sent as `X-Project-Id` (signed) when set. */
  readonly projectId?: string;
  /** Named in error messages. */
  readonly instanceId?: string;
}

export interface JsonResponse {
  readonly body: unknown;
  readonly context: ExchangeContext & { status: number; requestId?: string };
  /** The start of the raw body, to quote when the JSON has the wrong shape (computed on demand). */
  readonly quote: () => string;
}

export class ApiClient {
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: ClientOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  async getJson(request: GetRequest): Promise<JsonResponse> {
    const { options } = this;
    const query = request.query ?? [];
    const headers: Record<string, string> = { "User-Agent": USER_AGENT, Accept: "application/json" };
    if (options.language) headers[Headers.language] = options.language;
    if (request.projectId) headers[Headers.projectId] = request.projectId;

    for (let attempt = 1; ; attempt++) {
      // Signed afresh each attempt: the signature covers X-Sdk-Date, which must stay current.
      const signed = authenticate({ baseUrl: request.baseUrl, path: request.path, query, headers }, options.credentials, new Date(this.now()));
      const context = { instanceId: request.instanceId, method: "GET", url: signed.url, attempts: attempt };
      const release = await options.limiter.acquire(options.signal);
      let outcome: { retryIn: number; reason: string } | JsonResponse;
      try {
        const response = await options.transport.send({
          url: signed.url,
          headers: signed.headers,
          timeoutMs: options.requestTimeoutMs,
          signal: options.signal,
        });
        outcome = this.judge(response.status, response.headers, response.body, context, attempt);
      } catch (error) {
        if (!(error instanceof TransportFailure)) throw error;
        if (!error.transient || attempt >= options.maxAttempts) {
          throw new TaurusDbNetworkError(context, error.code, error.message);
        }
        outcome = { retryIn: backoffDelayMs(attempt, options.backoff ?? DEFAULT_BACKOFF, this.random), reason: error.code };
      } finally {
        release();
      }
      if (!("retryIn" in outcome)) return outcome;
      options.onRetry?.({ url: signed.url, attempt, reason: outcome.reason, delayMs: outcome.retryIn });
      await sleep(outcome.retryIn, undefined, { signal: options.signal });
    }
  }

  /** Success, a reason to retry, or a thrown error. */
  private judge(
    status: number,
    headers: Readonly<Record<string, string | undefined>>,
    body: string,
    exchange: ExchangeContext,
    attempt: number,
  ): JsonResponse | { retryIn: number; reason: string } {
    const requestId = headers[Headers.requestId.toLowerCase()];
    const context = { ...exchange, status, requestId };
    if (status >= 200 && status < 300) {
      this.options.limiter.succeeded();
      try {
        return { body: JSON.parse(body), context, quote: () => excerpt(body) };
      } catch {
        throw new TaurusDbResponseError(context, "the body is not JSON", excerpt(body));
      }
    }

    const error = readErrorBody(body);
    const canRetry = RETRYABLE_STATUSES.has(status) && attempt < this.options.maxAttempts;
    if (status === 429) {
      const asked = retryAfterMs(headers[Headers.retryAfter.toLowerCase()], this.now());
      const maxWait = this.options.maxRetryAfterMs ?? 60_000;
      if (canRetry && (asked === undefined || asked <= maxWait)) {
        const wait = asked ?? backoffDelayMs(attempt, this.options.backoff ?? DEFAULT_BACKOFF, this.random);
        this.options.limiter.throttled(wait);
        return { retryIn: wait, reason: `HTTP 429 ${error?.code ?? ""}`.trim() };
      }
      throw new TaurusDbApiError({
        ...context,
        errorCode: error?.code,
        errorMessage: error?.message,
        bodyExcerpt: error ? undefined : excerpt(body),
        hint: asked !== undefined && asked > maxWait
          ? `The API asked to wait ${Math.ceil(asked / 1000)} s, longer than ${maxWait / 1000} s; try again later.`
          : "Still throttled after every retry; lower maxConcurrency or try again later.",
      });
    }
    if (canRetry) {
      return { retryIn: backoffDelayMs(attempt, this.options.backoff ?? DEFAULT_BACKOFF, this.random), reason: `HTTP ${status}` };
    }
    throw new TaurusDbApiError({
      ...context,
      errorCode: error?.code,
      errorMessage: error?.message,
      bodyExcerpt: error ? undefined : excerpt(body),
      hint: status === 401 || error?.code === ErrorCodes.authFailed ? authenticationHint(headers, this.now()) : undefined,
    });
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
  const clock = Math.abs(skewMinutes) >= 5 ? ` This machine's clock differs from the server's by about ${skewMinutes} minutes; signatures older than 15 minutes are refused.` : "";
  return (
    "Check the access key and secret key (or the token) and the project id. Not retried: the gateway locks an access key " +
    `for 5 minutes after five bad signatures in a row.${clock}`
  );
}
