/**
 * Restoring into an existing instance and following it: `POST /v3/{project_id}/instances/restore`
 * (RestoreOldInstance), `GET /v3/{project_id}/jobs?id=` (ShowGaussMySqlJobInfo) and
 * `GET /v3/{project_id}/instances/{instance_id}/restore-time` (the restorable time ranges).
 */
import type { WireRestoreTimes } from "../../api/instanceWire";
import { invalidParameter, jobNotFound } from "../replies/apiErrors";
import { failureReply, jsonReply, type Reply } from "../replies/reply";
import type { InstanceRoute, ProjectRoute } from "../sharedTypes";
import type { ApiContext, ApiRequest } from "./apiContext";
import { accessProblem, busyProblem, pathIdProblem } from "./instanceChecks";
import { parseJsonObject } from "./jsonBody";
import { knownParameters } from "./queryParameters";
import { parseRestoreOrder } from "./restoreOrderBody";
import { clipRanges, parseRestoreTimeWindow } from "./restoreTimeWindow";

/**
 * Checks, in order: the body (400), the project (403), both instances (404), the source's data —
 * backup or restorable instant (400) — and that the target is idle (409). Only the target's
 * business is checked: a source may be read while it does something else.
 */
export function restore(ctx: ApiContext, route: ProjectRoute, request: ApiRequest): Reply {
  const { language } = request;
  const idProblem = pathIdProblem(route.projectId);
  if (idProblem) return failureReply(idProblem, language);
  const body = parseJsonObject(request.body, request.contentType);
  if ("failure" in body) return failureReply(body.failure, language);
  const order = parseRestoreOrder(body.value);
  if ("failure" in order) return failureReply(order.failure, language);
  const { sourceInstanceId, targetInstanceId } = order.value;
  const refusal =
    accessProblem(ctx.tenant, ctx.store, route.projectId, [sourceInstanceId, targetInstanceId]) ??
    ctx.restorer.dataProblem(order.value) ??
    busyProblem(ctx.states, targetInstanceId, ctx.settings.busyErrorCode);
  if (refusal) return failureReply(refusal, language);
  return jsonReply(200, { job_id: ctx.restorer.start(order.value).id });
}

/** `id` is required; an id that names no job is the vendor's "parameter error" (400 DBS.200001). */
export function showJob(ctx: ApiContext, route: ProjectRoute, request: ApiRequest): Reply {
  const { language } = request;
  const idProblem = pathIdProblem(route.projectId);
  if (idProblem) return failureReply(idProblem, language);
  const known = knownParameters(request.query, ["id"] as const);
  if ("failure" in known) return failureReply(known.failure, language);
  const jobId = known.value.get("id");
  if (jobId === undefined || jobId === "")
    return failureReply(
      invalidParameter((m) => m.missing("id")),
      language,
    );
  const denied = accessProblem(ctx.tenant, ctx.store, route.projectId);
  if (denied) return failureReply(denied, language);
  const job = ctx.jobs.wire(jobId);
  return job ? jsonReply(200, { job }) : failureReply(jobNotFound(), language);
}

export function listRestoreTimes(ctx: ApiContext, route: InstanceRoute, request: ApiRequest): Reply {
  const { language } = request;
  const idProblem = pathIdProblem(route.projectId, route.instanceId);
  if (idProblem) return failureReply(idProblem, language);
  const window = parseRestoreTimeWindow(request.query);
  if ("failure" in window) return failureReply(window.failure, language);
  const denied = accessProblem(ctx.tenant, ctx.store, route.projectId, [route.instanceId]);
  if (denied) return failureReply(denied, language);
  const ranges = clipRanges(ctx.restorableRanges.ranges(route.instanceId), window.value);
  const body: WireRestoreTimes = { restore_times: ranges.map((r) => ({ start_time: r.start, end_time: r.end })) };
  return jsonReply(200, body);
}
