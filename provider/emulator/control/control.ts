/**
 * The control, composed of the rooms it acts on: the model (data, instances, restores, passwords),
 * the steering (faults, scheduled changes, restore failures) and the gateway (latency, rate limit,
 * stats, lockouts). Each method checks its arguments and fills in the defaults; the rooms do the rest.
 */
import { INSTANCE_BUSY_ERROR_CODES, type InstanceBusyErrorCode, type InstanceStatus } from "../../api/instanceRules";
import type { WireBackup } from "../../api/wire";
import { checkLatency, type GatewayState } from "../gateway/gatewayState";
import { checkRateLimitSpec, type RateLimitSpec, TokenBucket } from "../gateway/rateLimit";
import type { EmulatorStats, RequestLogEntry } from "../gateway/requestStats";
import { addGeneratedInstance } from "../model/addGeneratedInstance";
import { completed, failed, newBackup, patched } from "../model/backupLifecycle";
import type { BackupStore } from "../model/backupStore";
import { checkDelay } from "../model/cancellableTimers";
import type { EmulatorModel } from "../model/emulatorModel";
import type { Job, JobDurations } from "../model/jobBook";
import type { TimeRange } from "../model/restorableRanges";
import { type RestoreOrder, wireRestoreRequest } from "../model/restoreOrder";
import type { HistoryEntry } from "../model/versionHistory";
import type { Cancel } from "../sharedTypes";
import type { Fault } from "../steering/faultPlan";
import type { ScheduleOptions } from "../steering/requestScheduler";
import type { RestoreFailureSpec } from "../steering/restoreFailures";
import type { Steering } from "../steering/steering";
import type {
  BusyOptions,
  EmulatorControl,
  InstanceSummary,
  Mutation,
  NewInstance,
  RequestHook,
  RestoreJobSummary,
} from "./emulatorControl";

/** What the control fills in where a caller leaves something out. */
export interface ControlDefaults {
  /** The instance a call acts on when it names none. */
  readonly instanceId: string;
  /** What `addInstance` generates unless told otherwise. */
  readonly newInstance: { readonly seed: number; readonly timeZone: string; readonly backups: number };
}

export class Control implements EmulatorControl {
  constructor(
    private readonly model: EmulatorModel,
    private readonly steering: Steering<EmulatorControl>,
    private readonly gateway: GatewayState,
    private readonly defaults: ControlDefaults,
  ) {}

  backups(instanceId = this.defaults.instanceId): WireBackup[] {
    return this.model.store.backups(instanceId);
  }

  version(): number {
    return this.model.store.version;
  }

  instances(): InstanceSummary[] {
    const { store, states } = this.model;
    return store
      .instanceInfos()
      .map((i) => ({ id: i.id, name: i.name, timeZone: i.timeZone, backups: store.count(i.id), status: states.status(i.id) }));
  }

  addInstance(spec: NewInstance = {}): string {
    return addGeneratedInstance(this.model, {
      seed: spec.seed ?? this.defaults.newInstance.seed,
      ordinal: this.model.store.instanceInfos().length,
      backups: spec.backups ?? this.defaults.newInstance.backups,
      timeZone: spec.timeZone ?? this.defaults.newInstance.timeZone,
      name: spec.name,
      now: this.model.now(),
    }).id;
  }

  addBackup(partial?: Partial<WireBackup>, instanceId = this.defaults.instanceId): WireBackup {
    const { store } = this.model;
    const record = newBackup(store.info(instanceId), this.model.random, this.model.now(), store.newest(instanceId), partial);
    store.insert(instanceId, record);
    return { ...record.wire };
  }

  completeBackup(backupId: string): WireBackup {
    return this.replace(backupId, (current, instance) => completed(current, instance, this.model.random, this.model.now()));
  }

  failBackup(backupId: string): WireBackup {
    return this.replace(backupId, (current, instance) => failed(current, instance, this.model.now()));
  }

  updateBackup(backupId: string, patch: Partial<WireBackup>): WireBackup {
    return this.replace(backupId, (current, instance) => patched(current, instance, patch));
  }

  deleteBackup(backupId: string): WireBackup {
    return { ...this.model.store.remove(backupId).wire };
  }

  expireOldest(count = 1, instanceId = this.defaults.instanceId): WireBackup[] {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be an integer >= 0, got ${count}`);
    return this.model.store.removeOldest(instanceId, count).map((r) => ({ ...r.wire }));
  }

  history(instanceId = this.defaults.instanceId): HistoryEntry[] {
    if (!this.model.history) throw new Error("history is not recorded: start the emulator with recordHistory");
    this.model.store.info(instanceId); // throws for an unknown instance
    return this.model.history.entries(instanceId);
  }

  schedule(mutation: Mutation, options: ScheduleOptions): Cancel {
    return this.steering.scheduler.schedule(mutation, options);
  }

  onRequest(hook: RequestHook): Cancel {
    return this.steering.scheduler.onRequest(hook);
  }

  hookErrors(): string[] {
    return this.steering.scheduler.errors();
  }

  setLatency(ms: number): void {
    this.gateway.settings.latencyMs = checkLatency(ms);
  }

  setRateLimit(spec: RateLimitSpec | undefined): void {
    if (spec) checkRateLimitSpec(spec);
    this.gateway.settings.rateLimit = spec ? new TokenBucket(spec) : undefined;
  }

  injectFaults(...faults: Fault[]): void {
    this.steering.faults.inject(faults);
  }

  pendingFaults(): Fault[] {
    return this.steering.faults.pending();
  }

  clearFaults(): void {
    this.steering.faults.clear();
  }

  stats(): EmulatorStats {
    return this.gateway.stats.snapshot();
  }

  resetStats(): void {
    this.gateway.stats.reset();
  }

  requests(): RequestLogEntry[] {
    return this.gateway.stats.log();
  }

  unlock(accessKey?: string): void {
    this.gateway.authenticator.unlock(accessKey);
  }

  instanceStatus(instanceId = this.defaults.instanceId): InstanceStatus {
    return this.model.states.status(instanceId);
  }

  setInstanceStatus(status: InstanceStatus, instanceId = this.defaults.instanceId): void {
    this.model.states.setStatus(instanceId, status, this.model.now());
  }

  makeBusy(options: BusyOptions = {}): Cancel {
    return this.model.states.hold(options.instanceId ?? this.defaults.instanceId, options.forMs);
  }

  setBusyErrorCode(code: InstanceBusyErrorCode): void {
    if (!INSTANCE_BUSY_ERROR_CODES.includes(code))
      throw new RangeError(`code must be one of ${INSTANCE_BUSY_ERROR_CODES.join(", ")}, got ${JSON.stringify(code)}`);
    this.model.settings.busyErrorCode = code;
  }

  setRestoreDurations(durations: Partial<JobDurations>): void {
    const next = { ...this.model.settings.restoreDurations, ...durations };
    this.model.settings.restoreDurations = {
      pendingMs: checkDelay(next.pendingMs, "pendingMs"),
      runningMs: checkDelay(next.runningMs, "runningMs"),
    };
  }

  restoreDurations(): JobDurations {
    return { ...this.model.settings.restoreDurations };
  }

  failRestores(spec: RestoreFailureSpec): Cancel {
    if (spec.targetInstanceId !== undefined) this.model.store.info(spec.targetInstanceId); // throws for an unknown instance
    return this.steering.restoreFailures.plan(spec);
  }

  restorableRanges(instanceId = this.defaults.instanceId): TimeRange[] {
    return this.model.restorableRanges.ranges(instanceId);
  }

  setRestorableRanges(ranges: TimeRange[] | undefined, instanceId = this.defaults.instanceId): void {
    this.model.restorableRanges.set(instanceId, ranges);
  }

  jobs(): RestoreJobSummary[] {
    return this.model.jobs.all().map(summarize);
  }

  restoreHistory(instanceId = this.defaults.instanceId): RestoreJobSummary[] {
    this.model.store.info(instanceId); // throws for an unknown instance
    return this.jobs().filter((job) => job.targetInstanceId === instanceId);
  }

  passwordMatches(candidate: string, instanceId = this.defaults.instanceId): boolean {
    this.model.store.info(instanceId);
    return this.model.passwords.matches(instanceId, candidate);
  }

  passwordChanges(instanceId = this.defaults.instanceId): number {
    this.model.store.info(instanceId);
    return this.model.passwords.changes(instanceId);
  }

  private replace(backupId: string, next: Parameters<BackupStore["replace"]>[1]): WireBackup {
    return { ...this.model.store.replace(backupId, next).wire };
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
