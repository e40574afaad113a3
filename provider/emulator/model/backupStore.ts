/**
 * The emulator's mutable data: every instance's backups, the sorted orders the API can ask for,
 * and a version counter. Orders and filter results are computed once and reused until the next
 * change, so hundreds of page requests over 50,000 backups stay cheap.
 */
import type { OrderField, OrderRule } from "../../api/rules";
import type { WireBackup } from "../../api/wire";
import type { BackupRecord } from "./backupRecord";
import type { VersionHistory } from "./versionHistory";
import { zoneOffsetMinutes } from "./zonedTimestamps";

export interface InstanceInfo {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  /** Minutes east of UTC of `timeZone`. */
  readonly offsetMinutes: number;
}

export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
  readonly orderField: OrderField;
  readonly orderRule: OrderRule;
  /** Keep only backups whose name contains this, ignoring case. */
  readonly nameContains?: string;
}

export interface RecordPage {
  /** The number of backups after filtering, before paging. */
  readonly total: number;
  /** Shared, immutable records (see backupRecord.ts): not to be changed. */
  readonly records: readonly BackupRecord[];
}

/** How many distinct filters an instance keeps results for. */
const FILTER_CACHE_SIZE = 16;

/** The primary key of each order; ties fall back to begin time, then id, so every order is total. */
const ORDER_KEYS: Record<OrderField, ((r: BackupRecord) => string) | undefined> = {
  beginTime: undefined,
  name: (r) => r.wire.name,
  type: (r) => r.wire.backup_type,
};

class StoredInstance {
  /** Ascending by begin time, then id: the `beginTime asc` order itself. */
  private readonly records: BackupRecord[];
  private readonly ascendingOrders = new Map<OrderField, BackupRecord[]>();
  private readonly filterResults = new Map<string, BackupRecord[]>();

  constructor(
    readonly info: InstanceInfo,
    records: BackupRecord[],
  ) {
    this.records = [...records].sort(byBeginTime);
  }

  get size(): number {
    return this.records.length;
  }

  page(request: PageRequest): RecordPage {
    const ascending = this.filtered(request.orderField, request.nameContains);
    const total = ascending.length;
    const start = Math.min(request.offset, total);
    const end = Math.min(start + request.limit, total);
    const records: BackupRecord[] = [];
    // A descending order is read backwards rather than stored twice.
    for (let i = start; i < end; i++) records.push(request.orderRule === "asc" ? ascending[i] : ascending[total - 1 - i]);
    return { total, records };
  }

  newestFirst(): readonly BackupRecord[] {
    return [...this.records].reverse();
  }

  newest(): BackupRecord | undefined {
    return this.records[this.records.length - 1];
  }

  /** The oldest record (by begin time) that satisfies `test`. */
  oldest(test: (record: BackupRecord) => boolean): BackupRecord | undefined {
    return this.records.find(test);
  }

  find(backupId: string): number {
    return this.records.findIndex((r) => r.wire.id === backupId);
  }

  at(index: number): BackupRecord {
    return this.records[index];
  }

  insert(record: BackupRecord): void {
    this.records.splice(insertionIndex(this.records, record), 0, record);
    this.invalidate();
  }

  replace(index: number, record: BackupRecord): void {
    // A record may change its begin time, so it is re-inserted rather than replaced in place.
    this.records.splice(index, 1);
    this.insert(record);
  }

  remove(index: number): BackupRecord {
    const [removed] = this.records.splice(index, 1);
    this.invalidate();
    return removed;
  }

  removeOldest(count: number): BackupRecord[] {
    const removed = this.records.splice(0, count);
    this.invalidate();
    return removed;
  }

  private filtered(field: OrderField, nameContains: string | undefined): BackupRecord[] {
    const ordered = this.ascending(field);
    if (nameContains === undefined || nameContains === "") return ordered;
    const needle = nameContains.toLowerCase();
    const key = `${field}\u0000${needle}`;
    const cached = this.filterResults.get(key);
    if (cached) {
      // Refresh its place so the least recently used result is evicted first.
      this.filterResults.delete(key);
      this.filterResults.set(key, cached);
      return cached;
    }
    const result = ordered.filter((r) => r.nameLower.includes(needle));
    this.filterResults.set(key, result);
    if (this.filterResults.size > FILTER_CACHE_SIZE) {
      this.filterResults.delete(this.filterResults.keys().next().value as string);
    }
    return result;
  }

  private ascending(field: OrderField): BackupRecord[] {
    const key = ORDER_KEYS[field];
    if (!key) return this.records;
    let order = this.ascendingOrders.get(field);
    if (!order) {
      order = [...this.records].sort((a, b) => compareText(key(a), key(b)) || byBeginTime(a, b));
      this.ascendingOrders.set(field, order);
    }
    return order;
  }

  private invalidate(): void {
    this.ascendingOrders.clear();
    this.filterResults.clear();
  }
}

export class BackupStore {
  private readonly instances = new Map<string, StoredInstance>();
  private currentVersion = 1;

  constructor(private readonly history?: VersionHistory) {}

  /** Increases on every change of any instance's backups. */
  get version(): number {
    return this.currentVersion;
  }

  addInstance(info: Omit<InstanceInfo, "offsetMinutes">, records: BackupRecord[]): InstanceInfo {
    if (this.instances.has(info.id)) throw new Error(`instance ${info.id} already exists`);
    const offsetMinutes = zoneOffsetMinutes(info.timeZone);
    if (offsetMinutes === undefined) throw new RangeError(`invalid time zone ${JSON.stringify(info.timeZone)}`);
    const instance = new StoredInstance({ ...info, offsetMinutes }, records);
    this.instances.set(info.id, instance);
    this.changed(instance, this.instances.size > 1);
    return instance.info;
  }

  hasInstance(instanceId: string): boolean {
    return this.instances.has(instanceId);
  }

  instanceInfos(): InstanceInfo[] {
    return [...this.instances.values()].map((i) => i.info);
  }

  info(instanceId: string): InstanceInfo {
    return this.instance(instanceId).info;
  }

  count(instanceId: string): number {
    return this.instance(instanceId).size;
  }

  page(instanceId: string, request: PageRequest): RecordPage {
    return this.instance(instanceId).page(request);
  }

  /** Copies, newest first. */
  backups(instanceId: string): WireBackup[] {
    return this.instance(instanceId)
      .newestFirst()
      .map((r) => ({ ...r.wire }));
  }

  newest(instanceId: string): BackupRecord | undefined {
    return this.instance(instanceId).newest();
  }

  /** The oldest backup of an instance (by begin time) that satisfies `test`. */
  oldest(instanceId: string, test: (record: BackupRecord) => boolean): BackupRecord | undefined {
    return this.instance(instanceId).oldest(test);
  }

  /** A backup by id, with the instance it belongs to; undefined when there is none. */
  findBackup(backupId: string): { readonly instanceId: string; readonly record: BackupRecord } | undefined {
    for (const instance of this.instances.values()) {
      const index = instance.find(backupId);
      if (index >= 0) return { instanceId: instance.info.id, record: instance.at(index) };
    }
    return undefined;
  }

  insert(instanceId: string, record: BackupRecord): void {
    const instance = this.instance(instanceId);
    if (this.exists(record.wire.id)) throw new Error(`backup ${record.wire.id} already exists`);
    instance.insert(record);
    this.changed(instance);
  }

  replace(backupId: string, next: (current: BackupRecord, instance: InstanceInfo) => BackupRecord): BackupRecord {
    const { instance, index } = this.locate(backupId);
    const record = next(instance.at(index), instance.info);
    if (record.wire.id !== backupId) throw new Error("a backup's id cannot change");
    instance.replace(index, record);
    this.changed(instance);
    return record;
  }

  remove(backupId: string): BackupRecord {
    const { instance, index } = this.locate(backupId);
    const removed = instance.remove(index);
    this.changed(instance);
    return removed;
  }

  removeOldest(instanceId: string, count: number): BackupRecord[] {
    const instance = this.instance(instanceId);
    const removed = instance.removeOldest(count);
    if (removed.length > 0) this.changed(instance);
    return removed;
  }

  private exists(backupId: string): boolean {
    return this.findBackup(backupId) !== undefined;
  }

  private locate(backupId: string): { instance: StoredInstance; index: number } {
    for (const instance of this.instances.values()) {
      const index = instance.find(backupId);
      if (index >= 0) return { instance, index };
    }
    throw new Error(`no backup ${backupId}`);
  }

  private instance(instanceId: string): StoredInstance {
    const instance = this.instances.get(instanceId);
    if (!instance) throw new Error(`no instance ${instanceId}`);
    return instance;
  }

  /** Every change bumps the version; the first instance's initial state is version 1. */
  private changed(instance: StoredInstance, bump = true): void {
    if (bump) this.currentVersion++;
    this.history?.record(
      this.currentVersion,
      instance.info.id,
      instance.newestFirst().map((r) => r.wire),
    );
  }
}

function byBeginTime(a: BackupRecord, b: BackupRecord): number {
  return a.createdAt - b.createdAt || compareText(a.wire.id, b.wire.id);
}

/** Code-unit order: the binary collation a database would use for these ASCII-heavy fields. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where a record goes in a list ascending by begin time (binary search). */
function insertionIndex(records: readonly BackupRecord[], record: BackupRecord): number {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (byBeginTime(records[mid], record) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
