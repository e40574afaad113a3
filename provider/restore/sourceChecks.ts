/**
 * What is checked on the source before a restore is asked for: the backup is one of the source's
 * and COMPLETED, or the instant lies in one of the source's restorable time ranges. The API would
 * refuse either with a bare "invalid parameter"; here the refusal says what is wrong and what to do.
 */
import type { ProjectScope } from "../calls/apiSession";
import { fetchRestorableRanges } from "./calls/restorableTimes";
import { BackupNotRestorableError, RestoreTimeOutOfRangeError } from "./errors";
import type { Backup } from "../types";

/** The backup among the source's, when it is COMPLETED. */
export function restorableBackup(backups: readonly Backup[], sourceInstanceId: string, backupId: string): Backup {
  const backup = backups.find((b) => b.id === backupId);
  if (!backup || backup.status !== "COMPLETED") throw new BackupNotRestorableError(sourceInstanceId, backupId, backup?.status);
  return backup;
}

/** How far around the instant the ranges are asked for: enough to show the nearest ones when it is outside. */
const WINDOW_MS = 24 * 60 * 60 * 1000;

/** Checks the instant lies in one of the source's restorable ranges. */
export async function checkRestorableTime(
  scope: ProjectScope,
  sourceInstanceId: string,
  restoreTime: string,
  restoreTimeMs: number,
  signal: AbortSignal,
): Promise<void> {
  const ranges = await fetchRestorableRanges(
    scope,
    sourceInstanceId,
    { startMs: Math.max(0, restoreTimeMs - WINDOW_MS), endMs: restoreTimeMs + WINDOW_MS },
    signal,
  );
  if (!ranges.some((r) => r.startMs <= restoreTimeMs && restoreTimeMs <= r.endMs))
    throw new RestoreTimeOutOfRangeError(sourceInstanceId, restoreTime, ranges);
}
