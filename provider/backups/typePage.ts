/** A page body as the API sent it, checked and typed: its `total_count` and its backups. */
import { TaurusDbResponseError } from "../errors";
import type { JsonResponse } from "../http/client";
import type { Backup } from "../types";
import { toBackup } from "./toBackup";
import { describeSchemaIssues, wirePageSchema } from "./wireSchema";

export interface TypedPage {
  readonly totalCount: number;
  readonly backups: Backup[];
}

/**
 * Throws {@link TaurusDbResponseError} naming the field when the body breaks the documented shape,
 * or claims more than `maxRecords` backups.
 */
export function typePage(response: Pick<JsonResponse, "body" | "context" | "quote">, maxRecords = Number.MAX_SAFE_INTEGER): TypedPage {
  const parsed = wirePageSchema.safeParse(response.body);
  if (!parsed.success) throw new TaurusDbResponseError(response.context, describeSchemaIssues(parsed.error), response.quote());
  const { total_count } = parsed.data;
  const totalCount = Number(total_count);
  if (!/^\d+$/.test(total_count) || !Number.isSafeInteger(totalCount)) {
    throw new TaurusDbResponseError(
      response.context,
      `total_count must be a whole number (got ${JSON.stringify(total_count)})`,
      response.quote(),
    );
  }
  if (totalCount > maxRecords) {
    const why = `total_count ${totalCount} is more than the ${maxRecords} backups this package lists; no instance keeps that many, so this is not the TaurusDB API's answer (check the endpoint)`;
    throw new TaurusDbResponseError(response.context, why, response.quote());
  }
  const backups: Backup[] = [];
  parsed.data.backups.forEach((wire, i) => {
    const converted = toBackup(wire);
    if ("problems" in converted) {
      const id = (wire as { id?: unknown } | null)?.id;
      const which = typeof id === "string" ? ` (id ${id})` : "";
      throw new TaurusDbResponseError(response.context, `backups[${i}]${which}: ${converted.problems.join("; ")}`, response.quote());
    }
    backups.push(converted.backup);
  });
  return { totalCount, backups };
}
