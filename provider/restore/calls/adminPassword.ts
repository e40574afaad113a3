/**
 * ResetGaussMySqlPassword: `POST /v3/{project_id}/instances/{instance_id}/password` sets the
 * instance's admin (root) password. The password is never quoted back in an error, whatever the
 * server echoes. Setting the same password twice is harmless, so the request is retried as usual.
 */
import { passwordPath, type WirePasswordRequest } from "../../api/instanceWire";
import type { ProjectScope } from "../../calls/apiSession";

export async function resetAdminPassword(scope: ProjectScope, instanceId: string, password: string, signal: AbortSignal): Promise<void> {
  const body: WirePasswordRequest = { password };
  await scope.client.request(
    {
      method: "POST",
      baseUrl: scope.endpoint,
      path: passwordPath(scope.projectId, instanceId),
      body,
      projectId: scope.projectId,
      instanceId,
      secrets: [password],
    },
    signal,
  );
}
