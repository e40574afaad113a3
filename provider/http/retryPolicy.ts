/**
 * When to try a request again, and how long to wait. Only answers that may differ next time are
 * retried: throttling (429), gateway trouble (502/503/504) and lost connections. A 401 never is:
 * the gateway locks an access key after five bad signatures in a row.
 */

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export interface BackoffOptions {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseDelayMs: 200, maxDelayMs: 8_000 };

/**
 * Exponential backoff with jitter: a random wait between half and all of base × 2^(attempt-1),
 * capped. Jitter keeps concurrent page requests from retrying in lockstep.
 */
export function backoffDelayMs(failedAttempts: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

/**
 * Reads `Retry-After` (seconds, possibly fractional, or an HTTP date) as milliseconds from now.
 * Undefined when absent or unreadable, so the caller falls back to backoff.
 */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP date names its month; Date.parse alone would also read "-1" or "2026" as dates.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
