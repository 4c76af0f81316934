/**
 * Labels on a bucket (SEMANTICS.md §18b): list, attach, detach. As in InfluxDB, attaching or
 * detaching takes write access to both the bucket and the label; the list shows the labels the
 * token may read.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { can, type Principal } from "../app/auth/permissions.ts";
import { requireAuth } from "../app/auth/require-auth.ts";
import { authorizeResource } from "../app/auth/resource-access.ts";
import { accessBucket } from "../app/buckets/bucket-access.ts";
import type { AppContext } from "../app/context.ts";
import { notFound } from "../app/errors.ts";
import { parseId } from "../app/http/parse-id.ts";
import { newRouter } from "../app/http/router.ts";
import { labelJson } from "../app/labels/label-json.ts";
import type { MetaStore } from "../storage/meta/meta-store.ts";
import type { Bucket, Label } from "../storage/meta/schema.ts";
import { jsonContent } from "./schemas/json-content.ts";
import { TOKEN_AUTH, TraceSpanHeaders } from "./schemas/common.ts";
import { LabelMappingSchema, LabelResponseSchema, LabelsResponseSchema } from "./schemas/label.ts";
import { errorResponses } from "./schemas/responses.ts";

const tags = ["Buckets"];
const bucketID = z.string().openapi({ description: "The ID of the bucket." });

const getLabels = createRoute({
  method: "get",
  path: "/api/v2/buckets/{bucketID}/labels",
  operationId: "GetBucketsIDLabels",
  tags,
  summary: "List all labels for a bucket",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: z.object({ bucketID }) },
  responses: { 200: { description: "The bucket's labels.", content: jsonContent(LabelsResponseSchema) }, ...errorResponses(400, 401, 404, 500, "default") },
});

const postLabel = createRoute({
  method: "post",
  path: "/api/v2/buckets/{bucketID}/labels",
  operationId: "PostBucketsIDLabels",
  tags,
  summary: "Add a label to a bucket",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: z.object({ bucketID }), body: { required: true, content: jsonContent(LabelMappingSchema) } },
  responses: { 201: { description: "The label, now on the bucket.", content: jsonContent(LabelResponseSchema) }, ...errorResponses(400, 401, 404, 422, 500, "default") },
});

const deleteLabel = createRoute({
  method: "delete",
  path: "/api/v2/buckets/{bucketID}/labels/{labelID}",
  operationId: "DeleteBucketsIDLabelsID",
  tags,
  summary: "Delete a label from a bucket",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders, params: z.object({ bucketID, labelID: z.string().openapi({ description: "The ID of the label." }) }) },
  responses: { 204: { description: "Removed from the bucket." }, ...errorResponses(404, "default") },
});

const labelNotFound = () => notFound("label not found");

/** A label of the bucket's org that the principal may write. */
async function writableLabel(meta: MetaStore, principal: Principal, bucket: Bucket, rawId: string): Promise<Label> {
  const label = await meta.labels.findById(parseId(rawId));
  if (!label || label.orgId !== bucket.orgId) throw labelNotFound();
  authorizeResource(principal, "write", "labels", { orgId: label.orgId, id: label.id }, labelNotFound);
  return label;
}

export function bucketLabelRoutes(ctx: AppContext) {
  const { meta } = ctx;
  const auth = requireAuth(ctx);

  return newRouter()
    .openapi({ ...getLabels, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const bucket = await accessBucket(meta, principal, c.req.valid("param").bucketID, "read");
      const labels = (await meta.labels.ofResources([bucket.id])).get(bucket.id)!;
      const readable = labels.filter((l) => can(principal, "read", "labels", { orgId: l.orgId, id: l.id }));
      return c.json({ labels: readable.map(labelJson), links: { self: `/api/v2/buckets/${bucket.id}/labels` } }, 200);
    })
    .openapi({ ...postLabel, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const bucket = await accessBucket(meta, principal, c.req.valid("param").bucketID, "write");
      const label = await writableLabel(meta, principal, bucket, c.req.valid("json").labelID);
      await meta.labels.attach(label.id, "buckets", bucket.id);
      return c.json({ label: labelJson(label), links: { self: `/api/v2/labels/${label.id}` } }, 201);
    })
    .openapi({ ...deleteLabel, middleware: [auth] }, async (c) => {
      const principal = c.get("principal");
      const params = c.req.valid("param");
      const bucket = await accessBucket(meta, principal, params.bucketID, "write");
      const label = await writableLabel(meta, principal, bucket, params.labelID);
      if (!(await meta.labels.detach(label.id, bucket.id))) throw notFound("label not found on bucket");
      return c.body(null, 204);
    });
}
