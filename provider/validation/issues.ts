/** Turns zod issues into argument issues a person can act on, without ever echoing a secret. */
import type { z } from "zod";
import type { ArgumentIssue } from "../errors";

/** Arguments whose values are never shown in an error. */
const SECRET_ARGUMENTS = new Set(["accessKey", "secretKey", "securityToken", "authToken"]);

export function toArgumentIssues(issues: readonly z.core.$ZodIssue[]): ArgumentIssue[] {
  return issues.flatMap((issue): ArgumentIssue[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ argument: key, problem: "is not an argument of this function (check the spelling)" }));
    }
    const argument = formatPath(issue.path);
    const secret = SECRET_ARGUMENTS.has(String(issue.path[0]));
    const got = secret || issue.input === undefined ? "" : ` (got ${describe(issue.input)})`;
    return [{ argument, problem: `${issue.message}${got}` }];
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), "") || "(arguments)";
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null || typeof value !== "object") return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}
