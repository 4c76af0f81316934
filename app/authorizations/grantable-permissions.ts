/**
 * The permissions a new authorization may carry. "An authorization belongs to an organization and
 * only contains permissions for that organization", so each permission is pinned to that org; and,
 * as InfluxDB does, the caller must itself hold every permission it grants, so a token that may
 * create tokens cannot mint one stronger than itself.
 */
import type { Permission } from "../../storage/meta/permission.ts";
import { authorize, type Principal } from "../auth/permissions.ts";
import { invalid } from "../errors.ts";
import { parseOptionalId } from "../http/parse-id.ts";

export function grantablePermissions(principal: Principal, orgId: string, requested: readonly Permission[]): Permission[] {
  return requested.map(({ action, resource }) => {
    const resourceOrg = resource.orgID || orgId;
    if (resourceOrg !== orgId) {
      throw invalid(`permission ${action}:orgs/${resourceOrg}/${resource.type} is outside the authorization's organization ${orgId}`);
    }
    const id = parseOptionalId(resource.id);
    authorize(principal, action, resource.type, { orgId, id });
    // Names (`name`, `org`) are shown from the live resources, never stored, so they can't go stale.
    return { action, resource: { type: resource.type, orgID: orgId, ...(id === undefined ? {} : { id }) } };
  });
}
