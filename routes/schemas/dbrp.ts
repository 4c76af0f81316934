/** The spec's DBRP mapping schemas: `DBRP`, `DBRPs`, `DBRPGet`, `DBRPCreate`, `DBRPUpdate`. */
import { z } from "@hono/zod-openapi";
import { LinksSchema } from "./links.ts";

export const DbrpSchema = z
  .object({
    id: z.string().openapi({ description: "The DBRP mapping ID." }),
    orgID: z.string().openapi({ description: "The organization that owns the mapping." }),
    bucketID: z.string().openapi({ description: "The bucket the database and retention policy map to." }),
    database: z.string().openapi({ description: "The InfluxDB v1 database." }),
    retention_policy: z.string().openapi({ description: "The InfluxDB v1 retention policy (a name only, not a retention period)." }),
    default: z.boolean().openapi({ description: "Whether this mapping is the default for its database (the one used when `rp` is not given)." }),
    links: LinksSchema.optional(),
  })
  .openapi("DBRP");

export const DbrpsSchema = z.object({ content: z.array(DbrpSchema) }).openapi("DBRPs");

export const DbrpGetSchema = z.object({ content: DbrpSchema }).openapi("DBRPGet");

export const DbrpCreateSchema = z
  .object({
    bucketID: z.string().openapi({ description: "The bucket the mapping routes to." }),
    database: z.string().openapi({ description: "The InfluxDB v1 database." }),
    retention_policy: z.string().openapi({ description: "The InfluxDB v1 retention policy: any name, commonly `autogen`." }),
    default: z.boolean().optional().openapi({
      description: "Make this the database's default mapping (the first mapping of a database is its default anyway).",
    }),
    orgID: z.string().optional().openapi({ description: "The owning organization ID; the token's organization when absent." }),
    org: z.string().optional().openapi({ description: "The owning organization name; the token's organization when absent." }),
  })
  .openapi("DBRPCreate");

export const DbrpUpdateSchema = z
  .object({
    retention_policy: z.string().optional().openapi({ description: "A new retention policy name." }),
    default: z.boolean().optional().openapi({
      description: "`true` makes this the database's default mapping; `false` hands the role to another mapping of the database.",
    }),
  })
  .openapi("DBRPUpdate");
