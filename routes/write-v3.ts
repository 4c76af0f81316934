/**
 * `POST /api/v3/write_lp`, InfluxDB 3 Core's write endpoint, for clients that already use it:
 * `db`, `precision` (auto by default), `accept_partial` (default true) and `no_sync`. Its errors
 * use InfluxDB 3's own body shape (`{"error", "data"}`), which those clients parse.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { authorize, can } from "../app/auth/permissions.ts";
import { requireAuth } from "../app/auth/require-auth.ts";
import { createDatabaseBucket } from "../app/buckets/resolve-bucket.ts";
import type { AppContext } from "../app/context.ts";
import { notFound } from "../app/errors.ts";
import { newRouter } from "../app/http/router.ts";
import type { Precision } from "../app/lineprotocol/parse.ts";
import { loadWriteSchema } from "../app/write/explicit-schema.ts";
import { lineTexts } from "../app/write/line-text.ts";
import { withRequestBody } from "../app/write/read-body.ts";
import { writePoints } from "../app/write/write-points.ts";
import { TOKEN_AUTH } from "./schemas/common.ts";
import { errorResponses } from "./schemas/responses.ts";

const PRECISIONS: Record<string, Precision | "auto"> = {
  auto: "auto",
  nanosecond: "ns",
  microsecond: "us",
  millisecond: "ms",
  second: "s",
  ns: "ns",
  us: "us",
  ms: "ms",
  s: "s",
};

const booleanParam = z.enum(["true", "false"]).optional();

const LineErrorSchema = z.object({ original_line: z.string(), line_number: z.number().int(), error_message: z.string() });
const V3ErrorSchema = z.object({ error: z.string(), data: z.union([z.array(LineErrorSchema), LineErrorSchema]).optional() }).openapi("V3WriteError");

const writeLp = createRoute({
  method: "post",
  path: "/api/v3/write_lp",
  operationId: "PostWriteLP",
  tags: ["Write"],
  summary: "Write line protocol (InfluxDB 3 Core compatible)",
  security: TOKEN_AUTH,
  request: {
    query: z.object({
      db: z.string().openapi({ description: "Database; created when it does not exist and the token may create buckets." }),
      precision: z.enum(Object.keys(PRECISIONS) as [string, ...string[]]).optional(),
      accept_partial: booleanParam.openapi({ description: "Write the valid lines when some are rejected (default true)." }),
      no_sync: booleanParam.openapi({ description: "Acknowledge before the WAL is fsynced (default false)." }),
    }),
    body: { required: true, content: { "text/plain": { schema: z.string() } } },
  },
  responses: {
    204: { description: "Every line was written." },
    400: { description: "Some or all lines were rejected.", content: { "application/json": { schema: V3ErrorSchema } } },
    ...errorResponses(401, 404, 413, 503),
  },
});

export function writeV3Routes(ctx: AppContext) {
  const { meta, engine, config } = ctx;
  return newRouter().openapi({ ...writeLp, middleware: [requireAuth(ctx)] }, async (c) => {
    const principal = c.get("principal");
    const q = c.req.valid("query");
    const orgId = principal.orgId;
    let bucket = await ctx.buckets.database(orgId, q.db, undefined);
    if (!bucket) {
      if (!can(principal, "write", "buckets", { orgId })) throw notFound(`database not found: "${q.db}"`);
      bucket = await createDatabaseBucket(meta, orgId, q.db, undefined, 0);
    }
    authorize(principal, "write", "buckets", { orgId, id: bucket.id });
    const precision = PRECISIONS[q.precision ?? "auto"];
    const acceptPartial = q.accept_partial !== "false";
    const schema = await loadWriteSchema(meta, bucket);
    return withRequestBody(c.req.raw, config.maxDecompressedBytes, async (body) => {
      const result = await writePoints(engine, {
        bucket,
        body,
        precision: precision === "auto" ? "ns" : precision,
        autoPrecision: precision === "auto",
        sync: q.no_sync !== "true",
        atomic: !acceptPartial,
        maxBodyBytes: config.maxBodyBytes,
        schema,
      });
      if (result.rejected.length === 0) return c.body(null, 204);
      const texts = lineTexts(body, result.rejected.map((r) => r.line));
      const data = result.rejected.map((r) => ({ original_line: texts.get(r.line) ?? "", line_number: r.line, error_message: r.message }));
      if (acceptPartial) return c.json({ error: "partial write of line protocol occurred", data }, 400);
      return c.json({ error: "parsing failed for write_lp endpoint", data: data[0] }, 400);
    });
  });
}
