/**
 * `EmulatorControl`: what a test, the demo or the benchmark can do to a running emulator — change
 * its data, time changes to requests, inject faults, and look at what it received.
 */
import type { WireBackup } from "../api/wire";
import type { Authenticator } from "./auth";
import { generateInstance } from "./data";
import type { Fault, FaultPlan } from "./faults";
import type { HistoryEntry, VersionHistory } from "./history";
import { completed, failed, newBackup, patched } from "./lifecycle";
import type { RuntimeSettings } from "./pipeline";
import type { Random } from "./random";
import { checkRateLimitSpec, type RateLimitSpec, TokenBucket } from "./rateLimit";
import type { Cancel, Mutation, RequestHook, RequestScheduler, ScheduleOptions } from "./schedule";
import type { EmulatorStats, RequestLogEntry, StatsRecorder } from "./stats";
import type { BackupStore } from "./store";

export interface InstanceSummary {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  /** Number of backups now. */
  readonly backups: number;
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
  readonly faults: FaultPlan;
  readonly scheduler: RequestScheduler;
  readonly stats: StatsRecorder;
  readonly authenticator: Authenticator;
  readonly settings: RuntimeSettings;
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
    return this.t.store.instanceInfos().map((i) => ({ id: i.id, name: i.name, timeZone: i.timeZone, backups: this.t.store.count(i.id) }));
  }

  addInstance(spec: NewInstance = {}): string {
    const generated = generateInstance({
      seed: spec.seed ?? this.t.defaults.seed,
      ordinal: this.t.store.instanceInfos().length,
      backups: spec.backups ?? this.t.defaults.backups,
      timeZone: spec.timeZone ?? this.t.defaults.timeZone,
      name: spec.name,
      now: this.t.now(),
    });
    return this.t.store.addInstance({ id: generated.id, name: generated.name, timeZone: generated.timeZone }, generated.backups).id;
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
    return this.t.scheduler.schedule(mutation, options);
  }

  onRequest(hook: RequestHook): Cancel {
    return this.t.scheduler.onRequest(hook);
  }

  hookErrors(): string[] {
    return this.t.scheduler.errors();
  }

  setLatency(ms: number): void {
    this.t.settings.latencyMs = checkLatency(ms);
  }

  setRateLimit(spec: RateLimitSpec | undefined): void {
    if (spec) checkRateLimitSpec(spec);
    this.t.settings.rateLimit = spec ? new TokenBucket(spec) : undefined;
  }

  injectFaults(...faults: Fault[]): void {
    this.t.faults.inject(faults);
  }

  pendingFaults(): Fault[] {
    return this.t.faults.pending();
  }

  clearFaults(): void {
    this.t.faults.clear();
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

  private replace(backupId: string, next: Parameters<BackupStore["replace"]>[1]): WireBackup {
    return { ...this.t.store.replace(backupId, next).wire };
  }
}

export function checkLatency(ms: number): number {
  if (!(Number.isInteger(ms) && ms >= 0 && ms <= 2 ** 31 - 1)) throw new RangeError(`latency must be an integer number of ms >= 0, got ${ms}`);
  return ms;
}
