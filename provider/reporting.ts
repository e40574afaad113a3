/**
 * Progress of a listing: what a listing tells as it goes. Inside a Pulumi program it goes to
 * Pulumi's log (./pulumiReporter.ts), from the provider plugin to the engine's log
 * (./plugin/package.ts), on the command line to stderr (./cli/stderrProgress.ts), and nowhere
 * otherwise. All say it in the words of {@link progressText}; the logs at the levels of
 * {@link lineReporter}.
 */
import type { RetryEvent } from "./http/client";
import type { ScanProgress } from "./paging/collectSnapshot";

export interface ListingSummary {
  readonly backups: number;
  readonly pages: number;
  readonly scans: number;
  readonly latestCompletedBackupId?: string;
}

export interface ProgressReporter {
  page(instanceId: string, progress: ScanProgress): void;
  retry(instanceId: string, event: RetryEvent): void;
  rescan(instanceId: string, scan: number, reason: string): void;
  done(instanceId: string, summary: ListingSummary): void;
}

export const silentReporter: ProgressReporter = { page() {}, retry() {}, rescan() {}, done() {} };

/** The one wording of each progress event, whichever reporter shows it. */
export const progressText = {
  page: (instanceId: string, p: ScanProgress) =>
    `${instanceId}: fetched page ${p.pagesFetched}/${p.pages} (${p.backupsFetched} of ${p.totalCount} backups)`,
  retry: (instanceId: string, e: RetryEvent) => `${instanceId}: attempt ${e.attempt} failed (${e.reason}); retrying in ${e.delayMs} ms`,
  rescan: (instanceId: string, scan: number, reason: string) =>
    `${instanceId}: the backup list changed while paging (${reason}); scanning again (scan ${scan})`,
  done: (instanceId: string, s: ListingSummary) =>
    `${instanceId}: listed ${s.backups} backups in ${s.pages} page(s), ${s.scans} scan(s); ${
      s.latestCompletedBackupId ? `newest COMPLETED ${s.latestCompletedBackupId}` : "no COMPLETED backup"
    }`,
} as const;

/** A progress event as a log line: its words and how loud it is. Page progress is ephemeral. */
export interface ProgressLine {
  readonly severity: "debug" | "info" | "warning";
  readonly message: string;
  readonly ephemeral: boolean;
}

/** A reporter that writes each event as one {@link ProgressLine}: the one choice of level per event, for every log. */
export function lineReporter(write: (line: ProgressLine) => void): ProgressReporter {
  return {
    page: (instanceId, progress) => write({ severity: "info", message: progressText.page(instanceId, progress), ephemeral: true }),
    retry: (instanceId, event) => write({ severity: "debug", message: progressText.retry(instanceId, event), ephemeral: false }),
    rescan: (instanceId, scan, reason) =>
      write({ severity: "warning", message: progressText.rescan(instanceId, scan, reason), ephemeral: false }),
    done: (instanceId, summary) => write({ severity: "info", message: progressText.done(instanceId, summary), ephemeral: false }),
  };
}
