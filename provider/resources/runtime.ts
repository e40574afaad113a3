/**
 * The providers as the engine's dynamic-provider process runs them for a Node.js program. Loaded
 * by module name (`pulumi-taurusdb-backups/dynamic-runtime`), never serialized; see
 * ../dynamic/serializedProvider.ts. The engine hands `configure` the stack config (every namespace, secrets
 * decrypted), and its own address as this process's last argument, where log lines go.
 */
import type * as pulumi from "@pulumi/pulumi";
import { engineAddress, engineLogSink } from "../dynamic/engineLog";
import { instanceBackupsProvider } from "./instanceBackupsProvider";
import { instanceRestoreProvider } from "../restore/instanceRestoreProvider";
import { latestCompletedBackupProvider } from "./latestCompletedBackupProvider";
import { forDynamicHost } from "../dynamic/forDynamicHost";
import { configurableHost } from "../dynamic/providerHost";
import type { ProviderKind } from "../dynamic/serializedProvider";

const process_ = configurableHost(engineLogSink(engineAddress()));

const forHost = (provider: pulumi.dynamic.ResourceProvider) => forDynamicHost(provider, process_.configure);

export const instanceBackups = forHost(instanceBackupsProvider(process_.host));
export const latestCompletedBackup = forHost(latestCompletedBackupProvider(process_.host));
export const instanceRestore = forHost(instanceRestoreProvider(process_.host));

// Every kind a resource may serialize has its provider here.
export const PROVIDERS_BY_KIND = { instanceBackups, latestCompletedBackup, instanceRestore } satisfies Record<ProviderKind, unknown>;
