/**
 * The API reports times as local wall-clock strings (`"2026-01-04 17:30:30"`) plus a zone
 * (`"UTC+08:00"`). This turns them into UTC instants (`"2026-01-04T09:30:30Z"`), strictly: a
 * string that is not a real time is an error, never a guess.
 */

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;
const ZONE = /^(?:UTC|GMT)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/;

/** Offset of a zone like `UTC+08:00`, `UTC-03:30`, `UTC+05:45` or `UTC`, in minutes east of UTC. */
export function zoneOffsetMinutes(zone: string): number | undefined {
  const m = ZONE.exec(zone.trim());
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
  const m = WALL_CLOCK.exec(wallClock.trim());
  if (!m) return { problem: `is not a time of the form "YYYY-MM-DD HH:mm:ss" (got ${JSON.stringify(wallClock)})` };
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const fraction = m[7] ? Number(`0.${m[7]}`) : 0;
  let offset: number | undefined;
  if (m[8]) {
    offset = m[8] === "Z" ? 0 : zoneOffsetMinutes(`UTC${m[8]}`);
  } else {
    offset = zoneOffsetMinutes(zone);
    if (offset === undefined) return { problem: `has a time zone that is not of the form "UTC+08:00" (got ${JSON.stringify(zone)})` };
  }
  if (offset === undefined) return { problem: `has an unreadable offset (got ${JSON.stringify(wallClock)})` };
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  if (
    month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 ||
    check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day
  ) {
    return { problem: `is not a real date and time (got ${JSON.stringify(wallClock)})` };
  }
  const utc = new Date(local - offset * 60_000 + Math.round(fraction * 1000));
  const iso = utc.toISOString();
  return { instant: fraction ? iso : iso.replace(/\.000Z$/, "Z") };
}
