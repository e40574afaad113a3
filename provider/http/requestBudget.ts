/**
 * What one account may send to one endpoint, shared by every listing in the process.
 *
 * The gateway throttles per user, not per listing: a hundred listings of one account draw on one
 * quota. So they share one budget: a cap on requests in flight, and an adaptive send rate. A 429
 * means the quota is spent, not that one request was unlucky, so it pauses every request of the
 * budget until `Retry-After` has passed and lowers the rate: on the first 429 to the rate that was
 * just achieved (successes in the last second, at least one per slot), later by a quarter, once
 * per wave of 429s. Each success raises the rate a little (about one request per second, per
 * second), so the budget probes back up to what the gateway allows; a minute without a 429 forgets
 * the rate. Requests leave in order, spaced by the rate.
 */
import { setMaxListeners } from "node:events";

export interface BudgetOptions {
  /** Requests in flight at most. */
  readonly maxInFlight: number;
  readonly now?: () => number;
}

/** Frees the slot of a granted request; call once it has its answer (or none). */
export interface Permit {
  /** The order in which requests were let go, to tell which 429s belong to one wave. */
  readonly sequence: number;
  release(): void;
}

interface Waiter {
  readonly grant: (permit: Permit) => void;
  readonly signal: AbortSignal;
  readonly onAbort: () => void;
}

const TRAILING_WINDOW_MS = 1_000;
const DECREASE = 0.75;
const MIN_RATE = 0.5;
/** After this long without a 429 the learned rate is forgotten: the quota is likely free again. */
const FORGET_AFTER_MS = 60_000;

export class RequestBudget {
  private maxInFlight: number;
  private inFlight = 0;
  private readonly queue: Waiter[] = [];
  /** Requests per second; unknown (unlimited) until the first 429. */
  private rate = Number.POSITIVE_INFINITY;
  private nextSendAt = 0;
  private pausedUntil = 0;
  private granted = 0;
  /** Requests let go from this one on were sent at the lowered rate. */
  private firstAfterDecrease = 0;
  private lastThrottledAt = Number.NEGATIVE_INFINITY;
  private recentSuccesses: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(options: BudgetOptions) {
    this.maxInFlight = options.maxInFlight;
    this.now = options.now ?? Date.now;
  }

  /** The current send rate in requests per second (Infinity until the API first throttles). */
  get requestsPerSecond(): number {
    return this.rate;
  }

  /** Lets more requests fly at once, never fewer: the largest cap of the budget's users wins. */
  raiseMaxInFlight(maxInFlight: number): void {
    // Stryker disable next-line EqualityOperator: raising to the same cap changes nothing
    if (maxInFlight > this.maxInFlight) {
      this.maxInFlight = maxInFlight;
      this.pump();
    }
  }

  /** Waits for the budget's turn: a free slot, an open gate and the rate's spacing. */
  acquire(signal: AbortSignal): Promise<Permit> {
    signal.throwIfAborted();
    return new Promise<Permit>((resolve, reject) => {
      const waiter: Waiter = {
        signal,
        grant: (permit) => {
          signal.removeEventListener("abort", waiter.onAbort);
          resolve(permit);
        },
        onAbort: () => {
          const index = this.queue.indexOf(waiter);
          // Stryker disable next-line ConditionalExpression: a waiter is in the queue until granted, and a granted one no longer listens
          if (index >= 0) this.queue.splice(index, 1);
          if (this.queue.length === 0) clearTimeout(this.timer);
          reject(signal.reason);
        },
      };
      // Many requests of one listing may wait at once on its signal; that is expected.
      setMaxListeners(0, signal);
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: a granted waiter removes the listener itself, and a signal aborts once
      signal.addEventListener("abort", waiter.onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** The API throttled the request of `permit`: pause everyone, and slow down once per wave. */
  throttled(retryAfterMs: number, permit: Permit): void {
    const now = this.now();
    this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    // A request let go before the last decrease tells nothing new about the lowered rate.
    if (permit.sequence >= this.firstAfterDecrease) {
      const achieved = this.recentSuccesses.filter((t) => t > now - TRAILING_WINDOW_MS).length;
      this.rate = Math.max(MIN_RATE, Number.isFinite(this.rate) ? this.rate * DECREASE : Math.max(achieved, this.maxInFlight));
      this.firstAfterDecrease = this.granted;
    }
    this.lastThrottledAt = now;
    this.schedule();
  }

  /** A request went through: raise the rate by about one request per second, per second. */
  succeeded(): void {
    const now = this.now();
    if (Number.isFinite(this.rate)) {
      this.rate += 1 / Math.max(1, this.rate);
    } else {
      this.recentSuccesses.push(now);
      // Stryker disable next-line all: bounds the memory of the success times; only the last second's are ever counted
      if (this.recentSuccesses.length > 4_096) this.recentSuccesses = this.recentSuccesses.filter((t) => t > now - TRAILING_WINDOW_MS);
    }
  }

  /** Lets waiting requests go while the gate, the slots and the spacing allow. */
  private pump(): void {
    // Stryker disable next-line EqualityOperator: one millisecond at the end of a quiet minute
    if (Number.isFinite(this.rate) && this.now() - this.lastThrottledAt > FORGET_AFTER_MS) {
      this.rate = Number.POSITIVE_INFINITY;
      this.recentSuccesses = [];
    }
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const now = this.now();
      const at = Math.max(this.pausedUntil, this.nextSendAt);
      if (at > now) return this.schedule();
      const waiter = this.queue.shift()!;
      this.inFlight++;
      // Stryker disable next-line ConditionalExpression: at an unlimited rate the spacing 1000 / Infinity is 0 anyway
      if (Number.isFinite(this.rate)) this.nextSendAt = Math.max(now, this.nextSendAt) + 1_000 / this.rate;
      waiter.grant(this.permit());
    }
  }

  private permit(): Permit {
    let released = false;
    return {
      sequence: this.granted++,
      release: () => {
        if (released) return;
        released = true;
        this.inFlight--;
        this.pump();
      },
    };
  }

  /** One timer for the whole budget, for the earliest moment a waiter may go (none while nobody waits). */
  private schedule(): void {
    if (this.queue.length === 0) return;
    clearTimeout(this.timer);
    const delay = Math.max(0, Math.max(this.pausedUntil, this.nextSendAt) - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, delay);
  }
}
