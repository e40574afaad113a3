/** The filters applied after fetching: statuses, backup types and a creation window. */
import type { Backup, BackupQueryArgs } from "../types";

export type LocalFilters = Pick<BackupQueryArgs, "statuses" | "backupTypes" | "createdAfter" | "createdBefore">;

/** Keeps the backups that pass every filter given, in their original order. */
export function applyFilters(backups: readonly Backup[], filters: LocalFilters): Backup[] {
  const statuses = filters.statuses && new Set<string>(filters.statuses);
  const types = filters.backupTypes && new Set<string>(filters.backupTypes);
  const after = filters.createdAfter === undefined ? undefined : Date.parse(filters.createdAfter);
  const before = filters.createdBefore === undefined ? undefined : Date.parse(filters.createdBefore);
  // Stryker disable next-line ConditionalExpression: a shortcut; filtering by nothing keeps the same copy
  if (!statuses && !types && after === undefined && before === undefined) return [...backups];
  return backups.filter((backup) => {
    if (statuses && !statuses.has(backup.status)) return false;
    if (types && !types.has(backup.backupType)) return false;
    // Stryker disable next-line ConditionalExpression: a shortcut; the window below also passes every backup when neither end is given
    if (after === undefined && before === undefined) return true;
    const created = Date.parse(backup.createdAt);
    return (after === undefined || created >= after) && (before === undefined || created < before);
  });
}
