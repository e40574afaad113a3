/**
 * The instants an instance can be restored to: `GET
 * /v3/{project_id}/instances/{instance_id}/restore-time`, asked for a window around the instant
 * wanted (`start_time` and `end_time` in UTC milliseconds), so the answer stays small.
 */
import { z } from "zod";
import { restoreTimePath } from "../../api/instanceWire";
import type { ProjectScope } from "../../calls/apiSession";
import { typedBody } from "../../calls/typedBody";

/** UTC epoch milliseconds, both ends included. */
export interface RestorableRange {
  readonly startMs: number;
  readonly endMs: number;
}

const millis = z.number({ error: "must be UTC milliseconds" }).int({ error: "must be UTC milliseconds" });
const rangesSchema = z.object({
  restore_times: z.array(z.object({ start_time: millis, end_time: millis }), { error: "must be a list of time ranges" }),
});

export async function fetchRestorableRanges(
  scope: ProjectScope,
  instanceId: string,
  window: { readonly startMs: number; readonly endMs: number },
  signal: AbortSignal,
): Promise<RestorableRange[]> {
  const response = await scope.client.request(
    {
      baseUrl: scope.endpoint,
      path: restoreTimePath(scope.projectId, instanceId),
      query: [
        ["start_time", String(window.startMs)],
        ["end_time", String(window.endMs)],
      ],
      projectId: scope.projectId,
      instanceId,
    },
    signal,
  );
  return typedBody(response, rangesSchema).restore_times.map((r) => ({ startMs: r.start_time, endMs: r.end_time }));
}
