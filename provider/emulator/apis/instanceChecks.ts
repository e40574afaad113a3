/**
 * The checks every TaurusDB API makes on the project and instances it is asked about, in the order
 * the emulator makes them: ids well-formed (400, before any parameter check), then the project is
 * the caller's (403) and each instance exists (404), after parameter checks; a write also needs its
 * instance idle (409).
 */
import type { InstanceBusyErrorCode } from "../../api/instanceRules";
import { INSTANCE_ID_PATTERN, PROJECT_ID_PATTERN } from "../../api/rules";
import type { BackupStore } from "../model/backupStore";
import type { InstanceStates } from "../model/instanceStates";
import type { Tenant } from "../model/issuedIdentity";
import { type ApiFailure, instanceBusy, instanceNotFound, invalidParameter, projectNotAccessible } from "../replies/apiErrors";

/** 400 for a malformed project id or (when given) instance id in the path. */
export function pathIdProblem(projectId: string, instanceId?: string): ApiFailure | undefined {
  if (!PROJECT_ID_PATTERN.test(projectId)) return invalidParameter((m) => m.projectIdMalformed());
  if (instanceId !== undefined && !INSTANCE_ID_PATTERN.test(instanceId))
    return invalidParameter((m) => m.instanceIdMalformed("instance_id"));
  return undefined;
}

/** 403 for another project, then 404 for the first instance that does not exist. */
export function accessProblem(
  tenant: Tenant,
  store: BackupStore,
  projectId: string,
  instanceIds: readonly string[] = [],
): ApiFailure | undefined {
  if (projectId !== tenant.projectId) return projectNotAccessible();
  return instanceIds.some((id) => !store.hasInstance(id)) ? instanceNotFound() : undefined;
}

/** 409 while the instance is not ACTIVE or has an operation in progress. */
export function busyProblem(states: InstanceStates, instanceId: string, code: InstanceBusyErrorCode): ApiFailure | undefined {
  return states.idle(instanceId) ? undefined : instanceBusy(code, states.status(instanceId));
}
