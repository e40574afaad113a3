/**
 * pulumi-taurusdb-backups: the full backups of a Huawei Cloud TaurusDB (GaussDB for MySQL)
 * instance, as a Pulumi data function and two dynamic resources, and a restore into an existing
 * instance as a third.
 */
export { GET_INSTANCE_BACKUPS_TOKEN, getInstanceBackups, getInstanceBackupsOutput } from "./getInstanceBackups";
export type {
  Backup,
  BackupMode,
  BackupQueryArgs,
  BackupStatus,
  BackupType,
  ConnectionArgs,
  FilterField,
  GetInstanceBackupsArgs,
  GetInstanceBackupsOutputArgs,
  GetInstanceBackupsResult,
  GetInstanceBackupsResultWithLatest,
  Language,
  OrderField,
  OrderRule,
  RestoreArgs,
  RestoreType,
  TransportArgs,
} from "./types";
export {
  AdminPasswordNotSetError,
  BackupNotRestorableError,
  BackupTooOldError,
  InconsistentListingError,
  InvalidArgumentsError,
  MissingCredentialsError,
  NoCompletedBackupError,
  PinnedBackupUnavailableError,
  RestoreInterruptedError,
  RestoreJobFailedError,
  RestoreRequestUncertainError,
  RestoreTimeOutOfRangeError,
  RestoreTimeoutError,
  TaurusDbApiError,
  TaurusDbBackupsError,
  TaurusDbNetworkError,
  TaurusDbResponseError,
  TaurusDbTimeoutError,
} from "./errors";
export type { ArgumentIssue, ExchangeContext } from "./errors";
export { InstanceBackups, type InstanceBackupsArgs } from "./resources/instanceBackups";
export { LatestCompletedBackup, type LatestCompletedBackupArgs } from "./resources/latestCompletedBackup";
export { InstanceRestore, type InstanceRestoreArgs } from "./resources/instanceRestore";
export type { OnExpired } from "./arguments/resourceOptions";
