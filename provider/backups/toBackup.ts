/** From the wire's strings to a typed {@link Backup}, field by field, with a reason for each refusal. */
import { BACKUP_MODES, BACKUP_STATUSES, BACKUP_TYPES, type BackupMode, type BackupStatus, type BackupType } from "../api/rules";
import type { Backup } from "../types";
import { toUtcInstant } from "./wallClock";
import type { ParsedWireBackup } from "./wireSchema";

const DECIMAL = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const KB_PER_UNIT: Readonly<Record<string, number>> = { B: 1 / 1024, KB: 1, MB: 1024, GB: 1024 ** 2, TB: 1024 ** 3 };

export type Conversion = { backup: Backup } | { problems: string[] };

export function toBackup(wire: ParsedWireBackup): Conversion {
  const problems: string[] = [];
  const oneOf = <T extends string>(field: string, value: string, allowed: readonly T[]): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      problems.push(`${field} must be one of ${allowed.join(", ")} (got ${JSON.stringify(value)})`);
    }
    return value as T;
  };
  const instant = (field: string, value: string): string => {
    const result = toUtcInstant(value, wire.time_zone);
    if ("problem" in result) problems.push(`${field} ${result.problem}`);
    return "instant" in result ? result.instant : "";
  };

  const status = oneOf<BackupStatus>("status", wire.status, BACKUP_STATUSES);
  const backupType = oneOf<BackupType>("backup_type", wire.backup_type, BACKUP_TYPES);
  const backupMethod = oneOf<BackupType>("backup_method", wire.backup_method, BACKUP_TYPES);
  const createdAt = instant("created", wire.created);
  const updatedAt = instant("updated", wire.updated);

  const unit = KB_PER_UNIT[wire.size_unit.toUpperCase()];
  const size = Number(wire.size);
  if (!DECIMAL.test(wire.size) || !Number.isFinite(size)) problems.push(`size must be a non-negative decimal number (got ${JSON.stringify(wire.size)})`);
  if (unit === undefined) problems.push(`size_unit must be one of ${Object.keys(KB_PER_UNIT).join(", ")} (got ${JSON.stringify(wire.size_unit)})`);

  const backupLevel = Number(wire.backup_level);
  if (!/^[1-9]\d*$/.test(wire.backup_level)) problems.push(`backup_level must be a positive integer such as "1" or "2" (got ${JSON.stringify(wire.backup_level)})`);

  let backupMode: BackupMode | undefined;
  if (wire.backup_mode !== undefined && wire.backup_mode !== "") backupMode = oneOf<BackupMode>("backup_mode", wire.backup_mode, BACKUP_MODES);

  if (problems.length > 0) return { problems };
  const backup: Backup = {
    id: wire.id,
    name: wire.name,
    description: wire.description,
    instanceId: wire.instance_id,
    instanceName: wire.instance_name,
    status,
    sizeKb: size * unit,
    createdAt,
    updatedAt,
    timeZone: wire.time_zone,
    backupType,
    backupLevel,
    backupMethod,
    useDetail: wire.use_detail,
    ...(backupMode ? { backupMode } : {}),
  };
  return { backup };
}
