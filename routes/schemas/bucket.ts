/** Bucket schemas: `Bucket`, `Buckets`, `PostBucketRequest`, `PatchBucketRequest`, `RetentionRule`. */
import { z } from "@hono/zod-openapi";
import { LabelSchema } from "./label.ts";
import { LinkSchema, LinksSchema } from "./links.ts";

const everySeconds = z.number().int().min(0).openapi({
  format: "int64",
  default: 2592000,
  description: "The duration in seconds for how long data will be kept in the database. The default duration is 2592000 (30 days). 0 represents infinite retention.",
});

export const RetentionRuleSchema = z
  .object({
    type: z.enum(["expire"]).default("expire"),
    everySeconds,
    shardGroupDurationSeconds: z.number().int().min(0).optional().openapi({ format: "int64", description: "Accepted and kept; strata partitions time by its own windows." }),
  })
  .openapi("RetentionRule");

/** PATCH and POST accept a rule without `everySeconds` and apply the 30-day default. */
const RetentionRuleInputSchema = RetentionRuleSchema.extend({ everySeconds: everySeconds.default(2592000) });

export const SchemaTypeSchema = z.enum(["implicit", "explicit"]).openapi("SchemaType");

export const BucketSchema = z
  .object({
    id: z.string().openapi({ readOnly: true }),
    orgID: z.string(),
    type: z.enum(["user", "system"]).openapi({ readOnly: true, default: "user" }),
    schemaType: SchemaTypeSchema,
    name: z.string(),
    description: z.string().optional(),
    rp: z.string().optional(),
    retentionRules: z.array(RetentionRuleSchema),
    labels: z.array(LabelSchema),
    links: z.object({ labels: LinkSchema, members: LinkSchema, org: LinkSchema, owners: LinkSchema, self: LinkSchema, write: LinkSchema }).openapi({ readOnly: true }),
    createdAt: z.string().openapi({ format: "date-time", readOnly: true }),
    updatedAt: z.string().openapi({ format: "date-time", readOnly: true }),
  })
  .openapi("Bucket");

export const BucketsSchema = z.object({ links: LinksSchema, buckets: z.array(BucketSchema) }).openapi("Buckets");

export const PostBucketRequestSchema = z
  .object({
    orgID: z.string().optional().openapi({ description: "Organization ID; the token's organization when absent." }),
    name: z.string(),
    description: z.string().optional(),
    rp: z.string().optional().openapi({ description: "Retention policy is an InfluxDB 1.x concept; stored and returned." }),
    retentionRules: z.array(RetentionRuleInputSchema).optional().openapi({ description: "Default: one `expire` rule of 2592000 s (30 days); `[]` or `everySeconds: 0` keeps data forever." }),
    schemaType: SchemaTypeSchema.default("implicit"),
  })
  .openapi("PostBucketRequest");

export const PatchBucketRequestSchema = z
  .object({
    name: z.string().optional(),
    description: z.string().optional(),
    retentionRules: z.array(RetentionRuleInputSchema).optional().openapi({ description: "Absent: retention is left as it is (DECISIONS.md #3)." }),
  })
  .openapi("PatchBucketRequest");
