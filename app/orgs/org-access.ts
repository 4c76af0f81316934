import { isId } from "../../storage/meta/id.ts";
import type { MetaStore } from "../../storage/meta/meta-store.ts";
import type { Organization } from "../../storage/meta/schema.ts";
import type { Action, Principal, ResourceType } from "../auth/permissions.ts";
import { authorizeResource, reachesOrg } from "../auth/resource-access.ts";
import { invalid, notFound } from "../errors.ts";
import { parseId } from "../http/parse-id.ts";

export const orgNotFound = () => notFound("organization not found");

/**
 * The org a path names, if the principal may act on `type` there: on the org itself (`orgs`, the
 * permission naming the org), or on its secrets, say. 400 malformed ID, 404 unknown or out of
 * reach, 401 not permitted.
 */
export async function accessOrg(meta: MetaStore, principal: Principal, rawId: string, action: Action, type: ResourceType = "orgs"): Promise<Organization> {
  const org = await meta.orgs.findById(parseId(rawId));
  if (!org) throw orgNotFound();
  const scope = type === "orgs" ? { orgId: org.id, id: org.id } : { orgId: org.id };
  authorizeResource(principal, action, type, scope, orgNotFound);
  return org;
}

/**
 * The org a create request's body names (`orgID`), or the token's own when absent. An org that
 * doesn't exist or that the token can't reach is the spec's 400 "failed to decode request body:
 * organization not found".
 */
export async function orgOfCreate(meta: MetaStore, principal: Principal, orgID: string | undefined): Promise<string> {
  if (orgID === undefined || orgID === "") return principal.orgId;
  const org = isId(orgID) ? await meta.orgs.findById(orgID) : undefined;
  if (!org || !reachesOrg(principal, org.id)) throw invalid("failed to decode request body: organization not found");
  return org.id;
}
