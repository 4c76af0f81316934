/** `GET /api/v2/orgs/{orgID}/limits` (GetOrgLimitsID): needs `read-orgs` on the org. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../app/auth/require-auth.ts";
import type { AppContext } from "../app/context.ts";
import { newRouter } from "../app/http/router.ts";
import { accessOrg } from "../app/orgs/org-access.ts";
import { orgLimits } from "../app/orgs/limits.ts";
import { TOKEN_AUTH } from "./schemas/common.ts";
import { LimitsResponseSchema } from "./schemas/limits.ts";
import { errorResponses } from "./schemas/responses.ts";

const getLimits = createRoute({
  method: "get",
  path: "/api/v2/orgs/{orgID}/limits",
  operationId: "GetOrgLimitsID",
  tags: ["Limits"],
  summary: "Retrieve limits for an organization",
  security: TOKEN_AUTH,
  request: { params: z.object({ orgID: z.string().openapi({ description: "The ID of the organization." }) }) },
  responses: {
    200: { description: "Limits defined for the organization (0 is unlimited).", content: { "application/json": { schema: LimitsResponseSchema } } },
    ...errorResponses("default"),
  },
});

export function limitRoutes(ctx: AppContext) {
  return newRouter().openapi({ ...getLimits, middleware: [requireAuth(ctx)] }, async (c) => {
    const org = await accessOrg(ctx.meta, c.get("principal"), c.req.valid("param").orgID, "read");
    return c.json({ limits: orgLimits(org), links: { self: `/api/v2/orgs/${org.id}/limits` } }, 200);
  });
}
