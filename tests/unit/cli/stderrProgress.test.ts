/** The command line's progress on stderr: one overwritten line on a terminal, few plain lines elsewhere. */
import { stderrProgress } from "../../../provider/cli/stderrProgress";

const INSTANCE = "a".repeat(32) + "in07";
const page = (pagesFetched: number, pages: number) => ({
  scan: 1,
  pagesFetched,
  pages,
  backupsFetched: pagesFetched * 100,
  totalCount: pages * 100,
});

function stream(isTTY: boolean, columns?: number) {
  const written: string[] = [];
  return { written, isTTY, columns, write: (text: string) => written.push(text) };
}

test("a terminal gets one line that each page overwrites, erased when the listing is done", () => {
  const out = stream(true, 120);
  const progress = stderrProgress(out);
  progress.page(INSTANCE, page(1, 3));
  progress.page(INSTANCE, page(2, 3));
  progress.done(INSTANCE, { backups: 300, pages: 3, scans: 1 });
  progress.end();
  expect(out.written).toEqual([
    `\r\x1b[K${INSTANCE}: fetched page 1/3 (100 of 300 backups)`,
    `\r\x1b[K${INSTANCE}: fetched page 2/3 (200 of 300 backups)`,
    "\r\x1b[K",
  ]);
});

test("on a narrow terminal the line keeps its end (the count) and never wraps", () => {
  const out = stream(true, 60);
  stderrProgress(out).page(INSTANCE, page(7, 500));
  const line = out.written[0].replace("\r\x1b[K", "");
  expect(line).toHaveLength(59);
  expect(line).toMatch(/^….*fetched page 7\/500 \(700 of 50000 backups\)$/);
});

test("a retry or a rescan is a line of its own that does not leave the progress line half-written", () => {
  const out = stream(true, 200);
  const progress = stderrProgress(out);
  progress.page(INSTANCE, page(1, 3));
  progress.retry(INSTANCE, { url: "/v3/x", attempt: 1, reason: "HTTP 503", delayMs: 200 });
  progress.rescan(INSTANCE, 2, "total_count changed");
  expect(out.written.slice(1)).toEqual([
    "\r\x1b[K",
    `${INSTANCE}: attempt 1 failed (HTTP 503); retrying in 200 ms\n`,
    `${INSTANCE}: the backup list changed while paging (total_count changed); scanning again (scan 2)\n`,
  ]);
});

test("elsewhere: the first and last page and at most one line a second between; one page shows nothing", () => {
  let now = 0;
  const out = stream(false);
  const progress = stderrProgress(out, { now: () => now });
  progress.page(INSTANCE, page(1, 1));
  for (let p = 1; p <= 10; p++) {
    progress.page(INSTANCE, page(p, 10));
    now += 400;
  }
  progress.done(INSTANCE, { backups: 1000, pages: 10, scans: 1 });
  progress.end();
  expect(out.written.map((line) => /page (\d+)\/10/.exec(line)?.[1])).toEqual(["1", "4", "7", "10"]);
  expect(out.written.every((line) => line.endsWith("\n") && !line.includes("\r"))).toBe(true);
});
