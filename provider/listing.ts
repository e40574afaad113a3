/**
 * The data path, start to end: arguments → settings (arguments, stack config, environment) →
 * validation → signed, retried requests → pages → typed backups → selection → result.
 * `getInstanceBackups` is this with the sources of the running program; tests, the resources, the
 * plugin and the command line pass their own.
 *
 * A listing owns one abort signal: its deadline, its failure and its end all abort it, and every
 * request, retry and wait it started listens to it, so nothing of it outlives its promise.
 */
import { setMaxListeners } from "node:events";
import { parseDuration } from "./arguments/duration";
import { openSession, type SessionRuntime } from "./calls/apiSession";
import { fetchBackupPage } from "./calls/backupPages";
import { BackupTooOldError, NoCompletedBackupError, TaurusDbTimeoutError } from "./errors";
import { collectSnapshot, rescanPauseMs } from "./paging/collectSnapshot";
import type { FetchPage } from "./paging/page";
import { scanPages } from "./paging/scanPages";
import { silentReporter, type ProgressReporter } from "./reporting";
import { applyFilters } from "./selection/filters";
import { latestCompleted } from "./selection/latestCompleted";
import type { MergeOptions } from "./settings/merge";
import type { SettingSources } from "./settings/sources";
import type { Backup, GetInstanceBackupsArgs, GetInstanceBackupsResult } from "./types";
import { resolveSettings } from "./validation/resolve";
import type { ValidArgs } from "./validation/validate";

export const LISTING_LIMITS = {
  /** Scans of a list that keeps changing, the first included. */
  maxScans: 3,
  /** A `total_count` above this is refused rather than paged. */
  maxRecords: 1_000_000,
} as const;

/** What a listing runs with besides its arguments. */
export interface ListingRuntime extends SessionRuntime {
  readonly sources: SettingSources;
  readonly reporter?: ProgressReporter;
  /** Who the caller is in messages (`getInstanceBackups`, `LatestCompletedBackup`), and how it names arguments. */
  readonly context?: string;
  readonly merge?: MergeOptions;
  /** The caller's cancel (the engine's Cancel, Ctrl-C): aborts the listing with its reason. */
  readonly signal?: AbortSignal;
}

/** The reason a listing's leftovers are aborted with once it has settled; nobody sees it. */
class ListingSettled extends Error {}

export async function listInstanceBackups(
  args: GetInstanceBackupsArgs | Readonly<Record<string, unknown>>,
  runtime: ListingRuntime,
): Promise<GetInstanceBackupsResult> {
  const { args: valid, connection } = resolveSettings(args, runtime.sources, runtime.context, runtime.merge);
  const reporter = runtime.reporter ?? silentReporter;
  const { instanceId, pageSize, timeoutMs, maxConcurrency } = valid;

  let pagesFetched = 0;
  const listing = new AbortController();
  setMaxListeners(0, listing.signal);
  const timer = setTimeout(() => listing.abort(new TaurusDbTimeoutError(instanceId, timeoutMs, pagesFetched)), timeoutMs);
  const cancel = () => listing.abort(runtime.signal!.reason);
  runtime.signal?.throwIfAborted();
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: the listener is removed when the listing settles, so it never hears a second abort anyway
  runtime.signal?.addEventListener("abort", cancel, { once: true });
  const session = openSession(connection, valid, runtime, { onRetry: (event) => reporter.retry(instanceId, event) });

  try {
    const { projectId } = await session.scope(listing.signal);
    const target = { endpoint: session.endpoint, projectId, instanceId, query: apiQuery(valid), maxRecords: LISTING_LIMITS.maxRecords };
    const fetchPage: FetchPage = async (index, offset, limit, signal) => {
      const page = await fetchBackupPage(session.client, target, offset, limit, signal);
      pagesFetched++;
      return { index, offset, ...page };
    };

    const snapshot = await collectSnapshot(() => scanPages(fetchPage, { pageSize, concurrency: maxConcurrency, signal: listing.signal }), {
      instanceId,
      pageSize,
      maxScans: LISTING_LIMITS.maxScans,
      signal: listing.signal,
      rescanDelayMs: (scan) => rescanPauseMs(scan, runtime.random ?? Math.random),
      onPage: (progress) => reporter.page(instanceId, progress),
      onRescan: (scan, reason) => reporter.rescan(instanceId, scan, reason),
    });

    const backups = applyFilters(snapshot.backups, valid);
    const latest = latestCompleted(backups);
    if ((valid.requireLatestCompleted || valid.maxAge) && !latest)
      throw new NoCompletedBackupError(instanceId, snapshot.totalCount, backups.length);
    if (latest && valid.maxAge) checkAge(latest, valid.maxAge, runtime.now?.() ?? Date.now(), runtime.merge?.argumentLabel?.("maxAge"));
    reporter.done(instanceId, {
      backups: snapshot.totalCount,
      pages: snapshot.pages,
      scans: snapshot.scans,
      latestCompletedBackupId: latest?.id,
    });
    return {
      instanceId,
      projectId,
      totalCount: snapshot.totalCount,
      backups,
      ...(latest ? { latestCompletedBackupId: latest.id, latestCompletedBackup: latest } : {}),
    };
  } catch (error) {
    // Whatever was interrupted by the deadline or the caller's cancel, that is the story.
    if (listing.signal.aborted) throw listing.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    runtime.signal?.removeEventListener("abort", cancel);
    listing.abort(new ListingSettled());
  }
}

/** The recovery-point guard: the newest COMPLETED backup must be younger than `maxAge`. */
export function checkAge(latest: Backup, maxAge: string, now: number, argument?: string): void {
  const ageMs = now - Date.parse(latest.createdAt);
  // Stryker disable next-line EqualityOperator: differs only for a backup exactly maxAge old, to the millisecond
  if (ageMs > parseDuration(maxAge)) throw new BackupTooOldError(latest.instanceId, latest.id, latest.createdAt, ageMs, maxAge, argument);
}

/** The query parameters passed through to the API, by their wire names. */
function apiQuery(args: ValidArgs): Array<[string, string]> {
  const query: Array<[string, string]> = [];
  if (args.orderField) query.push(["order_field", args.orderField]);
  if (args.orderRule) query.push(["order_rule", args.orderRule]);
  if (args.filterContent !== undefined) {
    query.push(["filter_field", args.filterField ?? "name"], ["filter_content", args.filterContent]);
  }
  return query;
}
