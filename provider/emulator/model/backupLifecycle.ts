/**
 * How a backup changes over its life (created BUILDING, then COMPLETED or FAILED, edited by a
 * test), as new immutable records. Times come from the emulator's data clock.
 */
import type { WireBackup } from "../../api/wire";
import { type BackupRecord, formatSizeKb, inVendorFieldOrder, makeRecord, newBackupId, SIZE_UNIT } from "./backupRecord";
import type { InstanceInfo } from "./backupStore";
import type { Random } from "./seededRandom";
import { compactWallClock, formatWallClock, parseWallClock } from "./zonedTimestamps";

/** Fields that belong to the instance, not the backup, and cannot be edited. */
const FIXED_FIELDS = ["id", "instance_id", "instance_name", "time_zone"] as const;

/**
 * A new backup, newest of its instance unless `partial.created` says otherwise: it starts at `now`,
 * or one second after the current newest if the clock has not moved past it.
 */
export function newBackup(
  instance: InstanceInfo,
  random: Random,
  now: number,
  newest: BackupRecord | undefined,
  partial: Partial<WireBackup> = {},
): BackupRecord {
  const startedAt = Math.floor(Math.max(now, newest ? newest.createdAt + 1000 : now) / 1000) * 1000;
  const created = formatWallClock(startedAt, instance.offsetMinutes);
  const stamp = compactWallClock(created);
  const defaults: WireBackup = {
    id: partial.id ?? newBackupId(random),
    description: "",
    instance_id: instance.id,
    instance_name: instance.name,
    name: `manual-backup-${stamp.slice(0, 8)}-${stamp.slice(8)}`,
    size: formatSizeKb(0),
    size_unit: SIZE_UNIT,
    status: "BUILDING",
    created,
    updated: created,
    backup_type: "Db",
    backup_level: "2",
    backup_method: "Db",
    use_detail: "",
    time_zone: instance.timeZone,
  };
  const wire = inVendorFieldOrder({
    ...defaults,
    ...partial,
    instance_id: instance.id,
    instance_name: instance.name,
    time_zone: instance.timeZone,
  });
  return makeRecord(wire, createdAtOf(wire, instance));
}

/** BUILDING → COMPLETED: `updated` becomes now, and an empty size gets a plausible one. */
export function completed(current: BackupRecord, instance: InstanceInfo, random: Random, now: number): BackupRecord {
  const size = Number(current.wire.size) > 0 ? current.wire.size : formatSizeKb(random.int(50_000, 2_000_000));
  return finished(current, instance, now, { status: "COMPLETED", size });
}

export function failed(current: BackupRecord, instance: InstanceInfo, now: number): BackupRecord {
  return finished(current, instance, now, { status: "FAILED" });
}

/** Any edit but the fixed fields; a new `created` moves the backup in the begin-time order. */
export function patched(current: BackupRecord, instance: InstanceInfo, patch: Partial<WireBackup>): BackupRecord {
  for (const field of FIXED_FIELDS) {
    if (patch[field] !== undefined && patch[field] !== current.wire[field]) throw new Error(`a backup's ${field} cannot change`);
  }
  const wire = inVendorFieldOrder({ ...current.wire, ...patch });
  return makeRecord(wire, createdAtOf(wire, instance));
}

function finished(current: BackupRecord, instance: InstanceInfo, now: number, patch: Partial<WireBackup>): BackupRecord {
  const updated = formatWallClock(Math.max(now, current.createdAt), instance.offsetMinutes);
  return makeRecord({ ...current.wire, ...patch, updated }, current.createdAt);
}

function createdAtOf(wire: WireBackup, instance: InstanceInfo): number {
  const createdAt = parseWallClock(wire.created, instance.offsetMinutes);
  if (createdAt === undefined) throw new RangeError(`created must be "YYYY-MM-DD HH:mm:ss", got ${JSON.stringify(wire.created)}`);
  return createdAt;
}
