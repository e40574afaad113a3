/**
 * The newest COMPLETED backup: greatest `createdAt`, then greatest `updatedAt`, then greatest `id`,
 * so the same list always gives the same answer whatever order the API sent it in.
 */
import type { Backup } from "../types";

export function latestCompleted(backups: readonly Backup[]): Backup | undefined {
  let best: Backup | undefined;
  for (const backup of backups) {
    if (backup.status === "COMPLETED" && (best === undefined || isNewer(backup, best))) best = backup;
  }
  return best;
}

function isNewer(a: Backup, b: Backup): boolean {
  const created = compareInstants(a.createdAt, b.createdAt);
  // Stryker disable next-line EqualityOperator: created is not 0 here, so >= and > agree
  if (created !== 0) return created > 0;
  const updated = compareInstants(a.updatedAt, b.updatedAt);
  // Stryker disable next-line EqualityOperator: updated is not 0 here, so >= and > agree
  if (updated !== 0) return updated > 0;
  // Stryker disable next-line EqualityOperator: ids are unique in a listing (a repeated one is refused), so >= and > agree
  return a.id > b.id;
}

/**
 * Orders two UTC instants as backups/wallClock.ts writes them. Same-length ones (the usual case: both whole
 * seconds) compare as text; `...:30Z` against `...:30.250Z` needs the numbers.
 */
function compareInstants(a: string, b: string): number {
  // Stryker disable next-line ConditionalExpression: a shortcut; Date.parse orders same-length instants the same way
  if (a.length === b.length) return a < b ? -1 : a > b ? 1 : 0;
  return Math.sign(Date.parse(a) - Date.parse(b));
}
