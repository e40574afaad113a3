/**
 * What `InstanceRestore` does: restore into an existing instance once, from a backup or a point in
 * time, and keep the record. Shared by the dynamic provider (Node.js programs) and the `taurusdb`
 * plugin (every other language).
 *
 * - A change to the source, the target, the type, the backup, the time or a keeper is a new restore
 *   (a replacement); a change to anything else (settings, credentials) never restores again. Which
 *   inputs replace comes from the restore catalogue.
 * - The state keeps the user's own inputs (`inputs`, secrets left out), like the pin, so settings
 *   resolved from stack config or the environment never look like a change.
 * - A refresh only looks: at nothing once the job has ended, at the job while it is under way.
 * - A restore whose job is still under way when the wait runs out (or is cancelled, or whose job
 *   cannot be followed) is recorded as under way, and the next update follows the same job rather
 *   than restoring again. A job that ends `Failed` fails the update and records nothing, so the
 *   next update restores again. A completed restore whose admin password could not be set is
 *   recorded, and the next update sets the password without restoring.
 * - Deleting only forgets the record: a restore cannot be undone, as with Terraform's resource.
 */
import type * as pulumi from "@pulumi/pulumi";
import { CREDENTIAL_NAMES } from "../arguments/catalogue";
import {
  RESTORE_ARGUMENT_NAMES,
  RESTORE_LISTING_NAMES,
  RESTORE_REPLACE_NAMES,
  RESTORE_SECRET_NAMES,
  restoreDefaultOf,
  type RestoreArgumentName,
} from "./arguments";
import type { JobState } from "../calls/jobStatus";
import { InvalidArgumentsError, TaurusDbBackupsError } from "../errors";
import {
  BackupNotRestorableError,
  RestoreInterruptedError,
  RestoreJobFailedError,
  RestoreTimeoutError,
  RestoreTimeOutOfRangeError,
} from "./errors";
import { RestoreRun, type RestoreRuntime } from "./restoreRun";
import type { Waiting } from "../waits/waiting";
import { restoreIssues } from "./settings";
import { checkFailures, containsUnknown, pick, sameValue } from "../dynamic/inputs";
import { PartialStateError } from "../dynamic/partialState";
import type { ProviderHost } from "../dynamic/providerHost";
import type { ProviderWith } from "../dynamic/serializedProvider";
import { hasEnded, INSTANCE_RESTORE_KEPT, type InstanceRestoreState } from "./state";

const CONTEXT = "InstanceRestore";
/** Every input the resource takes. */
const INPUT_NAMES: readonly string[] = [...RESTORE_ARGUMENT_NAMES, ...RESTORE_LISTING_NAMES];
const SECRET_NAMES: ReadonlySet<string> = new Set<string>([...RESTORE_SECRET_NAMES, ...CREDENTIAL_NAMES]);
/** The inputs kept in the state to compare later: all but secrets. */
const KEPT_NAMES = INPUT_NAMES.filter((name) => !SECRET_NAMES.has(name));
const SETTING_NAMES = KEPT_NAMES.filter((name) => !(RESTORE_REPLACE_NAMES as readonly string[]).includes(name));

type Bag = Record<string, unknown>;
/** A state as the engine hands it back: what this logic wrote, read as its type. */
type Recorded = Partial<InstanceRestoreState>;
const recorded = (props: Bag): Recorded => props as Recorded;

/** The provider methods it implements; the resource serializes the same list. */
export const INSTANCE_RESTORE_METHODS = ["check", "diff", "create", "update", "read", "delete"] as const;

export function instanceRestoreProvider(host: ProviderHost): ProviderWith<(typeof INSTANCE_RESTORE_METHODS)[number]> {
  const runtime = (): RestoreRuntime => ({
    sources: host.sources(),
    signal: host.signal,
    clock: host.clock,
    log: (line) => host.log.info(line),
    context: CONTEXT,
  });
  const open = (inputs: Bag) => RestoreRun.open(pick(inputs, INPUT_NAMES), runtime());
  const now = () => new Date(host.now()).toISOString();

  return {
    async check(olds, news) {
      const issues = restoreIssues(pick(news, INPUT_NAMES), host.sources(), { isUnknown: containsUnknown });
      const failures = checkFailures(issues, INPUT_NAMES);
      if (failures.length === 0 && replacedChoices(olds, news).length > 0)
        failures.push(...(await tellWhatWouldBeRestored(news, Object.keys(olds).length === 0)));
      return { inputs: news, failures };
    },

    async diff(_id, props, news) {
      const olds = recorded(props);
      const kept = olds.inputs ?? {};
      let replaces = replacedChoices(kept, news);
      // A job recorded as Failed (seen by a refresh or a resumed update) is restored again.
      if (replaces.length === 0 && olds.jobStatus === "Failed") replaces = [choiceName(news)];
      const settingsChanged = SETTING_NAMES.some((name) => !sameValue(kept[name], news[name]));
      const passwordChanged = !sameValue(olds.adminPassword, news.adminPassword);
      const underWay = !hasEnded(olds);
      return { changes: replaces.length > 0 || settingsChanged || passwordChanged || underWay, replaces, deleteBeforeReplace: false };
    },

    async create(inputs) {
      const run = await open(inputs);
      const described = await run.checkSource();
      await host.log.info(`${CONTEXT}: restoring ${described}.`);
      const waiting = run.waiting();
      const acceptedAt = now();
      const jobId = await run.start(waiting);
      await host.log.info(`${CONTEXT}: restore job ${jobId} started.`);
      let state: InstanceRestoreState = {
        ...results(inputs, run),
        jobId,
        jobStatus: "Pending",
        startedAt: acceptedAt,
        completedAt: null,
        adminPassword: null,
        adminPasswordSetAt: null,
      };
      // A job that fails here records nothing: the next update restores again.
      state = await finish(run, jobId, state, inputs, waiting, "forget");
      return { id: jobId, outs: state };
    },

    async update(id, props, news) {
      const olds = recorded(props);
      const run = await open(news);
      let state = {
        ...(pick(olds, INSTANCE_RESTORE_KEPT) as Pick<InstanceRestoreState, (typeof INSTANCE_RESTORE_KEPT)[number]>),
        ...results(news, run),
      };
      const waiting = run.waiting();
      if (!hasEnded(olds)) {
        await host.log.info(`${CONTEXT}: restore job ${olds.jobId} was recorded as under way; waiting for it instead of restoring again.`);
        // A job that fails now is recorded as Failed: the next update restores again (a replacement).
        state = await finish(run, id, state, news, waiting, "record");
      } else if (typeof news.adminPassword === "string" && !sameValue(olds.adminPassword, news.adminPassword)) {
        await run.setAdminPassword(news.adminPassword, waiting);
        state = { ...state, adminPassword: news.adminPassword, adminPasswordSetAt: now() };
        await host.log.info(
          `${CONTEXT}: set a new admin password on instance ${run.settings.restore.targetInstanceId} (nothing restored).`,
        );
      }
      // Without a password the last one set is forgotten (the instance keeps it): giving it again sets it again.
      if (typeof news.adminPassword !== "string") state = { ...state, adminPassword: null };
      return { outs: { ...state, jobId: id } };
    },

    async read(id, props) {
      const state = recorded(props);
      if (hasEnded(state)) return { id, props };
      // Under way when last recorded: one look at the job. Never a wait, never a restore.
      try {
        // Credentials are never kept; the plugin passes those given as (secret) inputs beside the state.
        const run = await open({ ...state.inputs, ...pick(props, CREDENTIAL_NAMES) });
        const job = await run.lookAtJob(id);
        return { id, props: { ...props, ...jobResults(job, state, now()) } };
      } catch (error) {
        if (!(error instanceof TaurusDbBackupsError)) throw error;
        await host.log.warn(`${CONTEXT}: could not look at restore job ${id}, recorded as under way: ${error.message}`);
        return { id, props };
      }
    },

    async delete(id, props) {
      await host.log.info(
        `${CONTEXT}: forgetting the restore into instance ${props.targetInstanceId} (job ${id}). Nothing is restored back: ` +
          "the instance keeps the data it was given, as a restore cannot be undone.",
      );
    },
  };

  /**
   * Follows the job to its end, then sets the admin password if one is given. A `Failed` job fails
   * the operation, recorded as Failed or not at all (`whenFailed`); anything else that stops it
   * once the job exists records the state reached, so the next update continues.
   */
  async function finish(
    run: RestoreRun,
    jobId: string,
    state: InstanceRestoreState,
    inputs: Bag,
    waiting: Waiting,
    whenFailed: "forget" | "record",
  ): Promise<InstanceRestoreState> {
    let seen = state;
    const record = (error: unknown, at: InstanceRestoreState) =>
      error instanceof Error ? new PartialStateError(error, jobId, { ...at }) : error;
    let job: JobState;
    try {
      job = await run.follow(jobId, waiting, (look) => (seen = { ...seen, ...jobResults(look, seen, now()) }));
    } catch (error) {
      if (error instanceof RestoreJobFailedError) throw whenFailed === "forget" ? error : record(error, seen);
      if (error instanceof RestoreTimeoutError || !(error instanceof Error)) throw record(error, seen);
      throw record(new RestoreInterruptedError(run.settings.restore.targetInstanceId, jobId, error.message), seen);
    }
    let done: InstanceRestoreState = { ...seen, ...jobResults(job, seen, now()) };
    await host.log.info(`${CONTEXT}: restore job ${jobId} completed: ${run.describe()}.`);
    const password = inputs.adminPassword;
    if (typeof password !== "string") return done;
    try {
      await run.setAdminPassword(password, waiting, jobId);
    } catch (error) {
      // Whatever stopped it (a refusal, the deadline, a cancel), the restore itself is done.
      throw record(error, done);
    }
    done = { ...done, adminPassword: password, adminPasswordSetAt: now() };
    await host.log.info(`${CONTEXT}: set the admin password of instance ${run.settings.restore.targetInstanceId}.`);
    return done;
  }

  /** For a new restore: log what it would restore into what, or fail the check when the source cannot serve it. */
  async function tellWhatWouldBeRestored(news: Bag, isNew: boolean): Promise<pulumi.dynamic.CheckFailure[]> {
    const inputs = pick(news, INPUT_NAMES);
    const change = isNew ? "" : " (a new restore: the source, target, backup, time or a keeper changed)";
    if (containsUnknown(inputs)) {
      const value = (name: string) =>
        containsUnknown(inputs[name]) ? "(not known yet)" : String(inputs[name] ?? restoreDefaultOf(name as RestoreArgumentName));
      const what =
        value("type") === "timestamp"
          ? `instance ${value("sourceInstanceId")} as it was at ${value("restoreTime")}`
          : `backup ${value("backupId")} of instance ${value("sourceInstanceId")}`;
      await host.log.info(
        `${CONTEXT}: would restore ${what} into instance ${value("targetInstanceId")}${change}; checked once all values are known.`,
      );
      return [];
    }
    try {
      const described = await (await open(news)).checkSource();
      await host.log.info(`${CONTEXT}: would restore ${described}${change}.`);
      return [];
    } catch (error) {
      if (error instanceof BackupNotRestorableError) return [{ property: "backupId", reason: error.message }];
      if (error instanceof RestoreTimeOutOfRangeError) return [{ property: "restoreTime", reason: error.message }];
      if (!(error instanceof TaurusDbBackupsError) || error instanceof InvalidArgumentsError) throw error;
      // The API could not be asked now; the update will check again before restoring.
      await host.log.warn(`${CONTEXT}: cannot check the source yet: ${error.message}`);
      return [];
    }
  }
}

/** The outputs every operation writes from the inputs: the inputs as given, what they resolved to. */
function results(
  inputs: Bag,
  run: RestoreRun,
): Pick<
  InstanceRestoreState,
  "inputs" | "sourceInstanceId" | "targetInstanceId" | "type" | "backupId" | "restoreTime" | "keepers" | "projectId"
> {
  const { sourceInstanceId, targetInstanceId, type, backupId, restoreTime } = run.settings.restore;
  return {
    inputs: pick(inputs, KEPT_NAMES),
    sourceInstanceId,
    targetInstanceId,
    type,
    backupId: backupId ?? null,
    restoreTime: restoreTime ?? null,
    keepers: (inputs.keepers as Record<string, string> | undefined) ?? null,
    projectId: run.scope.projectId,
  };
}

/** What a look at the job tells: its status, and its times once the API reports them. */
function jobResults(job: JobState, state: Recorded, seenAt: string): Pick<InstanceRestoreState, "jobStatus" | "startedAt" | "completedAt"> {
  return {
    jobStatus: job.status,
    startedAt: job.createdAt ?? state.startedAt ?? seenAt,
    completedAt: job.status === "Completed" ? (job.endedAt ?? seenAt) : null,
  };
}

/** The choices whose change is a new restore, compared with their defaults applied and instants as instants. */
function replacedChoices(olds: Bag, news: Bag): string[] {
  if (Object.keys(olds).length === 0) return [...RESTORE_REPLACE_NAMES];
  return RESTORE_REPLACE_NAMES.filter((name) => !sameChoice(name, olds[name], news[name]));
}

function sameChoice(name: RestoreArgumentName, before: unknown, after: unknown): boolean {
  const withDefault = (value: unknown) => value ?? restoreDefaultOf(name);
  const [a, b] = [withDefault(before), withDefault(after)];
  if (name === "restoreTime" && typeof a === "string" && typeof b === "string" && !Number.isNaN(Date.parse(a)))
    return Date.parse(a) === Date.parse(b);
  return sameValue(a, b);
}

/** The input that names what is restored, for a replacement that restores it again. */
function choiceName(inputs: Bag): string {
  return inputs.type === "timestamp" ? "restoreTime" : "backupId";
}
