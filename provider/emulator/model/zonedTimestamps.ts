/**
 * The API's local wall-clock times: `"2026-01-04 17:30:30"` in a fixed-offset zone written
 * `"UTC+08:00"`. TaurusDB zones are plain UTC offsets (no daylight saving), so arithmetic suffices.
 */

const ZONE_PATTERN = /^UTC([+-])(\d{2}):(\d{2})$/;
const WALL_CLOCK_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const MINUTE_MS = 60_000;

/** Minutes east of UTC for a zone like `"UTC+08:00"`; undefined when the text is not one. */
export function zoneOffsetMinutes(zone: string): number | undefined {
  const m = ZONE_PATTERN.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

/** Throws a readable error for a zone the API could not have sent. */
export function requireZoneOffsetMinutes(zone: string): number {
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined)
    throw new RangeError(`time zone must be UTC-14:00 to UTC+14:00, written like "UTC+08:00", got ${JSON.stringify(zone)}`);
  return offset;
}

/** ISO-8601 text of the local time, `"YYYY-MM-DDTHH:mm:ss.sssZ"` (the `Z` is meaningless here). */
function localIso(epochMs: number, offsetMinutes: number): string {
  return new Date(epochMs + offsetMinutes * MINUTE_MS).toISOString();
}

/** `"YYYY-MM-DD HH:mm:ss"` in the zone. */
export function formatWallClock(epochMs: number, offsetMinutes: number): string {
  const iso = localIso(epochMs, offsetMinutes);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** `"YYYYMMDDHHmmss"` from a `"YYYY-MM-DD HH:mm:ss"` text, for names such as `daily-backup-20231101`. */
export function compactWallClock(wallClock: string): string {
  const t = wallClock;
  return t.slice(0, 4) + t.slice(5, 7) + t.slice(8, 10) + t.slice(11, 13) + t.slice(14, 16) + t.slice(17, 19);
}

/** The instant of a `"YYYY-MM-DD HH:mm:ss"` wall-clock time in the zone; undefined when malformed. */
export function parseWallClock(text: string, offsetMinutes: number): number | undefined {
  const m = WALL_CLOCK_PATTERN.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  // Reject dates that Date.UTC silently rolled over, such as February 30th.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  return utc - offsetMinutes * MINUTE_MS;
}

/**
 * `"YYYY-MM-DDTHH:mm:ss+0800"`: how the instance and job APIs write an instant, local time followed
 * by the zone's offset.
 */
export function formatOffsetTimestamp(epochMs: number, offsetMinutes: number): string {
  const iso = localIso(epochMs, offsetMinutes);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const minutes = Math.abs(offsetMinutes);
  const offset = `${String(Math.floor(minutes / 60)).padStart(2, "0")}${String(minutes % 60).padStart(2, "0")}`;
  return `${iso.slice(0, 19)}${sign}${offset}`;
}
