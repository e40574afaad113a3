/**
 * Versioned snapshots of each instance's backups, kept when `recordHistory` is on, so a test can
 * check that what a client assembled while the data changed under it equals one state the server
 * really had. Bounded: the oldest snapshots are dropped first.
 */
import type { WireBackup } from "../../api/wire";

export interface HistoryEntry {
  /** The data version at which this list became current. */
  readonly version: number;
  /** Newest first, as the default order lists them. */
  readonly backups: WireBackup[];
}

interface Snapshot {
  readonly version: number;
  readonly instanceId: string;
  readonly backups: readonly Readonly<WireBackup>[];
}

export const DEFAULT_HISTORY_LIMIT = 50;

export class VersionHistory {
  private readonly snapshots: Snapshot[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`history limit must be an integer >= 1, got ${limit}`);
  }

  /** `backups` must not be mutated afterwards; the store hands over a fresh array of immutable records. */
  record(version: number, instanceId: string, backups: readonly Readonly<WireBackup>[]): void {
    this.snapshots.push({ version, instanceId, backups });
    if (this.snapshots.length > this.limit) this.snapshots.splice(0, this.snapshots.length - this.limit);
  }

  entries(instanceId: string): HistoryEntry[] {
    return this.snapshots
      .filter((s) => s.instanceId === instanceId)
      .map((s) => ({ version: s.version, backups: s.backups.map((b) => ({ ...b })) }));
  }
}
