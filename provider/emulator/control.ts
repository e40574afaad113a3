/**
 * `EmulatorControl`: what a test, the demo or the benchmark can do to a running emulator — change
 * its data and the state of its instances, steer restores, time changes to requests, inject
 * faults, and look at what it received.
 */
import {
  INSTANCE_BUSY_ERROR_CODES,
  type InstanceBusyErrorCode,
  type InstanceStatus,
  type JobStatus,
  type RestoreType,
} from "../api/instanceRules";
import type { WireRestoreRequest } from "../api/instanceWire";
import type { WireBackup } from "../api/wire";
import type { AdminPasswords } from "./adminPasswords";
import type { Authenticator } from "./auth";
import type { Fault } from "./faults";
import type { HistoryEntry, VersionHistory } from "./history";
import type { InstanceStates } from "./instanceStates";
import type { Job, JobBook, JobDurations } from "./jobs";
import { completed, failed, newBackup, patched } from "./lifecycle";
import { addGeneratedInstance } from "./newInstance";
import type { RuntimeSettings } from "./pipeline";
import type { Random } from "./random";
import { checkRateLimitSpec, type RateLimitSpec, TokenBucket } from "./rateLimit";
import type { RestorableTimes, TimeRange } from "./restorableTimes";
import type { RestoreFailureSpec } from "./restoreFailures";
import { type RestoreOrder, wireRestoreRequest } from "./restoreOrder";
import type { ArrivingRequest, ScheduleOptions } from "./schedule";
import type { Cancel } from "./sharedTypes";
import type { EmulatorStats, RequestLogEntry, StatsRecorder } from "./stats";
import type { Steering } from "./steering";
import type { BackupStore } from "./store";

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

  // Changes timed by requests (see schedule.ts).
  schedule(mutation: Mutation, options: ScheduleOptions): Cancel;
  onRequest(hook: RequestHook): Cancel;
  /** Messages of errors thrown by scheduled mutations and hooks (they never fail a request). */
  hookErrors(): string[];

  // Faults (see faults.ts).
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

  // Instances and the operations on them (see instanceStates.ts). A write to an instance that is not
  // ACTIVE, or has an operation in progress, gets 409.
  /** `ACTIVE` unless set otherwise; `RESTORING` while a restore into it runs. */
  instanceStatus(instanceId?: string): InstanceStatus;
  setInstanceStatus(status: InstanceStatus, instanceId?: string): void;
  /** Puts an operation in progress on an instance; the returned function ends it. */
  makeBusy(options?: BusyOptions): Cancel;
  /** The `error_code` of those 409s: one of `INSTANCE_BUSY_ERROR_CODES`, `DBS.200019` unless set otherwise. */
  setBusyErrorCode(code: InstanceBusyErrorCode): void;

  // Restores and their jobs (see restores.ts, jobs.ts).
  /** Durations of the restore jobs started from now on. */
  setRestoreDurations(durations: Partial<JobDurations>): void;
  restoreDurations(): JobDurations;
  /** Makes the next restore (or the next `count`, or those into a target) end `Failed` with `reason`. */
  failRestores(spec: RestoreFailureSpec): Cancel;
  /** The instants an instance can be restored to, oldest first (see restorableTimes.ts). */
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

/** What the control acts on; the emulator assembles it. */
export interface ControlTargets {
  readonly store: BackupStore;
  readonly defaultInstanceId: string;
  readonly defaults: { readonly seed: number; readonly timeZone: string; readonly backups: number };
  /** Random source of new backup ids and completion sizes. */
  readonly random: Random;
  /** The data clock. */
  readonly now: () => number;
  readonly history?: VersionHistory;
  readonly steering: Steering<EmulatorControl>;
  readonly stats: StatsRecorder;
  readonly authenticator: Authenticator;
  readonly settings: RuntimeSettings;
  readonly states: InstanceStates;
  readonly passwords: AdminPasswords;
  readonly jobs: JobBook<RestoreOrder>;
  readonly restorableTimes: RestorableTimes;
}

export class Control implements EmulatorControl {
  constructor(private readonly t: ControlTargets) {}

  backups(instanceId = this.t.defaultInstanceId): WireBackup[] {
    return this.t.store.backups(instanceId);
  }

  version(): number {
    return this.t.store.version;
  }

  instances(): InstanceSummary[] {
    const { store, states } = this.t;
    return store
      .instanceInfos()
      .map((i) => ({ id: i.id, name: i.name, timeZone: i.timeZone, backups: store.count(i.id), status: states.status(i.id) }));
  }

  addInstance(spec: NewInstance = {}): string {
    return addGeneratedInstance(this.t, {
      seed: spec.seed ?? this.t.defaults.seed,
      ordinal: this.t.store.instanceInfos().length,
      backups: spec.backups ?? this.t.defaults.backups,
      timeZone: spec.timeZone ?? this.t.defaults.timeZone,
      name: spec.name,
      now: this.t.now(),
    }).id;
  }

  addBackup(partial?: Partial<WireBackup>, instanceId = this.t.defaultInstanceId): WireBackup {
    const { store } = this.t;
    const record = newBackup(store.info(instanceId), this.t.random, this.t.now(), store.newest(instanceId), partial);
    store.insert(instanceId, record);
    return { ...record.wire };
  }

  completeBackup(backupId: string): WireBackup {
    return this.replace(backupId, (current, instance) => completed(current, instance, this.t.random, this.t.now()));
  }

  failBackup(backupId: string): WireBackup {
    return this.replace(backupId, (current, instance) => failed(current, instance, this.t.now()));
  }

  updateBackup(backupId: string, patch: Partial<WireBackup>): WireBackup {
    return this.replace(backupId, (current, instance) => patched(current, instance, patch));
  }

  deleteBackup(backupId: string): WireBackup {
    return { ...this.t.store.remove(backupId).wire };
  }

  expireOldest(count = 1, instanceId = this.t.defaultInstanceId): WireBackup[] {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be an integer >= 0, got ${count}`);
    return this.t.store.removeOldest(instanceId, count).map((r) => ({ ...r.wire }));
  }

  history(instanceId = this.t.defaultInstanceId): HistoryEntry[] {
    if (!this.t.history) throw new Error("history is not recorded: start the emulator with recordHistory");
    this.t.store.info(instanceId); // throws for an unknown instance
    return this.t.history.entries(instanceId);
  }

  schedule(mutation: Mutation, options: ScheduleOptions): Cancel {
    return this.t.steering.scheduler.schedule(mutation, options);
  }

  onRequest(hook: RequestHook): Cancel {
    return this.t.steering.scheduler.onRequest(hook);
  }

  hookErrors(): string[] {
    return this.t.steering.scheduler.errors();
  }

  setLatency(ms: number): void {
    this.t.settings.latencyMs = checkLatency(ms);
  }

  setRateLimit(spec: RateLimitSpec | undefined): void {
    if (spec) checkRateLimitSpec(spec);
    this.t.settings.rateLimit = spec ? new TokenBucket(spec) : undefined;
  }

  injectFaults(...faults: Fault[]): void {
    this.t.steering.faults.inject(faults);
  }

  pendingFaults(): Fault[] {
    return this.t.steering.faults.pending();
  }

  clearFaults(): void {
    this.t.steering.faults.clear();
  }

  stats(): EmulatorStats {
    return this.t.stats.snapshot();
  }

  resetStats(): void {
    this.t.stats.reset();
  }

  requests(): RequestLogEntry[] {
    return this.t.stats.log();
  }

  unlock(accessKey?: string): void {
    this.t.authenticator.unlock(accessKey);
  }

  instanceStatus(instanceId = this.t.defaultInstanceId): InstanceStatus {
    return this.t.states.status(instanceId);
  }

  setInstanceStatus(status: InstanceStatus, instanceId = this.t.defaultInstanceId): void {
    this.t.states.setStatus(instanceId, status, this.t.now());
  }

  makeBusy(options: BusyOptions = {}): Cancel {
    return this.t.states.hold(options.instanceId ?? this.t.defaultInstanceId, options.forMs);
  }

  setBusyErrorCode(code: InstanceBusyErrorCode): void {
    if (!INSTANCE_BUSY_ERROR_CODES.includes(code))
      throw new RangeError(`code must be one of ${INSTANCE_BUSY_ERROR_CODES.join(", ")}, got ${JSON.stringify(code)}`);
    this.t.settings.busyErrorCode = code;
  }

  setRestoreDurations(durations: Partial<JobDurations>): void {
    const next = { ...this.t.settings.restoreDurations, ...durations };
    this.t.settings.restoreDurations = {
      pendingMs: checkDelay(next.pendingMs, "pendingMs"),
      runningMs: checkDelay(next.runningMs, "runningMs"),
    };
  }

  restoreDurations(): JobDurations {
    return { ...this.t.settings.restoreDurations };
  }

  failRestores(spec: RestoreFailureSpec): Cancel {
    if (spec.targetInstanceId !== undefined) this.t.store.info(spec.targetInstanceId); // throws for an unknown instance
    return this.t.steering.restoreFailures.plan(spec);
  }

  restorableRanges(instanceId = this.t.defaultInstanceId): TimeRange[] {
    return this.t.restorableTimes.ranges(instanceId);
  }

  setRestorableRanges(ranges: TimeRange[] | undefined, instanceId = this.t.defaultInstanceId): void {
    this.t.restorableTimes.set(instanceId, ranges);
  }

  jobs(): RestoreJobSummary[] {
    return this.t.jobs.all().map(summarize);
  }

  restoreHistory(instanceId = this.t.defaultInstanceId): RestoreJobSummary[] {
    this.t.store.info(instanceId); // throws for an unknown instance
    return this.jobs().filter((job) => job.targetInstanceId === instanceId);
  }

  passwordMatches(candidate: string, instanceId = this.t.defaultInstanceId): boolean {
    this.t.store.info(instanceId);
    return this.t.passwords.matches(instanceId, candidate);
  }

  passwordChanges(instanceId = this.t.defaultInstanceId): number {
    this.t.store.info(instanceId);
    return this.t.passwords.changes(instanceId);
  }

  private replace(backupId: string, next: Parameters<BackupStore["replace"]>[1]): WireBackup {
    return { ...this.t.store.replace(backupId, next).wire };
  }
}

function summarize(job: Job<RestoreOrder>): RestoreJobSummary {
  const order = job.detail;
  return {
    id: job.id,
    name: job.name,
    status: job.status,
    targetInstanceId: order.targetInstanceId,
    sourceInstanceId: order.sourceInstanceId,
    type: order.type,
    backupId: order.type === "backup" ? order.backupId : undefined,
    restoreTime: order.type === "timestamp" ? order.restoreTime : undefined,
    createdAt: job.createdAt,
    endedAt: job.endedAt,
    failReason: job.failReason,
    request: wireRestoreRequest(order),
  };
}

/** A wait in ms the emulator's timers can hold: an integer from 0 to 2^31 - 1. */
export function checkDelay(ms: number, what: string): number {
  if (!(Number.isInteger(ms) && ms >= 0 && ms <= 2 ** 31 - 1))
    throw new RangeError(`${what} must be an integer number of ms >= 0, got ${ms}`);
  return ms;
}

export function checkLatency(ms: number): number {
  return checkDelay(ms, "latency");
}
