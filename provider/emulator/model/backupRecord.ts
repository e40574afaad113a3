/**
 * One stored backup: the wire object the API sends plus the few derived keys the store sorts and
 * filters by, computed once. Records are never mutated; a change replaces the record, so snapshots
 * (history, cached orders) can share them safely.
 */
import type { WireBackup } from "../../api/wire";
import type { Random } from "./seededRandom";

export interface BackupRecord {
  readonly wire: Readonly<WireBackup>;
  /** The instant `created` denotes, for ordering by begin time. */
  readonly createdAt: number;
  /** The name lower-cased once, for case-insensitive filtering. */
  readonly nameLower: string;
  /** `wire` as JSON, made once: a page is a join of these, not a serialization per request. */
  readonly json: string;
}

/** `wire` is kept as given (callers build it in vendor field order, see `inVendorFieldOrder`). */
export function makeRecord(wire: WireBackup, createdAt: number): BackupRecord {
  return { wire, createdAt, nameLower: wire.name.toLowerCase(), json: JSON.stringify(wire) };
}

/** A copy with its keys in the order of the vendor's example response, so output reads like theirs. */
export function inVendorFieldOrder(b: WireBackup): WireBackup {
  const ordered: WireBackup = {
    id: b.id,
    description: b.description,
    instance_id: b.instance_id,
    instance_name: b.instance_name,
    name: b.name,
    size: b.size,
    size_unit: b.size_unit,
    status: b.status,
    created: b.created,
    updated: b.updated,
    backup_type: b.backup_type,
    backup_level: b.backup_level,
    backup_method: b.backup_method,
    use_detail: b.use_detail,
    time_zone: b.time_zone,
  };
  if (b.backup_mode !== undefined) ordered.backup_mode = b.backup_mode;
  return ordered;
}

/** Sizes are whole kilobytes written with one decimal, like the vendor's `"74464.0"`. */
export function formatSizeKb(kilobytes: number): string {
  return `${Math.max(0, Math.round(kilobytes))}.0`;
}

export const SIZE_UNIT = "KB";

export function newBackupId(random: Random): string {
  return `${random.hex(32)}br01`;
}

export function newInstanceId(random: Random): string {
  return `${random.hex(32)}in07`;
}
