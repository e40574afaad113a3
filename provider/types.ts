/**
 * The public shapes of the data function, in the style of Pulumi's generated SDKs:
 * `GetInstanceBackupsArgs` in, a readonly `GetInstanceBackupsResult` out.
 */
import type { RestoreType } from "./api/instanceRules";
import type { BackupMode, BackupStatus, BackupType, FilterField, Language, OrderField, OrderRule } from "./api/rules";

export type { RestoreType } from "./api/instanceRules";
export type { BackupMode, BackupStatus, BackupType, FilterField, Language, OrderField, OrderRule } from "./api/rules";

/** Where to reach the API and who to be. Every field falls back to stack config, then the environment. */
export interface ConnectionArgs {
  /** Region, e.g. `cn-north-4`. Chooses the endpoint and, without `projectId`, the project. */
  region?: string;
  /** Project id (32 letters or digits). Found through IAM from the region when left out. */
  projectId?: string;
  /** Overrides the endpoint from the region table (private clouds, proxies, the emulator): `https`, or `http` to loopback only. */
  endpoint?: string;
  /** Overrides the IAM endpoint used to find the project id. */
  iamEndpoint?: string;
  /** Access key of an AK/SK pair; requests are signed with `SDK-HMAC-SHA256`. */
  accessKey?: string;
  /** Secret key of an AK/SK pair. Never sent, logged or stored. */
  secretKey?: string;
  /** Security token of a temporary AK/SK pair (`X-Security-Token`). */
  securityToken?: string;
  /** An IAM user token, sent as `X-Auth-Token`, instead of an AK/SK pair. */
  authToken?: string;
}

/** How patiently to talk to the API. */
export interface TransportArgs {
  /** Language of the API's error messages (`X-Language`). Default `en-us`. */
  language?: Language;
  /** Cap on requests in flight while paging. Default 16. */
  maxConcurrency?: number;
  /** Attempts per request for throttling, 502/503/504 and network errors. Default 6. */
  maxAttempts?: number;
  /** Deadline of one request, in milliseconds. Default 30 000. */
  requestTimeoutMs?: number;
  /** Deadline of the whole listing, retries and rescans included, in milliseconds. Default 300 000. */
  timeoutMs?: number;
}

/** Which backups to ask the API for, and which of them to keep. */
export interface BackupQueryArgs {
  /** TaurusDB instance id: 36 letters or digits ending in `in07`. */
  instanceId: string;
  /** Sent to the API: sort by `name`, `beginTime` or `type`. */
  orderField?: OrderField;
  /** Sent to the API with `orderField`: `asc` or `desc`. */
  orderRule?: OrderRule;
  /** Sent to the API: the field to filter on (`name`), with `filterContent`. */
  filterField?: FilterField;
  /** Sent to the API: the text names are filtered by. */
  filterContent?: string;
  /** Records per page, 1..100. Default 100. */
  pageSize?: number;
  /** Applied after fetching: keep only these statuses. */
  statuses?: BackupStatus[];
  /** Applied after fetching: keep only these backup types. */
  backupTypes?: BackupType[];
  /** Applied after fetching: keep backups created at or after this ISO 8601 instant. */
  createdAfter?: string;
  /** Applied after fetching: keep backups created strictly before this ISO 8601 instant. */
  createdBefore?: string;
  /** Fail with a clear error when no COMPLETED backup matches, so a restore is never wired to nothing. */
  requireLatestCompleted?: boolean;
  /**
   * Recovery-point guard: fail with a clear error, naming the newest COMPLETED backup and its age,
   * when that backup is older than this (`"26h"`, `"7d"`, `"1d12h"`). Implies `requireLatestCompleted`.
   */
  maxAge?: string;
}

/** Arguments of {@link getInstanceBackups}. */
export interface GetInstanceBackupsArgs extends BackupQueryArgs, ConnectionArgs, TransportArgs {}

/**
 * What to restore into what, and how (`InstanceRestore`). A change to the source, the target, the
 * type, the backup, the time or a keeper is a new restore; a change to anything else never
 * restores again.
 */
export interface RestoreArgs {
  /** The instance whose backup or point in time is restored (36 letters or digits ending in `in07`). */
  sourceInstanceId: string;
  /**
   * The existing instance restored into: its data is replaced by the source's. It must be another
   * instance than the source unless `allowRestoreIntoSource` is true.
   */
  targetInstanceId: string;
  /** `"backup"` (default) restores `backupId`; `"timestamp"` restores the source as it was at `restoreTime`. */
  type?: RestoreType;
  /** With type `"backup"`: the COMPLETED backup of the source to restore, e.g. `LatestCompletedBackup.backupId`. */
  backupId?: string;
  /**
   * With type `"timestamp"`: the instant to restore, ISO 8601 with a time and a zone
   * (`"2026-01-04T09:30:00Z"`); it must lie in one of the source's restorable time ranges.
   */
  restoreTime?: string;
  /**
   * Arbitrary strings; changing any of them restores again, even the same backup (say, the keeper
   * that pins the backup, so that bumping it always refreshes the target).
   */
  keepers?: Record<string, string>;
  /** Allow the target to be the source itself, overwriting it with its own past. Default false. */
  allowRestoreIntoSource?: boolean;
  /**
   * A new admin (root) password for the target, set after each restore (a restore brings the
   * source's accounts and passwords with it), and again whenever it changes, without restoring.
   * 8 to 32 characters: letters, digits and `~!@#$%^*-_=+?,()&|.`, at least three of the four
   * kinds. Secret: never logged, and kept in the state only encrypted.
   */
  adminPassword?: string;
  /**
   * How long a restore may take, waiting for the target to be ready included (`"60m"`, `"2h"`,
   * `"1d"`). Default `"60m"`. When it runs out while the job is under way, the update fails and the
   * next one waits for the same job instead of restoring again.
   */
  restoreTimeout?: string;
  /** Seconds between looks at the target's status and the restore job's progress. Default 15. */
  pollIntervalSeconds?: number;
}

/** One full backup, typed. Times are UTC instants in ISO 8601 ending in `Z`. */
export interface Backup {
  /** Backup id, e.g. `1a2b...br01`: what a restore takes. */
  readonly id: string;
  /** Backup name, e.g. `daily-backup-20260104`. */
  readonly name: string;
  /** Free text given when the backup was made; empty when none. */
  readonly description: string;
  /** Id of the instance the backup belongs to. */
  readonly instanceId: string;
  /** Name of the instance the backup belongs to. */
  readonly instanceName: string;
  /** `BUILDING`, `COMPLETED`, `FAILED` or `DELETING`; only a COMPLETED backup can be restored. */
  readonly status: BackupStatus;
  /** Size in KB (1024 bytes), from the API's `size` and `size_unit`. */
  readonly sizeKb: number;
  /** Creation instant, from the API's wall-clock `created` and `time_zone`. */
  readonly createdAt: string;
  /** Last update instant, from the API's wall-clock `updated` and `time_zone`. */
  readonly updatedAt: string;
  /** The time zone the API reported, as sent (e.g. `UTC+08:00`). */
  readonly timeZone: string;
  /** `Db` (physical) or `Snapshot`. */
  readonly backupType: BackupType;
  /**
   * Backup level, `1` or `2`.
   * @integer
   */
  readonly backupLevel: number;
  /** How it was taken: `Db` (physical) or `Snapshot`. */
  readonly backupMethod: BackupType;
  /** Free text the API reports about the backup's use. */
  readonly useDetail: string;
  /** `differential` or `completed`; only when the API sends it. */
  readonly backupMode?: BackupMode;
}

/** Result of {@link getInstanceBackups}. */
export interface GetInstanceBackupsResult {
  /** The instance listed. */
  readonly instanceId: string;
  /** The project, as given or as found through IAM from the region. */
  readonly projectId: string;
  /**
   * How many backups the API listed (its `total_count`), before the local filters.
   * @integer
   */
  readonly totalCount: number;
  /** The backups that pass the local filters, in the API's order. */
  readonly backups: Backup[];
  /** Id of the newest COMPLETED backup among `backups`, if any. */
  readonly latestCompletedBackupId?: string;
  /** The newest COMPLETED backup among `backups`, if any. */
  readonly latestCompletedBackup?: Backup;
}

/** The result when a COMPLETED backup is required (`requireLatestCompleted: true` or `maxAge`): it is there. */
export interface GetInstanceBackupsResultWithLatest extends GetInstanceBackupsResult {
  readonly latestCompletedBackupId: string;
  readonly latestCompletedBackup: Backup;
}
