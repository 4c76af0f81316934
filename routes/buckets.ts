/**
 * Buckets (SEMANTICS.md §6): list, create, get, update, delete. Labels, members and owners are in
 * buckets-labels.ts and members.ts.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { authorize, can } from "../app/auth/permissions.ts";
import { requireAuth } from "../app/auth/require-auth.ts";
import { authorizeSome } from "../app/auth/resource-access.ts";
import { accessBucket, bucketNotFound } from "../app/buckets/bucket-access.ts";
import { checkBucketName, retentionRulesOf } from "../app/buckets/bucket-input.ts";
import { bucketJson } from "../app/buckets/bucket-json.ts";
import { resolveOrgId } from "../app/buckets/resolve-bucket.ts";
import type { AppContext } from "../app/context.ts";
import { pageOf, pagingLinks } from "../app/http/paging.ts";
import { newRouter } from "../app/http/router.ts";
import { orgOfCreate } from "../app/orgs/org-access.ts";
import { BucketSchema, BucketsSchema, PatchBucketRequestSchema, PostBucketRequestSchema } from "./schemas/bucket.ts";
import { jsonContent } from "./schemas/json-content.ts";
import { TOKEN_AUTH, TraceSpanHeaders } from "./schemas/common.ts";
import { errorResponses } from "./schemas/responses.ts";

const tags = ["Buckets"];
const BucketIdParam = z.object({ bucketID: z.string().openapi({ description: "The ID of the bucket." }) });

const getBuckets = createRoute({
  method: "get",
  path: "/api/v2/buckets",
  operationId: "GetBuckets",
  tags,
  summary: "List buckets",
  security: TOKEN_AUTH,
  request: {
    headers: TraceSpanHeaders,
    query: z.object({
      offset: z.coerce.number().int().min(0).default(0).openapi({ description: "The number of records to skip." }),
      limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: "The maximum number of records to return." }),
      after: z.string().optional().openapi({ description: "A bucket ID: only buckets created after it (not included)." }),
      org: z.string().optional().openapi({ description: "Organization name; the token's organization when absent." }),
      orgID: z.string().optional().openapi({ description: "Organization ID; the token's organization when absent." }),
      name: z.string().optional().openapi({ description: "Only the bucket with this name." }),
      id: z.string().optional().openapi({ description: "Only the bucket with this ID." }),
    }),
  },
  responses: { 200: { description: "Buckets of the organization the token may read.", content: jsonContent(BucketsSchema) }, ...errorResponses(401, 500, "default") },
});

const postBuckets = createRoute({
  method: "post",
  path: "/api/v2/buckets",
  operationId: "PostBuckets",
  tags,
  summary: "Create a bucket",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, body: { required: true, content: jsonContent(PostBucketRequestSchema) } },
  responses: { 201: { description: "The bucket.", content: jsonContent(BucketSchema) }, ...errorResponses(400, 401, 403, 422, 500, "default") },
});

const getBucket = createRoute({
  method: "get",
  path: "/api/v2/buckets/{bucketID}",
  operationId: "GetBucketsID",
  tags,
  summary: "Retrieve a bucket",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: BucketIdParam },
  responses: { 200: { description: "The bucket.", content: jsonContent(BucketSchema) }, ...errorResponses(401, 404, 500, "default") },
});

const patchBucket = createRoute({
  method: "patch",
  path: "/api/v2/buckets/{bucketID}",
  operationId: "PatchBucketsID",
  tags,
  summary: "Update a bucket",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: BucketIdParam, body: { required: true, content: jsonContent(PatchBucketRequestSchema) } },
  responses: { 200: { description: "The updated bucket.", content: jsonContent(BucketSchema) }, ...errorResponses(400, 401, 403, 404, 500, "default") },
});

const deleteBucket = createRoute({
  method: "delete",
  path: "/api/v2/buckets/{bucketID}",
  operationId: "DeleteBucketsID",
  tags,
  summary: "Delete a bucket and all its data",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: BucketIdParam },
  responses: { 204: { description: "Deleted." }, ...errorResponses(400, 401, 404, 500, "default") },
});

export function bucketRoutes(ctx: AppContext) {
  const { meta, engine } = ctx;
  const auth = requireAuth(ctx);

  return newRouter()
    .openapi({ ...getBuckets, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const q = c.req.valid("query");
      const orgId = await resolveOrgId(meta, principal, q.org, q.orgID);
      authorizeSome(principal, "read", "buckets", orgId);
      const all = await meta.buckets.list({ orgId, name: q.name, id: q.id, after: q.after });
      // GetBuckets: user buckets need read-buckets; system buckets need read-orgs.
      const visible = all.filter((b) =>
        b.type === "system" ? can(principal, "read", "orgs", { orgId, id: orgId }) : can(principal, "read", "buckets", { orgId, id: b.id }),
      );
      const page = pageOf(visible, q);
      const labels = await meta.labels.ofResources(page.map((b) => b.id));
      const links = pagingLinks("/api/v2/buckets", { orgID: orgId, name: q.name, id: q.id }, q, page.map((b) => b.id));
      return c.json({ links, buckets: page.map((b) => bucketJson(b, labels.get(b.id)!)) }, 200);
    })
    .openapi({ ...postBuckets, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const body = c.req.valid("json");
      const orgId = await orgOfCreate(meta, principal, body.orgID);
      authorize(principal, "write", "buckets", { orgId });
      const bucket = await meta.buckets.create({
        orgId,
        name: checkBucketName(body.name),
        description: body.description ?? null,
        retentionRules: retentionRulesOf(body.retentionRules),
        schemaType: body.schemaType,
        rp: body.rp ?? null,
      });
      // As InfluxDB does, the user behind the token becomes the bucket's owner.
      if (principal.userId !== null) {
        await meta.members.set({ userId: principal.userId, resourceType: "buckets", resourceId: bucket.id, role: "owner" });
      }
      return c.json(bucketJson(bucket, []), 201);
    })
    .openapi({ ...getBucket, middleware: [auth] }, async (c) => {
      const bucket = await accessBucket(meta, c.get("principal"), c.req.valid("param").bucketID, "read");
      const labels = await meta.labels.ofResources([bucket.id]);
      return c.json(bucketJson(bucket, labels.get(bucket.id)!), 200);
    })
    .openapi({ ...patchBucket, middleware: [auth] }, async (c) => {
      const bucket = await accessBucket(meta, c.get("principal"), c.req.valid("param").bucketID, "write");
      const body = c.req.valid("json");
      const updated = await meta.buckets.update(bucket.id, {
        ...(body.name === undefined ? {} : { name: checkBucketName(body.name) }),
        ...(body.description === undefined ? {} : { description: body.description }),
        // DECISIONS.md #3: without retentionRules the retention stays as it is.
        ...(body.retentionRules === undefined ? {} : { retentionRules: retentionRulesOf(body.retentionRules) }),
      });
      if (!updated) throw bucketNotFound();
      const labels = await meta.labels.ofResources([bucket.id]);
      return c.json(bucketJson(updated, labels.get(bucket.id)!), 200);
    })
    .openapi({ ...deleteBucket, middleware: [auth] }, async (c) => {
      const bucket = await accessBucket(meta, c.get("principal"), c.req.valid("param").bucketID, "write");
      if (await meta.buckets.delete(bucket.id)) await engine.dropBucket(bucket.id);
      return c.body(null, 204);
    });
}
