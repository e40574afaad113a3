/**
 * What `LatestCompletedBackup` does: choose the newest COMPLETED backup once, then keep it (pinned)
 * until a choice input or a keeper changes. Shared by the dynamic provider (Node.js programs) and
 * the `taurusdb` plugin (every other language).
 *
 * The state keeps the user's own inputs (`inputs`, secrets left out) apart from the results, so a
 * setting resolved from stack config or the environment never looks like a change, and credentials
 * can move between arguments, config and the environment without one.
 *
 * A refresh checks that the pinned backup still exists and is COMPLETED. When it is not,
 * `onExpired` decides: `keep` (the default) keeps the id and marks it unavailable, `repin` reports
 * the resource gone so the next update pins anew, `fail` makes the next update stop with an error.
 */
import type * as pulumi from "@pulumi/pulumi";
import { CREDENTIAL_NAMES, PIN_CHOICE_NAMES, PIN_INPUT_NAMES } from "../arguments/catalogue";
import { PIN_OPTIONS, type OnExpired } from "../arguments/resourceOptions";
import {
  BackupTooOldError,
  InvalidArgumentsError,
  NoCompletedBackupError,
  PinnedBackupUnavailableError,
  TaurusDbBackupsError,
} from "../errors";
import { listInstanceBackups } from "../listing";
import { mergeSettings } from "../settings/merge";
import type { Backup, GetInstanceBackupsResult } from "../types";
import { optionIssues, settingsIssues } from "../validation/validate";
import { checkFailures, containsUnknown, inputsToKeep, pick, sameValue } from "../dynamic/inputs";
import type { ProviderHost } from "../dynamic/providerHost";
import type { ProviderWith } from "../dynamic/serializedProvider";
import type { LatestCompletedBackupState } from "./latestCompletedBackupState";

const CONTEXT = "LatestCompletedBackup";
/** Every input the resource takes. */
const INPUT_NAMES: readonly string[] = [...PIN_INPUT_NAMES, ...PIN_OPTIONS.names];
/** Inputs whose change pins anew. */
const CHOICE_NAMES: readonly string[] = [...PIN_CHOICE_NAMES, "keepers"];

type Bag = Record<string, unknown>;
/** A state as the engine hands it back: what this logic wrote, read as its type. */
type Recorded = Partial<LatestCompletedBackupState>;
const recorded = (props: Bag): Recorded => props as Recorded;

/** The provider methods it implements; the resource serializes the same list. */
export const LATEST_COMPLETED_BACKUP_METHODS = ["check", "diff", "create", "update", "read", "delete"] as const;

export function latestCompletedBackupProvider(host: ProviderHost): ProviderWith<(typeof LATEST_COMPLETED_BACKUP_METHODS)[number]> {
  const list = (inputs: Bag, overrides: Bag = {}): Promise<GetInstanceBackupsResult> =>
    listInstanceBackups(
      { ...pick(inputs, PIN_INPUT_NAMES), ...overrides },
      { sources: host.sources(), context: CONTEXT, signal: host.signal, reporter: host.reporter },
    );

  /** The newest COMPLETED backup the inputs choose, with `maxAge` checked. */
  const choose = async (inputs: Bag) => {
    const result = await list(inputs, { requireLatestCompleted: true });
    return { backup: result.latestCompletedBackup!, projectId: result.projectId };
  };

  return {
    async check(olds, news) {
      const isUnknown = containsUnknown;
      const merged = mergeSettings(pick(news, PIN_INPUT_NAMES), host.sources(), { accepted: PIN_INPUT_NAMES });
      const issues = [...settingsIssues(merged, { isUnknown }), ...optionIssues(news, PIN_OPTIONS, { isUnknown })];
      const failures = checkFailures(issues, INPUT_NAMES);
      const isNew = Object.keys(olds).length === 0;
      if (isNew && failures.length === 0 && !containsUnknown(pick(news, INPUT_NAMES))) {
        failures.push(...(await tellWhatWouldBePinned(news)));
      }
      return { inputs: news, failures };
    },

    async diff(_id, props, news) {
      const olds = recorded(props);
      const kept = keptInputs(props);
      if (olds.available === false) {
        const onExpired = onExpiredOf(news);
        // A refresh also diffs: it must still record the state, so the error waits for the update.
        if (onExpired === "fail") {
          await host.log.warn(`${unavailable(olds).message} The next update stops here.`);
          return { changes: true, replaces: [], deleteBeforeReplace: false };
        }
        if (onExpired === "repin") return { changes: true, replaces: ["onExpired"], deleteBeforeReplace: false };
      }
      const replaces = CHOICE_NAMES.filter((name) => !sameValue(kept[name], news[name]));
      const settings = INPUT_NAMES.filter((name) => !CHOICE_NAMES.includes(name));
      const changed = settings.some((name) => !sameValue(kept[name], inputsToKeep(news, [name])[name]));
      return { changes: replaces.length > 0 || changed, replaces, deleteBeforeReplace: false };
    },

    async create(inputs) {
      const { backup, projectId } = await choose(inputs);
      await host.log.info(`${CONTEXT}: pinned backup ${describe(backup)} of instance ${backup.instanceId}.`);
      const state: LatestCompletedBackupState = {
        ...results(inputs, projectId),
        backupId: backup.id,
        backup,
        resolvedAt: new Date(host.now()).toISOString(),
        available: true,
        missingSince: null,
      };
      return { id: backup.id, outs: state };
    },
    async update(_id, props, news) {
      const olds = recorded(props);
      if (olds.available === false && onExpiredOf(news) === "fail") throw unavailable(olds);
      // Only settings changed: keep the pinned choice and its availability.
      const { backupId, backup, resolvedAt, available, missingSince, projectId } = olds;
      return { outs: { ...results(news, projectId!), backupId, backup, resolvedAt, available, missingSince } };
    },

    async read(id, props) {
      const state = recorded(props);
      const pinned = state.backup;
      if (!pinned) return { id, props };
      const kept = keptInputs(props);
      // maxAge guards the choice, when pinning; a refresh only looks whether the pinned backup is still there.
      const { maxAge: _guardsThePinOnly, ...lookup } = kept;
      // The API filters by name; the name narrows the listing to a page, and the id confirms it.
      const byName = pinned.name ? { filterField: "name", filterContent: pinned.name } : {};
      // Credentials are never kept; the plugin passes those given as (secret) inputs beside the state.
      const current = (await list({ ...lookup, ...pick(props, CREDENTIAL_NAMES) }, byName)).backups.find(
        (backup) => backup.id === pinned.id,
      );
      if (current?.status === "COMPLETED") return { id, props: { ...props, backup: current, available: true, missingSince: null } };

      const why = current ? `is ${current.status}, no longer COMPLETED` : "no longer exists (expired or deleted)";
      const onExpired = onExpiredOf(kept);
      if (onExpired === "repin") {
        await host.log.warn(
          `${CONTEXT}: the pinned backup ${describe(pinned)} ${why}; onExpired is "repin", so the next update pins the newest COMPLETED backup.`,
        );
        return { id: "", props: {} };
      }
      const missingSince = state.missingSince ?? new Date(host.now()).toISOString();
      await host.log.warn(
        `${CONTEXT}: the pinned backup ${describe(pinned)} ${why}. ` +
          (onExpired === "fail"
            ? 'onExpired is "fail": the next update stops until a keeper changes.'
            : 'onExpired is "keep": backupId stays as it is and nothing downstream changes; set available: false. Change a keeper to pin a newer backup.'),
      );
      return { id, props: { ...props, backup: current ?? pinned, available: false, missingSince } };
    },

    async delete() {
      // Choosing a backup created nothing in the cloud.
    },
  };

  /** For a new resource: log which backup it would pin, or fail the check when none qualifies. */
  async function tellWhatWouldBePinned(news: Bag): Promise<pulumi.dynamic.CheckFailure[]> {
    try {
      const { backup } = await choose(news);
      await host.log.info(`${CONTEXT}: instance ${backup.instanceId} would pin its newest COMPLETED backup ${describe(backup)}.`);
      return [];
    } catch (error) {
      if (error instanceof NoCompletedBackupError) return [{ property: "instanceId", reason: error.message }];
      if (error instanceof BackupTooOldError) return [{ property: "maxAge", reason: error.message }];
      if (!(error instanceof TaurusDbBackupsError) || error instanceof InvalidArgumentsError) throw error;
      // The API could not be asked now; the update will ask again and fail clearly if it must.
      await host.log.warn(`${CONTEXT}: cannot tell yet which backup would be pinned: ${error.message}`);
      return [];
    }
  }
}

/** The outputs every operation writes: the inputs as given, and what was resolved from them. */
function results(inputs: Bag, projectId: string): Pick<LatestCompletedBackupState, "inputs" | "instanceId" | "keepers" | "projectId"> {
  return {
    inputs: inputsToKeep(inputs, INPUT_NAMES),
    instanceId: inputs.instanceId as string,
    keepers: (inputs.keepers as Record<string, string> | undefined) ?? null,
    projectId,
  };
}

/** The inputs a state recorded; states written before 0.2 kept them beside the results. */
function keptInputs(state: Bag): Bag {
  return (
    (state.inputs as Bag | undefined) ??
    inputsToKeep(
      state,
      INPUT_NAMES.filter((name) => name !== "projectId"),
    )
  );
}

function onExpiredOf(inputs: Bag): OnExpired {
  return (inputs.onExpired as OnExpired | undefined) ?? PIN_OPTIONS.defaultOf("onExpired");
}

function unavailable(state: Recorded): PinnedBackupUnavailableError {
  const keepers = Object.keys(state.keepers ?? {});
  return new PinnedBackupUnavailableError(state.instanceId!, state.backupId!, state.missingSince!, keepers);
}

function describe(backup: Backup): string {
  return `${backup.id} ("${backup.name}", created ${backup.createdAt})`;
}
