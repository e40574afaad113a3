/**
 * IAM's project lookup, which a client makes to find its project id from its region: the
 * emulator's one project when the name is its region, or none.
 */
import type { WireProjectList } from "../../api/wire";
import type { Tenant } from "../model/issuedIdentity";
import { jsonReply, type Reply } from "../replies/reply";
import type { QueryPairs } from "../sharedTypes";

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
