/**
 * Access checks for the management API, on top of `can`/`authorize`: a resource in an org the
 * token has nothing to do with answers 404 (its existence isn't revealed), a resource in the
 * token's reach but beyond its permissions answers 401 naming the missing permission.
 */
import { unauthorized, type ApiError } from "../errors.ts";
import { authorize, can, type Action, type Principal, type ResourceScope, type ResourceType } from "./permissions.ts";

/** The token's own org, or one it holds any permission in (unscoped permissions reach every org). */
export function reachesOrg(principal: Principal, orgId: string): boolean {
  if (orgId === principal.orgId) return true;
  return principal.permissions.some(
    ({ resource: r }) =>
      r.orgID === orgId || (r.orgID === undefined && (r.id === undefined || (r.type === "orgs" && r.id === orgId))),
  );
}

/** Throws `notFound()` for a resource the token can't reach, 401 when it may not act on it. */
export function authorizeResource(
  principal: Principal,
  action: Action,
  type: ResourceType,
  scope: ResourceScope,
  notFound: () => ApiError,
): void {
  if (can(principal, action, type, scope)) return;
  if (!reachesOrg(principal, scope.orgId)) throw notFound();
  authorize(principal, action, type, scope);
}

/** Actions on an org itself: the permission names the org as its `id` or its `orgID`. */
export function authorizeOrg(principal: Principal, action: Action, orgId: string, notFound: () => ApiError): void {
  authorizeResource(principal, action, "orgs", { orgId, id: orgId }, notFound);
}

/**
 * Whether some permission could cover resources of the type in the org. Lists demand this (a
 * token with none is refused) and then show only the resources `can` allows one by one.
 */
function canSome(principal: Principal, action: Action, type: ResourceType, orgId: string): boolean {
  return principal.permissions.some(
    (p) => p.action === action && p.resource.type === type && (p.resource.orgID === undefined || p.resource.orgID === orgId),
  );
}

export function authorizeSome(principal: Principal, action: Action, type: ResourceType, orgId: string): void {
  if (!canSome(principal, action, type, orgId)) authorize(principal, action, type, { orgId });
}

/** A type-wide permission valid in every org, as an operator token holds: what creating an org takes. */
export function authorizeEveryOrg(principal: Principal, action: Action, type: ResourceType): void {
  const ok = principal.permissions.some(
    (p) => p.action === action && p.resource.type === type && p.resource.orgID === undefined && p.resource.id === undefined,
  );
  if (!ok) throw unauthorized(`${action}:${type} is unauthorized`);
}
