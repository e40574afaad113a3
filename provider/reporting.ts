/**
 * Progress of a listing: what a listing tells as it goes. Inside a Pulumi program it goes to
 * Pulumi's log (./pulumiReporter.ts), on the command line to stderr, and nowhere otherwise.
 */
import type { RetryEvent } from "./http/client";
import type { ScanProgress } from "./paging/collectSnapshot";

export interface ProgressReporter {
  page(instanceId: string, progress: ScanProgress): void;
  retry(instanceId: string, event: RetryEvent): void;
  rescan(instanceId: string, scan: number, reason: string): void;
  done(instanceId: string, summary: { backups: number; pages: number; scans: number; latestCompletedBackupId?: string }): void;
}

export const silentReporter: ProgressReporter = { page() {}, retry() {}, rescan() {}, done() {} };
