/**
 * Who may see and change an authorization (an API token or a legacy v1 credential), with
 * InfluxDB's rules: `read`/`write` on `authorizations` for it, plus `read`/`write` on `users` for
 * the user it is scoped to, unless that user is the caller's own (a token may manage the tokens of
 * the user it acts for). An authorization in an org the token doesn't reach is "not found" rather
 * than "unauthorized": its existence stays hidden.
 */
import { authorize, can, type Action, type Principal } from "../auth/permissions.ts";
import { reachesOrg } from "../auth/resource-access.ts";
import { notFound } from "../errors.ts";

export interface ScopedAuthorization {
  id: string;
  orgId: string;
  userId: string | null;
}

/** For lists: authorizations the caller may not see are left out, without an error. */
export function mayAccess(principal: Principal, action: Action, auth: ScopedAuthorization): boolean {
  return (
    can(principal, action, "authorizations", { orgId: auth.orgId, id: auth.id }) &&
    (auth.userId === null || auth.userId === principal.userId || can(principal, action, "users", { orgId: auth.orgId, id: auth.userId }))
  );
}

/** Throws 404 for an authorization that is missing or out of reach, 401 for a missing permission. */
export function requireAccess<T extends ScopedAuthorization>(principal: Principal, action: Action, auth: T | undefined): T {
  if (auth === undefined || !reachesOrg(principal, auth.orgId)) throw notFound("authorization not found");
  authorize(principal, action, "authorizations", { orgId: auth.orgId, id: auth.id });
  if (auth.userId !== null && auth.userId !== principal.userId) {
    authorize(principal, action, "users", { orgId: auth.orgId, id: auth.userId });
  }
  return auth;
}

