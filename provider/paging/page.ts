/** One page of typed backups, and how it was fetched. */
import type { Backup } from "../types";

export interface Page {
  /** 0-based page number. */
  readonly index: number;
  /** Records skipped before this page. */
  readonly offset: number;
  /** `total_count` as this page reported it. */
  readonly totalCount: number;
  readonly backups: readonly Backup[];
}

/** Fetches the page at `offset` (a record count) holding up to `limit` records; `signal` stops it. */
export type FetchPage = (index: number, offset: number, limit: number, signal: AbortSignal) => Promise<Page>;
