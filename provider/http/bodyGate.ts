/**
 * Turns for reading large response bodies, process-wide. Pages are small (about 60 KB), so small
 * bodies never wait; a body that grows past {@link LARGE_BODY_BYTES} waits for one of a few turns
 * before it may grow further. Memory for bodies is then bounded by the concurrency times the
 * small size, plus the turns times the cap, instead of the concurrency times the cap. A reader
 * with a turn never waits for anything else, so there is always progress.
 */
import { setMaxListeners } from "node:events";

/** Bodies up to this size read freely. */
export const LARGE_BODY_BYTES = 128 * 1024;

export class BodyGate {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(turns: number) {
    this.free = turns;
  }

  /** Waits for a turn; resolves to the function that gives it back. */
  async acquire(signal: AbortSignal): Promise<() => void> {
    signal.throwIfAborted();
    if (this.free === 0) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          this.waiting.splice(this.waiting.indexOf(turn), 1);
          reject(signal.reason);
        };
        const turn = () => {
          signal.removeEventListener("abort", onAbort);
          resolve();
        };
        setMaxListeners(0, signal);
        // Stryker disable next-line ObjectLiteral,BooleanLiteral: the listener is also removed by hand, and a signal aborts once
        signal.addEventListener("abort", onAbort, { once: true });
        this.waiting.push(turn);
      });
    } else {
      this.free--;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}
