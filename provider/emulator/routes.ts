/**
 * The two APIs the emulator serves, matched on decoded path segments. Ids are only located here;
 * whether they are well-formed is the API's business (after authentication, as on the real gateway).
 */

export type RouteName = "backups" | "projects" | "other";

export type Route =
  | { readonly name: "backups"; readonly projectId: string; readonly instanceId: string }
  | { readonly name: "projects" }
  | { readonly name: "other" };

/** Both APIs are read-only. */
export const ALLOWED_METHOD = "GET";

export function matchRoute(segments: readonly string[]): Route {
  // GET /v3/projects (IAM)
  if (segments.length === 2 && segments[0] === "v3" && segments[1] === "projects") return { name: "projects" };
  // GET /v3/{project_id}/instances/{instance_id}/backups
  if (
    segments.length === 5 &&
    segments[0] === "v3" &&
    segments[2] === "instances" &&
    segments[4] === "backups" &&
    segments[1] !== "" &&
    segments[3] !== ""
  ) {
    return { name: "backups", projectId: segments[1], instanceId: segments[3] };
  }
  return { name: "other" };
}
