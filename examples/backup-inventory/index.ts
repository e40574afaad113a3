/**
 * A read-only inventory of TaurusDB backups: for each instance, how many full backups exist, what
 * state they are in, and how old the newest restorable one is. Safe to run against production:
 * it only lists.
 */
import * as pulumi from "@pulumi/pulumi";
import { getInstanceBackupsOutput, InstanceBackups, type GetInstanceBackupsResult } from "pulumi-taurusdb-backups";

const config = new pulumi.Config();
const instanceIds = config.requireObject<string[]>("instanceIds");
const maxAgeHours = config.getNumber("maxAgeHours") ?? 26;

function summarize(result: GetInstanceBackupsResult) {
  const byStatus: Record<string, number> = {};
  for (const backup of result.backups) byStatus[backup.status] = (byStatus[backup.status] ?? 0) + 1;
  const newest = result.latestCompletedBackup;
  const ageHours = newest ? Math.round((Date.now() - Date.parse(newest.createdAt)) / 36e5) : undefined;
  if (ageHours === undefined || ageHours > maxAgeHours) {
    const why = ageHours === undefined ? "has no COMPLETED backup" : `newest COMPLETED backup is ${ageHours} h old`;
    pulumi.log.warn(`instance ${result.instanceId} ${why} (limit ${maxAgeHours} h)`);
  }
  return {
    total: result.totalCount,
    byStatus,
    newestCompletedId: newest?.id ?? null,
    newestCompletedAt: newest?.createdAt ?? null,
    newestCompletedAgeHours: ageHours ?? null,
    totalSizeGb: Math.round((result.backups.reduce((sum, b) => sum + b.sizeKb, 0) / 1024 / 1024) * 10) / 10,
  };
}

// The data function, read on every preview and update.
export const inventory = pulumi.all(
  Object.fromEntries(instanceIds.map((instanceId) => [instanceId, getInstanceBackupsOutput({ instanceId }).apply(summarize)])),
);

// The same, kept in the stack state as a resource, small: only the summary and the newest COMPLETED backup.
const tracked = instanceIds.map((instanceId, i) => new InstanceBackups(`instance-${i}`, { instanceId, summaryOnly: true }));
export const trackedLatest = tracked.map((resource) => resource.latestCompletedBackupId);
