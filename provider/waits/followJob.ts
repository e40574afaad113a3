/**
 * Following an asynchronous job (a restore, a backup) until it ends `Completed` or `Failed`, with
 * a progress line on every status change and at least every minute while it runs.
 */
import type { ProjectScope } from "../calls/apiSession";
import { fetchJob, type JobState } from "../calls/jobStatus";
import { formatElapsed, pollUntil, type Waiting } from "./waiting";

/** The error for a job still under way at the deadline: the caller's, which knows what the job does. */
export type JobTimedOut = (status: string, progress: string | undefined) => Error;

/** The job once it has ended, `Completed` or `Failed`. */
export function followJob(
  scope: ProjectScope,
  jobId: string,
  targetInstanceId: string,
  waiting: Waiting,
  what: string,
  timedOut: JobTimedOut,
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
    timedOut,
  });
}
