/** When to retry and how long to wait: exponential backoff with jitter, and Retry-After. */
import { backoffDelayMs, retryAfterMs } from "../../../provider/http/retryPolicy";

const OPTIONS = { baseDelayMs: 100, maxDelayMs: 1_000 };

describe("backoff", () => {
  test("doubles from the base with each failed attempt, up to the cap", () => {
    const most = () => 0.999_999;
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelayMs(attempt, OPTIONS, most))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  test("jitter waits between half and all of the ceiling", () => {
    expect(backoffDelayMs(3, OPTIONS, () => 0)).toBe(200);
    expect(backoffDelayMs(3, OPTIONS, () => 0.5)).toBe(300);
    expect(backoffDelayMs(1, OPTIONS, () => 0)).toBe(50);
  });

  test("an attempt number below 1 waits as the first", () => {
    expect(backoffDelayMs(0, OPTIONS, () => 0)).toBe(50);
  });
});

describe("Retry-After", () => {
  const NOW = Date.parse("2026-11-30T00:00:00Z");

  test("seconds, whole or fractional, surrounding spaces ignored", () => {
    expect(retryAfterMs("2", NOW)).toBe(2_000);
    expect(retryAfterMs(" 1.5 ", NOW)).toBe(1_500);
    expect(retryAfterMs("0", NOW)).toBe(0);
  });

  test("an HTTP date: the time until then, never negative", () => {
    expect(retryAfterMs("Mon, 30 Nov 2026 00:00:03 GMT", NOW)).toBe(3_000);
    expect(retryAfterMs("Sun, 29 Nov 2026 23:59:00 GMT", NOW)).toBe(0);
  });

  test("absent or unreadable: undefined, so backoff applies", () => {
    expect(retryAfterMs(undefined, NOW)).toBeUndefined();
    expect(retryAfterMs("soon", NOW)).toBeUndefined();
    expect(retryAfterMs("-1", NOW)).toBeUndefined();
  });
});
