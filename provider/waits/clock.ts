/**
 * Time for the waits of a restore, injectable: the real clock in a stack, a faster one in tests,
 * so the waiting logic runs with its real intervals and deadlines in milliseconds of test time.
 */
import { abortableSleep } from "../http/abortableSleep";

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: abortableSleep,
};
