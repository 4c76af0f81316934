/**
 * Line-protocol writes: `POST /api/v2/write` (PostWrite) and the v1-compatible `POST /write`
 * (PostLegacyWrite / PostWriteV1). Both parse, write the valid lines and answer 204, or 400 with
 * the rejected lines (DECISIONS.md #1).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { authorize, can } from "../app/auth/permissions.ts";
import { requireAuth } from "../app/auth/require-auth.ts";
import { createDatabaseBucket, resolveOrgId, V1_AUTO_BUCKET_RETENTION_SECONDS } from "../app/buckets/resolve-bucket.ts";
import type { AppContext } from "../app/context.ts";
import { invalid, notFound } from "../app/errors.ts";
import { newRouter } from "../app/http/router.ts";
import { parsePrecision, type Precision } from "../app/lineprotocol/parse.ts";
import { loadWriteSchema } from "../app/write/explicit-schema.ts";
import { withRequestBody } from "../app/write/read-body.ts";
import { rejectionError, writePoints } from "../app/write/write-points.ts";
import { TOKEN_AUTH, TraceSpanHeaders } from "./schemas/common.ts";
import { LineProtocolErrorSchema, LineProtocolLengthErrorSchema } from "./schemas/error.ts";
import { errorResponses } from "./schemas/responses.ts";

const LineProtocolBody = {
  required: true,
  content: {
    "text/plain": { schema: z.string().openapi({ format: "byte", example: "airSensors,sensor_id=TLM0201 temperature=73.97,humidity=35.23 1630424257000000000" }) },
  },
} as const;

const WriteHeaders = TraceSpanHeaders.extend({
  "content-encoding": z.enum(["gzip", "identity"]).optional().openapi({ description: "`gzip` when the body is compressed." }),
  "content-type": z.string().optional().openapi({ description: "`text/plain; charset=utf-8` (line protocol)." }),
  "content-length": z.string().optional(),
  accept: z.string().optional(),
});

const writeResponses = {
  204: { description: "Every line was written." },
  400: { description: "Some or all lines were rejected; `line` is the first.", content: { "application/json": { schema: LineProtocolErrorSchema } } },
  413: { description: "The body (or its decompressed size) is over the limit.", content: { "application/json": { schema: LineProtocolLengthErrorSchema } } },
} as const;

const postWrite = createRoute({
  method: "post",
  path: "/api/v2/write",
  operationId: "PostWrite",
  tags: ["Write"],
  summary: "Write data",
  security: TOKEN_AUTH,
  request: {
    headers: WriteHeaders,
    query: z.object({
      bucket: z.string().openapi({ description: "A bucket name or ID." }),
      org: z.string().optional().openapi({ description: "Organization name; the token's organization is used when absent." }),
      orgID: z.string().optional().openapi({ description: "Organization ID; the token's organization is used when absent." }),
      precision: z.enum(["ns", "us", "ms", "s"]).optional().openapi({ description: "Precision of the timestamps (default ns)." }),
    }),
    body: LineProtocolBody,
  },
  responses: { ...writeResponses, ...errorResponses(401, 404, 429, 500, 503) },
});

const postLegacyWrite = createRoute({
  method: "post",
  path: "/write",
  operationId: "PostLegacyWrite",
  tags: ["Write"],
  summary: "Write data using the InfluxDB v1 HTTP API",
  security: TOKEN_AUTH,
  request: {
    headers: WriteHeaders,
    query: z.object({
      db: z.string().openapi({ description: "Database: resolved through DBRP mappings, or a bucket named `db/rp` or `db`." }),
      rp: z.string().optional().openapi({ description: "Retention policy name." }),
      precision: z.string().optional().openapi({ description: "n, ns, u, ms, s, m or h (default ns)." }),
      u: z.string().optional().openapi({ description: "Username (v1 authentication)." }),
      p: z.string().optional().openapi({ description: "Password or token (v1 authentication)." }),
      consistency: z.string().optional().openapi({ description: "Accepted and ignored (InfluxDB Enterprise)." }),
    }),
    body: LineProtocolBody,
  },
  responses: { ...writeResponses, ...errorResponses(401, 403, 404, 429, 500, 503) },
});

/** InfluxDB 1.x's precision names (and the v2 ones, which clients sometimes send to /write too). */
function v1Precision(name: string | undefined): Precision {
  const p = parsePrecision(name ?? "");
  if (p === undefined) throw invalid(`invalid precision "${name}" (use n, u, ms, s, m or h)`);
  return p;
}

export function writeRoutes(ctx: AppContext) {
  const { meta, engine, config } = ctx;
  const max = { body: config.maxBodyBytes, decompressed: config.maxDecompressedBytes };

  return newRouter()
    .openapi({ ...postWrite, middleware: [requireAuth(ctx)] }, async (c) => {
      const principal = c.get("principal");
      const q = c.req.valid("query");
      const orgId = await resolveOrgId(meta, principal, q.org, q.orgID);
      const bucket = await ctx.buckets.bucket(orgId, q.bucket);
      authorize(principal, "write", "buckets", { orgId, id: bucket.id });
      const schema = await loadWriteSchema(meta, bucket);
      const result = await withRequestBody(c.req.raw, max.decompressed, (body) => writePoints(engine, { bucket, body, precision: q.precision ?? "ns", sync: true, maxBodyBytes: max.body, schema }));
      if (result.rejected.length > 0) throw rejectionError(result);
      return c.body(null, 204);
    })
    .openapi({ ...postLegacyWrite, middleware: [requireAuth(ctx, { queryParams: true })] }, async (c) => {
      const principal = c.get("principal");
      const q = c.req.valid("query");
      const precision = v1Precision(q.precision);
      const orgId = principal.orgId;
      let bucket = await ctx.buckets.database(orgId, q.db, q.rp || undefined);
      if (!bucket) {
        if (!can(principal, "write", "buckets", { orgId })) throw notFound(`database not found: "${q.db}"`);
        bucket = await createDatabaseBucket(meta, orgId, q.db, q.rp || undefined, V1_AUTO_BUCKET_RETENTION_SECONDS);
      }
      authorize(principal, "write", "buckets", { orgId, id: bucket.id });
      const schema = await loadWriteSchema(meta, bucket);
      const result = await withRequestBody(c.req.raw, max.decompressed, (body) => writePoints(engine, { bucket, body, precision, sync: true, maxBodyBytes: max.body, schema }));
      if (result.rejected.length > 0) throw rejectionError(result);
      return c.body(null, 204);
    });
}
