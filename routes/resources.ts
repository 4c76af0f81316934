/** `GET /api/v2/resources` (GetResources): the resource types permissions can name. */
import { createRoute, z } from "@hono/zod-openapi";
import { RESOURCE_TYPES } from "../app/auth/permissions.ts";
import { requireAuth } from "../app/auth/require-auth.ts";
import type { AppContext } from "../app/context.ts";
import { newRouter } from "../app/http/router.ts";
import { TOKEN_AUTH, TraceSpanHeaders } from "./schemas/common.ts";
import { errorResponses } from "./schemas/responses.ts";

export function resourceRoutes(ctx: AppContext) {
  const getResources = createRoute({
    method: "get",
    path: "/api/v2/resources",
    operationId: "GetResources",
    tags: ["Resources"],
    summary: "List all known resources",
    middleware: [requireAuth(ctx)],
    security: TOKEN_AUTH,
    request: { headers: TraceSpanHeaders },
    responses: {
      200: { description: "All resources targets", content: { "application/json": { schema: z.array(z.string()) } } },
      ...errorResponses(401, "default"),
    },
  });

  return newRouter().openapi(getResources, (c) => c.json([...RESOURCE_TYPES], 200));
}
