/**
 * Waits in real time against a throttled emulator: a Retry-After of a second is waited out, and a
 * rate-limited API is paged to the end. Here rather than with the other faults because each waits
 * seconds by design; the client's choices (how long, how often) are checked without waiting in
 * tests/unit/http/apiClient.test.ts.
 */
import { argsFor, list, withEmulator } from "../support/emulator";

describe("throttled in real time", () => {
  test("Retry-After is honoured", async () => {
    await withEmulator({ backups: 10 }, async (emulator) => {
      emulator.control.injectFaults({ kind: "status", status: 429, retryAfterSeconds: 1 });
      const started = Date.now();
      await list(argsFor(emulator));
      const [first, second] = emulator.control.requests();
      expect(second.at - first.at).toBeGreaterThanOrEqual(950);
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    });
  });

  test("a rate-limited API is paged without a failure", async () => {
    // A bucket of one token: the concurrent pages of one wave leave in the same tick, so some meet a
    // 429 however slow the machine is (a larger burst let a loaded machine pace itself under it).
    await withEmulator({ backups: 1500, rateLimit: { requestsPerSecond: 10, burst: 1 } }, async (emulator) => {
      const result = await list(argsFor(emulator, { maxConcurrency: 8 }));
      expect(result.totalCount).toBe(1500);
      expect(emulator.control.stats().rateLimited).toBeGreaterThan(0);
    });
  });
});
