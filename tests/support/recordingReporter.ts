/** A progress reporter that keeps the lines a Pulumi program or the command line would show, in their words. */
import { progressText, type ProgressReporter } from "../../provider/reporting";

export function recordingReporter(): { reporter: ProgressReporter; lines: string[] } {
  const lines: string[] = [];
  const reporter: ProgressReporter = {
    page: (instanceId, progress) => void lines.push(progressText.page(instanceId, progress)),
    retry: (instanceId, event) => void lines.push(progressText.retry(instanceId, event)),
    rescan: (instanceId, scan, reason) => void lines.push(progressText.rescan(instanceId, scan, reason)),
    done: (instanceId, summary) => void lines.push(progressText.done(instanceId, summary)),
  };
  return { reporter, lines };
}
