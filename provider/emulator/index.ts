/**
 * `pulumi-taurusdb-backups/emulator`: an embedded emulator of TaurusDB's ShowInstanceBackups API,
 * the calls around a restore (instance details, restore, jobs, restorable times, admin password)
 * and IAM's project lookup, on a real loopback HTTP server, with faithful authentication, seeded
 * data, and every fault a real gateway produces on demand. See README.md beside this file.
 */
export { startEmulator, type RunningEmulator } from "./startup/startEmulator";
export type { EmulatorOptions } from "./startup/emulatorOptions";
export type {
  EmulatorControl,
  InstanceSummary,
  NewInstance,
  BusyOptions,
  RestoreJobSummary,
  Mutation,
  RequestHook,
} from "./control/emulatorControl";
export type { JobDurations } from "./model/jobBook";
export type { TimeRange } from "./model/restorableRanges";
export type { RestoreFailureSpec } from "./steering/restoreFailures";
export type { ApiName, Cancel, RouteName } from "./sharedTypes";
export type { SignatureVerifier, SignedParts } from "./gateway/signatureVerifier";
export { banner } from "./cli/banner";
export type { EmulatorCredentials, TemporaryCredentials } from "./model/issuedIdentity";
export type { Fault, FaultKind, StatusFault, DropFault, StallFault, LieTotalFault, SkipFault, DuplicateFault } from "./steering/faultPlan";
export type { RateLimitSpec } from "./gateway/rateLimit";
export type { ScheduleOptions, ArrivingRequest } from "./steering/requestScheduler";
export type { RequestScope } from "./steering/requestCounter";
export type { EmulatorStats, RequestLogEntry, RequestOutcome } from "./gateway/requestStats";
export type { HistoryEntry } from "./model/versionHistory";
export { EmulatorErrorCodes } from "./replies/apiErrors";
export { RESTORE_JOB_NAME } from "./model/restorer";
export { DEFAULT_ORDER_FIELD, DEFAULT_ORDER_RULE } from "./apis/backupListQuery";
