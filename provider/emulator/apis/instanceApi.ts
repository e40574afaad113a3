/**
 * The instance itself: `GET /v3/{project_id}/instances/{instance_id}` (ShowGaussMySqlInstanceInfo,
 * reduced to the fields a client reads) and `POST .../password` (ResetGaussMySqlPassword).
 */
import { passwordProblem } from "../../api/instanceRules";
import type { WireInstance } from "../../api/instanceWire";
import { formatOffsetTimestamp } from "../model/zonedTimestamps";
import { invalidParameter } from "../replies/apiErrors";
import { failureReply, jsonReply, type Reply } from "../replies/reply";
import type { InstanceRoute } from "../sharedTypes";
import type { ApiContext, ApiRequest } from "./apiContext";
import { accessProblem, busyProblem, pathIdProblem } from "./instanceChecks";
import { parseJsonObject, requiredString } from "./jsonBody";

/** What every emulated instance runs: TaurusDB's engine, MySQL 8.0 compatible. */
const DATASTORE = { type: "gaussdb-mysql", version: "8.0", kernel_version: "2.0.57.240900" } as const;

export function showInstance(ctx: ApiContext, route: InstanceRoute, request: ApiRequest): Reply {
  const problem =
    pathIdProblem(route.projectId, route.instanceId) ?? accessProblem(ctx.tenant, ctx.store, route.projectId, [route.instanceId]);
  if (problem) return failureReply(problem, request.language);
  return jsonReply(200, { instance: wireInstance(ctx, route.instanceId) });
}

/**
 * Answers `{}` once the password is set: the change is immediate, no job to wait for. The password
 * is checked against the vendor's rule and kept only as a digest; no answer repeats it.
 */
export function resetPassword(ctx: ApiContext, route: InstanceRoute, request: ApiRequest): Reply {
  const { language } = request;
  const idProblem = pathIdProblem(route.projectId, route.instanceId);
  if (idProblem) return failureReply(idProblem, language);
  const body = parseJsonObject(request.body, request.contentType);
  if ("failure" in body) return failureReply(body.failure, language);
  const password = requiredString(body.value, "password");
  if ("failure" in password) return failureReply(password.failure, language);
  const weakness = passwordProblem(password.value);
  if (weakness)
    return failureReply(
      invalidParameter((m) => m.passwordInvalid(weakness)),
      language,
    );
  const refusal =
    accessProblem(ctx.tenant, ctx.store, route.projectId, [route.instanceId]) ??
    busyProblem(ctx.states, route.instanceId, ctx.settings.busyErrorCode);
  if (refusal) return failureReply(refusal, language);
  ctx.passwords.set(route.instanceId, password.value);
  return jsonReply(200, {});
}

function wireInstance(ctx: ApiContext, instanceId: string): WireInstance {
  const info = ctx.store.info(instanceId);
  const { states, tenant } = ctx;
  return {
    id: info.id,
    name: info.name,
    status: states.status(instanceId),
    project_id: tenant.projectId,
    type: "Cluster",
    datastore: { ...DATASTORE },
    region: tenant.region,
    time_zone: info.timeZone,
    created: formatOffsetTimestamp(states.createdAt(instanceId), info.offsetMinutes),
    updated: formatOffsetTimestamp(states.updatedAt(instanceId), info.offsetMinutes),
  };
}
