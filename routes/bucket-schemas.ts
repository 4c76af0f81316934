/**
 * Explicit measurement schemas of a bucket (SEMANTICS.md §7): list, create, get, update (add
 * columns). Reading needs `read-buckets` on the bucket, changing `write-buckets`. Writes to an
 * explicit-schema bucket are checked against these schemas (app/write/explicit-schema.ts).
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Action, Principal } from "../app/auth/permissions.ts";
import { requireAuth } from "../app/auth/require-auth.ts";
import { accessBucket, bucketNotFound } from "../app/buckets/bucket-access.ts";
import { resolveOrgId } from "../app/buckets/resolve-bucket.ts";
import type { AppContext } from "../app/context.ts";
import { invalid, notFound } from "../app/errors.ts";
import { parseId } from "../app/http/parse-id.ts";
import { newRouter } from "../app/http/router.ts";
import { checkColumns, checkColumnUpdate, checkMeasurementName } from "../app/schemas/measurement-schema.ts";
import { measurementSchemaJson, schemaETag } from "../app/schemas/schema-json.ts";
import type { MetaStore } from "../storage/meta/meta-store.ts";
import type { Bucket } from "../storage/meta/schema.ts";
import { jsonContent } from "./schemas/json-content.ts";
import { TOKEN_AUTH } from "./schemas/common.ts";
import {
  MeasurementSchemaCreateRequestSchema,
  MeasurementSchemaListSchema,
  MeasurementSchemaSchema,
  MeasurementSchemaUpdateRequestSchema,
} from "./schemas/measurement-schema.ts";
import { errorResponses } from "./schemas/responses.ts";

const tags = ["Bucket Schemas"];
const ETagHeader = z.object({ ETag: z.string().openapi({ description: "The current version of the bucket schema." }) });
const OrgQuery = z.object({
  org: z.string().optional().openapi({ description: "An organization name. Specifies the organization that owns the schema." }),
  orgID: z.string().optional().openapi({ description: "An organization ID. Specifies the organization that owns the schema." }),
});
const bucketID = z.string().openapi({ description: "The ID of the bucket." });
const measurementID = z.string().openapi({ description: "The ID of the measurement schema." });

const listSchemas = createRoute({
  method: "get",
  path: "/api/v2/buckets/{bucketID}/schema/measurements",
  operationId: "getMeasurementSchemas",
  tags,
  summary: "List measurement schemas of a bucket",
  security: TOKEN_AUTH,
  request: { params: z.object({ bucketID }), query: OrgQuery.extend({ name: z.string().optional().openapi({ description: "Only the schema of this measurement." }) }) },
  responses: { 200: { description: "The bucket's schemas.", headers: ETagHeader, content: jsonContent(MeasurementSchemaListSchema) }, ...errorResponses(400, 401, 404, 500) },
});

const createSchema = createRoute({
  method: "post",
  path: "/api/v2/buckets/{bucketID}/schema/measurements",
  operationId: "createMeasurementSchema",
  tags,
  summary: "Create a measurement schema for a bucket",
  security: TOKEN_AUTH,
  request: { params: z.object({ bucketID }), query: OrgQuery, body: { required: true, content: jsonContent(MeasurementSchemaCreateRequestSchema) } },
  responses: {
    201: { description: "The schema.", headers: ETagHeader, content: jsonContent(MeasurementSchemaSchema) },
    ...errorResponses(400, 401, 404, 422, 500),
  },
});

const getSchema = createRoute({
  method: "get",
  path: "/api/v2/buckets/{bucketID}/schema/measurements/{measurementID}",
  operationId: "getMeasurementSchema",
  tags,
  summary: "Retrieve a measurement schema",
  security: TOKEN_AUTH,
  request: { params: z.object({ bucketID, measurementID }), query: OrgQuery },
  responses: { 200: { description: "The schema.", headers: ETagHeader, content: jsonContent(MeasurementSchemaSchema) }, ...errorResponses(400, 401, 404, 500) },
});

const updateSchema = createRoute({
  method: "patch",
  path: "/api/v2/buckets/{bucketID}/schema/measurements/{measurementID}",
  operationId: "updateMeasurementSchema",
  tags,
  summary: "Update a measurement schema (add columns)",
  security: TOKEN_AUTH,
  request: { params: z.object({ bucketID, measurementID }), query: OrgQuery, body: { required: true, content: jsonContent(MeasurementSchemaUpdateRequestSchema) } },
  responses: { 200: { description: "The updated schema.", headers: ETagHeader, content: jsonContent(MeasurementSchemaSchema) }, ...errorResponses(400, 401, 404, 500) },
});

const schemaNotFound = () => notFound("measurement schema not found");

export function bucketSchemaRoutes(ctx: AppContext) {
  const { meta } = ctx;
  const auth = requireAuth(ctx);

  /** The explicit-schema bucket of the path, in the org `org`/`orgID` name when given. */
  async function explicitBucket(principal: Principal, rawId: string, q: { org?: string; orgID?: string }, action: Action): Promise<Bucket> {
    const bucket = await accessBucket(meta, principal, rawId, action);
    if ((q.org || q.orgID) && (await resolveOrgId(meta, principal, q.org, q.orgID)) !== bucket.orgId) throw bucketNotFound();
    if (bucket.schemaType !== "explicit") throw invalid("bucket schemaType must be explicit");
    return bucket;
  }

  return newRouter()
    .openapi({ ...listSchemas, middleware: [auth] }, async (c) => {
      const q = c.req.valid("query");
      const bucket = await explicitBucket(c.get("principal"), c.req.valid("param").bucketID, q, "read");
      const schemas = await meta.measurementSchemas.list(bucket.id, q.name);
      return c.json({ measurementSchemas: schemas.map(measurementSchemaJson) }, 200, { ETag: schemaETag(schemas) });
    })
    .openapi({ ...createSchema, middleware: [auth] }, async (c) => {
      const bucket = await explicitBucket(c.get("principal"), c.req.valid("param").bucketID, c.req.valid("query"), "write");
      const body = c.req.valid("json");
      const schema = await meta.measurementSchemas.create({
        orgId: bucket.orgId,
        bucketId: bucket.id,
        name: checkMeasurementName(body.name),
        columns: checkColumns(body.columns),
      });
      return c.json(measurementSchemaJson(schema), 201, { ETag: schemaETag([schema]) });
    })
    .openapi({ ...getSchema, middleware: [auth] }, async (c) => {
      const params = c.req.valid("param");
      const bucket = await explicitBucket(c.get("principal"), params.bucketID, c.req.valid("query"), "read");
      const schema = await findSchema(meta, bucket, params.measurementID);
      return c.json(measurementSchemaJson(schema), 200, { ETag: schemaETag([schema]) });
    })
    .openapi({ ...updateSchema, middleware: [auth] }, async (c) => {
      const params = c.req.valid("param");
      const bucket = await explicitBucket(c.get("principal"), params.bucketID, c.req.valid("query"), "write");
      const schema = await findSchema(meta, bucket, params.measurementID);
      const updated = await meta.measurementSchemas.updateColumns(schema.id, checkColumnUpdate(schema.columns, c.req.valid("json").columns));
      if (!updated) throw schemaNotFound();
      return c.json(measurementSchemaJson(updated), 200, { ETag: schemaETag([updated]) });
    });
}

async function findSchema(meta: MetaStore, bucket: Bucket, rawId: string) {
  const schema = await meta.measurementSchemas.findById(parseId(rawId));
  if (!schema || schema.bucketId !== bucket.id) throw schemaNotFound();
  return schema;
}
