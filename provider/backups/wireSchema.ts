/**
 * The documented envelope of a ShowInstanceBackups page, checked with zod before anything is read
 * from it. Each record's fields are checked by ./toBackup.ts, which has to read every one of them
 * anyway to type it, and does so at a fraction of a general validator's cost per record.
 */
import { z } from "zod";

export const wirePageSchema = z.object({
  backups: z.array(z.unknown(), { error: "must be an array of backups" }),
  /** A string on the wire; a bare JSON number means the same and is accepted. */
  total_count: z.union([z.string(), z.number()], { error: "must be a string of digits" }).transform(String),
});

/** `backups: must be an array of backups` — one line per problem, at most five. */
export function describeSchemaIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.reduce<string>(
      (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
      "",
    );
    return `${path || "(body)"}: ${issue.message}`;
  });
  const more = error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : "";
  return lines.join("; ") + more;
}
