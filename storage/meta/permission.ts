/**
 * The permission model of InfluxDB authorizations, as the spec's `Permission` and `Resource`
 * schemas define it. Stored verbatim (JSON) with each authorization.
 */
export const RESOURCE_TYPES = [
  "authorizations",
  "buckets",
  "dashboards",
  "orgs",
  "tasks",
  "telegrafs",
  "users",
  "variables",
  "secrets",
  "labels",
  "views",
  "documents",
  "notificationRules",
  "notificationEndpoints",
  "checks",
  "dbrp",
  "annotations",
  "sources",
  "scrapers",
  "notebooks",
  "remotes",
  "replications",
  "instance",
  "flows",
  "functions",
  "subscriptions",
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const ACTIONS = ["read", "write"] as const;
export type Action = (typeof ACTIONS)[number];

export interface Resource {
  type: ResourceType;
  /** A specific resource; absent = every resource of the type (within orgID, if given). */
  id?: string;
  /** The owning organization; absent = every organization. */
  orgID?: string;
  name?: string;
  org?: string;
}

export interface Permission {
  action: Action;
  resource: Resource;
}
