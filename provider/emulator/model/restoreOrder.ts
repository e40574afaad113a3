/**
 * A restore into an existing instance, as the emulator keeps it: from a backup of the source, or to
 * an instant of the source's history. The restore API reads it from a request body
 * (apis/restoreOrderBody.ts); a job keeps it, and shows it back as the request's known fields.
 */
import type { WireRestoreRequest } from "../../api/instanceWire";

interface Instances {
  readonly sourceInstanceId: string;
  readonly targetInstanceId: string;
}

/** From a backup of the source, or to an instant of the source's history (UTC epoch ms). */
export type RestoreOrder = Instances &
  ({ readonly type: "backup"; readonly backupId: string } | { readonly type: "timestamp"; readonly restoreTime: number });

/** The order as a request body, which is also what the job list shows of it. */
export function wireRestoreRequest(order: RestoreOrder): WireRestoreRequest {
  const base = { source_instance_id: order.sourceInstanceId, target_instance_id: order.targetInstanceId, type: order.type };
  return order.type === "backup" ? { ...base, backup_id: order.backupId } : { ...base, restore_time: order.restoreTime };
}
