/**
 * The restore path of this example: production's newest COMPLETED full backup, pinned, restored
 * into the staging instance, which then gets its own admin password. Kept apart from index.ts so
 * that it runs through the Pulumi engine in the tests without `@pulumi/random`, whose provider
 * plugin has to be downloaded (see the README).
 */
import * as pulumi from "@pulumi/pulumi";
import { InstanceRestore, LatestCompletedBackup } from "pulumi-taurusdb-backups";

/** What this stack is told in its config (see the README's commands). */
export interface StagingSettings {
  readonly sourceInstanceId: string;
  readonly targetInstanceId: string;
  /** Bump it to restore the newest COMPLETED backup again (with a new admin password). */
  readonly restoreGeneration: string;
}

export function stagingSettings(config = new pulumi.Config()): StagingSettings {
  return {
    sourceInstanceId: config.require("sourceInstanceId"),
    targetInstanceId: config.require("targetInstanceId"),
    restoreGeneration: config.get("restoreGeneration") ?? "1",
  };
}

export interface RefreshStagingArgs extends StagingSettings {
  /** Staging's own admin password, set after the restore (a restore brings production's accounts). */
  readonly adminPassword: pulumi.Input<string>;
  /** How often to look at the restore job; the resource's default (15 s) suits the real API. */
  readonly pollIntervalSeconds?: number;
}

export function refreshStaging(args: RefreshStagingArgs) {
  const keepers = { restoreGeneration: args.restoreGeneration };

  // The newest COMPLETED full backup of production, chosen once and kept until the keeper changes.
  const backup = new LatestCompletedBackup("production-backup", { instanceId: args.sourceInstanceId, backupTypes: ["Db"], keepers });

  // Restores it into staging once: waits for staging to be free, follows the job, then sets the
  // password. The same keeper restores again even when the newest backup has not changed.
  const restore = new InstanceRestore("staging-restore", {
    sourceInstanceId: args.sourceInstanceId,
    targetInstanceId: args.targetInstanceId,
    backupId: backup.backupId,
    keepers,
    adminPassword: args.adminPassword,
    ...(args.pollIntervalSeconds === undefined ? {} : { pollIntervalSeconds: args.pollIntervalSeconds }),
  });

  return { backup, restore };
}
