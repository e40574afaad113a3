/** A 2xx body checked against the shape the API documents, or an error that quotes what came instead. */
import type { z } from "zod";
import { describeSchemaIssues } from "../backups/wireSchema";
import { TaurusDbResponseError } from "../errors";
import type { JsonResponse } from "../http/client";

export function typedBody<S extends z.ZodType>(response: JsonResponse, schema: S): z.output<S> {
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) throw new TaurusDbResponseError(response.context, describeSchemaIssues(parsed.error), response.quote());
  return parsed.data;
}

/**
 * `"2026-01-04T17:30:30+0800"` (how the instance and job APIs write times) as a UTC instant in ISO
 * 8601; undefined for anything else, an empty string included (a job not ended yet).
 */
export function apiTimestamp(text: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.exec(text);
  if (!m) return undefined;
  const zone = m[3] === "Z" ? "Z" : `${m[3].slice(0, 3)}:${m[3].slice(-2)}`;
  const instant = Date.parse(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(instant) ? undefined : new Date(instant).toISOString();
}
