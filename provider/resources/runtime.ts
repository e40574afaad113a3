/**
 * The providers as the engine's dynamic-provider process runs them for a Node.js program. Loaded
 * by module name (`pulumi-taurusdb-backups/dynamic-runtime`), never serialized; see
 * ./serializedProvider.ts. The engine hands `configure` the stack config (every namespace, secrets
 * decrypted), and its own address as this process's first argument, where log lines go.
 */
import type * as pulumi from "@pulumi/pulumi";
import { engineLog } from "../dynamic/engineLog";
import { instanceBackupsProvider } from "./instanceBackupsProvider";
import { instanceRestoreProvider } from "../restore/instanceRestoreProvider";
import { latestCompletedBackupProvider } from "./latestCompletedBackupProvider";
import { configurableHost } from "../dynamic/providerHost";
import type { ProviderKind } from "../dynamic/serializedProvider";

const process_ = configurableHost(engineLog(process.argv[2]));

function withConfigure(provider: pulumi.dynamic.ResourceProvider): pulumi.dynamic.ResourceProvider {
  return {
    ...provider,
    async configure(req) {
      process_.configure((key) => req.config.get(key));
    },
  };
}

export const instanceBackups = withConfigure(instanceBackupsProvider(process_.host));
export const latestCompletedBackup = withConfigure(latestCompletedBackupProvider(process_.host));
export const instanceRestore = withConfigure(instanceRestoreProvider(process_.host));

// Every kind a resource may serialize has its provider here.
export const PROVIDERS_BY_KIND = { instanceBackups, latestCompletedBackup, instanceRestore } satisfies Record<ProviderKind, unknown>;
