/** The spec's `Links` (paging links of list responses). */
import { z } from "@hono/zod-openapi";

export const LinkSchema = z.string().openapi("Link", { format: "uri", readOnly: true, description: "URI of resource." });

export const LinksSchema = z
  .object({ self: LinkSchema, next: LinkSchema.optional(), prev: LinkSchema.optional() })
  .openapi("Links", { description: "URI pointers for additional paged results." });
