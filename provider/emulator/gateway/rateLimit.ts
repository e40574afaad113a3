/**
 * The gateway's per-user flow control as a token bucket: `burst` requests at once, refilled at
 * `requestsPerSecond`. One bucket covers every request the emulator receives.
 */
import { performance } from "node:perf_hooks";

export interface RateLimitSpec {
  readonly requestsPerSecond: number;
  /** Requests allowed at once; defaults to `requestsPerSecond` (at least 1). */
  readonly burst?: number;
}

export type Admission = { readonly admitted: true } | { readonly admitted: false; readonly retryAfterSeconds: number };

export function checkRateLimitSpec(spec: RateLimitSpec): void {
  if (!(Number.isFinite(spec.requestsPerSecond) && spec.requestsPerSecond > 0)) {
    throw new RangeError(`rateLimit.requestsPerSecond must be a number > 0, got ${spec.requestsPerSecond}`);
  }
  if (spec.burst !== undefined && !(Number.isInteger(spec.burst) && spec.burst >= 1)) {
    throw new RangeError(`rateLimit.burst must be an integer >= 1, got ${spec.burst}`);
  }
}

export class TokenBucket {
  private readonly capacity: number;
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly spec: RateLimitSpec,
    private readonly clock: () => number = () => performance.now(),
  ) {
    checkRateLimitSpec(spec);
    this.capacity = spec.burst ?? Math.max(1, Math.floor(spec.requestsPerSecond));
    this.tokens = this.capacity;
    this.refilledAt = clock();
  }

  take(): Admission {
    const now = this.clock();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) / 1000) * this.spec.requestsPerSecond);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { admitted: true };
    }
    // Whole seconds, as Retry-After carries them, rounded up so a client that waits is admitted.
    const waitSeconds = (1 - this.tokens) / this.spec.requestsPerSecond;
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(waitSeconds)) };
  }
}
