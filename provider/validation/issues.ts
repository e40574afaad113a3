/** Turns zod issues into argument issues a person can act on, without ever echoing a secret. */
import type { z } from "zod";
import type { ArgumentIssue } from "../errors";

/**
 * The issues of one value, named by where the value came from (`pageSize`, `stack config
 * taurusdb:projectId`, ...). A secret value is never shown.
 */
export function toArgumentIssues(origin: string, issues: readonly z.core.$ZodIssue[], secret: boolean): ArgumentIssue[] {
  return issues.map((issue) => {
    const argument = `${origin}${formatPath(issue.path)}`;
    const got = secret || issue.input === undefined ? "" : ` (got ${describe(issue.input)})`;
    return { argument, problem: `${issue.message}${got}` };
  });
}

/** The argument a problem's name starts with: `keepers` for `keepers.build`, `statuses` for `statuses[1]`. */
export function topLevelName(argument: string): string {
  return argument.replace(/[.[].*$/, "");
}

/** `[1]` or `.name` after the origin, for a problem inside a list or an object (see {@link topLevelName}). */
function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("");
}

export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null || typeof value !== "object") return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}
