/**
 * Refresh a staging TaurusDB instance from production's newest COMPLETED backup.
 *
 * The backup is pinned: later `pulumi up`s restore nothing new until you bump
 * `restoreGeneration` (a keeper), or a refresh finds the pinned backup expired.
 */
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { LatestCompletedBackup } from "pulumi-taurusdb-backups";

const config = new pulumi.Config();
const taurusdb = new pulumi.Config("taurusdb");
const sourceInstanceId = config.require("sourceInstanceId");
const targetInstanceId = config.require("targetInstanceId");

// The newest COMPLETED full backup of production, chosen once and kept until the keeper changes.
const backup = new LatestCompletedBackup("production-backup", {
  instanceId: sourceInstanceId,
  backupTypes: ["Db"],
  keepers: { restoreGeneration: config.get("restoreGeneration") ?? "1" },
});

// A restore copies production's accounts into staging; staging then gets its own admin password.
// TaurusDB wants 8-32 characters with three kinds of: upper, lower, digits, ~!@#%^*-_=+?,
const adminPassword = new random.RandomPassword("staging-admin-password", {
  length: 24,
  minUpper: 2,
  minLower: 2,
  minNumeric: 2,
  minSpecial: 2,
  overrideSpecial: "~!@#%^*-_=+?,",
  keepers: { backupId: backup.backupId },
});

// Calls the documented restore API, waits for its job, then resets the admin password.
// It runs again only when the pinned backup changes.
const restore = new command.local.Command("restore-staging", {
  create: "sh ./restore.sh",
  dir: __dirname,
  triggers: [backup.backupId],
  environment: {
    TAURUSDB_ENDPOINT: taurusdb.require("endpoint"),
    TAURUSDB_PROJECT_ID: taurusdb.require("projectId"),
    TAURUSDB_AUTH_TOKEN: taurusdb.requireSecret("authToken"),
    SOURCE_INSTANCE_ID: sourceInstanceId,
    TARGET_INSTANCE_ID: targetInstanceId,
    BACKUP_ID: backup.backupId,
    NEW_ADMIN_PASSWORD: adminPassword.result,
  },
});

export const restoredBackupId = backup.backupId;
export const restoredBackupCreatedAt = backup.backup.createdAt;
export const backupChosenAt = backup.resolvedAt;
export const restoreJob = restore.stdout;
export const stagingAdminPassword = pulumi.secret(adminPassword.result);
