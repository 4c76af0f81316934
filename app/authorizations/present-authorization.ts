/**
 * An authorization row as the spec's `Authorization` schema: IDs with their names, links, RFC3339
 * times. The `token` field is chosen by the caller: the secret (only in the create response),
 * `redacted` (every other API token response, as Cloud Serverless does) or a v1 username.
 */
import type { Permission } from "../../storage/meta/permission.ts";
import type { Authorization, LegacyAuthorization, Status } from "../../storage/meta/schema.ts";
import type { NameLookup } from "./name-lookup.ts";

/** What Cloud Serverless shows in place of a token after its creation. */
export const REDACTED_TOKEN = "redacted";

export interface PermissionView {
  action: Permission["action"];
  resource: Permission["resource"];
}

export interface AuthorizationView {
  id: string;
  token: string;
  status: Status;
  description?: string;
  orgID: string;
  org?: string;
  userID?: string;
  user?: string;
  permissions: PermissionView[];
  links: { self: string; user?: string };
  createdAt: string;
  updatedAt: string;
}

export async function presentAuthorization(
  names: NameLookup,
  row: Authorization | LegacyAuthorization,
  options: { token: string; self: string },
): Promise<AuthorizationView> {
  const [org, user, permissions] = await Promise.all([
    names.org(row.orgId),
    row.userId === null ? undefined : names.user(row.userId),
    Promise.all(row.permissions.map((p) => presentPermission(names, p))),
  ]);
  return {
    id: row.id,
    token: options.token,
    status: row.status,
    ...(row.description === null ? {} : { description: row.description }),
    orgID: row.orgId,
    ...(org === undefined ? {} : { org }),
    ...(row.userId === null ? {} : { userID: row.userId, ...(user === undefined ? {} : { user }) }),
    permissions,
    links: { self: options.self, ...(row.userId === null ? {} : { user: `/api/v2/users/${row.userId}` }) },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A permission with the names of its resource and org, as InfluxDB answers it. */
async function presentPermission(names: NameLookup, { action, resource }: Permission): Promise<PermissionView> {
  const [name, org] = await Promise.all([
    resource.id === undefined ? undefined : resourceName(names, resource.type, resource.id),
    resource.orgID === undefined ? undefined : names.org(resource.orgID),
  ]);
  return {
    action,
    resource: {
      type: resource.type,
      ...(resource.id === undefined ? {} : { id: resource.id }),
      ...(resource.orgID === undefined ? {} : { orgID: resource.orgID }),
      ...(name === undefined ? {} : { name }),
      ...(org === undefined ? {} : { org }),
    },
  };
}

function resourceName(names: NameLookup, type: Permission["resource"]["type"], id: string): Promise<string | undefined> | undefined {
  if (type === "buckets") return names.bucket(id);
  if (type === "orgs") return names.org(id);
  if (type === "users") return names.user(id);
  return undefined;
}
