/**
 * Waiting for something the API reports, with a deadline and a progress line: look, and until it
 * is done, tell what is seen and look again after an interval. A line is written when what is
 * seen changes (a new status), and at least every `progressEveryMs` while it does not, so a long
 * wait never looks hung in the Pulumi log.
 */
import type { Clock } from "./clock";

export interface Waiting {
  readonly clock: Clock;
  readonly signal: AbortSignal;
  /** Between looks. */
  readonly intervalMs: number;
  /** The clock's time after which no more looks are made. */
  readonly deadline: number;
  /** How the deadline was given, for messages (`"60m"`). */
  readonly timeoutText: string;
  /** Writes one progress line. */
  readonly progress: (line: string) => Promise<void>;
  /** Longest silence between progress lines. */
  readonly progressEveryMs: number;
}

/** One look: done with a value, or still waiting in some phase (a status), with a detail (a percentage). */
export type Look<T> =
  { readonly done: true; readonly value: T } | { readonly done: false; readonly phase: string; readonly detail?: string };

export interface PollSpec<T> {
  look(): Promise<Look<T>>;
  /** The progress line for what was seen. */
  describe(phase: string, detail: string | undefined, elapsedMs: number): string;
  /** The error when the deadline passes, given what was last seen. */
  timedOut(phase: string, detail: string | undefined): Error;
}

export async function pollUntil<T>(waiting: Waiting, spec: PollSpec<T>): Promise<T> {
  const { clock, signal } = waiting;
  const started = clock.now();
  let lastPhase: string | undefined;
  let lastLineAt = -Infinity;
  for (;;) {
    signal.throwIfAborted();
    const seen = await spec.look();
    if (seen.done) return seen.value;
    const now = clock.now();
    if (seen.phase !== lastPhase || now - lastLineAt >= waiting.progressEveryMs) {
      await waiting.progress(spec.describe(seen.phase, seen.detail, now - started));
      lastPhase = seen.phase;
      lastLineAt = now;
    }
    if (now >= waiting.deadline) throw spec.timedOut(seen.phase, seen.detail);
    await clock.sleep(Math.min(waiting.intervalMs, waiting.deadline - now), signal);
  }
}

/** `"2m 05s"`: elapsed time in a progress line. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}m ${String(seconds % 60).padStart(2, "0")}s` : `${seconds}s`;
}
