/**
 * From the wire's fields to a typed {@link Backup}, field by field, with a reason for each refusal.
 * Every field is a string on the wire; numeric ones may also come as JSON numbers, and the two
 * free-text ones as null. Runs once per backup (50,000 for a large instance), so it is plain code.
 */
import { BACKUP_MODES, BACKUP_STATUSES, BACKUP_TYPES, type BackupMode, type BackupStatus, type BackupType } from "../api/rules";
import type { WireBackup } from "../api/wire";
import type { Backup } from "../types";
import { toUtcInstant, utcInstant, zoneOffsetMinutes } from "./wallClock";

const DECIMAL = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const POSITIVE_INTEGER = /^[1-9]\d*$/;
/** A Map, not an object: a unit such as "constructor" or "toString" must not find a prototype's member. */
const KB_PER_UNIT: ReadonlyMap<string, number> = new Map([
  ["B", 1 / 1024],
  ["KB", 1],
  ["MB", 1024],
  ["GB", 1024 ** 2],
  ["TB", 1024 ** 3],
]);

export type Conversion = { backup: Backup } | { problems: string[] };

/** A record as parsed from JSON: the documented fields, each of unknown type until checked. */
type WireFields = { readonly [K in keyof WireBackup]?: unknown };

export function toBackup(record: unknown): Conversion {
  if (record === null || typeof record !== "object" || Array.isArray(record))
    return { problems: [`must be an object (got ${describe(record)})`] };
  const wire = record as WireFields;
  const problems: string[] = [];
  // Fields are read by name, not through a key variable: one object shape per site keeps it fast.
  const id = text(wire.id, "id", problems);
  const name = text(wire.name, "name", problems);
  const description = freeText(wire.description, "description", problems);
  const instanceId = text(wire.instance_id, "instance_id", problems);
  const instanceName = text(wire.instance_name, "instance_name", problems);
  const size = numeric(wire.size, "size", problems);
  const sizeUnit = text(wire.size_unit, "size_unit", problems);
  const status = oneOf<BackupStatus>(wire.status, "status", BACKUP_STATUSES, problems);
  const timeZone = text(wire.time_zone, "time_zone", problems);
  const zoneOffset = zoneOffsetMinutes(timeZone);
  const createdAt = instant(wire.created, "created", timeZone, zoneOffset, problems);
  const updatedAt = instant(wire.updated, "updated", timeZone, zoneOffset, problems);
  const backupType = oneOf<BackupType>(wire.backup_type, "backup_type", BACKUP_TYPES, problems);
  const backupLevel = numeric(wire.backup_level, "backup_level", problems);
  const backupMethod = oneOf<BackupType>(wire.backup_method, "backup_method", BACKUP_TYPES, problems);
  const useDetail = freeText(wire.use_detail, "use_detail", problems);
  const mode = wire.backup_mode;
  const backupMode = mode === undefined || mode === "" ? undefined : oneOf<BackupMode>(mode, "backup_mode", BACKUP_MODES, problems);

  if (id === "" && typeof wire.id === "string") problems.push("id must not be empty");
  const unit = KB_PER_UNIT.get(sizeUnit.toUpperCase());
  const sizeKb = Number(size) * (unit ?? 1);
  if (size !== undefined && !DECIMAL.test(size)) problems.push(`size must be a non-negative decimal number (got ${JSON.stringify(size)})`);
  else if (size !== undefined && !Number.isFinite(sizeKb))
    problems.push(`size must be a finite number of ${sizeUnit || "units"} (got ${JSON.stringify(size)})`);
  if (typeof wire.size_unit === "string" && unit === undefined)
    problems.push(`size_unit must be one of ${[...KB_PER_UNIT.keys()].join(", ")} (got ${JSON.stringify(sizeUnit)})`);
  if (backupLevel !== undefined && !POSITIVE_INTEGER.test(backupLevel)) {
    problems.push(`backup_level must be a positive integer such as "1" or "2" (got ${JSON.stringify(backupLevel)})`);
  }
  if (problems.length > 0) return { problems };

  const backup: { -readonly [K in keyof Backup]: Backup[K] } = {
    id,
    name,
    description,
    instanceId,
    instanceName,
    status,
    sizeKb,
    createdAt,
    updatedAt,
    timeZone,
    backupType,
    backupLevel: Number(backupLevel),
    backupMethod,
    useDetail,
  };
  if (backupMode) backup.backupMode = backupMode;
  return { backup };
}

function text(value: unknown, field: string, problems: string[]): string {
  if (typeof value === "string") return value;
  problems.push(`${field} must be a string (got ${describe(value)})`);
  return "";
}

/** Free text the API may send as null. */
function freeText(value: unknown, field: string, problems: string[]): string {
  return value === null || value === undefined ? "" : text(value, field, problems);
}

/** A number sent as a string, or as a JSON number. */
function numeric(value: unknown, field: string, problems: string[]): string | undefined {
  if (typeof value === "string") return value;
  // Stryker disable next-line ConditionalExpression: Number.isFinite is false for anything but a number anyway
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  problems.push(`${field} must be a number in a string (got ${describe(value)})`);
  return undefined;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], problems: string[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    problems.push(`${field} must be one of ${allowed.join(", ")} (got ${describe(value)})`);
  }
  return value as T;
}

/** A wall-clock time in the record's zone, as a UTC instant. */
function instant(value: unknown, field: string, zone: string, zoneOffset: number | undefined, problems: string[]): string {
  if (typeof value !== "string") {
    problems.push(`${field} must be a string (got ${describe(value)})`);
    return "";
  }
  const result = utcInstant(value, zoneOffset);
  if (result !== undefined) return result;
  const why = toUtcInstant(value, zone);
  problems.push(`${field} ${"problem" in why ? why.problem : "is not a time"}`);
  return "";
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing: the field is missing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value !== "object") return `${typeof value} ${String(value)}`;
  return Array.isArray(value) ? "an array" : "an object";
}
