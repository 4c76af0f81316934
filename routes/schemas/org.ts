/** Organization schemas: `Organization`, `Organizations`, `PostOrganizationRequest`, `PatchOrganizationRequest`. */
import { z } from "@hono/zod-openapi";
import { LinkSchema, LinksSchema } from "./links.ts";

export const OrganizationSchema = z
  .object({
    id: z.string().openapi({ readOnly: true }),
    name: z.string(),
    description: z.string().optional(),
    status: z.enum(["active", "inactive"]).openapi({ default: "active", description: "If inactive, the organization is inactive." }),
    defaultStorageType: z.enum(["tsm", "iox"]).optional(),
    links: z
      .object({ buckets: LinkSchema, dashboards: LinkSchema, labels: LinkSchema, members: LinkSchema, owners: LinkSchema, secrets: LinkSchema, self: LinkSchema, tasks: LinkSchema })
      .openapi({ readOnly: true }),
    createdAt: z.string().openapi({ format: "date-time", readOnly: true }),
    updatedAt: z.string().openapi({ format: "date-time", readOnly: true }),
  })
  .openapi("Organization");

export const OrganizationsSchema = z.object({ links: LinksSchema, orgs: z.array(OrganizationSchema) }).openapi("Organizations");

export const PostOrganizationRequestSchema = z.object({ name: z.string(), description: z.string().optional() }).openapi("PostOrganizationRequest");

export const PatchOrganizationRequestSchema = z
  .object({ name: z.string().optional(), description: z.string().optional() })
  .openapi("PatchOrganizationRequest");
