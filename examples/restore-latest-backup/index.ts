/**
 * Refresh a staging TaurusDB instance from production's newest COMPLETED backup.
 *
 * The backup is pinned and the restore kept as a record: later `pulumi up`s restore nothing new
 * until you bump `restoreGeneration`. Each restore gives staging a new admin password.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { refreshStaging, stagingSettings } from "./refreshStaging";

const settings = stagingSettings();

// TaurusDB wants 8-32 characters with three kinds of: upper, lower, digits, ~!@#$%^*-_=+?,()&|.
// (this uses the special characters every console page accepts too).
const adminPassword = new random.RandomPassword("staging-admin-password", {
  length: 24,
  minUpper: 2,
  minLower: 2,
  minNumeric: 2,
  minSpecial: 2,
  overrideSpecial: "~!@#%^*-_=+?,",
  keepers: { restoreGeneration: settings.restoreGeneration },
});

const { backup, restore } = refreshStaging({ ...settings, adminPassword: adminPassword.result });

export const restoredBackupId = restore.backupId;
export const restoredBackupCreatedAt = backup.backup.createdAt;
export const restoreJobId = restore.jobId;
export const restoreCompletedAt = restore.completedAt;
export const stagingAdminPassword = pulumi.secret(adminPassword.result);
