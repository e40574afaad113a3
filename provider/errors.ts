/**
 * Every error this package throws. Each carries the context a user needs to act on it, and none
 * carries a secret: no secret key, token, signature or `Authorization` header, and never a raw
 * HTTP-library error (whose request config would hold those headers).
 */

import { formatAge } from "./arguments/duration";

/** Base class: catch this to catch everything the package throws on purpose. */
export class TaurusDbBackupsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export interface ArgumentIssue {
  /**
   * Where the value came from: the argument (`pageSize`, `statuses[1]`), a stack config key
   * (`stack config taurusdb:region`), an environment variable, or `credentials` for the set.
   */
  readonly argument: string;
  /** What is wrong and what is allowed. */
  readonly problem: string;
}

/** Arguments that break a rule; raised before any request is made. */
export class InvalidArgumentsError extends TaurusDbBackupsError {
  constructor(
    readonly issues: readonly ArgumentIssue[],
    readonly context = "getInstanceBackups",
  ) {
    super(`Invalid arguments for ${context}:\n${issues.map((i) => `  - ${i.argument}: ${i.problem}`).join("\n")}`);
  }
}

/**
 * No credentials in any of the places they can come from. Its `issues` list every other problem
 * too. Conflicting or malformed credentials are an {@link InvalidArgumentsError}.
 */
export class MissingCredentialsError extends InvalidArgumentsError {}

/** Where an API exchange went wrong. */
export interface ExchangeContext {
  readonly instanceId?: string;
  readonly method: string;
  /** Path and query, as sent. Never contains a secret. */
  readonly url: string;
  /** Attempts made, retries included. */
  readonly attempts: number;
}

/** The API answered with an error status. */
export class TaurusDbApiError extends TaurusDbBackupsError {
  readonly status: number;
  /** `error_code` of the body, e.g. `APIGW.0301`; undefined for non-JSON bodies. */
  readonly errorCode?: string;
  /** `error_msg` of the body. */
  readonly errorMessage?: string;
  /** The `X-Request-Id` response header, for the vendor's support. */
  readonly requestId?: string;
  readonly instanceId?: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
  /** Start of a body that was not the documented JSON error (an HTML gateway page, say). */
  readonly bodyExcerpt?: string;

  constructor(
    fields: ExchangeContext & {
      status: number;
      errorCode?: string;
      errorMessage?: string;
      requestId?: string;
      bodyExcerpt?: string;
      hint?: string;
    },
  ) {
    const what = fields.errorCode
      ? `${fields.errorCode}: ${fields.errorMessage ?? ""}`.trim()
      : `non-JSON body: ${JSON.stringify(fields.bodyExcerpt ?? "")}`;
    super(
      `TaurusDB API answered HTTP ${fields.status} (${what}) ${describeTarget(fields)}` +
        `${fields.requestId ? `, request id ${fields.requestId}` : ""}` +
        `${fields.attempts > 1 ? `, after ${fields.attempts} attempts` : ""}.` +
        `${fields.hint ? ` ${fields.hint}` : ""}`,
    );
    this.status = fields.status;
    this.errorCode = fields.errorCode;
    this.errorMessage = fields.errorMessage;
    this.requestId = fields.requestId;
    this.instanceId = fields.instanceId;
    this.method = fields.method;
    this.url = fields.url;
    this.attempts = fields.attempts;
    this.bodyExcerpt = fields.bodyExcerpt;
  }
}

/** The API answered 2xx, but the body is not what the API documents. */
export class TaurusDbResponseError extends TaurusDbBackupsError {
  constructor(
    readonly context: ExchangeContext & { status: number; requestId?: string },
    readonly problem: string,
    readonly bodyExcerpt: string,
  ) {
    super(
      `Unexpected response from the TaurusDB API ${describeTarget(context)} (HTTP ${context.status}` +
        `${context.requestId ? `, request id ${context.requestId}` : ""}): ${problem}. Body starts: ${JSON.stringify(bodyExcerpt)}`,
    );
  }
}

/**
 * No usable answer after the allowed retries: no connection, a reset or a timeout, or an answer
 * that could not be read (a body over the size cap, broken compression, a TLS failure, not HTTP).
 */
export class TaurusDbNetworkError extends TaurusDbBackupsError {
  constructor(
    readonly context: ExchangeContext,
    /** e.g. `ECONNRESET`, `ETIMEDOUT`, `ECONNREFUSED`, `EBODYTOOLARGE`, `EBADBODY`, `CERT_HAS_EXPIRED`. */
    readonly code: string,
    detail: string,
    hint?: string,
  ) {
    const noAnswer = NO_ANSWER_CODES.has(code);
    super(
      `${noAnswer ? "No answer from" : "Unusable answer from"} the TaurusDB API ${describeTarget(context)} after ${context.attempts} attempt(s): ` +
        `${code} (${detail}).${hint ? ` ${hint}` : ""}`,
    );
  }
}

/** Failures where nothing came back, as opposed to something that could not be used. */
const NO_ANSWER_CODES = new Set([
  "ETIMEDOUT",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EABORTED",
]);

/** The whole listing ran out of time (`timeoutMs`). */
export class TaurusDbTimeoutError extends TaurusDbBackupsError {
  constructor(
    readonly instanceId: string,
    readonly timeoutMs: number,
    readonly pagesFetched: number,
  ) {
    super(
      `Listing the backups of instance ${instanceId} did not finish within ${timeoutMs} ms (${pagesFetched} page(s) fetched); raise timeoutMs or check the endpoint.`,
    );
  }
}

/** The backup list kept changing under the scan, or the pages contradict each other. */
export class InconsistentListingError extends TaurusDbBackupsError {
  constructor(
    readonly instanceId: string,
    readonly scans: number,
    /** Why the last scan was rejected. */
    readonly reason: string,
  ) {
    super(
      `The backup list of instance ${instanceId} was not consistent in ${scans} scan(s): ${reason}. ` +
        `No partial or mixed list is returned; try again when backups are not being created or deleted.`,
    );
  }
}

/** `requireLatestCompleted` was set and no COMPLETED backup matched. */
export class NoCompletedBackupError extends TaurusDbBackupsError {
  constructor(
    readonly instanceId: string,
    readonly listed: number,
    readonly matched: number,
  ) {
    super(
      `Instance ${instanceId} has no COMPLETED backup matching the filters (${listed} listed, ${matched} after filters); ` +
        `a restore cannot be wired to it. Relax the filters or wait for a backup to complete.`,
    );
  }
}

/** `maxAge` was set and the newest COMPLETED backup is older: restoring it would lose too much. */
export class BackupTooOldError extends TaurusDbBackupsError {
  constructor(
    readonly instanceId: string,
    readonly backupId: string,
    readonly createdAt: string,
    readonly ageMs: number,
    readonly maxAge: string,
    /** How the caller names the setting: `maxAge`, or `--max-age` on the command line. */
    argument = "maxAge",
  ) {
    super(
      `The newest COMPLETED backup of instance ${instanceId}, ${backupId} (created ${createdAt}), is ${formatAge(ageMs)} old, ` +
        `older than ${argument} ${maxAge}: a restore from it would lose more than ${maxAge} of data. ` +
        `Check the instance's automated backups, or raise ${argument}.`,
    );
  }
}

/** The pinned backup expired or is no longer COMPLETED, and `onExpired` is `"fail"`. */
export class PinnedBackupUnavailableError extends TaurusDbBackupsError {
  constructor(
    readonly instanceId: string,
    readonly backupId: string,
    readonly missingSince: string,
    keepers: readonly string[],
  ) {
    const keeper = keepers.length > 0 ? `change a keeper (${keepers.map((k) => `keepers.${k}`).join(", ")})` : "add or change a keeper";
    super(
      `The pinned backup ${backupId} of instance ${instanceId} is no longer available (not found or not COMPLETED since ${missingSince}), ` +
        `and onExpired is "fail". To pin the newest COMPLETED backup instead, ${keeper}; or set onExpired to "keep" or "repin".`,
    );
  }
}

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

function describeTarget(context: { instanceId?: string; method: string; url: string }): string {
  const subject = context.instanceId ? `for instance ${context.instanceId}` : "";
  return `${subject} (${context.method} ${context.url})`.trim();
}
