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
  const created = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (created !== 0) return created > 0;
  const updated = Date.parse(a.updatedAt) - Date.parse(b.updatedAt);
  if (updated !== 0) return updated > 0;
  return a.id > b.id;
}
