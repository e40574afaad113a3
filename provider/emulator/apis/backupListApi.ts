/**
 * TaurusDB's ShowInstanceBackups, as a function from an authenticated request to a reply: one page
 * of an instance's backups, in the order and with the filter the query asks for.
 */
import type { Language } from "../../api/rules";
import type { BackupStore } from "../model/backupStore";
import type { Tenant } from "../model/issuedIdentity";
import { failureReply, jsonTextReply, type Reply } from "../replies/reply";
import type { QueryPairs } from "../sharedTypes";
import type { ListDistortion } from "../steering/faultPlan";
import { parseListQuery } from "./backupListQuery";
import { accessProblem, pathIdProblem } from "./instanceChecks";

export interface BackupListRequest {
  readonly projectId: string;
  readonly instanceId: string;
  readonly query: QueryPairs;
  readonly language: Language;
  readonly distortion: ListDistortion;
}

/** `GET /v3/{project_id}/instances/{instance_id}/backups` */
export function listBackups(store: BackupStore, tenant: Tenant, request: BackupListRequest): Reply {
  const { language } = request;
  const idProblem = pathIdProblem(request.projectId, request.instanceId);
  if (idProblem) return failureReply(idProblem, language);
  const parsed = parseListQuery(request.query);
  if ("failure" in parsed) return failureReply(parsed.failure, language);
  const denied = accessProblem(tenant, store, request.projectId, [request.instanceId]);
  if (denied) return failureReply(denied, language);

  const { offsetShift, totalDelta } = request.distortion;
  const page = store.page(request.instanceId, { ...parsed.value, offset: Math.max(0, parsed.value.offset + offsetShift) });
  // Built from each record's cached JSON; the same text JSON.stringify of a WireBackupPage gives.
  const totalCount = JSON.stringify(String(Math.max(0, page.total + totalDelta)));
  return jsonTextReply(200, `{"backups":[${page.records.map((record) => record.json).join(",")}],"total_count":${totalCount}}`);
}
