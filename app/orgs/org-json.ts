import type { Organization } from "../../storage/meta/schema.ts";

export interface OrganizationJson {
  id: string;
  name: string;
  description?: string;
  status: "active" | "inactive";
  links: { buckets: string; dashboards: string; labels: string; members: string; owners: string; secrets: string; self: string; tasks: string };
  createdAt: string;
  updatedAt: string;
}

/** An org as the spec's `Organization` schema shapes it, links as InfluxDB gives them. */
export function orgJson(org: Organization): OrganizationJson {
  const self = `/api/v2/orgs/${org.id}`;
  const json: OrganizationJson = {
    id: org.id,
    name: org.name,
    status: org.status,
    links: {
      buckets: `/api/v2/buckets?org=${encodeURIComponent(org.name)}`,
      dashboards: `/api/v2/dashboards?org=${encodeURIComponent(org.name)}`,
      labels: `${self}/labels`,
      members: `${self}/members`,
      owners: `${self}/owners`,
      secrets: `${self}/secrets`,
      self,
      tasks: `/api/v2/tasks?org=${encodeURIComponent(org.name)}`,
    },
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
  };
  if (org.description) json.description = org.description;
  return json;
}
