/**
 * The body of `POST /v3/{project_id}/instances/restore`, checked field by field into a typed order:
 * well-formed instance ids, a known `type`, and the field that type needs (`backup_id` for
 * `backup`, an integer `restore_time` in UTC ms for `timestamp`). Unknown fields, and the field of
 * the other type, are ignored.
 */
import { RESTORE_TYPES } from "../../api/instanceRules";
import type { RestoreOrder } from "../model/restoreOrder";
import { type Checked, invalidParameter } from "../replies/apiErrors";
import { type JsonObject, requiredInstanceId, requiredNonNegativeInteger, requiredString } from "./jsonBody";

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
