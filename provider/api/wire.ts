/**
 * The ShowInstanceBackups wire format, exactly as the API sends it: every field is a string.
 * Shared by the client (which validates and types it) and the emulator (which produces it).
 */

/** One backup as the API sends it (`BackupV3`). */
export interface WireBackup {
  id: string;
  name: string;
  description: string;
  instance_id: string;
  instance_name: string;
  /** A decimal number of `size_unit`s, e.g. `"74464.0"`. */
  size: string;
  size_unit: string;
  status: string;
  /** Local wall-clock time in `time_zone`, e.g. `"2026-01-04 17:30:30"`. */
  created: string;
  updated: string;
  backup_type: string;
  backup_level: string;
  backup_method: string;
  use_detail: string;
  /** e.g. `"UTC+08:00"`. */
  time_zone: string;
  /** Present in some SDK models only. */
  backup_mode?: string;
}

/** `GET /v3/{project_id}/instances/{instance_id}/backups` response body. */
export interface WireBackupPage {
  backups: WireBackup[];
  /** The number of backups the instance has, as a string. */
  total_count: string;
}

/** Error body of 4xx/5xx answers from the service and the API gateway. */
export interface WireError {
  error_code: string;
  error_msg: string;
}

/** `GET /v3/projects?name=<region>` response body (IAM), reduced to what the client reads. */
export interface WireProjectList {
  projects: Array<{ id: string; name: string; enabled?: boolean; domain_id?: string }>;
}

/** Query parameters of ShowInstanceBackups, by their wire names. */
export interface WireBackupQuery {
  offset?: string;
  limit?: string;
  order_field?: string;
  order_rule?: string;
  filter_field?: string;
  filter_content?: string;
}

/** The path of ShowInstanceBackups (no trailing slash on the wire). */
export function backupsPath(projectId: string, instanceId: string): string {
  return `/v3/${encodeURIComponent(projectId)}/instances/${encodeURIComponent(instanceId)}/backups`;
}

/** The IAM path that lists projects by name (used to find a project id from a region). */
export const PROJECTS_PATH = "/v3/projects";

/** Header names used on the wire. */
export const Headers = {
  authToken: "X-Auth-Token",
  language: "X-Language",
  sdkDate: "X-Sdk-Date",
  projectId: "X-Project-Id",
  securityToken: "X-Security-Token",
  authorization: "Authorization",
  requestId: "X-Request-Id",
  retryAfter: "Retry-After",
} as const;

/** Error codes this package knows by name. */
export const ErrorCodes = {
  /** API gateway: bad token or signature (401). */
  authFailed: "APIGW.0301",
  /** API gateway: throttled (429). */
  throttled: "APIGW.0308",
  /** TaurusDB: invalid parameter family. */
  invalidParameter: "DBS.280234",
} as const;
