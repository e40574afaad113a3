/**
 * ShowGaussMySqlInstanceInfo, reduced to what a restore needs: `GET
 * /v3/{project_id}/instances/{instance_id}` → the instance's name and status (`ACTIVE` when ready).
 */
import { z } from "zod";
import { instancePath } from "../api/instanceWire";
import type { ProjectScope } from "./apiSession";
import { typedBody } from "./typedBody";

export interface InstanceDetails {
  readonly id: string;
  readonly name: string;
  /** One of the API's statuses (`ACTIVE`, `BACKING UP`, `RESTORING`, ...), as sent. */
  readonly status: string;
}

const instanceSchema = z.object({
  instance: z.object(
    { id: z.string(), name: z.string(), status: z.string({ error: "must be the instance's status" }) },
    { error: "must be an object" },
  ),
});

export async function fetchInstance(scope: ProjectScope, instanceId: string, signal: AbortSignal): Promise<InstanceDetails> {
  const response = await scope.client.request(
    { baseUrl: scope.endpoint, path: instancePath(scope.projectId, instanceId), projectId: scope.projectId, instanceId },
    signal,
  );
  const { instance } = typedBody(response, instanceSchema);
  return { id: instance.id, name: instance.name, status: instance.status };
}
