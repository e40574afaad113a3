/**
 * Wire format of the calls around a restore, as the vendor's SDK models them: instance details,
 * restore into an existing instance, job, restorable times and the admin password. Additions beside
 * `wire.ts`, which keeps the listing's format. Times are the API's own: instants in UTC
 * milliseconds where the API counts, `"2026-01-04T17:30:30+0800"` where it writes them.
 */

/** `GET /v3/{project_id}/instances/{instance_id}` response body, reduced to what a client reads. */
export interface WireInstanceResponse {
  instance: WireInstance;
}

export interface WireInstance {
  id: string;
  name: string;
  /** One of `INSTANCE_STATUSES`; `ACTIVE` when ready. */
  status: string;
  project_id: string;
  /** Always `"Cluster"`. */
  type: string;
  datastore: { type: string; version: string; kernel_version?: string };
  region?: string;
  /** e.g. `"UTC+08:00"`. */
  time_zone: string;
  /** `"2026-01-04T17:30:30+0800"`, in the instance's time zone. */
  created: string;
  updated: string;
}

/** `POST /v3/{project_id}/instances/restore` request body. */
export interface WireRestoreRequest {
  source_instance_id: string;
  target_instance_id: string;
  /** `"backup"` (needs `backup_id`) or `"timestamp"` (needs `restore_time`). */
  type: string;
  backup_id?: string;
  /** UTC epoch milliseconds, an integer. */
  restore_time?: number;
}

export interface WireRestoreResponse {
  job_id: string;
}

/** `GET /v3/{project_id}/jobs?id=<job_id>` response body. */
export interface WireJobResponse {
  job: WireJob;
}

export interface WireJob {
  id: string;
  name: string;
  /** `Pending`, `Running`, `Completed` or `Failed`. */
  status: string;
  /** `"2026-01-04T17:30:30+0800"`; `ended` is `""` until the job ends. */
  created: string;
  ended: string;
  /** Progress while `Running`, e.g. `"60%"`; `""` otherwise. */
  process: string;
  instance: { id: string; name: string };
  entities: Record<string, unknown>;
  /** Why a `Failed` job failed; `""` otherwise. */
  fail_reason: string;
}

/** `GET /v3/{project_id}/instances/{instance_id}/restore-time` response body. */
export interface WireRestoreTimes {
  restore_times: WireRestoreTimeRange[];
}

/** Both ends included, UTC epoch milliseconds. */
export interface WireRestoreTimeRange {
  start_time: number;
  end_time: number;
}

/** `POST /v3/{project_id}/instances/{instance_id}/password` request body. */
export interface WirePasswordRequest {
  password: string;
}

/** The content type of every request body these calls send. */
export const JSON_CONTENT_TYPE = "application/json;charset=UTF-8";

function projectPath(projectId: string): string {
  return `/v3/${encodeURIComponent(projectId)}`;
}

export function instancePath(projectId: string, instanceId: string): string {
  return `${projectPath(projectId)}/instances/${encodeURIComponent(instanceId)}`;
}

export function restorePath(projectId: string): string {
  return `${projectPath(projectId)}/instances/restore`;
}

/** The job is named by the query: `?id=<job_id>`. */
export function jobsPath(projectId: string): string {
  return `${projectPath(projectId)}/jobs`;
}

export function restoreTimePath(projectId: string, instanceId: string): string {
  return `${instancePath(projectId, instanceId)}/restore-time`;
}

export function passwordPath(projectId: string, instanceId: string): string {
  return `${instancePath(projectId, instanceId)}/password`;
}
