/**
 * Paging on its own, with a page source in memory: which pages are asked for and how (offsets,
 * limits, the last page's spare slot), how many at once, in what order they come out, what
 * stopping early aborts; and the snapshot rules: which scans are refused, for what reason, how many
 * scans are allowed, and what is reported along the way.
 */
import { InconsistentListingError } from "../../../provider/errors";
import { collectSnapshot, rescanPauseMs, type ScanProgress, type SnapshotOptions } from "../../../provider/paging/collectSnapshot";
import type { FetchPage, Page } from "../../../provider/paging/page";
import { pageCount, scanPages } from "../../../provider/paging/scanPages";
import type { Backup } from "../../../provider/types";

const backup = (id: string): Backup =>
  ({ id, name: id, status: "COMPLETED", createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" }) as Backup;

interface Call {
  readonly index: number;
  readonly offset: number;
  readonly limit: number;
  readonly signal: AbortSignal;
}

/** A list of `total` records served page by page; `answer` may change what a page says. */
function source(total: number, answer: (page: Page, call: Call) => Page = (page) => page) {
  const calls: Call[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const fetchPage: FetchPage = async (index, offset, limit, signal) => {
    const call = { index, offset, limit, signal };
    calls.push(call);
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1 + ((index * 7) % 5))); // out of order on purpose
    inFlight--;
    const count = Math.max(0, Math.min(limit, total - offset));
    const backups = Array.from({ length: count }, (_, i) => backup(`b${offset + i}`));
    return answer({ index, offset, totalCount: total, backups }, call);
  };
  return { fetchPage, calls, mostInFlight: () => mostInFlight };
}

async function all(pages: AsyncIterable<Page>): Promise<Page[]> {
  const seen: Page[] = [];
  for await (const page of pages) seen.push(page);
  return seen;
}

const live = () => new AbortController().signal;

describe("pageCount", () => {
  test.each([
    [0, 100, 1],
    [1, 100, 1],
    [100, 100, 1],
    [101, 100, 2],
    [250, 100, 3],
    [7, 3, 3],
  ])("%i records in pages of %i: %i page(s)", (total, pageSize, pages) => {
    expect(pageCount(total, pageSize)).toBe(pages);
  });
});

describe("scanPages", () => {
  test("asks for the first page alone, then every other page once, with offsets by record and the last page's spare slot", async () => {
    const s = source(250);
    const pages = await all(scanPages(s.fetchPage, { pageSize: 100, concurrency: 4, signal: live() }));
    expect(pages.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(s.calls.map(({ index, offset, limit }) => [index, offset, limit])).toEqual([
      [0, 0, 100],
      [1, 100, 100],
      [2, 200, 51],
    ]);
  });

  test("the spare slot stops at the API's limit of 100 when the last page is full", async () => {
    const s = source(300);
    await all(scanPages(s.fetchPage, { pageSize: 100, concurrency: 4, signal: live() }));
    expect(s.calls.map((c) => c.limit)).toEqual([100, 100, 100]);
  });

  test("a list that fits on the first page costs one request", async () => {
    const s = source(40);
    expect(await all(scanPages(s.fetchPage, { pageSize: 50, concurrency: 4, signal: live() }))).toHaveLength(1);
    expect(s.calls).toHaveLength(1);
  });

  test("keeps at most `concurrency` pages in flight, and yields them in order whatever order they arrive in", async () => {
    const s = source(1_000);
    const pages = await all(scanPages(s.fetchPage, { pageSize: 10, concurrency: 3, signal: live() }));
    expect(pages.map((p) => p.index)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(s.mostInFlight()).toBe(3);
  });

  test("with concurrency 1, one page after another", async () => {
    const s = source(50);
    await all(scanPages(s.fetchPage, { pageSize: 10, concurrency: 1, signal: live() }));
    expect(s.mostInFlight()).toBe(1);
    expect(s.calls.map((c) => c.index)).toEqual([0, 1, 2, 3, 4]);
  });

  test("a consumer that stops after the first page asks for nothing else", async () => {
    const s = source(500);
    for await (const page of scanPages(s.fetchPage, { pageSize: 100, concurrency: 4, signal: live() })) {
      expect(page.index).toBe(0);
      break;
    }
    expect(s.calls).toHaveLength(1);
  });

  test("stopping early aborts the pages in flight, and their failures are absorbed", async () => {
    const s = source(1_000, (page, call) => {
      if (call.signal.aborted) throw new Error("aborted page");
      return page;
    });
    const scan = scanPages(s.fetchPage, { pageSize: 10, concurrency: 5, signal: live() });
    let seen = 0;
    for await (const _page of scan) if (++seen === 3) break;
    const inFlight = s.calls.filter((c) => c.index > 2);
    expect(inFlight.length).toBeGreaterThan(0);
    expect(inFlight.every((c) => c.signal.aborted)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20)); // an unhandled rejection would fail the test run
    expect(s.calls.length).toBeLessThan(100);
  });

  test("the caller's signal reaches every page request", async () => {
    const controller = new AbortController();
    const s = source(100);
    await all(scanPages(s.fetchPage, { pageSize: 10, concurrency: 2, signal: controller.signal }));
    controller.abort();
    expect(s.calls.every((c) => c.signal.aborted)).toBe(true);
  });

  test("a failing page fails the scan", async () => {
    const s = source(100, (page) => {
      if (page.index === 4) throw new Error("page 4 failed");
      return page;
    });
    await expect(all(scanPages(s.fetchPage, { pageSize: 10, concurrency: 2, signal: live() }))).rejects.toThrow("page 4 failed");
  });
});

describe("collectSnapshot", () => {
  const options = (overrides: Partial<SnapshotOptions> = {}): SnapshotOptions => ({
    instanceId: "i-1",
    pageSize: 10,
    maxScans: 3,
    signal: live(),
    rescanDelayMs: () => 0,
    ...overrides,
  });
  const scanOf = (s: ReturnType<typeof source>) => () => scanPages(s.fetchPage, { pageSize: 10, concurrency: 2, signal: live() });

  test("a consistent scan is returned whole, in order, with its counts and progress", async () => {
    const s = source(25);
    const progress: ScanProgress[] = [];
    const snapshot = await collectSnapshot(scanOf(s), options({ onPage: (p) => progress.push(p) }));
    expect(snapshot).toMatchObject({ totalCount: 25, pages: 3, scans: 1 });
    expect(snapshot.backups.map((b) => b.id)).toEqual(Array.from({ length: 25 }, (_, i) => `b${i}`));
    expect(progress).toEqual([
      { scan: 1, pagesFetched: 1, pages: 3, backupsFetched: 10, totalCount: 25 },
      { scan: 1, pagesFetched: 2, pages: 3, backupsFetched: 20, totalCount: 25 },
      { scan: 1, pagesFetched: 3, pages: 3, backupsFetched: 25, totalCount: 25 },
    ]);
  });

  test("an empty list is one page and no backups", async () => {
    expect(await collectSnapshot(scanOf(source(0)), options())).toEqual({ totalCount: 0, backups: [], pages: 1, scans: 1 });
  });

  /** A source whose first scan is distorted by `distort`, and whose later scans are right. */
  function distortedOnce(total: number, distort: (page: Page) => Page) {
    let scan = 0;
    return source(total, (page) => {
      if (page.index === 0) scan++;
      return scan === 1 ? distort(page) : page;
    });
  }

  test.each([
    [
      "total_count moves between pages (even when every page is full)",
      30,
      (p: Page) => (p.index === 1 ? { ...p, totalCount: 31 } : p),
      "total_count changed from 30 to 31 between pages",
    ],
    [
      "a page comes back short",
      25,
      (p: Page) => (p.index === 1 ? { ...p, backups: p.backups.slice(1) } : p),
      "page 2 of 3 came back short: 9 backups where total_count 25 means 10",
    ],
    [
      "the last page fills its spare slot",
      25,
      (p: Page) => (p.index === 2 ? { ...p, backups: [...p.backups, backup("extra")] } : p),
      "page 3 of 3 came back long: 6 backups where total_count 25 means 5",
    ],
    [
      "a record appears on two pages",
      25,
      (p: Page) => (p.index === 1 ? { ...p, backups: [backup("b9"), ...p.backups.slice(1)] } : p),
      "backup b9 appeared twice (pages overlap)",
    ],
  ])("%s: the scan is refused and repeated, with the reason", async (_label, total, distort, reason) => {
    const rescans: Array<[number, string]> = [];
    const delays: number[] = [];
    const snapshot = await collectSnapshot(
      scanOf(distortedOnce(total as number, distort as (p: Page) => Page)),
      options({ onRescan: (scan, why) => rescans.push([scan, why]), rescanDelayMs: (scan) => (delays.push(scan), 1) }),
    );
    expect(snapshot.scans).toBe(2);
    expect(snapshot.backups).toHaveLength(total as number);
    expect(rescans).toEqual([[2, reason]]);
    expect(delays).toEqual([2]);
  });

  test("a list that never settles fails after maxScans with the last reason, and no mixed list", async () => {
    const s = source(30, (p) => (p.index === 1 ? { ...p, totalCount: 31 } : p));
    const error = await collectSnapshot(scanOf(s), options({ maxScans: 2 })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InconsistentListingError);
    expect((error as InconsistentListingError).scans).toBe(2);
    expect((error as Error).message).toMatch(
      /instance i-1 was not consistent in 2 scan\(s\): total_count changed from 30 to 31 between pages/,
    );
    expect(s.calls.filter((c) => c.index === 0)).toHaveLength(2);
  });

  test("one scan allowed means no rescan at all", async () => {
    const s = source(30, (p) => (p.index === 1 ? { ...p, totalCount: 31 } : p));
    await expect(collectSnapshot(scanOf(s), options({ maxScans: 1 }))).rejects.toBeInstanceOf(InconsistentListingError);
    expect(s.calls.filter((c) => c.index === 0)).toHaveLength(1);
  });

  test("an error that is not an inconsistency is not rescanned", async () => {
    const s = source(30, (p) => {
      if (p.index === 1) throw new Error("HTTP 401");
      return p;
    });
    await expect(collectSnapshot(scanOf(s), options())).rejects.toThrow("HTTP 401");
    expect(s.calls.filter((c) => c.index === 0)).toHaveLength(1);
  });

  test("an abort during the pause before a rescan stops the listing", async () => {
    const controller = new AbortController();
    const s = source(30, (p) => (p.index === 1 ? { ...p, totalCount: 31 } : p));
    const started = Date.now();
    const pending = collectSnapshot(
      scanOf(s),
      options({ signal: controller.signal, rescanDelayMs: () => 10_000, onRescan: () => controller.abort(new Error("cancelled")) }),
    );
    await expect(pending).rejects.toThrow(/aborted/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(s.calls.filter((c) => c.index === 0)).toHaveLength(1);
  });
});

describe("rescanPauseMs", () => {
  test("a quarter second per scan already made, jittered between half and all of it", () => {
    expect(rescanPauseMs(2, () => 0)).toBe(125);
    expect(rescanPauseMs(2, () => 1)).toBe(250);
    expect(rescanPauseMs(3, () => 0.5)).toBe(375);
    expect(rescanPauseMs(4, () => 0)).toBe(375);
  });
});
