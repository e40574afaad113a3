/**
 * Sleeps the emulator can cancel: latency and stalls wait on these, and `close()` cancels them
 * all, so a stalled request never keeps the process alive.
 */
export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();
  private cancelled = false;

  /** Resolves after `ms`; never resolves once cancelled (the socket is gone by then anyway). */
  sleep(ms: number): Promise<void> {
    if (this.cancelled) return new Promise(() => undefined);
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      this.pending.add(timer);
    });
  }

  cancelAll(): void {
    this.cancelled = true;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}

/** A wait in ms the emulator's timers can hold: an integer from 0 to 2^31 - 1. */
export function checkDelay(ms: number, what: string): number {
  if (!(Number.isInteger(ms) && ms >= 0 && ms <= 2 ** 31 - 1))
    throw new RangeError(`${what} must be an integer number of ms >= 0, got ${ms}`);
  return ms;
}
