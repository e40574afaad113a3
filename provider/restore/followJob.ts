/**
 * Following an asynchronous job (a restore) until it ends `Completed` or `Failed`, with a progress
 * line on every status change and at least every minute while it runs.
 */
import type { ProjectScope } from "../calls/apiSession";
import { fetchJob, type JobState } from "../calls/jobStatus";
import { RestoreTimeoutError } from "../errors";
import { formatElapsed, pollUntil, type Waiting } from "./waiting";

/** The job once it has ended, `Completed` or `Failed`. */
export function followJob(
  scope: ProjectScope,
  jobId: string,
  targetInstanceId: string,
  waiting: Waiting,
  what: string,
  onSeen?: (job: JobState) => void,
): Promise<JobState> {
  return pollUntil(waiting, {
    async look() {
      const job = await fetchJob(scope, jobId, waiting.signal, targetInstanceId);
      onSeen?.(job);
      return job.status === "Completed" || job.status === "Failed"
        ? { done: true, value: job }
        : { done: false, phase: job.status, detail: job.progress };
    },
    describe: (status, progress, elapsed) =>
      `${what}: job ${jobId} is ${status}${progress ? ` ${progress}` : ""} (${formatElapsed(elapsed)}).`,
    timedOut: (status, progress) =>
      new RestoreTimeoutError(
        targetInstanceId,
        waiting.timeoutText,
        `job ${jobId} (${status}${progress ? ` ${progress}` : ""})`,
        jobId,
        status,
      ),
  });
}
