/**
 * Collects the pages of one scan into a consistent list, or scans again.
 *
 * A list that changes while it is paged shows it: `total_count` moves, a page comes back short or
 * long, or a record appears on two pages. Any of these rejects the whole scan (a mixed list is
 * never returned); the scan is repeated a bounded number of times, then the listing fails.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { InconsistentListingError } from "../errors";
import type { Backup } from "../types";
import type { Page } from "./page";
import { pageCount } from "./scanPages";

export interface SnapshotOptions {
  readonly instanceId: string;
  readonly pageSize: number;
  /** Scans allowed, the first included. */
  readonly maxScans: number;
  readonly signal: AbortSignal;
  /** Pause before scan n (n ≥ 2), so a burst of changes can settle. */
  readonly rescanDelayMs: (scan: number) => number;
  readonly onPage?: (progress: ScanProgress) => void;
  readonly onRescan?: (scan: number, reason: string) => void;
}

export interface ScanProgress {
  readonly scan: number;
  readonly pagesFetched: number;
  readonly pages: number;
  readonly backupsFetched: number;
  readonly totalCount: number;
}

export interface Snapshot {
  readonly totalCount: number;
  readonly backups: Backup[];
  readonly pages: number;
  readonly scans: number;
}

/**
 * The pause before scan n (n ≥ 2): a quarter second per scan already made, jittered down to half,
 * so listings that met the same burst of changes do not rescan in step.
 */
export function rescanPauseMs(scan: number, random: () => number): number {
  return 250 * (scan - 1) * (0.5 + random() / 2);
}

/** Why a scan cannot be trusted. */
class Inconsistency extends Error {}

export async function collectSnapshot(scan: () => AsyncIterable<Page>, options: SnapshotOptions): Promise<Snapshot> {
  let reason = "";
  for (let attempt = 1; attempt <= options.maxScans; attempt++) {
    if (attempt > 1) {
      options.onRescan?.(attempt, reason);
      await sleep(options.rescanDelayMs(attempt), undefined, { signal: options.signal });
    }
    try {
      return { ...(await collectOnce(scan(), options, attempt)), scans: attempt };
    } catch (error) {
      if (!(error instanceof Inconsistency)) throw error;
      reason = error.message;
    }
  }
  throw new InconsistentListingError(options.instanceId, options.maxScans, reason);
}

async function collectOnce(pages: AsyncIterable<Page>, options: SnapshotOptions, scan: number): Promise<Omit<Snapshot, "scans">> {
  const { pageSize } = options;
  const backups: Backup[] = [];
  const seen = new Set<string>();
  let totalCount = -1;
  let pageTotal = 0;
  let fetched = 0;
  for await (const page of pages) {
    // Stryker disable next-line EqualityOperator: a total of 0 is one page, so no later page is compared with it
    if (totalCount < 0) {
      totalCount = page.totalCount;
      pageTotal = pageCount(totalCount, pageSize);
    } else if (page.totalCount !== totalCount) {
      throw new Inconsistency(`total_count changed from ${totalCount} to ${page.totalCount} between pages`);
    }
    const expected = Math.min(pageSize, Math.max(0, totalCount - page.offset));
    if (page.backups.length !== expected) {
      // Stryker disable next-line EqualityOperator: lengths are unequal here, so < and <= agree
      const how = page.backups.length < expected ? "short" : "long";
      throw new Inconsistency(
        `page ${page.index + 1} of ${pageTotal} came back ${how}: ${page.backups.length} backups where total_count ${totalCount} means ${expected}`,
      );
    }
    for (const backup of page.backups) {
      if (seen.has(backup.id)) throw new Inconsistency(`backup ${backup.id} appeared twice (pages overlap)`);
      seen.add(backup.id);
      backups.push(backup);
    }
    fetched++;
    options.onPage?.({ scan, pagesFetched: fetched, pages: pageTotal, backupsFetched: backups.length, totalCount });
  }
  return { totalCount, backups, pages: pageTotal };
}
