/**
 * A clock that runs `scale` times faster than real time: the restore's waits keep their real
 * intervals and deadlines (15 s between looks, a minute between progress lines, an hour to give
 * up), and a test sees them pass in milliseconds, while the emulator's jobs run in real time.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Clock } from "../../provider/waits/clock";

export function scaledClock(scale: number): Clock {
  const realStart = Date.now();
  const virtualStart = Date.now();
  return {
    now: () => virtualStart + (Date.now() - realStart) * scale,
    sleep: (ms, signal) =>
      sleep(ms / scale, undefined, { signal }).catch((error: unknown) => Promise.reject(signal.aborted ? signal.reason : error)),
  };
}
