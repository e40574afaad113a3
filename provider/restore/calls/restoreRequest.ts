/**
 * RestoreOldInstance: `POST /v3/{project_id}/instances/restore` restores a backup, or a point in
 * time, of one instance into another existing one, and answers the id of the job to follow. Sent
 * at most once: a restore is not a request to repeat on an answer that may hide its success.
 */
import { z } from "zod";
import { restorePath, type WireRestoreRequest } from "../../api/instanceWire";
import type { ProjectScope } from "../../calls/apiSession";
import { typedBody } from "../../calls/typedBody";

/** What to restore into what: a backup, or an instant in UTC milliseconds. */
export type RestoreOrder =
  | { readonly sourceInstanceId: string; readonly targetInstanceId: string; readonly type: "backup"; readonly backupId: string }
  | { readonly sourceInstanceId: string; readonly targetInstanceId: string; readonly type: "timestamp"; readonly restoreTimeMs: number };

const restoreAnswerSchema = z.object({
  job_id: z.string({ error: "must be the restore job's id" }).min(1, { error: "must not be empty" }),
});

/** Starts the restore; returns the job id. */
export async function requestRestore(scope: ProjectScope, order: RestoreOrder, signal: AbortSignal): Promise<string> {
  const body: WireRestoreRequest = {
    source_instance_id: order.sourceInstanceId,
    target_instance_id: order.targetInstanceId,
    type: order.type,
    ...(order.type === "backup" ? { backup_id: order.backupId } : { restore_time: order.restoreTimeMs }),
  };
  const response = await scope.client.request(
    {
      method: "POST",
      baseUrl: scope.endpoint,
      path: restorePath(scope.projectId),
      body,
      projectId: scope.projectId,
      instanceId: order.targetInstanceId,
      sendOnce: true,
    },
    signal,
  );
  return typedBody(response, restoreAnswerSchema).job_id;
}
