/**
 * The errors of a restore. Each says what was and was not restored, and what to do next; none
 * carries a secret.
 */
import { TaurusDbBackupsError } from "../errors";

/** The backup asked for cannot be restored: it is not a backup of the source, or it is not COMPLETED. Raised before any restore request. */
export class BackupNotRestorableError extends TaurusDbBackupsError {
  constructor(
    readonly sourceInstanceId: string,
    readonly backupId: string,
    /** The backup's status; undefined when the source has no backup with this id. */
    readonly status: string | undefined,
  ) {
    super(
      status === undefined
        ? `Instance ${sourceInstanceId} has no backup ${backupId} (expired, deleted, or a backup of another instance): nothing was restored. ` +
            "Restore a backup the source has now, e.g. LatestCompletedBackup's (change a keeper to pin anew)."
        : `Backup ${backupId} of instance ${sourceInstanceId} is ${status}, not COMPLETED: only a COMPLETED backup can be restored, so nothing was restored. ` +
            (status === "BUILDING" ? "Wait until it completes, or restore" : "Restore") +
            " the newest COMPLETED backup (LatestCompletedBackup).",
    );
  }
}

/** A point-in-time restore asked for an instant outside the source's restorable ranges. Raised before any restore request. */
export class RestoreTimeOutOfRangeError extends TaurusDbBackupsError {
  constructor(
    readonly sourceInstanceId: string,
    readonly restoreTime: string,
    /** The ranges the API reported around the instant (UTC ms, both ends included). */
    readonly ranges: ReadonlyArray<{ readonly startMs: number; readonly endMs: number }>,
  ) {
    const listed = ranges.map((r) => `${new Date(r.startMs).toISOString()} to ${new Date(r.endMs).toISOString()}`).join(", ");
    super(
      `${restoreTime} is outside the restorable time ranges of instance ${sourceInstanceId} ` +
        `(${listed ? `the nearest: ${listed}` : "none within a day of it"}): nothing was restored. Choose an instant inside a range.`,
    );
  }
}

/** The restore job ended `Failed`. Nothing is recorded: the next update tries again. */
export class RestoreJobFailedError extends TaurusDbBackupsError {
  constructor(
    readonly targetInstanceId: string,
    readonly jobId: string,
    /** The job's `fail_reason`, redacted; undefined when the API gave none. */
    readonly failReason: string | undefined,
  ) {
    super(
      `The restore into instance ${targetInstanceId} failed: job ${jobId} ended Failed` +
        `${failReason ? ` (${failReason})` : ", without a reason"}. Nothing was recorded; the next update restores again. ` +
        "Check the job in the TaurusDB console's task center.",
    );
  }
}

/**
 * A restore did not finish within `restoreTimeout`. When its job had started, the restore is
 * recorded as under way and the next update waits for that job instead of restoring again.
 */
export class RestoreTimeoutError extends TaurusDbBackupsError {
  constructor(
    readonly targetInstanceId: string,
    readonly restoreTimeout: string,
    /** What it was waiting for, e.g. `the target to be ACTIVE (it is BACKING UP)` or `job 1234 (Running, 40%)`. */
    readonly waitingFor: string,
    /** The job under way, if the restore had started. */
    readonly jobId?: string,
    /** The job's last status seen (`Pending`, `Running`), if it had started. */
    readonly jobStatus?: string,
  ) {
    super(
      jobId === undefined
        ? `Gave up restoring into instance ${targetInstanceId} after ${restoreTimeout}, waiting for ${waitingFor}: nothing was restored. ` +
            "Run the update again once the instance is free, or raise restoreTimeout."
        : `The restore into instance ${targetInstanceId} did not finish within ${restoreTimeout}: still waiting for ${waitingFor}. ` +
            `It is recorded as under way: the next update waits for job ${jobId} instead of restoring again. Raise restoreTimeout for large instances.`,
    );
  }
}

/**
 * Following a restore job stopped before it ended (a cancel, an API that could not be reached):
 * the restore is recorded as under way, and the next update waits for the same job.
 */
export class RestoreInterruptedError extends TaurusDbBackupsError {
  constructor(
    readonly targetInstanceId: string,
    readonly jobId: string,
    /** Why it stopped, from the underlying error (redacted). */
    readonly detail: string,
  ) {
    super(
      `Stopped following restore job ${jobId} into instance ${targetInstanceId}: ${detail} ` +
        "It is recorded as under way: the next update waits for this job instead of restoring again.",
    );
  }
}

/**
 * The restore request got an answer that may hide its success (a gateway error, a lost
 * connection). It is not sent again, so that nothing is restored twice.
 */
export class RestoreRequestUncertainError extends TaurusDbBackupsError {
  constructor(
    readonly targetInstanceId: string,
    /** What happened, from the underlying error (redacted). */
    readonly detail: string,
  ) {
    super(
      `The restore request into instance ${targetInstanceId} may or may not have been accepted: ${detail} ` +
        "It was not sent again, so as not to restore twice. Check the target's tasks in the TaurusDB console before running the update again.",
    );
  }
}

/** Setting the target's admin password failed. A restore that completed is recorded; the next update sets the password again. */
export class AdminPasswordNotSetError extends TaurusDbBackupsError {
  constructor(
    readonly targetInstanceId: string,
    /** The restore job that completed before, if this was right after a restore. */
    readonly jobId: string | undefined,
    /** Why, from the underlying error (redacted; never the password). */
    readonly detail: string,
  ) {
    super(
      `The admin password of instance ${targetInstanceId} was not set${jobId ? ` after restore job ${jobId} completed` : ""}: ${detail} ` +
        `${jobId ? "The restore is recorded; " : ""}the next update sets the password again${jobId ? " without restoring" : ""}.`,
    );
  }
}
