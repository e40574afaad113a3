/**
 * Restores into existing instances. An order is checked against the data — a COMPLETED backup of
 * the source, or an instant inside the source's restorable ranges — and then runs as a job: the
 * target has an operation in progress from the start, is `RESTORING` while the job runs, and is
 * `ACTIVE` again when the job ends, completed or failed.
 */
import { type ApiFailure, invalidParameter } from "../replies/apiErrors";
import type { RestoreFailures } from "../steering/restoreFailures";
import type { BackupStore } from "./backupStore";
import type { InstanceStates } from "./instanceStates";
import type { Job, JobBook, JobDurations } from "./jobBook";
import type { RestorableRanges } from "./restorableRanges";
import { type RestoreOrder, wireRestoreRequest } from "./restoreOrder";

/** The job name of a restore into an existing instance. */
export const RESTORE_JOB_NAME = "RestoreGaussMySqlInstance";

export interface RestoreParts {
  readonly store: BackupStore;
  readonly states: InstanceStates;
  readonly restorableRanges: RestorableRanges;
  readonly jobs: JobBook<RestoreOrder>;
  readonly failures: RestoreFailures;
  /** The durations of the next restore job. */
  readonly durations: () => JobDurations;
  /** The data clock. */
  readonly now: () => number;
}

export class Restorer {
  constructor(private readonly p: RestoreParts) {}

  /** Why the source's data cannot serve this order (a 400), if it cannot. Both instances exist. */
  dataProblem(order: RestoreOrder): ApiFailure | undefined {
    if (order.type === "timestamp") {
      const inRange = this.p.restorableRanges.includes(order.sourceInstanceId, order.restoreTime);
      return inRange ? undefined : invalidParameter((m) => m.restoreTimeNotRestorable());
    }
    const found = this.p.store.findBackup(order.backupId);
    if (!found) return invalidParameter((m) => m.backupNotFound());
    if (found.instanceId !== order.sourceInstanceId) return invalidParameter((m) => m.backupOfAnotherInstance());
    const status = found.record.wire.status;
    return status === "COMPLETED" ? undefined : invalidParameter((m) => m.backupNotCompleted(status));
  }

  /** Starts the restore job. The target must exist and be idle. */
  start(order: RestoreOrder): Job<RestoreOrder> {
    const { store, states, now } = this.p;
    const target = store.info(order.targetInstanceId);
    const release = states.hold(target.id);
    return this.p.jobs.start({
      name: RESTORE_JOB_NAME,
      instance: { id: target.id, name: target.name, offsetMinutes: target.offsetMinutes },
      detail: order,
      entities: { ...wireRestoreRequest(order) },
      durations: this.p.durations(),
      failReason: this.p.failures.take(target.id),
      onRunning: () => states.setStatus(target.id, "RESTORING", now()),
      onEnded: () => {
        release();
        states.setStatus(target.id, "ACTIVE", now());
      },
    });
  }
}
