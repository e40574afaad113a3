/**
 * pulumi-taurusdb-backups: the full backups of a Huawei Cloud TaurusDB (GaussDB for MySQL)
 * instance, as a Pulumi data function and two dynamic resources, and a restore into an existing
 * instance as a third.
 */
export { GET_INSTANCE_BACKUPS_TOKEN, getInstanceBackups, getInstanceBackupsOutput } from "./pulumi/getInstanceBackups";
export type {
  Backup,
  BackupMode,
  BackupQueryArgs,
  BackupStatus,
  BackupType,
  ConnectionArgs,
  FilterField,
  GetInstanceBackupsArgs,
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
  BackupTooOldError,
  InconsistentListingError,
  InvalidArgumentsError,
  MissingCredentialsError,
  NoCompletedBackupError,
  PinnedBackupUnavailableError,
  TaurusDbApiError,
  TaurusDbBackupsError,
  TaurusDbNetworkError,
  TaurusDbResponseError,
  TaurusDbTimeoutError,
} from "./errors";
export {
  AdminPasswordNotSetError,
  BackupNotRestorableError,
  RestoreInterruptedError,
  RestoreJobFailedError,
  RestoreRequestUncertainError,
  RestoreTimeOutOfRangeError,
  RestoreTimeoutError,
} from "./restore/errors";
export type { ArgumentIssue, ExchangeContext } from "./errors";
export type { GetInstanceBackupsOutputArgs } from "./pulumi/inputs";
export { InstanceBackups, type InstanceBackupsArgs } from "./resources/instanceBackups";
export { LatestCompletedBackup, type LatestCompletedBackupArgs } from "./resources/latestCompletedBackup";
export { InstanceRestore, type InstanceRestoreArgs } from "./restore/instanceRestore";
export type { OnExpired } from "./arguments/resourceOptions";
