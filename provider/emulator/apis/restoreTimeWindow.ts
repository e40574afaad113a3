/**
 * The window a `restore-time` request asks about, read from its query, and the restorable ranges
 * clipped to it.
 */
import type { TimeRange } from "../model/restorableRanges";
import { type Checked, invalidParameter } from "../replies/apiErrors";
import type { QueryPairs } from "../sharedTypes";
import { integerParameter, knownParameters } from "./queryParameters";

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const WINDOW_PARAMETERS = ["date", "start_time", "end_time"] as const;

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
