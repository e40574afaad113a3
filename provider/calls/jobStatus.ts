/**
 * ShowGaussMySqlJobInfo: `GET /v3/{project_id}/jobs?id=<job_id>`, the state of an asynchronous job
 * such as a restore: `Pending`, `Running` (with a percentage), then `Completed` or `Failed`.
 */
import { z } from "zod";
import { JOB_STATUSES, type JobStatus } from "../api/instanceRules";
import { jobsPath } from "../api/instanceWire";
import type { ProjectScope } from "./apiSession";
import { apiTimestamp, typedBody } from "./typedBody";

export interface JobState {
  readonly id: string;
  readonly status: JobStatus;
  /** UTC instants (ISO 8601), when the API wrote them in its documented form. */
  readonly createdAt?: string;
  readonly endedAt?: string;
  /** `"60%"` while running; undefined otherwise. */
  readonly progress?: string;
  /** Why a `Failed` job failed, as the API says it. */
  readonly failReason?: string;
}

const jobSchema = z.object({
  job: z.object(
    {
      id: z.string(),
      status: z.enum(JOB_STATUSES, { error: `must be one of ${JOB_STATUSES.join(", ")}` }),
      created: z.string().optional(),
      ended: z.string().optional(),
      process: z.string().optional(),
      fail_reason: z.string().optional(),
    },
    { error: "must be an object" },
  ),
});

export async function fetchJob(scope: ProjectScope, jobId: string, signal: AbortSignal, instanceId?: string): Promise<JobState> {
  const response = await scope.client.request(
    { baseUrl: scope.endpoint, path: jobsPath(scope.projectId), query: [["id", jobId]], projectId: scope.projectId, instanceId },
    signal,
  );
  const { job } = typedBody(response, jobSchema);
  return {
    id: job.id,
    status: job.status,
    createdAt: apiTimestamp(job.created ?? ""),
    endedAt: apiTimestamp(job.ended ?? ""),
    progress: job.process || undefined,
    failReason: job.fail_reason || undefined,
  };
}
