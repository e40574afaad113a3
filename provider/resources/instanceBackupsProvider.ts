/**
 * What `InstanceBackups` does: a read-only data resource. The program registers it with an id, so
 * the engine reads it on every preview, update and refresh; nothing is created or deleted.
 */
import { ARGUMENT_NAMES } from "../arguments/catalogue";
import { LIVE_OPTIONS } from "../arguments/resourceOptions";
import { listInstanceBackups } from "../listing";
import { inputsToKeep, pick } from "../dynamic/inputs";
import type { ProviderHost } from "../dynamic/providerHost";
import type { ProviderWith } from "../dynamic/serializedProvider";

const INPUT_NAMES: readonly string[] = [...ARGUMENT_NAMES, ...LIVE_OPTIONS.names];
const RESULT_NAMES = ["projectId", "totalCount", "backups", "latestCompletedBackupId", "latestCompletedBackup"] as const;

/** The provider methods it implements; the resource serializes the same list. */
export const INSTANCE_BACKUPS_METHODS = ["read", "create", "delete"] as const;

export function instanceBackupsProvider(host: ProviderHost): ProviderWith<(typeof INSTANCE_BACKUPS_METHODS)[number]> {
  return {
    async read(id, props) {
      const result = await listInstanceBackups(pick(props, ARGUMENT_NAMES), {
        sources: host.sources(),
        context: "InstanceBackups",
        signal: host.signal,
      });
      const outputs: Record<string, unknown> = { ...inputsToKeep(props, INPUT_NAMES) };
      // Optional results that are absent now must not linger from the previous state.
      for (const key of RESULT_NAMES) outputs[key] = result[key] ?? null;
      if (props.summaryOnly === true) outputs.backups = [];
      return { id, props: outputs };
    },
    async create() {
      throw new Error("InstanceBackups is read-only: it is registered with an id and only ever read.");
    },
    async delete() {
      // Reading created nothing, so nothing is deleted.
    },
  };
}
