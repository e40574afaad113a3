/**
 * The APIs the emulator serves, matched on decoded path segments, each with the one method it
 * answers. Ids are only located here; whether they are well-formed is the API's business (after
 * authentication, as on the real gateway).
 */
import type { ApiName, Route } from "../sharedTypes";

/** The method each API answers; any other gets 405. */
export const API_METHODS: Readonly<Record<ApiName, "GET" | "POST">> = {
  backups: "GET",
  projects: "GET",
  instance: "GET",
  restore: "POST",
  jobs: "GET",
  restoreTime: "GET",
  password: "POST",
};

/** The last segment after `/v3/{project_id}/instances/{instance_id}/`, for each instance sub-resource. */
const INSTANCE_SUBRESOURCES: ReadonlyMap<string, "backups" | "restoreTime" | "password"> = new Map([
  ["backups", "backups"],
  ["restore-time", "restoreTime"],
  ["password", "password"],
]);

export function matchRoute(segments: readonly string[]): Route {
  if (segments[0] !== "v3") return { name: "other" };
  if (segments.length === 2 && segments[1] === "projects") return { name: "projects" };
  const projectId = segments[1];
  if (projectId === undefined || projectId === "") return { name: "other" };
  if (segments.length === 3 && segments[2] === "jobs") return { name: "jobs", projectId };
  if (segments[2] !== "instances" || segments[3] === undefined || segments[3] === "") return { name: "other" };
  // `restore` is matched before an instance id: no instance id can be that word (ids have 36 characters).
  if (segments.length === 4)
    return segments[3] === "restore" ? { name: "restore", projectId } : { name: "instance", projectId, instanceId: segments[3] };
  const subresource = segments.length === 5 ? INSTANCE_SUBRESOURCES.get(segments[4]) : undefined;
  if (subresource === undefined) return { name: "other" };
  return { name: subresource, projectId, instanceId: segments[3] };
}
