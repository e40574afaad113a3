/**
 * `EmulatorControl`: what a test, the demo or the benchmark can do to a running emulator — change
 * its data and the state of its instances, steer restores, time changes to requests, inject
 * faults, and look at what it received. (The implementation is control.ts.)
 */
import type { InstanceBusyErrorCode, InstanceStatus, JobStatus, RestoreType } from "../../api/instanceRules";
import type { WireRestoreRequest } from "../../api/instanceWire";
import type { WireBackup } from "../../api/wire";
import type { RateLimitSpec } from "../gateway/rateLimit";
import type { EmulatorStats, RequestLogEntry } from "../gateway/requestStats";
import type { JobDurations } from "../model/jobBook";
import type { TimeRange } from "../model/restorableRanges";
import type { HistoryEntry } from "../model/versionHistory";
import type { Cancel } from "../sharedTypes";
import type { Fault } from "../steering/faultPlan";
import type { ArrivingRequest, ScheduleOptions } from "../steering/requestScheduler";
import type { RestoreFailureSpec } from "../steering/restoreFailures";

export interface InstanceSummary {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  /** Number of backups now. */
  readonly backups: number;
  readonly status: InstanceStatus;
}

export interface BusyOptions {
  /** The default instance unless said otherwise. */
  readonly instanceId?: string;
  /** The operation lapses after this many ms; without it, it lasts until the returned function is called. */
  readonly forMs?: number;
}

/** A restore job as the emulator ran it, with the request that started it. */
export interface RestoreJobSummary {
  readonly id: string;
  readonly name: string;
  readonly status: JobStatus;
  readonly targetInstanceId: string;
  readonly sourceInstanceId: string;
  readonly type: RestoreType;
  /** For a `backup` restore. */
  readonly backupId?: string;
  /** For a `timestamp` restore: UTC epoch ms. */
  readonly restoreTime?: number;
  /** Data-clock epoch ms. */
  readonly createdAt: number;
  readonly endedAt?: number;
  readonly failReason?: string;
  /** The request body's known fields (unknown fields are never kept). */
  readonly request: WireRestoreRequest;
}

export interface NewInstance {
  /** Number of backups to generate; 25 unless said otherwise. */
  readonly backups?: number;
  /** Seed of the generated data; the emulator's seed unless said otherwise. */
  readonly seed?: number;
  /** `"UTC+08:00"` form; the emulator's time zone unless said otherwise. */
  readonly timeZone?: string;
  readonly name?: string;
}

/** A change timed by a request (see `schedule`). */
export type Mutation = (control: EmulatorControl) => void;
/** Runs on every request as it arrives (see `onRequest`). */
export type RequestHook = (request: ArrivingRequest, control: EmulatorControl) => void;

export interface EmulatorControl {
  // Data. `instanceId` defaults to the emulator's default instance. Unknown ids throw.
  /** Copies of the backups in the API's default order (newest first). */
  backups(instanceId?: string): WireBackup[];
  /** Increases on every data change. */
  version(): number;
  instances(): InstanceSummary[];
  /** Generates another instance in the same project; returns its id. */
  addInstance(spec?: NewInstance): string;
  /** Adds a backup (newest, BUILDING, unless `partial` says otherwise); returns it. */
  addBackup(partial?: Partial<WireBackup>, instanceId?: string): WireBackup;
  /** Marks a backup COMPLETED and updates `updated` (and an empty size). */
  completeBackup(backupId: string): WireBackup;
  /** Marks a backup FAILED and updates `updated`. */
  failBackup(backupId: string): WireBackup;
  /** Edits any field but `id`, `instance_id`, `instance_name` and `time_zone`. */
  updateBackup(backupId: string, patch: Partial<WireBackup>): WireBackup;
  /** Removes a backup; returns what it was. */
  deleteBackup(backupId: string): WireBackup;
  /** Removes the `count` (default 1) oldest backups, as retention does; returns them, oldest first. */
  expireOldest(count?: number, instanceId?: string): WireBackup[];
  /** Snapshots of an instance's backups, one per version (bounded); needs `recordHistory`. */
  history(instanceId?: string): HistoryEntry[];

  // Changes timed by requests (see steering/requestScheduler.ts).
  schedule(mutation: Mutation, options: ScheduleOptions): Cancel;
  onRequest(hook: RequestHook): Cancel;
  /** Messages of errors thrown by scheduled mutations and hooks (they never fail a request). */
  hookErrors(): string[];

  // Faults (see steering/faultPlan.ts).
  /** Delay every answer by `ms` (0 for none). */
  setLatency(ms: number): void;
  /** Token-bucket rate limit answering 429 APIGW.0308 with Retry-After; undefined removes it. */
  setRateLimit(spec: RateLimitSpec | undefined): void;
  injectFaults(...faults: Fault[]): void;
  pendingFaults(): Fault[];
  clearFaults(): void;

  // Inspection.
  stats(): EmulatorStats;
  resetStats(): void;
  /** The request log (bounded, without any header value). */
  requests(): RequestLogEntry[];
  /** Lifts the lockout of an access key after five failed signatures (of every key if none given). */
  unlock(accessKey?: string): void;

  // Instances and the operations on them (see model/instanceStates.ts). A write to an instance that is not
  // ACTIVE, or has an operation in progress, gets 409.
  /** `ACTIVE` unless set otherwise; `RESTORING` while a restore into it runs. */
  instanceStatus(instanceId?: string): InstanceStatus;
  setInstanceStatus(status: InstanceStatus, instanceId?: string): void;
  /** Puts an operation in progress on an instance; the returned function ends it. */
  makeBusy(options?: BusyOptions): Cancel;
  /** The `error_code` of those 409s: one of `INSTANCE_BUSY_ERROR_CODES`, `DBS.200019` unless set otherwise. */
  setBusyErrorCode(code: InstanceBusyErrorCode): void;

  // Restores and their jobs (see model/restorer.ts, model/jobBook.ts).
  /** Durations of the restore jobs started from now on. */
  setRestoreDurations(durations: Partial<JobDurations>): void;
  restoreDurations(): JobDurations;
  /** Makes the next restore (or the next `count`, or those into a target) end `Failed` with `reason`. */
  failRestores(spec: RestoreFailureSpec): Cancel;
  /** The instants an instance can be restored to, oldest first (see model/restorableRanges.ts). */
  restorableRanges(instanceId?: string): TimeRange[];
  /** Sets them explicitly; `undefined` derives them from the backups again. */
  setRestorableRanges(ranges: TimeRange[] | undefined, instanceId?: string): void;
  /** Every restore job, oldest first (the newest 10,000). */
  jobs(): RestoreJobSummary[];
  /** What was restored into an instance, from which backup or instant, oldest first. */
  restoreHistory(instanceId?: string): RestoreJobSummary[];

  // Admin passwords: kept as digests; nothing returns one.
  passwordMatches(candidate: string, instanceId?: string): boolean;
  /** How many times the password was set through the API. */
  passwordChanges(instanceId?: string): number;
}
