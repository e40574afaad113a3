/**
 * When each instance can be restored to (point-in-time recovery).
 *
 * By default an instance has one range: from the moment its oldest COMPLETED backup finished (its
 * `updated`) until now (the data clock) — no gap, since the emulator loses no logs. Without a
 * COMPLETED backup it has none. A test can set the ranges explicitly, gaps included.
 */
import type { BackupStore } from "./backupStore";
import { parseWallClock } from "./zonedTimestamps";

/** UTC epoch milliseconds, both ends included. */
export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

export class RestorableRanges {
  private readonly explicit = new Map<string, readonly TimeRange[]>();

  constructor(
    private readonly store: BackupStore,
    /** The data clock. */
    private readonly now: () => number,
  ) {}

  /** Explicit ranges for an instance (sorted here), or undefined to derive them from its backups again. */
  set(instanceId: string, ranges: readonly TimeRange[] | undefined): void {
    this.store.info(instanceId); // throws for an unknown instance
    if (ranges === undefined) {
      this.explicit.delete(instanceId);
      return;
    }
    for (const range of ranges) checkRange(range);
    this.explicit.set(
      instanceId,
      [...ranges].map((r) => ({ start: r.start, end: r.end })).sort((a, b) => a.start - b.start),
    );
  }

  /** Oldest first. */
  ranges(instanceId: string): TimeRange[] {
    const explicit = this.explicit.get(instanceId);
    if (explicit) return explicit.map((r) => ({ ...r }));
    const info = this.store.info(instanceId);
    const oldest = this.store.oldest(instanceId, (r) => r.wire.status === "COMPLETED");
    if (!oldest) return [];
    const start = parseWallClock(oldest.wire.updated, info.offsetMinutes) ?? oldest.createdAt;
    const end = this.now();
    return start <= end ? [{ start, end }] : [];
  }

  includes(instanceId: string, instant: number): boolean {
    return this.ranges(instanceId).some((r) => r.start <= instant && instant <= r.end);
  }
}

function checkRange(range: TimeRange): void {
  const ok = Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end) && range.start >= 0 && range.start <= range.end;
  if (!ok) throw new RangeError(`a restorable range must have integer start <= end (UTC ms), got ${JSON.stringify(range)}`);
}
