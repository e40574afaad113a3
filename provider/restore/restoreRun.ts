/**
 * One restore into an existing instance, step by step, for a caller that records what happened
 * between the steps (the `InstanceRestore` resource): check the source, wait for the target and
 * send the restore, follow its job, set the target's admin password. Every request goes through
 * the listing's client — same credentials, signer, retries, budget and redaction — and answers
 * that another operation is in progress are retried there briefly, then waited out here.
 */
import { openSession, type ProjectScope, type SessionRuntime } from "../calls/apiSession";
import { resetAdminPassword } from "./calls/adminPassword";
import { fetchJob, type JobState } from "../calls/jobStatus";
import { requestRestore, type RestoreOrder } from "./calls/restoreRequest";
import { TaurusDbApiError, TaurusDbBackupsError, TaurusDbNetworkError } from "../errors";
import { AdminPasswordNotSetError, RestoreJobFailedError, RestoreRequestUncertainError, RestoreTimeoutError } from "./errors";
import { neverSent } from "../http/transportFailure";
import { listInstanceBackups } from "../listing";
import type { SettingSources } from "../settings/sources";
import type { Backup } from "../types";
import { resolveRestoreSettings, type ValidRestoreSettings } from "./settings";
import { realClock, type Clock } from "../waits/clock";
import { followJob } from "../waits/followJob";
import { checkRestorableTime, restorableBackup } from "./sourceChecks";
import { isBusyAnswer, whenIdle } from "../waits/targetIdle";
import type { Waiting } from "../waits/waiting";

export interface RestoreRuntime extends SessionRuntime {
  readonly sources: SettingSources;
  /** Waits and deadlines; the real clock unless a test gives a faster one. */
  readonly clock?: Clock;
  /** The caller's cancel (the plugin's Cancel): stops every wait and request. */
  readonly signal?: AbortSignal;
  /** Where progress lines go (the Pulumi log); nowhere unless given. */
  readonly log?: (line: string) => Promise<void>;
  /** Longest silence between progress lines while waiting. */
  readonly progressEveryMs?: number;
  /** Who the caller is in messages. */
  readonly context?: string;
}

/** A progress line at least this often while a restore waits. */
export const PROGRESS_EVERY_MS = 60_000;

const NEVER_ABORTED = new AbortController().signal;

export class RestoreRun {
  readonly clock: Clock;
  private readonly signal: AbortSignal;

  private constructor(
    readonly settings: ValidRestoreSettings,
    readonly scope: ProjectScope,
    private readonly runtime: RestoreRuntime,
  ) {
    this.clock = runtime.clock ?? realClock;
    this.signal = runtime.signal ?? NEVER_ABORTED;
  }

  /** Validates the arguments (throwing every problem at once, before any request) and finds the project. */
  static async open(args: Readonly<Record<string, unknown>>, runtime: RestoreRuntime): Promise<RestoreRun> {
    const settings = resolveRestoreSettings(args, runtime.sources, runtime.context);
    const session = openSession(settings.connection, settings.transport, runtime, { retryWhen: isBusyAnswer });
    return new RestoreRun(settings, await session.scope(runtime.signal ?? NEVER_ABORTED), runtime);
  }

  private get context(): string {
    return this.runtime.context ?? "InstanceRestore";
  }

  private get target(): string {
    return this.settings.restore.targetInstanceId;
  }

  /** What is restored into what, in words. */
  describe(backup?: Backup): string {
    const { sourceInstanceId, type, backupId, restoreTime } = this.settings.restore;
    const what =
      type === "backup"
        ? `backup ${backupId}${backup ? ` ("${backup.name}", created ${backup.createdAt})` : ""} of instance ${sourceInstanceId}`
        : `instance ${sourceInstanceId} as it was at ${restoreTime}`;
    return `${what} into instance ${this.target}`;
  }

  /**
   * Checks the source can serve the restore: its backup exists and is COMPLETED (one listing of
   * the source), or the instant is restorable. Returns what would be restored, in words.
   */
  async checkSource(): Promise<string> {
    const { restore, listingArgs } = this.settings;
    if (restore.type === "timestamp") {
      await checkRestorableTime(this.scope, restore.sourceInstanceId, restore.restoreTime!, restore.restoreTimeMs!, this.signal);
      return this.describe();
    }
    const { sources, context, signal, transport, budgets, now, random, backoff } = this.runtime;
    const listed = await listInstanceBackups(
      { ...listingArgs, instanceId: restore.sourceInstanceId },
      { sources, context: context ?? this.context, signal, transport, budgets, now, random, backoff },
    );
    return this.describe(restorableBackup(listed.backups, restore.sourceInstanceId, restore.backupId!));
  }

  /** The waits of one operation, all before one deadline: `restoreTimeout` from now. */
  waiting(): Waiting {
    const { restore } = this.settings;
    return {
      clock: this.clock,
      signal: this.signal,
      intervalMs: restore.pollIntervalMs,
      deadline: this.clock.now() + restore.restoreTimeoutMs,
      timeoutText: restore.restoreTimeout,
      progress: async (line) => this.runtime.log?.(`${this.context}: ${line}`),
      progressEveryMs: this.runtime.progressEveryMs ?? PROGRESS_EVERY_MS,
    };
  }

  /** Waits for the target to be idle and asks for the restore (once); returns the job id. */
  async start(waiting: Waiting): Promise<string> {
    const order = this.order();
    const send = () =>
      requestRestore(this.scope, order, this.signal).catch((error: unknown) => Promise.reject(this.uncertain(error) ?? error));
    const timedOut = (waitingFor: string) => new RestoreTimeoutError(this.target, waiting.timeoutText, waitingFor);
    return whenIdle(this.scope, this.target, waiting, `restoring ${this.describe()}`, timedOut, send);
  }

  /** Follows the job until it ends; a `Failed` job is an error naming it and its reason. */
  async follow(jobId: string, waiting: Waiting, onSeen?: (job: JobState) => void): Promise<JobState> {
    const timedOut = (status: string, progress: string | undefined) =>
      new RestoreTimeoutError(this.target, waiting.timeoutText, `job ${jobId} (${status}${progress ? ` ${progress}` : ""})`, jobId, status);
    const job = await followJob(this.scope, jobId, this.target, waiting, `restoring ${this.describe()}`, timedOut, onSeen);
    if (job.status === "Failed")
      throw new RestoreJobFailedError(
        this.target,
        jobId,
        job.failReason === undefined ? undefined : this.scope.client.redact(job.failReason),
      );
    return job;
  }

  /** One look at a job, for a refresh: never waits, never restores. */
  lookAtJob(jobId: string): Promise<JobState> {
    return fetchJob(this.scope, jobId, this.signal, this.target);
  }

  /** Sets the target's admin password once it is idle again. `afterJob` is the restore just completed, if any. */
  async setAdminPassword(password: string, waiting: Waiting, afterJob?: string): Promise<void> {
    const timedOut = (waitingFor: string) =>
      new AdminPasswordNotSetError(this.target, afterJob, `gave up after ${waiting.timeoutText} waiting for ${waitingFor}.`);
    try {
      await whenIdle(this.scope, this.target, waiting, `setting the admin password of instance ${this.target}`, timedOut, () =>
        resetAdminPassword(this.scope, this.target, password, this.signal),
      );
    } catch (error) {
      if (this.signal.aborted || error instanceof AdminPasswordNotSetError || !(error instanceof TaurusDbBackupsError)) throw error;
      throw new AdminPasswordNotSetError(this.target, afterJob, error.message);
    }
  }

  private order(): RestoreOrder {
    const { sourceInstanceId, targetInstanceId, type, backupId, restoreTimeMs } = this.settings.restore;
    return type === "backup"
      ? { sourceInstanceId, targetInstanceId, type, backupId: backupId! }
      : { sourceInstanceId, targetInstanceId, type, restoreTimeMs: restoreTimeMs! };
  }

  /** An answer to the restore request that may hide its success; undefined for a certain one. */
  private uncertain(error: unknown): RestoreRequestUncertainError | undefined {
    if (this.signal.aborted) return undefined;
    if (error instanceof TaurusDbNetworkError && !neverSent(error.code))
      return new RestoreRequestUncertainError(this.target, error.message);
    if (error instanceof TaurusDbApiError && error.status >= 500) return new RestoreRequestUncertainError(this.target, error.message);
    return undefined;
  }
}
