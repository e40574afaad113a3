/**
 * Restore jobs a test wants to fail: the next one, the next n, or those into a given target. The
 * failure is decided when the restore is accepted (it is consumed then) and shows when the job
 * ends: `Failed` with the reason as `fail_reason`.
 */
import type { Cancel } from "../sharedTypes";

export interface RestoreFailureSpec {
  /** Shown as the job's `fail_reason`. */
  readonly reason: string;
  /** How many restores fail; 1 unless said otherwise (`Infinity` for all). */
  readonly count?: number;
  /** Only restores into this instance; any target unless said otherwise. */
  readonly targetInstanceId?: string;
}

interface PlannedFailure {
  readonly reason: string;
  readonly targetInstanceId?: string;
  remaining: number;
}

export class RestoreFailures {
  private planned: PlannedFailure[] = [];

  plan(spec: RestoreFailureSpec): Cancel {
    if (typeof spec.reason !== "string" || spec.reason === "") throw new RangeError("a restore failure needs a reason");
    const count = spec.count ?? 1;
    if (!(count === Infinity || (Number.isInteger(count) && count >= 1)))
      throw new RangeError(`count must be an integer >= 1 or Infinity, got ${count}`);
    const entry: PlannedFailure = { reason: spec.reason, targetInstanceId: spec.targetInstanceId, remaining: count };
    this.planned.push(entry);
    return () => {
      this.planned = this.planned.filter((p) => p !== entry);
    };
  }

  /** The reason a restore into `targetInstanceId` is to fail with, consumed; undefined: it succeeds. */
  take(targetInstanceId: string): string | undefined {
    const entry = this.planned.find((p) => p.targetInstanceId === undefined || p.targetInstanceId === targetInstanceId);
    if (!entry) return undefined;
    entry.remaining--;
    if (entry.remaining <= 0) this.planned = this.planned.filter((p) => p !== entry);
    return entry.reason;
  }
}
