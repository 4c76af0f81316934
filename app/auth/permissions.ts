/**
 * What a principal may do, with InfluxDB's matching rules: a permission names an action and a
 * resource type, optionally narrowed to one org (`orgID`) and to one resource (`id`). `write`
 * does not imply `read`.
 */
import { unauthorized } from "../errors.ts";
import {
  ACTIONS,
  RESOURCE_TYPES,
  type Action,
  type Permission,
  type ResourceType,
} from "../../storage/meta/permission.ts";

export { ACTIONS, RESOURCE_TYPES, type Action, type Permission, type ResourceType };

/** The authenticated caller of a request. */
export interface Principal {
  /** The authorization (token) or legacy authorization the request authenticated with. */
  authorizationId: string;
  /** The org that owns the credential: the org of the request where the API lets the token decide. */
  orgId: string;
  userId: string | null;
  permissions: Permission[];
}

export interface ResourceScope {
  orgId: string;
  /** The one resource acted on; absent for actions on the type (list, create). */
  id?: string;
}

export function can(principal: Principal, action: Action, type: ResourceType, scope: ResourceScope): boolean {
  return principal.permissions.some(
    (p) =>
      p.action === action &&
      p.resource.type === type &&
      (p.resource.orgID === undefined || p.resource.orgID === scope.orgId) &&
      (p.resource.id === undefined || p.resource.id === scope.id),
  );
}

/** Throws the spec's 401, naming the missing permission as InfluxDB does. */
export function authorize(principal: Principal, action: Action, type: ResourceType, scope: ResourceScope): void {
  if (can(principal, action, type, scope)) return;
  const target = `orgs/${scope.orgId}/${type}${scope.id === undefined ? "" : `/${scope.id}`}`;
  throw unauthorized(`${action}:${target} is unauthorized`);
}

/** Every action on every resource type of every org: the operator token's permissions. */
export function operatorPermissions(): Permission[] {
  return RESOURCE_TYPES.flatMap((type) => ACTIONS.map((action) => ({ action, resource: { type } })));
}
