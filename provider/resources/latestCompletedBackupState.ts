/**
 * What a `LatestCompletedBackup` keeps in the stack state: the pinned choice. The provider logic
 * writes and reads it as this type, and the lists of its output names (the outputs the logic
 * computes, the resource's declared outputs, and so the schema's) are checked against it.
 */
import type { Backup } from "../types";

export interface LatestCompletedBackupState {
  /** The user's own inputs, secrets left out: what a later diff compares. */
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly instanceId: string;
  readonly keepers: Readonly<Record<string, string>> | null;
  readonly projectId: string;
  readonly backupId: string;
  readonly backup: Backup;
  readonly resolvedAt: string;
  readonly available: boolean;
  readonly missingSince: string | null;
}

/** Outputs the logic computes, as opposed to inputs it echoes: unknown in a preview of a new pin. */
export const LATEST_COMPLETED_BACKUP_COMPUTED = [
  "backupId",
  "backup",
  "projectId",
  "resolvedAt",
  "available",
  "missingSince",
  "inputs",
] as const satisfies ReadonlyArray<keyof LatestCompletedBackupState>;
