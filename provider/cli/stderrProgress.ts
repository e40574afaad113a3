/**
 * Progress of a listing on stderr, so stdout stays the result. On a terminal, one line that each
 * page overwrites and that is erased at the end; elsewhere (a pipe, a CI log) plain lines, the first
 * and last page and at most one a second between, so a long listing does not flood a log. A listing
 * of one page shows no progress. Retries and rescans are always their own lines.
 */
import { progressText, type ProgressReporter } from "../reporting";

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface StderrProgress extends ProgressReporter {
  /** Erases the progress line if one is showing; call it however the command ends. */
  end(): void;
}

const ERASE_LINE = "\r\x1b[K";

export function stderrProgress(stream: ProgressStream, options: { now?: () => number; plainIntervalMs?: number } = {}): StderrProgress {
  const now = options.now ?? Date.now;
  const interval = options.plainIntervalMs ?? 1000;
  let showing = false;
  let lastPlainAt = -Infinity;

  const erase = () => {
    if (showing) stream.write(ERASE_LINE);
    showing = false;
  };
  const line = (text: string) => {
    erase();
    stream.write(`${text}\n`);
  };

  return {
    page(instanceId, progress) {
      if (progress.pages <= 1) return;
      const text = progressText.page(instanceId, progress);
      if (stream.isTTY) {
        // A line longer than the terminal would wrap, and `\r` would then rewrite only its tail.
        // The count is what matters, so a long line gives up the start of the instance id.
        const width = Math.max(20, (stream.columns || 80) - 1);
        stream.write(`${ERASE_LINE}${text.length > width ? `…${text.slice(text.length - width + 1)}` : text}`);
        showing = true;
        return;
      }
      const first = progress.pagesFetched === 1;
      const last = progress.pagesFetched === progress.pages;
      if (first || last || now() - lastPlainAt >= interval) {
        lastPlainAt = now();
        line(text);
      }
    },
    retry: (instanceId, event) => line(progressText.retry(instanceId, event)),
    rescan: (instanceId, scan, reason) => line(progressText.rescan(instanceId, scan, reason)),
    done: () => erase(),
    end: () => erase(),
  };
}
