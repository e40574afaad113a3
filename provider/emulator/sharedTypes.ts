/**
 * The few types every part of the emulator speaks in: the names of the APIs it serves and where a
 * request for one was found, a decoded query, and the undo of a plan. They sit below everything
 * else so that no two parts need each other for a type.
 */

/** Every API, by name: the names of stats, request counts and fault or schedule scopes. */
export const API_NAMES = ["backups", "projects", "instance", "restore", "jobs", "restoreTime", "password"] as const;
export type ApiName = (typeof API_NAMES)[number];
/** `other`: no API at that path. */
export type RouteName = ApiName | "other";
export const ROUTE_NAMES: readonly RouteName[] = [...API_NAMES, "other"];

/** The API a request path names, with the ids found in it (whether they are well-formed is the API's business). */
export type Route =
  /** GET /v3/projects (IAM) */
  | { readonly name: "projects" }
  /** GET backups, GET the instance, GET restore-time, POST password: /v3/{project_id}/instances/{instance_id}[/...] */
  | { readonly name: "backups" | "instance" | "restoreTime" | "password"; readonly projectId: string; readonly instanceId: string }
  /** POST /v3/{project_id}/instances/restore, GET /v3/{project_id}/jobs */
  | { readonly name: "restore" | "jobs"; readonly projectId: string }
  | { readonly name: "other" };

export type InstanceRoute = Extract<Route, { instanceId: string }>;
export type ProjectRoute = Extract<Route, { projectId: string }>;

/** Query parameters in received order, decoded. */
export type QueryPairs = Array<[string, string]>;

/** Undoes a plan (a scheduled change, a hook, a planned failure, a hold) that has not run out yet. */
export type Cancel = () => void;
