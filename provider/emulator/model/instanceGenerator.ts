/**
 * The seeded generator of realistic instances: the same seed, ordinal and clock give the same
 * instance and backups. A history looks like a real one: one automated backup a day (more often
 * when many backups are asked for, so that 50,000 still fit in a year), manual backups in
 * between, sizes growing over time, the newest often still BUILDING, a few FAILED, rarely DELETING.
 */
import type { BackupStatus, BackupType } from "../../api/rules";
import type { WireBackup } from "../../api/wire";
import { type BackupRecord, formatSizeKb, makeRecord, newBackupId, newInstanceId, SIZE_UNIT } from "./backupRecord";
import { Random } from "./seededRandom";
import { compactWallClock, formatWallClock, requireZoneOffsetMinutes } from "./zonedTimestamps";

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** The span a large history is compressed into. */
const MAX_HISTORY_SPAN_MS = 365 * DAY_MS;
const MAX_BACKUP_DURATION_MS = 6 * 60 * MINUTE_MS;

export interface InstanceSpec {
  readonly seed: number;
  /** Position of the instance in the emulator, so that two instances of one seed still differ. */
  readonly ordinal: number;
  readonly backups: number;
  readonly timeZone: string;
  readonly name?: string;
  /** Epoch milliseconds the history ends at. */
  readonly now: number;
}

export interface GeneratedInstance {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  /** Oldest first. */
  readonly backups: BackupRecord[];
}

/** What stays constant across one instance's backups. */
interface InstanceProfile {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly offsetMinutes: number;
  readonly chinese: boolean;
  readonly useDetail: string;
  readonly snapshotShare: number;
  readonly baseSizeKb: number;
  readonly growth: number;
  /** Kilobytes per second a backup is written at, which sets how long it takes. */
  readonly throughputKbps: number;
}

const ENVIRONMENTS = ["prod", "staging", "test", "dev"] as const;
const WORKLOADS = ["orders", "billing", "users", "analytics", "inventory", "payments"] as const;
const MANUAL_PREFIXES = ["manual-backup", "before-upgrade", "pre-migration", "release-check", "升级前备份", "手动备份"] as const;
const USE_DETAILS = ["生产环境备份", "测试环境备份", "Production backup", "Staging backup"] as const;
const MANUAL_DESCRIPTIONS_EN = ["Before schema migration", "Requested by the DBA team", "Pre-release check", ""] as const;
const MANUAL_DESCRIPTIONS_ZH = ["结构变更前备份", "DBA 手动备份", "发布前检查", ""] as const;

export function generateInstance(spec: InstanceSpec): GeneratedInstance {
  if (!Number.isInteger(spec.backups) || spec.backups < 0) {
    throw new RangeError(`backups must be an integer >= 0, got ${spec.backups}`);
  }
  const random = new Random(spec.seed).fork(`instance:${spec.ordinal}`);
  const profile = instanceProfile(random, spec);
  const records: BackupRecord[] = new Array(spec.backups);
  const cadence = automatedCadence(spec.backups);
  const newestStart = floorToSecond(spec.now - random.int(1, 40) * MINUTE_MS);
  let automated = 0;
  for (let age = 0; age < spec.backups; age++) {
    // Manual backups come on top of the automated ones, somewhere between two of them.
    const manual = age > 0 && random.chance(0.1);
    const createdAt = manual
      ? newestStart - (automated - 1) * cadence - random.int(Math.floor(cadence / 8), Math.floor((cadence * 7) / 8))
      : newestStart - automated++ * cadence - random.int(0, Math.floor(cadence / 20));
    // Fill from the end so the array comes out oldest first without a reverse.
    records[spec.backups - 1 - age] = generateBackup(random, profile, {
      age,
      count: spec.backups,
      cadence,
      manual,
      createdAt: floorToSecond(createdAt),
      now: spec.now,
    });
  }
  return { id: profile.id, name: profile.name, timeZone: profile.timeZone, backups: records };
}

function instanceProfile(random: Random, spec: InstanceSpec): InstanceProfile {
  const id = newInstanceId(random);
  const name = spec.name ?? `taurus-${random.pick(ENVIRONMENTS)}-${random.pick(WORKLOADS)}-${random.hex(4)}`;
  return {
    id,
    name,
    timeZone: spec.timeZone,
    offsetMinutes: requireZoneOffsetMinutes(spec.timeZone),
    chinese: random.chance(0.5),
    useDetail: random.pick(USE_DETAILS),
    snapshotShare: random.pick([0.1, 0.25, 0.5]),
    baseSizeKb: random.int(30_000, 600_000),
    growth: 0.5 + random.next() * 3,
    throughputKbps: random.int(300, 3000),
  };
}

/** Daily, or as often as needed to fit the history into a year. */
function automatedCadence(count: number): number {
  if (count * DAY_MS <= MAX_HISTORY_SPAN_MS) return DAY_MS;
  return Math.max(MINUTE_MS, Math.floor(MAX_HISTORY_SPAN_MS / count / MINUTE_MS) * MINUTE_MS);
}

interface Slot {
  /** 0 is the newest backup. */
  readonly age: number;
  readonly count: number;
  readonly cadence: number;
  readonly manual: boolean;
  readonly createdAt: number;
  readonly now: number;
}

function generateBackup(random: Random, profile: InstanceProfile, slot: Slot): BackupRecord {
  const { manual, createdAt } = slot;
  const status = statusFor(random, slot);
  const type: BackupType = random.chance(profile.snapshotShare) ? "Snapshot" : "Db";
  // Snapshots are mostly level-1 (local) backups, physical ones mostly level-2 (archived).
  const usualLevel = type === "Snapshot" ? "1" : "2";
  const level = random.chance(0.85) ? usualLevel : usualLevel === "1" ? "2" : "1";
  // Sizes grow with the database: the newest backup is the biggest, give or take 3%.
  const progress = slot.count > 1 ? 1 - slot.age / (slot.count - 1) : 1;
  const fullSizeKb = profile.baseSizeKb * (1 + profile.growth * progress) * (0.97 + 0.06 * random.next());
  const sizeKb = status === "BUILDING" || status === "FAILED" ? 0 : fullSizeKb;
  const updatedAt = updatedFor(random, profile, status, createdAt, fullSizeKb, slot);
  const created = formatWallClock(createdAt, profile.offsetMinutes);
  const wire: WireBackup = {
    id: newBackupId(random),
    description: manual ? manualDescription(random, profile) : automatedDescription(profile, slot.cadence),
    instance_id: profile.id,
    instance_name: profile.name,
    name: manual ? manualName(random, created) : automatedName(created, slot.cadence),
    size: formatSizeKb(sizeKb),
    size_unit: SIZE_UNIT,
    status,
    created,
    updated: formatWallClock(updatedAt, profile.offsetMinutes),
    backup_type: type,
    backup_level: level,
    backup_method: type,
    use_detail: profile.useDetail,
    time_zone: profile.timeZone,
  };
  return makeRecord(wire, createdAt);
}

function statusFor(random: Random, slot: Slot): BackupStatus {
  if (slot.age === 0 && random.chance(0.6)) return "BUILDING";
  // Retention is removing the oldest one right now.
  if (slot.age === slot.count - 1 && slot.count > 1 && random.chance(0.3)) return "DELETING";
  if (random.chance(0.03)) return "FAILED";
  if (random.chance(0.002)) return "DELETING";
  return "COMPLETED";
}

function updatedFor(random: Random, profile: InstanceProfile, status: BackupStatus, createdAt: number, sizeKb: number, slot: Slot): number {
  const { now } = slot;
  switch (status) {
    case "BUILDING":
      return createdAt;
    case "FAILED":
      return Math.min(now, createdAt + random.int(30, 900) * SECOND_MS);
    case "DELETING":
      return Math.max(createdAt, floorToSecond(now - random.int(0, 10) * MINUTE_MS));
    case "COMPLETED": {
      // A backup finishes before the next one is due.
      const limit = Math.min(MAX_BACKUP_DURATION_MS, slot.cadence * 0.8);
      const duration = Math.min(limit, MINUTE_MS + (sizeKb / profile.throughputKbps) * SECOND_MS);
      return floorToSecond(Math.min(now, createdAt + duration));
    }
  }
}

function automatedName(created: string, cadence: number): string {
  const stamp = compactWallClock(created);
  return cadence === DAY_MS ? `daily-backup-${stamp.slice(0, 8)}` : `auto-backup-${stamp.slice(0, 12)}`;
}

function manualName(random: Random, created: string): string {
  const stamp = compactWallClock(created);
  return `${random.pick(MANUAL_PREFIXES)}-${stamp.slice(0, 8)}-${stamp.slice(8, 12)}`;
}

function automatedDescription(profile: InstanceProfile, cadence: number): string {
  if (cadence === DAY_MS) return profile.chinese ? "每日自动备份" : "Daily automated backup";
  return profile.chinese ? "自动备份" : "Automated backup";
}

function manualDescription(random: Random, profile: InstanceProfile): string {
  return random.pick(profile.chinese ? MANUAL_DESCRIPTIONS_ZH : MANUAL_DESCRIPTIONS_EN);
}

function floorToSecond(epochMs: number): number {
  return Math.floor(epochMs / SECOND_MS) * SECOND_MS;
}
