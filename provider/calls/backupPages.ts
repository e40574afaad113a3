/**
 * ShowInstanceBackups, one page: `GET /v3/{project_id}/instances/{instance_id}/backups` with the
 * page's `offset` and `limit`, its body checked and typed.
 */
import { backupsPath } from "../api/wire";
import { typePage, type TypedPage } from "../backups/typePage";
import type { ApiClient } from "../http/client";

export interface BackupListTarget {
  readonly endpoint: string;
  readonly projectId: string;
  readonly instanceId: string;
  /** The API's own query parameters (order, filter), by their wire names. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** A `total_count` above this is refused rather than paged: a lying server must not make us fetch forever. */
  readonly maxRecords: number;
}

export async function fetchBackupPage(
  client: ApiClient,
  target: BackupListTarget,
  offset: number,
  limit: number,
  signal: AbortSignal,
): Promise<TypedPage> {
  const response = await client.request(
    {
      baseUrl: target.endpoint,
      path: backupsPath(target.projectId, target.instanceId),
      query: [...target.query, ["offset", String(offset)], ["limit", String(limit)]],
      projectId: target.projectId,
      instanceId: target.instanceId,
    },
    signal,
  );
  return typePage(response, target.maxRecords);
}
