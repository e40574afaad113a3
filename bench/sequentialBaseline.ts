/**
 * The baseline the package is measured against: how the Terraform data source and a hand-written
 * SDK loop read backups, one page after another until a page comes back empty (one request more
 * than there are pages). Same HTTP stack, signing and typing as the package, so only the paging
 * strategy differs.
 */
import { backupsPath } from "../provider/api/wire";
import { typePage } from "../provider/backups/typePage";
import { ApiClient } from "../provider/http/client";
import { RequestBudget } from "../provider/http/requestBudget";
import { createTransport } from "../provider/http/transport";
import { AkSkCredentials } from "../provider/http/credentials";
import type { Backup } from "../provider/types";

export interface Target {
  readonly url: string;
  readonly projectId: string;
  readonly instanceId: string;
  readonly accessKey: string;
  readonly secretKey: string;
}

export function clientFor(target: Target): ApiClient {
  const budget = new RequestBudget({ maxInFlight: 1 });
  return new ApiClient({
    credentials: new AkSkCredentials(target.accessKey, target.secretKey),
    transport: createTransport(),
    budgets: () => budget,
    maxAttempts: 6,
    requestTimeoutMs: 30_000,
  });
}

/** Every raw page body, one request after another, stopping at the first empty page. */
export async function* sequentialPages(target: Target, pageSize = 100) {
  const client = clientFor(target);
  for (let offset = 0; ; offset += pageSize) {
    const response = await client.request(
      {
        baseUrl: target.url,
        path: backupsPath(target.projectId, target.instanceId),
        query: [
          ["offset", String(offset)],
          ["limit", String(pageSize)],
        ],
        projectId: target.projectId,
        instanceId: target.instanceId,
      },
      new AbortController().signal,
    );
    yield response;
    if ((response.body as { backups: unknown[] }).backups.length === 0) return;
  }
}

export async function listSequentially(target: Target): Promise<Backup[]> {
  const backups: Backup[] = [];
  for await (const response of sequentialPages(target)) backups.push(...typePage(response).backups);
  return backups;
}
