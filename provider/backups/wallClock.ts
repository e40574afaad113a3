/**
 * The API reports times as local wall-clock strings (`"2026-01-04 17:30:30"`) plus a zone
 * (`"UTC+08:00"`). This turns them into UTC instants (`"2026-01-04T09:30:30Z"`), strictly: a
 * string that is not a real time is an error, never a guess. It runs twice per backup, so it works
 * with arithmetic rather than Date objects, which are several times slower here.
 */

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;
const ZONE = /^(?:UTC|GMT)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A listing has one or two zones; each is read once. */
const zoneOffsets = new Map<string, number | undefined>();

/** Offset of a zone like `UTC+08:00`, `UTC-03:30`, `UTC+05:45` or `UTC`, in minutes east of UTC. */
export function zoneOffsetMinutes(zone: string): number | undefined {
  // Stryker disable next-line ConditionalExpression: a cache; the offset read again is the same
  if (zoneOffsets.has(zone)) return zoneOffsets.get(zone);
  const offset = readZone(zone.trim());
  // Stryker disable next-line ConditionalExpression,EqualityOperator: bounds the cache's memory; answers are the same
  if (zoneOffsets.size < 1000) zoneOffsets.set(zone, offset);
  return offset;
}

function readZone(zone: string): number | undefined {
  const m = ZONE.exec(zone);
  if (!m) return undefined;
  if (!m[1]) return 0;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? "0");
  if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) return undefined;
  return (m[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * The UTC instant of a wall-clock time in a zone, as ISO 8601 ending in `Z` (whole seconds, or
 * milliseconds when the API sent fractions). A time that carries its own offset or `Z` uses it.
 * Returns a message instead when the input is not a real time.
 */
export function toUtcInstant(wallClock: string, zone: string): { instant: string } | { problem: string } {
  const instant = utcInstant(wallClock, zoneOffsetMinutes(zone));
  return instant !== undefined ? { instant } : { problem: whyNotAnInstant(wallClock, zone) };
}

/**
 * The fast core of {@link toUtcInstant}, run twice per backup: the instant, or undefined when the
 * time is not real (or needs a zone and `zoneOffset` is undefined). Allocates only the result.
 */
export function utcInstant(wallClock: string, zoneOffset: number | undefined): string | undefined {
  // The API's own form, `YYYY-MM-DD HH:mm:ss`, read without a regular expression (the common case).
  const t = wallClock;
  // Stryker disable BlockStatement: without the fast path the full reader gives the same answer
  if (
    t.length === 19 &&
    t[4] === "-" &&
    t[7] === "-" &&
    // Stryker disable next-line ConditionalExpression: a refused fast path falls through to the full reader, which gives the same answer
    (t[10] === " " || t[10] === "T") &&
    t[13] === ":" &&
    t[16] === ":" &&
    zoneOffset !== undefined
  ) {
    const year = digits(t, 0, 4),
      month = digits(t, 5, 2),
      day = digits(t, 8, 2);
    const hour = digits(t, 11, 2),
      minute = digits(t, 14, 2),
      second = digits(t, 17, 2);
    // Stryker disable next-line EqualityOperator: a refused fast path falls through to the full reader, which gives the same answer
    if ((year | month | day | hour | minute | second) >= 0) return instantOf(year, month, day, hour, minute, second, 0, false, zoneOffset);
  }
  // Stryker restore BlockStatement
  const m = WALL_CLOCK.exec(wallClock.trim());
  if (!m) return undefined;
  const offset = m[8] === undefined ? zoneOffset : m[8] === "Z" ? 0 : zoneOffsetMinutes(`UTC${m[8]}`);
  if (offset === undefined) return undefined;
  const millis = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return instantOf(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6], millis, m[7] !== undefined, offset);
}

/** Why {@link utcInstant} refused a time, in words. */
function whyNotAnInstant(wallClock: string, zone: string): string {
  const m = WALL_CLOCK.exec(wallClock.trim());
  if (!m) return `is not a time of the form "YYYY-MM-DD HH:mm:ss" (got ${JSON.stringify(wallClock)})`;
  if (m[8] === undefined && zoneOffsetMinutes(zone) === undefined)
    return `has a time zone that is not of the form "UTC+08:00" (got ${JSON.stringify(zone)})`;
  if (m[8] !== undefined && m[8] !== "Z" && zoneOffsetMinutes(`UTC${m[8]}`) === undefined)
    return `has an unreadable offset (got ${JSON.stringify(wallClock)})`;
  return `is not a real date and time (got ${JSON.stringify(wallClock)})`;
}

/** -1 unless `count` digits start at `from`. */
// Stryker disable all: serves only the fast path, where a wrong answer is negative or refused and the full reader answers the same
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
// Stryker restore all

function instantOf(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  withMillis: boolean,
  offsetMinutes: number,
): string | undefined {
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1] + leap || hour > 23 || minute > 59 || second > 59)
    return undefined;
  // Not Date.UTC: it reads years 0 to 99 as 1900 to 1999.
  const epochMs = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000;
  return formatUtc(epochMs - offsetMinutes * 60_000 + millis, withMillis);
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
/** Backups cluster on a few hundred days: each day's `YYYY-MM-DDT` is computed once. */
const dayPrefixes = new Map<number, string>();

/** `HH:mm:ssZ` for each second of the day, made when first needed: one string per instant, not seven. */
const timesOfDay: string[] = [];

/** `YYYY-MM-DDTHH:mm:ss[.sss]Z` from epoch milliseconds. */
function formatUtc(epochMs: number, withMillis: boolean): string {
  const days = Math.floor(epochMs / 86_400_000);
  const msOfDay = epochMs - days * 86_400_000;
  let prefix = dayPrefixes.get(days);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a cache and its bound; the date computed again is the same
  if (prefix === undefined) {
    prefix = civilDate(days);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: bounds the cache's memory
    if (dayPrefixes.size < 100_000) dayPrefixes.set(days, prefix);
  }
  const secondOfDay = Math.floor(msOfDay / 1000);
  if (withMillis) return `${prefix}${timeOfDay(secondOfDay).slice(0, 8)}.${String(msOfDay - secondOfDay * 1000).padStart(3, "0")}Z`;
  return prefix + timeOfDay(secondOfDay);
}

function timeOfDay(secondOfDay: number): string {
  let text = timesOfDay[secondOfDay];
  // Stryker disable next-line ConditionalExpression: a cache; the time computed again is the same
  if (text === undefined) {
    const hour = Math.floor(secondOfDay / 3600);
    const minute = Math.floor((secondOfDay - hour * 3600) / 60);
    text = `${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[secondOfDay % 60]}Z`;
    timesOfDay[secondOfDay] = text;
  }
  return text;
}

/** Day number since 1970-01-01 of a date (days-from-civil, proleptic Gregorian): the inverse of {@link civilDate}. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** `YYYY-MM-DDT` of a day number since 1970-01-01 (civil-from-days, proleptic Gregorian). */
function civilDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T`;
}
