/**
 * From the wire's fields to a typed {@link Backup}, field by field, with a reason for each refusal.
 * Every field is a string on the wire; numeric ones may also come as JSON numbers, and the two
 * free-text ones as null. Runs once per backup (50,000 for a large instance), so it is plain code.
 */
import { BACKUP_MODES, BACKUP_STATUSES, BACKUP_TYPES, type BackupMode, type BackupStatus, type BackupType } from "../api/rules";
import type { Backup } from "../types";
import { toUtcInstant } from "./wallClock";

const DECIMAL = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const POSITIVE_INTEGER = /^[1-9]\d*$/;
const KB_PER_UNIT: Readonly<Record<string, number>> = { B: 1 / 1024, KB: 1, MB: 1024, GB: 1024 ** 2, TB: 1024 ** 3 };

export type Conversion = { backup: Backup } | { problems: string[] };

type WireFields = { readonly [field: string]: unknown };

export function toBackup(record: unknown): Conversion {
  if (record === null || typeof record !== "object" || Array.isArray(record)) return { problems: [`must be an object (got ${describe(record)})`] };
  const wire = record as WireFields;
  const problems: string[] = [];
  const id = text(wire, "id", problems);
  const name = text(wire, "name", problems);
  const description = freeText(wire, "description", problems);
  const instanceId = text(wire, "instance_id", problems);
  const instanceName = text(wire, "instance_name", problems);
  const size = numeric(wire, "size", problems);
  const sizeUnit = text(wire, "size_unit", problems);
  const status = oneOf<BackupStatus>(wire, "status", BACKUP_STATUSES, problems);
  const timeZone = text(wire, "time_zone", problems);
  const createdAt = instant(wire, "created", timeZone, problems);
  const updatedAt = instant(wire, "updated", timeZone, problems);
  const backupType = oneOf<BackupType>(wire, "backup_type", BACKUP_TYPES, problems);
  const backupLevel = numeric(wire, "backup_level", problems);
  const backupMethod = oneOf<BackupType>(wire, "backup_method", BACKUP_TYPES, problems);
  const useDetail = freeText(wire, "use_detail", problems);
  const backupMode = wire.backup_mode === undefined || wire.backup_mode === "" ? undefined : oneOf<BackupMode>(wire, "backup_mode", BACKUP_MODES, problems);

  if (id === "" && typeof wire.id === "string") problems.push("id must not be empty");
  const unit = KB_PER_UNIT[sizeUnit.toUpperCase()];
  if (size !== undefined && !DECIMAL.test(size)) problems.push(`size must be a non-negative decimal number (got ${JSON.stringify(size)})`);
  if (typeof wire.size_unit === "string" && unit === undefined) problems.push(`size_unit must be one of ${Object.keys(KB_PER_UNIT).join(", ")} (got ${JSON.stringify(sizeUnit)})`);
  if (backupLevel !== undefined && !POSITIVE_INTEGER.test(backupLevel)) {
    problems.push(`backup_level must be a positive integer such as "1" or "2" (got ${JSON.stringify(backupLevel)})`);
  }
  if (problems.length > 0) return { problems };

  const backup: Backup = {
    id,
    name,
    description,
    instanceId,
    instanceName,
    status,
    sizeKb: Number(size) * unit,
    createdAt,
    updatedAt,
    timeZone,
    backupType,
    backupLevel: Number(backupLevel),
    backupMethod,
    useDetail,
    ...(backupMode ? { backupMode } : {}),
  };
  return { backup };
}

function text(wire: WireFields, field: string, problems: string[]): string {
  const value = wire[field];
  if (typeof value === "string") return value;
  problems.push(`${field} must be a string (got ${describe(value)})`);
  return "";
}

/** Free text the API may send as null. */
function freeText(wire: WireFields, field: string, problems: string[]): string {
  return wire[field] === null || wire[field] === undefined ? "" : text(wire, field, problems);
}

/** A number sent as a string, or as a JSON number. */
function numeric(wire: WireFields, field: string, problems: string[]): string | undefined {
  const value = wire[field];
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  problems.push(`${field} must be a number in a string (got ${describe(value)})`);
  return undefined;
}

function oneOf<T extends string>(wire: WireFields, field: string, allowed: readonly T[], problems: string[]): T {
  const value = wire[field];
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    problems.push(`${field} must be one of ${allowed.join(", ")} (got ${describe(value)})`);
  }
  return value as T;
}

function instant(wire: WireFields, field: string, zone: string, problems: string[]): string {
  const value = wire[field];
  if (typeof value !== "string") {
    problems.push(`${field} must be a string (got ${describe(value)})`);
    return "";
  }
  const result = toUtcInstant(value, zone);
  if ("problem" in result) {
    problems.push(`${field} ${result.problem}`);
    return "";
  }
  return result.instant;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing: the field is missing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value !== "object") return `${typeof value} ${String(value)}`;
  return Array.isArray(value) ? "an array" : "an object";
}
