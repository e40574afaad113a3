/** The filters applied after fetching: statuses, backup types and a creation window. */
import type { Backup, BackupQueryArgs } from "../types";

export type LocalFilters = Pick<BackupQueryArgs, "statuses" | "backupTypes" | "createdAfter" | "createdBefore">;

/** Keeps the backups that pass every filter given, in their original order. */
export function applyFilters(backups: readonly Backup[], filters: LocalFilters): Backup[] {
  const statuses = filters.statuses && new Set<string>(filters.statuses);
  const types = filters.backupTypes && new Set<string>(filters.backupTypes);
  const after = filters.createdAfter === undefined ? -Infinity : Date.parse(filters.createdAfter);
  const before = filters.createdBefore === undefined ? Infinity : Date.parse(filters.createdBefore);
  return backups.filter((backup) => {
    if (statuses && !statuses.has(backup.status)) return false;
    if (types && !types.has(backup.backupType)) return false;
    const created = Date.parse(backup.createdAt);
    return created >= after && created < before;
  });
}
