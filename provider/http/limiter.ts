/**
 * Caps the requests in flight, and backs all of them off together when the API throttles.
 *
 * A 429 means the account's rate is spent, not that one request was unlucky: every waiting request
 * would get the same answer. So a throttled answer closes a shared gate until `Retry-After` has
 * passed and halves the number of requests allowed in flight; each success opens it by one again
 * (additive increase, multiplicative decrease, as TCP does).
 */
import { setTimeout as sleep } from "node:timers/promises";

export class RequestLimiter {
  private limit: number;
  private inFlight = 0;
  private pausedUntil = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly maxConcurrency: number,
    private readonly now: () => number = Date.now,
  ) {
    this.limit = maxConcurrency;
  }

  /** Waits for a free slot and an open gate; resolves to the function that frees the slot. */
  async acquire(signal: AbortSignal): Promise<() => void> {
    for (;;) {
      signal.throwIfAborted();
      const wait = this.pausedUntil - this.now();
      if (wait > 0) {
        await sleep(wait, undefined, { signal });
        continue;
      }
      if (this.inFlight < Math.floor(this.limit)) break;
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener("abort", onAbort, { once: true });
        this.waiting.push(() => {
          signal.removeEventListener("abort", onAbort);
          resolve();
        });
      });
    }
    this.inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.waiting.shift()?.();
    };
  }

  /** The API throttled: pause everyone for `retryAfterMs` and halve the allowed concurrency. */
  throttled(retryAfterMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + retryAfterMs);
    this.limit = Math.max(1, this.limit / 2);
  }

  /** A request went through: allow a little more concurrency, up to the cap. */
  succeeded(): void {
    const before = Math.floor(this.limit);
    this.limit = Math.min(this.maxConcurrency, this.limit + 1 / Math.max(1, this.limit));
    for (let i = before; i < Math.floor(this.limit); i++) this.waiting.shift()?.();
  }
}
