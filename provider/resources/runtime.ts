/**
 * What the two dynamic providers do, run inside Pulumi's provider process. Loaded by module name
 * (`pulumi-taurusdb-backups/dynamic-runtime`), never serialized; see ./serializedProvider.ts.
 *
 * Settings come from the resource's inputs, then the stack config the engine hands to `configure`
 * (the `taurusdb:*` keys, secrets decrypted), then this process's environment.
 */
import type * as pulumi from "@pulumi/pulumi";
import { InvalidArgumentsError } from "../errors";
import { listInstanceBackups } from "../listing";
import type { StackConfigReader } from "../settings/sources";
import { CONFIG_NAMESPACE } from "../settings/sources";
import type { Backup, GetInstanceBackupsArgs, GetInstanceBackupsResult } from "../types";
import { validateArgs } from "../validation/args";
import { CONNECTION_KEYS, containsUnknown, CREDENTIAL_KEYS, pickArgs, TRANSPORT_KEYS, withoutCredentials } from "./inputs";

let stackConfig: StackConfigReader = () => undefined;

function configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
  stackConfig = (key) => req.config.get(`${CONFIG_NAMESPACE}:${key}`);
  return Promise.resolve();
}

function list(args: GetInstanceBackupsArgs): Promise<GetInstanceBackupsResult> {
  return listInstanceBackups(args, { sources: { stackConfig, env: process.env } });
}

/** `check` failures for arguments that break a rule (unknown values are checked later). */
function checkArgs(news: Record<string, unknown>, keys: readonly string[], context: string): pulumi.dynamic.CheckFailure[] {
  const known = Object.fromEntries(Object.entries(pickArgs(news, keys)).filter(([, v]) => !containsUnknown(v)));
  if (containsUnknown(news.instanceId)) known.instanceId = "0".repeat(32) + "in07"; // placeholder, checked once known
  try {
    validateArgs(known, context);
    return [];
  } catch (error) {
    if (!(error instanceof InvalidArgumentsError)) throw error;
    return error.issues.map((issue) => ({ property: issue.argument.replace(/[.[].*$/, ""), reason: issue.problem }));
  }
}

// ---------------------------------------------------------------------------------------------
// InstanceBackups: a read-only data resource. The program registers it with an id, so the engine
// calls `read` on every preview, update and refresh; nothing is ever created or deleted.

const INSTANCE_BACKUPS_OUTPUTS = ["projectId", "totalCount", "backups", "latestCompletedBackupId", "latestCompletedBackup"] as const;

export const instanceBackups: pulumi.dynamic.ResourceProvider = {
  configure,
  async read(id, props) {
    const result = await list(pickArgs(props));
    const outputs: Record<string, unknown> = { ...withoutCredentials(props), ...result };
    if (props.summaryOnly === true) outputs.backups = [];
    // Optional results that are absent now must not linger from the previous state.
    for (const key of INSTANCE_BACKUPS_OUTPUTS) if (!(key in result)) outputs[key] = null;
    return { id, props: outputs };
  },
  async create() {
    throw new Error("InstanceBackups is read-only: it is registered with an id and only ever read.");
  },
  async delete() {
    // Reading created nothing, so nothing is deleted.
  },
};

// ---------------------------------------------------------------------------------------------
// LatestCompletedBackup: the newest COMPLETED backup, chosen once and then kept (pinned) until the
// instance, a filter or a keeper changes, or a refresh finds the pinned backup gone.

/** Inputs that choose the backup: a change to any of them resolves a new one. */
export const PIN_KEYS = ["instanceId", "backupTypes", "createdAfter", "createdBefore", "filterField", "filterContent", "keepers"] as const;
const LATEST_KEYS: readonly string[] = [
  "instanceId", "backupTypes", "createdAfter", "createdBefore", "filterField", "filterContent", "pageSize",
  ...CONNECTION_KEYS,
  ...TRANSPORT_KEYS,
];

async function resolveLatest(inputs: Record<string, unknown>): Promise<{ id: string; outs: Record<string, unknown> }> {
  const result = await list({ ...pickArgs(inputs, LATEST_KEYS), requireLatestCompleted: true });
  const backup = result.latestCompletedBackup!;
  return {
    id: backup.id,
    outs: { ...withoutCredentials(inputs), backupId: backup.id, backup, projectId: result.projectId, resolvedAt: new Date().toISOString() },
  };
}

export const latestCompletedBackup: pulumi.dynamic.ResourceProvider = {
  configure,
  async check(_olds, news) {
    const failures = checkArgs(news, LATEST_KEYS, "LatestCompletedBackup");
    const keepers = news.keepers;
    if (keepers !== undefined && !containsUnknown(keepers)) {
      const valid = keepers !== null && typeof keepers === "object" && !Array.isArray(keepers) && Object.values(keepers).every((v) => typeof v === "string");
      if (!valid) failures.push({ property: "keepers", reason: "must be a map of strings" });
    }
    return { inputs: news, failures };
  },
  async diff(_id, olds, news) {
    const replaces = PIN_KEYS.filter((key) => !sameValue(olds[key], news[key]));
    // Credentials are never in the old outputs, so comparing them would report a change every time.
    const settings = LATEST_KEYS.filter((key) => !(CREDENTIAL_KEYS as readonly string[]).includes(key));
    const changes = replaces.length > 0 || settings.some((key) => !sameValue(olds[key], news[key]));
    return { changes, replaces, deleteBeforeReplace: false };
  },
  create: (inputs) => resolveLatest(inputs),
  async update(_id, olds, news) {
    // Only connection or transport settings changed: keep the pinned choice.
    const pinned = { backupId: olds.backupId, backup: olds.backup, projectId: olds.projectId, resolvedAt: olds.resolvedAt };
    return { outs: { ...withoutCredentials(news), ...pinned } };
  },
  async read(id, props) {
    const pinned = props.backup as Backup | undefined;
    if (!pinned) return { id, props };
    // The API filters by name; the name narrows the listing to a page, and the id confirms it.
    const byName = pinned.name ? { filterField: "name" as const, filterContent: pinned.name } : {};
    const result = await list({ ...pickArgs(props, LATEST_KEYS), ...byName });
    const current = result.backups.find((backup) => backup.id === pinned.id);
    if (!current || current.status !== "COMPLETED") {
      // Gone (expired, deleted) or no longer restorable: report it deleted, so the next update resolves anew.
      return { id: "", props: {} };
    }
    return { id, props: { ...props, backup: current } };
  },
  async delete() {
    // Choosing a backup created nothing in the cloud.
  },
};

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

/** Missing, null and empty are the same choice; key order does not matter. */
function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(normalize);
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null).sort(([a], [b]) => (a < b ? -1 : 1));
    return entries.length === 0 ? undefined : Object.fromEntries(entries.map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}
