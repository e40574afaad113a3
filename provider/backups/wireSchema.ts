/**
 * The documented shape of a ShowInstanceBackups page, checked with zod before anything is read
 * from it. Unknown extra fields are ignored (the API may add some); missing or mistyped ones fail.
 */
import { z } from "zod";

const text = z.string();
/** Numeric fields are strings on the wire; a bare JSON number means the same thing and is accepted. */
const numeric = z.union([z.string(), z.number()]).transform(String);

export const wireBackupSchema = z.object({
  id: text.min(1),
  name: text,
  description: text.nullish().transform((value) => value ?? ""),
  instance_id: text,
  instance_name: text,
  size: numeric,
  size_unit: text,
  status: text,
  created: text,
  updated: text,
  backup_type: text,
  backup_level: numeric,
  backup_method: text,
  use_detail: text.nullish().transform((value) => value ?? ""),
  time_zone: text,
  backup_mode: text.optional(),
});

export const wirePageSchema = z.object({
  backups: z.array(wireBackupSchema),
  total_count: numeric,
});

export type ParsedWirePage = z.infer<typeof wirePageSchema>;
export type ParsedWireBackup = z.infer<typeof wireBackupSchema>;

/** `backups[3].size: expected string, received boolean` — one line per problem, at most five. */
export function describeSchemaIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), "");
    return `${path || "(body)"}: ${issue.message}`;
  });
  const more = error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : "";
  return lines.join("; ") + more;
}
