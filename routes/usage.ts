/** `GET /api/v2/orgs/{orgID}/usage` (GetOrgUsageID): annotated CSV; needs `read-orgs` on the org. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../app/auth/require-auth.ts";
import type { AppContext } from "../app/context.ts";
import { invalid } from "../app/errors.ts";
import { newRouter } from "../app/http/router.ts";
import { accessOrg } from "../app/orgs/org-access.ts";
import { usageCsv } from "../app/orgs/usage-csv.ts";
import { TOKEN_AUTH } from "./schemas/common.ts";
import { errorResponses } from "./schemas/responses.ts";

/** Unix seconds; a pattern-checked string, since coercion would make the parameter optional in the document. */
const unixSeconds = z.string().regex(/^-?\d{1,12}$/, "must be a unix timestamp in seconds").openapi({ type: "integer", format: "unix timestamp" });

const getUsage = createRoute({
  method: "get",
  path: "/api/v2/orgs/{orgID}/usage",
  operationId: "GetOrgUsageID",
  tags: ["Usage"],
  summary: "Retrieve usage for an organization",
  security: TOKEN_AUTH,
  request: {
    params: z.object({ orgID: z.string().openapi({ description: "The ID of the organization." }) }),
    query: z.object({
      start: unixSeconds.openapi({ description: "Earliest time (unix timestamp) to include in results." }),
      stop: unixSeconds.optional().openapi({ description: "Latest time (unix timestamp) to include in results; now when absent." }),
      raw: z.enum(["true", "false"]).default("false").openapi({ description: "Return raw usage data (the same data: strata keeps no aggregates)." }),
    }),
  },
  responses: {
    200: {
      description: "Usage data: each bucket's storage bytes now.",
      headers: z.object({ "Content-Encoding": z.enum(["gzip", "identity"]).optional() }),
      content: { "text/csv": { schema: z.string() } },
    },
    ...errorResponses("default"),
  },
});

export function usageRoutes(ctx: AppContext) {
  return newRouter().openapi({ ...getUsage, middleware: [requireAuth(ctx)] }, async (c) => {
    const org = await accessOrg(ctx.meta, c.get("principal"), c.req.valid("param").orgID, "read");
    const q = c.req.valid("query");
    const now = new Date();
    const start = Number(q.start);
    const stop = q.stop === undefined ? Math.floor(now.getTime() / 1000) : Number(q.stop);
    if (start > stop) throw invalid("start must not be after stop");
    const csv = usageCsv(ctx.engine, await ctx.meta.buckets.list({ orgId: org.id }), start, stop, now);
    return c.body(csv, 200, { "Content-Type": "text/csv; charset=utf-8" });
  });
}
