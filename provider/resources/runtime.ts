/**
 * The providers as the engine's dynamic-provider process runs them for a Node.js program. Loaded
 * by module name (`pulumi-taurusdb-backups/dynamic-runtime`), never serialized; see
 * ./serializedProvider.ts. The engine hands `configure` the stack config (every namespace, secrets
 * decrypted), and its own address as this process's last argument, where log lines go.
 */
import type * as pulumi from "@pulumi/pulumi";
import { engineAddress, engineLogSink } from "./engineLog";
import { instanceBackupsProvider } from "./instanceBackupsProvider";
import { instanceRestoreProvider } from "./instanceRestoreProvider";
import { latestCompletedBackupProvider } from "./latestCompletedBackupProvider";
import { configurableHost } from "./providerHost";

const process_ = configurableHost(engineLogSink(engineAddress()));

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
