/**
 * Reading a resource's property bag back into arguments. The bag also holds Pulumi's own keys
 * (`__provider`), output placeholders and, during a preview, values not known yet.
 */
import type * as pulumi from "@pulumi/pulumi";
import { SECRET_NAMES } from "../arguments/catalogue";
import type { ArgumentIssue } from "../errors";
import { topLevelName } from "../validation/issues";

/** Sent by the engine during preview for a value not yet known. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** The values of `names` present in a bag (null and undefined are absent). */
export function pick(bag: Readonly<Record<string, unknown>>, names: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of names) if (bag[name] !== undefined && bag[name] !== null) picked[name] = bag[name];
  return picked;
}

/**
 * The inputs a resource keeps in its state, to read and compare later: everything the user gave
 * among `names` except secrets, exactly as given (settings resolved from stack config or the
 * environment are not inputs, so moving them never looks like a change).
 */
export function inputsToKeep(bag: Readonly<Record<string, unknown>>, names: readonly string[]): Record<string, unknown> {
  return pick(
    bag,
    names.filter((name) => !SECRET_NAMES.has(name)),
  );
}

/** Same choice: missing, null and empty are alike; key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(normalize);
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return entries.length === 0 ? undefined : Object.fromEntries(entries.map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}

/**
 * A check's problems as the engine shows them: each under the input it belongs to (`keepers` for
 * `keepers.build`), or under none when its value came from stack config or the environment.
 */
export function checkFailures(issues: readonly ArgumentIssue[], inputNames: readonly string[]): pulumi.dynamic.CheckFailure[] {
  return issues.map((issue) => {
    const name = topLevelName(issue.argument);
    return { property: inputNames.includes(name) ? name : "", reason: `${issue.argument}: ${issue.problem}` };
  });
}
