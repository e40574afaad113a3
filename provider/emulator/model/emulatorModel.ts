/**
 * The model: what the APIs answer from and the control changes — every instance's backups (and
 * their history), each instance's state and admin password, the restore jobs, the ranges an
 * instance can be restored to — with the data clock, the randomness of changes, and the settings
 * the control can change while the emulator runs.
 */
import type { InstanceBusyErrorCode } from "../../api/instanceRules";
import type { RestoreFailures } from "../steering/restoreFailures";
import { AdminPasswordDigests } from "./adminPasswordDigests";
import { BackupStore } from "./backupStore";
import type { Timers } from "./cancellableTimers";
import { InstanceStates } from "./instanceStates";
import { JobBook, type JobDurations } from "./jobBook";
import { RestorableRanges } from "./restorableRanges";
import type { RestoreOrder } from "./restoreOrder";
import { Restorer } from "./restorer";
import type { Random } from "./seededRandom";
import { VersionHistory } from "./versionHistory";

/** What the control can change in the model while the emulator runs. */
export interface ModelSettings {
  /** The 409 code a write to a busy instance gets. */
  busyErrorCode: InstanceBusyErrorCode;
  /** How long the next restore job is Pending, then Running. */
  restoreDurations: JobDurations;
}

export interface EmulatorModel {
  readonly store: BackupStore;
  /** Kept only with `recordHistory`. */
  readonly history?: VersionHistory;
  readonly states: InstanceStates;
  readonly passwords: AdminPasswordDigests;
  readonly jobs: JobBook<RestoreOrder>;
  readonly restorableRanges: RestorableRanges;
  readonly restorer: Restorer;
  readonly settings: ModelSettings;
  /** The data clock: generated data, new and finished backups, job times, restorable times. */
  readonly now: () => number;
  /** The random source of the control's changes: new backup ids, completion sizes. */
  readonly random: Random;
}

export interface ModelSpec {
  /** Snapshots kept of the backups; 0 keeps none. */
  readonly historyLimit: number;
  readonly restoreDurations: JobDurations;
  readonly now: () => number;
  /** The emulator's seeded randomness, from which the model forks its own streams. */
  readonly random: Random;
  readonly timers: Timers;
  /** The restores a test wants to fail (the steering's). */
  readonly restoreFailures: RestoreFailures;
}

/** An empty model: no instance yet. */
export function createModel(spec: ModelSpec): EmulatorModel {
  const { now } = spec;
  const history = spec.historyLimit > 0 ? new VersionHistory(spec.historyLimit) : undefined;
  const store = new BackupStore(history);
  const states = new InstanceStates();
  const settings: ModelSettings = { busyErrorCode: "DBS.200019", restoreDurations: spec.restoreDurations };
  const jobs = new JobBook<RestoreOrder>(spec.timers, spec.random.fork("jobs"), now);
  const restorableRanges = new RestorableRanges(store, now);
  const restorer = new Restorer({
    store,
    states,
    restorableRanges,
    jobs,
    failures: spec.restoreFailures,
    durations: () => settings.restoreDurations,
    now,
  });
  const passwords = new AdminPasswordDigests();
  return { store, history, states, passwords, jobs, restorableRanges, restorer, settings, now, random: spec.random.fork("changes") };
}
