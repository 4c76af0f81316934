/**
 * `POST /api/v2/delete` (PostDelete): deletes the points of a bucket in [start, stop] that match
 * the predicate. Cloud Serverless disabled it; strata serves it (DECISIONS.md #14). Needs
 * `write-buckets` on the bucket. `bucketID` wins over `bucket`; `org`/`orgID` default to the
 * token's org (DECISIONS.md #2).
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Principal } from "../app/auth/permissions.ts";
import { requireAuth } from "../app/auth/require-auth.ts";
import { authorizeResource } from "../app/auth/resource-access.ts";
import { bucketNotFound, findBucket } from "../app/buckets/bucket-access.ts";
import type { BucketResolver } from "../app/buckets/bucket-resolver.ts";
import { resolveOrgId } from "../app/buckets/resolve-bucket.ts";
import type { AppContext } from "../app/context.ts";
import { deletePoints } from "../app/delete/delete-points.ts";
import { parsePredicate } from "../app/delete/predicate.ts";
import { MAX_NANO_TIME, MIN_NANO_TIME, parseRfc3339Nano } from "../app/delete/rfc3339-nano.ts";
import { invalid } from "../app/errors.ts";
import { newRouter } from "../app/http/router.ts";
import type { MetaStore } from "../storage/meta/meta-store.ts";
import type { Bucket } from "../storage/meta/schema.ts";
import { TOKEN_AUTH, TraceSpanHeaders } from "./schemas/common.ts";
import { DeletePredicateRequestSchema } from "./schemas/delete.ts";
import { errorResponses } from "./schemas/responses.ts";

const postDelete = createRoute({
  method: "post",
  path: "/api/v2/delete",
  operationId: "PostDelete",
  tags: ["Delete"],
  summary: "Delete data",
  security: TOKEN_AUTH,
  request: {
    headers: TraceSpanHeaders,
    query: z.object({
      org: z.string().optional().openapi({ description: "Organization name; the token's organization when absent." }),
      bucket: z.string().optional().openapi({ description: "A bucket name or ID." }),
      orgID: z.string().optional().openapi({ description: "Organization ID; the token's organization when absent." }),
      bucketID: z.string().optional().openapi({ description: "A bucket ID; takes precedence over `bucket`." }),
    }),
    body: { required: true, content: { "application/json": { schema: DeletePredicateRequestSchema } } },
  },
  responses: { 204: { description: "The matching points are deleted." }, ...errorResponses(400, 401, 404, 500, "default") },
});

/** InfluxDB's messages for times it can't take. */
function timeOf(field: "start" | "stop", text: string): bigint {
  const ns = parseRfc3339Nano(text);
  const example = field === "start" ? "2009-01-02T23:00:00Z" : "2009-01-01T23:00:00Z";
  if (ns === undefined) throw invalid(`invalid RFC3339Nano for field ${field}, please format your time with RFC3339Nano format, example: ${example}`);
  if (ns < MIN_NANO_TIME) throw invalid("invalid start time, start time must not be before 1677-09-21T00:12:43.145224194Z");
  if (ns > MAX_NANO_TIME) throw invalid("invalid stop time, stop time must not be after 2262-04-11T23:47:16.854775806Z");
  return ns;
}

async function targetBucket(meta: MetaStore, resolver: BucketResolver, principal: Principal, q: { org?: string; orgID?: string; bucket?: string; bucketID?: string }): Promise<Bucket> {
  if (q.bucketID) return findBucket(meta, q.bucketID);
  if (!q.bucket) throw invalid("Please provide either bucketID or bucket");
  return resolver.bucket(await resolveOrgId(meta, principal, q.org, q.orgID), q.bucket);
}

export function deleteRoutes(ctx: AppContext) {
  const { meta, engine } = ctx;
  return newRouter().openapi({ ...postDelete, middleware: [requireAuth(ctx)] }, async (c) => {
    const principal = c.get("principal");
    const body = c.req.valid("json");
    const start = timeOf("start", body.start);
    const stop = timeOf("stop", body.stop);
    if (start > stop) throw invalid("invalid request; start time must not be after stop time");
    const predicate = parsePredicate(body.predicate ?? "");
    const bucket = await targetBucket(meta, ctx.buckets, principal, c.req.valid("query"));
    authorizeResource(principal, "write", "buckets", { orgId: bucket.orgId, id: bucket.id }, bucketNotFound);
    await deletePoints(engine, bucket.id, start, stop, predicate);
    return c.body(null, 204);
  });
}
