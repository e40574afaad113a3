/**
 * Finds the project id of a region through IAM (`GET /v3/projects?name=<region>`), as the vendor's
 * SDKs do, once per process for each endpoint, region and identity. Failures are not cached. The
 * lookup is shared by the listings that need it at once, so none of them can cancel it for the
 * others: each stops waiting when its own signal aborts, and the lookup ends by its own deadline.
 */
import { PROJECTS_PATH } from "../api/wire";
import { PROJECT_ID_PATTERN } from "../api/rules";
import { TaurusDbResponseError } from "../errors";
import type { ApiClient } from "../http/client";
import type { Credentials } from "../http/credentials";

const found = new Map<string, Promise<string>>();

export function findProjectId(
  client: ApiClient,
  iamEndpoint: string,
  region: string,
  credentials: Credentials,
  signal: AbortSignal,
): Promise<string> {
  const key = `${iamEndpoint}|${region}|${credentials.identity}`;
  let projectId = found.get(key);
  if (!projectId) {
    projectId = lookUp(client, iamEndpoint, region, AbortSignal.timeout(LOOKUP_DEADLINE_MS));
    found.set(key, projectId);
    projectId.catch(() => found.delete(key));
  }
  return untilAborted(projectId, signal);
}

/** Long enough for the retries of one request, short enough not to hold a process for long. */
const LOOKUP_DEADLINE_MS = 120_000;

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the listener is also removed by hand, and a signal aborts once
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Forgets every project id found (for tests). */
export function forgetProjectIds(): void {
  found.clear();
}

async function lookUp(client: ApiClient, iamEndpoint: string, region: string, signal: AbortSignal): Promise<string> {
  const response = await client.request({ baseUrl: iamEndpoint, path: PROJECTS_PATH, query: [["name", region]] }, signal);
  const projects = (response.body as { projects?: unknown })?.projects;
  if (!Array.isArray(projects)) {
    throw new TaurusDbResponseError(response.context, "the IAM project list has no `projects` array", response.quote());
  }
  const matches = projects.filter(
    // Stryker disable next-line OptionalChaining: p.name is read only once p.id was, so p is an object there
    (p): p is { id: string; name: string } => typeof p?.id === "string" && p?.name === region && PROJECT_ID_PATTERN.test(p.id),
  );
  if (matches.length !== 1) {
    const why =
      matches.length === 0
        ? `no project named ${JSON.stringify(region)} is visible to these credentials`
        : `${matches.length} projects are named ${JSON.stringify(region)}`;
    throw new TaurusDbResponseError(response.context, `${why}; set projectId explicitly`, response.quote());
  }
  return matches[0].id;
}
