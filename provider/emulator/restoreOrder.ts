/**
 * The body of `POST /v3/{project_id}/instances/restore`, checked field by field into a typed order:
 * well-formed instance ids, a known `type`, and the field that type needs (`backup_id` for
 * `backup`, an integer `restore_time` in UTC ms for `timestamp`). Unknown fields, and the field of
 * the other type, are ignored.
 */
import { RESTORE_TYPES } from "../api/instanceRules";
import type { WireRestoreRequest } from "../api/instanceWire";
import { type Checked, invalidParameter } from "./errors";
import { type JsonObject, requiredInstanceId, requiredNonNegativeInteger, requiredString } from "./jsonBody";

interface Instances {
  readonly sourceInstanceId: string;
  readonly targetInstanceId: string;
}

/** From a backup of the source, or to an instant of the source's history (UTC epoch ms). */
export type RestoreOrder = Instances &
  ({ readonly type: "backup"; readonly backupId: string } | { readonly type: "timestamp"; readonly restoreTime: number });

export function parseRestoreOrder(body: JsonObject): Checked<RestoreOrder> {
  const source = requiredInstanceId(body, "source_instance_id");
  if ("failure" in source) return source;
  const target = requiredInstanceId(body, "target_instance_id");
  if ("failure" in target) return target;
  const typeText = requiredString(body, "type");
  if ("failure" in typeText) return typeText;
  const type = RESTORE_TYPES.find((t) => t === typeText.value);
  if (type === undefined) return { failure: invalidParameter((m) => m.notOneOf("type", typeText.value, RESTORE_TYPES)) };
  const instances = { sourceInstanceId: source.value, targetInstanceId: target.value };
  if (type === "backup") {
    const backupId = requiredString(body, "backup_id");
    return "failure" in backupId ? backupId : { value: { ...instances, type, backupId: backupId.value } };
  }
  const restoreTime = requiredNonNegativeInteger(body, "restore_time");
  return "failure" in restoreTime ? restoreTime : { value: { ...instances, type, restoreTime: restoreTime.value } };
}

/** The order as a request body, which is also what the job list shows of it. */
export function wireRestoreRequest(order: RestoreOrder): WireRestoreRequest {
  const base = { source_instance_id: order.sourceInstanceId, target_instance_id: order.targetInstanceId, type: order.type };
  return order.type === "backup" ? { ...base, backup_id: order.backupId } : { ...base, restore_time: order.restoreTime };
}
