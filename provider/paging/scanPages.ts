/**
 * Walks every page once: the first page alone (it tells `total_count`), then the rest concurrently
 * with at most `concurrency` in flight. Yields pages in order. Exactly ceil(total / pageSize)
 * requests when nothing changes, and no trailing empty page.
 *
 * Instead of a trailing request, the last page asks for one record more than `total_count` leaves
 * for it (when the API's limit allows): a record in that slot means the total was too low.
 *
 * Stopping early (an error, or the consumer breaking out) aborts the fetches still in flight, and
 * their failures are absorbed, so nothing is left running or unhandled.
 */
import { PAGE_SIZE_MAX } from "../api/rules";
import type { FetchPage, Page } from "./page";

export interface ScanOptions {
  readonly pageSize: number;
  readonly concurrency: number;
  readonly signal: AbortSignal;
}

/** Pages needed for `total` records; at least one, which tells the total. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export async function* scanPages(fetchPage: FetchPage, options: ScanOptions): AsyncGenerator<Page> {
  const { pageSize, concurrency } = options;
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  const launched = new Map<number, Promise<Page>>();
  try {
    const first = await fetchPage(0, 0, pageSize, signal);
    yield first; // the consumer may stop here, before anything else is requested
    const pages = pageCount(first.totalCount, pageSize);

    // A finished page frees its slot at once, even if an earlier page is still on its way.
    let next = 1;
    let active = 0;
    const launch = () => {
      while (next < pages && active < concurrency && !signal.aborted) {
        const index = next++;
        active++;
        const offset = index * pageSize;
        const limit = index === pages - 1 ? Math.min(PAGE_SIZE_MAX, first.totalCount - offset + 1) : pageSize;
        const promise = fetchPage(index, offset, limit, signal);
        const settle = () => {
          active--;
          launch();
        };
        promise.then(settle, settle); // also marks an abandoned failure as handled
        launched.set(index, promise);
      }
    };
    launch();
    for (let index = 1; index < pages; index++) {
      const page = await launched.get(index)!;
      launched.delete(index);
      yield page;
    }
  } finally {
    stop.abort();
  }
}
