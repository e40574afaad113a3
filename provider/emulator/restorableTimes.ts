/**
 * When each instance can be restored to (point-in-time recovery), and the window a
 * `restore-time` request asks about.
 *
 * By default an instance has one range: from the moment its oldest COMPLETED backup finished (its
 * `updated`) until now (the data clock) — no gap, since the emulator loses no logs. Without a
 * COMPLETED backup it has none. A test can set the ranges explicitly, gaps included.
 */
import { type Checked, invalidParameter } from "./errors";
import { integerParameter, knownParameters } from "./queryParameters";
import type { QueryPairs } from "./sharedTypes";
import type { BackupStore } from "./store";
import { parseWallClock } from "./wallClock";

/** UTC epoch milliseconds, both ends included. */
export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const WINDOW_PARAMETERS = ["date", "start_time", "end_time"] as const;

export class RestorableTimes {
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

/**
 * The window of a `restore-time` request: `date=yyyy-mm-dd` (that UTC day), or `start_time` and
 * `end_time` (UTC ms, both required, start not after end), or undefined for all time. `date` with
 * either of the others is refused.
 */
export function parseRestoreTimeWindow(query: QueryPairs): Checked<TimeRange | undefined> {
  const known = knownParameters(query, WINDOW_PARAMETERS);
  if ("failure" in known) return known;
  const given = known.value;
  const date = given.get("date");
  if (date !== undefined) {
    const other = given.has("start_time") ? "start_time" : given.has("end_time") ? "end_time" : undefined;
    if (other !== undefined) return { failure: invalidParameter((m) => m.notTogether("date", other)) };
    const day = utcDay(date);
    return day === undefined
      ? { failure: invalidParameter((m) => m.notADate("date", date)) }
      : { value: { start: day, end: day + DAY_MS - 1 } };
  }
  const start = integerParameter(given, "start_time", 0, undefined);
  if ("failure" in start) return start;
  const end = integerParameter(given, "end_time", 0, undefined);
  if ("failure" in end) return end;
  if (start.value === undefined && end.value === undefined) return { value: undefined };
  if (start.value === undefined) return { failure: invalidParameter((m) => m.requiresCompanion("end_time", "start_time")) };
  if (end.value === undefined) return { failure: invalidParameter((m) => m.requiresCompanion("start_time", "end_time")) };
  if (start.value > end.value) return { failure: invalidParameter((m) => m.startAfterEnd("start_time", "end_time")) };
  return { value: { start: start.value, end: end.value } };
}

/** The parts of `ranges` inside `window` (all of them without a window). */
export function clipRanges(ranges: readonly TimeRange[], window: TimeRange | undefined): TimeRange[] {
  if (!window) return [...ranges];
  return ranges.map((r) => ({ start: Math.max(r.start, window.start), end: Math.min(r.end, window.end) })).filter((r) => r.start <= r.end);
}

/** Midnight UTC of a `yyyy-mm-dd` date; undefined when malformed or not a calendar date. */
function utcDay(text: string): number | undefined {
  const m = DATE_PATTERN.exec(text);
  if (!m) return undefined;
  const [year, month, day] = m.slice(1).map(Number);
  const instant = Date.UTC(year, month - 1, day);
  const check = new Date(instant);
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? instant : undefined;
}

function checkRange(range: TimeRange): void {
  const ok = Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end) && range.start >= 0 && range.start <= range.end;
  if (!ok) throw new RangeError(`a restorable range must have integer start <= end (UTC ms), got ${JSON.stringify(range)}`);
}
