/** Label schemas: `Label`, `LabelsResponse`, `LabelResponse`, `LabelMapping`, `LabelCreateRequest`, `LabelUpdate`. */
import { z } from "@hono/zod-openapi";
import { LinksSchema } from "./links.ts";

const PropertiesSchema = z.record(z.string(), z.string()).openapi({
  description: "Key-value pairs associated with this label. To remove a property, send an update with an empty value (`\"\"`) for the key.",
  example: { color: "ffb3b3", description: "this is a description" },
});

export const LabelSchema = z
  .object({
    id: z.string().openapi({ readOnly: true }),
    orgID: z.string().openapi({ readOnly: true }),
    name: z.string(),
    properties: PropertiesSchema.optional(),
  })
  .openapi("Label");

export const LabelsResponseSchema = z.object({ labels: z.array(LabelSchema), links: LinksSchema }).openapi("LabelsResponse");
export const LabelResponseSchema = z.object({ label: LabelSchema, links: LinksSchema }).openapi("LabelResponse");

export const LabelMappingSchema = z.object({ labelID: z.string().openapi({ description: "A label ID. Specifies the label to attach." }) }).openapi("LabelMapping");

export const LabelCreateRequestSchema = z
  .object({
    orgID: z.string().optional().openapi({ description: "The organization; the token's when absent." }),
    name: z.string(),
    properties: PropertiesSchema.optional(),
  })
  .openapi("LabelCreateRequest");

export const LabelUpdateSchema = z.object({ name: z.string().optional(), properties: PropertiesSchema.optional() }).openapi("LabelUpdate");
