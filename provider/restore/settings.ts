/**
 * The restore's arguments checked in one pass, like the listing's (./validate.ts): each value
 * against its rule in the restore catalogue, the rules between them (a backup with type "backup",
 * an instant with "timestamp", a target that is not the source), and the listing's connection,
 * credential and transport settings merged from arguments, stack config and the environment and
 * checked as the listing checks them. Every problem is reported at once, before any request.
 */
import type { RestoreType } from "../api/instanceRules";
import { namesOf } from "../arguments/catalogue";
import { parseDuration } from "../arguments/duration";
import { RESTORE_ARGUMENT_NAMES, RESTORE_ARGUMENTS, RESTORE_LISTING_NAMES, restoreDefaultOf, type RestoreArgumentName } from "./arguments";
import type { ArgumentIssue } from "../errors";
import { mergeSettings, type MergedSettings } from "../settings/merge";
import type { SettingSources } from "../settings/sources";
import { entryIssues } from "../validation/entryIssues";
import {
  connectionOf,
  invalidArguments,
  settingsIssues,
  unknownTestOf,
  valuesWithDefaults,
  type CheckOptions,
  type ConnectionSettings,
  type TransportSettings,
} from "../validation/validate";

/** The restore's own arguments once valid, defaults applied and durations in milliseconds. */
export interface ValidRestoreArgs {
  readonly sourceInstanceId: string;
  readonly targetInstanceId: string;
  readonly type: RestoreType;
  readonly backupId?: string;
  /** As given, and as UTC milliseconds. */
  readonly restoreTime?: string;
  readonly restoreTimeMs?: number;
  readonly allowRestoreIntoSource: boolean;
  readonly adminPassword?: string;
  /** As given (`"60m"`), and in milliseconds. */
  readonly restoreTimeout: string;
  readonly restoreTimeoutMs: number;
  readonly pollIntervalMs: number;
}

export interface ValidRestoreSettings {
  readonly restore: ValidRestoreArgs;
  readonly connection: ConnectionSettings;
  readonly transport: TransportSettings;
  /** The listing's arguments as given, for a listing that resolves them again from the same sources. */
  readonly listingArgs: Readonly<Record<string, unknown>>;
}

type Bag = Readonly<Record<string, unknown>>;

const present = (value: unknown) => value !== undefined && value !== null;

/** The listing arguments of a bag, merged with stack config and the environment. */
function mergeListingSettings(bag: Bag, sources: SettingSources): MergedSettings {
  // Stryker disable next-line ObjectLiteral: listingArgsOf passes only the listing names, so the restriction holds without it
  return mergeSettings(listingArgsOf(bag), sources, { accepted: RESTORE_LISTING_NAMES });
}

function listingArgsOf(bag: Bag): Record<string, unknown> {
  return Object.fromEntries(RESTORE_LISTING_NAMES.filter((name) => present(bag[name])).map((name) => [name, bag[name]]));
}

/** Every problem with a restore's arguments and settings; empty when they are fine. */
export function restoreIssues(bag: Bag, sources: SettingSources, options: CheckOptions = {}): ArgumentIssue[] {
  return issuesOf(bag, mergeListingSettings(bag, sources), options);
}

function issuesOf(bag: Bag, merged: MergedSettings, options: CheckOptions): ArgumentIssue[] {
  return [
    ...ownValueIssues(bag, options),
    ...pairingIssues(bag, options),
    ...settingsIssues(merged, { ...options, names: RESTORE_LISTING_NAMES }),
  ];
}

/** Checks a restore's arguments and settings and returns what it runs with, or throws listing every problem. */
export function resolveRestoreSettings(bag: Bag, sources: SettingSources, context = "InstanceRestore"): ValidRestoreSettings {
  const merged = mergeListingSettings(bag, sources);
  const issues = issuesOf(bag, merged, {});
  if (issues.length > 0) throw invalidArguments(merged, issues, context);
  const transport = valuesWithDefaults(merged, namesOf("transport")) as TransportSettings;
  return { restore: restoreArgsOf(bag), connection: connectionOf(merged), transport, listingArgs: listingArgsOf(bag) };
}

function ownValueIssues(bag: Bag, options: CheckOptions): ArgumentIssue[] {
  return entryIssues(RESTORE_ARGUMENTS, RESTORE_ARGUMENT_NAMES, { valueOf: (name) => bag[name], isUnknown: unknownTestOf(options) });
}

/** Arguments that go with a type, and a target that must not be the source. */
function pairingIssues(bag: Bag, options: CheckOptions): ArgumentIssue[] {
  const isUnknown = unknownTestOf(options);
  const known = (name: RestoreArgumentName) => (present(bag[name]) && !isUnknown(bag[name]) ? bag[name] : undefined);
  const issues: ArgumentIssue[] = [];
  const type = present(bag.type) ? known("type") : restoreDefaultOf("type");
  if (type === "backup") {
    if (!present(bag.backupId))
      issues.push({
        argument: "backupId",
        problem: 'is required with type "backup": the COMPLETED backup of the source to restore (e.g. LatestCompletedBackup.backupId)',
      });
    if (present(bag.restoreTime))
      issues.push({
        argument: "restoreTime",
        problem: 'goes with type "timestamp"; set type: "timestamp" to restore a point in time, or leave restoreTime out',
      });
  } else if (type === "timestamp") {
    if (!present(bag.restoreTime))
      issues.push({
        argument: "restoreTime",
        problem: 'is required with type "timestamp": the instant to restore, e.g. "2026-01-04T09:30:00Z"',
      });
    if (present(bag.backupId))
      issues.push({
        argument: "backupId",
        problem: 'goes with type "backup"; leave it out to restore a point in time, or set type: "backup"',
      });
  }
  const source = known("sourceInstanceId");
  const allowed = present(bag.allowRestoreIntoSource) ? known("allowRestoreIntoSource") : false;
  if (source !== undefined && source === known("targetInstanceId") && allowed === false) {
    issues.push({
      argument: "targetInstanceId",
      problem:
        "is the source instance itself: the restore would overwrite the data it restores from. Choose another target, or set allowRestoreIntoSource: true",
    });
  }
  return issues;
}

function restoreArgsOf(bag: Bag): ValidRestoreArgs {
  const value = <K extends RestoreArgumentName>(name: K) => (present(bag[name]) ? bag[name] : restoreDefaultOf(name));
  const restoreTime = value("restoreTime") as string | undefined;
  const restoreTimeout = value("restoreTimeout") as string;
  return {
    sourceInstanceId: value("sourceInstanceId") as string,
    targetInstanceId: value("targetInstanceId") as string,
    type: value("type") as RestoreType,
    backupId: value("backupId") as string | undefined,
    restoreTime,
    restoreTimeMs: restoreTime === undefined ? undefined : Date.parse(restoreTime),
    allowRestoreIntoSource: value("allowRestoreIntoSource") as boolean,
    adminPassword: value("adminPassword") as string | undefined,
    restoreTimeout,
    restoreTimeoutMs: parseDuration(restoreTimeout),
    pollIntervalMs: (value("pollIntervalSeconds") as number) * 1000,
  };
}
