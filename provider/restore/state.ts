/**
 * What an `InstanceRestore` keeps in the stack state: the record of one restore. The provider logic
 * writes and reads it as this type, and every list of its output names (the outputs the logic
 * computes, the resource's declared outputs, the schema's, which come from those declarations) is
 * checked against it by the compiler.
 */
import type { JobStatus, RestoreType } from "../api/instanceRules";

export interface InstanceRestoreState {
  /** The user's own inputs, secrets left out: what a later diff compares (settings from stack config or the environment never look like a change). */
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly sourceInstanceId: string;
  readonly targetInstanceId: string;
  readonly type: RestoreType;
  readonly backupId: string | null;
  readonly restoreTime: string | null;
  readonly keepers: Readonly<Record<string, string>> | null;
  readonly projectId: string;
  readonly jobId: string;
  /** The job's last status seen: `Completed`, `Failed`, or `Pending`/`Running` for a restore recorded as under way. */
  readonly jobStatus: JobStatus;
  readonly startedAt: string;
  readonly completedAt: string | null;
  /** The password last set, kept only encrypted (a secret output), to tell a new one. */
  readonly adminPassword: string | null;
  readonly adminPasswordSetAt: string | null;
}

/** Outputs the logic computes, as opposed to inputs it echoes: unknown in a preview of a new restore. */
export const INSTANCE_RESTORE_COMPUTED = [
  "projectId",
  "jobId",
  "jobStatus",
  "startedAt",
  "completedAt",
  "adminPasswordSetAt",
  "inputs",
] as const satisfies ReadonlyArray<keyof InstanceRestoreState>;

/** Outputs kept as they are through an update, besides those the inputs give. */
export const INSTANCE_RESTORE_KEPT = [
  "projectId",
  "jobId",
  "jobStatus",
  "startedAt",
  "completedAt",
  "adminPassword",
  "adminPasswordSetAt",
] as const satisfies ReadonlyArray<keyof InstanceRestoreState>;

/** Job statuses after which nothing more happens to a restore. */
export const ENDED_JOB_STATUSES: readonly JobStatus[] = ["Completed", "Failed"];

export function hasEnded(state: Partial<InstanceRestoreState>): boolean {
  return state.jobStatus !== undefined && ENDED_JOB_STATUSES.includes(state.jobStatus);
}
