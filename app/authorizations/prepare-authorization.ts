/**
 * The checks and defaults shared by creating an API token and a legacy v1 credential: the org
 * named in the body (which the caller must reach), `write-authorizations` there, the scoped user
 * (the caller's own when none is named, as InfluxDB records the creator; naming another user needs
 * `write-users` for them) and the permissions the caller may grant.
 */
import type { MetaStore } from "../../storage/meta/meta-store.ts";
import type { Permission } from "../../storage/meta/permission.ts";
import type { Status } from "../../storage/meta/schema.ts";
import { authorize, type Principal } from "../auth/permissions.ts";
import { resolveOrgId } from "../buckets/resolve-bucket.ts";
import { notFound } from "../errors.ts";
import { parseId, parseOptionalId } from "../http/parse-id.ts";
import { grantablePermissions } from "./grantable-permissions.ts";

export interface AuthorizationRequest {
  orgID: string;
  userID?: string;
  permissions: Permission[];
  description?: string;
  status?: Status;
}

export interface PreparedAuthorization {
  orgId: string;
  userId: string | null;
  permissions: Permission[];
  description: string | null;
  status: Status;
}

export async function prepareAuthorization(meta: MetaStore, principal: Principal, body: AuthorizationRequest): Promise<PreparedAuthorization> {
  const orgId = await resolveOrgId(meta, principal, undefined, parseId(body.orgID));
  authorize(principal, "write", "authorizations", { orgId });

  const userId = parseOptionalId(body.userID) ?? principal.userId;
  if (userId !== null && userId !== principal.userId) {
    authorize(principal, "write", "users", { orgId, id: userId });
    if ((await meta.users.findById(userId)) === undefined) throw notFound("user not found");
  }

  return {
    orgId,
    userId,
    permissions: grantablePermissions(principal, orgId, body.permissions),
    description: body.description ?? null,
    status: body.status ?? "active",
  };
}
