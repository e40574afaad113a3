/**
 * Time for the waits of a restore, injectable: the real clock in a stack, a faster one in tests,
 * so the waiting logic runs with its real intervals and deadlines in milliseconds of test time.
 */
import { setTimeout as sleep } from "node:timers/promises";

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  // With the signal's own reason (say, the engine's Cancel), not a bare AbortError.
  sleep: (ms, signal) => sleep(ms, undefined, { signal }).catch((error: unknown) => Promise.reject(signal.aborted ? signal.reason : error)),
};
