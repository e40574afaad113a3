/** A wait that a signal ends early, failing with the signal's own reason (a cancel, a deadline), not a bare AbortError. */
import { setTimeout as sleep } from "node:timers/promises";

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal }).catch((error: unknown) => Promise.reject(signal.aborted ? signal.reason : error));
}
