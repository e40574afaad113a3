/**
 * Durations as people write them in a stack: `"26h"`, `"7d"`, `"90m"`, `"1d12h"`. Days are 24 hours
 * (a recovery-point age, not a calendar).
 */

/** Days, hours and minutes, each at most once and in that order. */
export const DURATION_FORM = /^(?=\d)(?:(\d{1,5})d)?(?:(\d{1,6})h)?(?:(\d{1,8})m)?$/;

const MINUTE_MS = 60_000;

/** Milliseconds of a duration of {@link DURATION_FORM}; NaN when it is not one. */
export function parseDuration(value: string): number {
  const m = DURATION_FORM.exec(value);
  if (!m) return NaN;
  const [days, hours, minutes] = [m[1], m[2], m[3]].map((part) => Number(part ?? 0));
  return ((days * 24 + hours) * 60 + minutes) * MINUTE_MS;
}

/** An age in the largest whole units that say it well: `"3d 4h"`, `"26h 5m"`, `"12m"`. */
export function formatAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE_MS));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return rest > 0 ? `${hours}h ${rest}m` : `${hours}h`;
  return `${rest}m`;
}
