/**
 * The listing APIs, as functions from an authenticated request to a reply: TaurusDB's
 * ShowInstanceBackups and IAM's project list. (The instance and restore APIs are beside this file.)
 */
import type { Language } from "../api/rules";
import type { WireProjectList } from "../api/wire";
import { accessProblem, pathIdProblem } from "./instanceChecks";
import { parseListQuery } from "./listQuery";
import type { BackupStore } from "./model/backupStore";
import type { Tenant } from "./model/issuedIdentity";
import { failureReply, jsonReply, jsonTextReply, type Reply } from "./replies/reply";
import type { QueryPairs } from "./sharedTypes";
import type { ListDistortion } from "./steering/faultPlan";

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

/** `GET /v3/projects?name=<region>` (IAM): the one project when the name is its region, or none. */
export function listProjects(tenant: Tenant, query: QueryPairs): Reply {
  const name = query.find(([key]) => key === "name")?.[1];
  const projects: WireProjectList["projects"] =
    name === undefined || name === tenant.region
      ? [{ id: tenant.projectId, name: tenant.region, enabled: true, domain_id: tenant.domainId }]
      : [];
  // IAM also sends these fields; clients must tolerate them.
  const body = { projects: projects.map((p) => ({ ...p, is_domain: false, parent_id: tenant.domainId, description: "" })) };
  return jsonReply(200, body);
}
