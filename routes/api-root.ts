/** `GET /api/v2` (GetRoutes): the map of top-level routes, as InfluxDB answers it; no token needed. */
import { createRoute, z } from "@hono/zod-openapi";
import { newRouter } from "../app/http/router.ts";
import { NO_AUTH, TraceSpanHeaders } from "./schemas/common.ts";

const uri = z.string().openapi({ format: "uri" });

const RoutesSchema = z
  .object({
    authorizations: uri.optional(),
    buckets: uri.optional(),
    dashboards: uri.optional(),
    external: z.object({ statusFeed: uri.optional() }).optional(),
    variables: uri.optional(),
    me: uri.optional(),
    flags: uri.optional(),
    orgs: uri.optional(),
    query: z
      .object({ self: uri.optional(), ast: uri.optional(), analyze: uri.optional(), suggestions: uri.optional() })
      .optional(),
    setup: uri.optional(),
    signin: uri.optional(),
    signout: uri.optional(),
    sources: uri.optional(),
    system: z.object({ metrics: uri.optional(), debug: uri.optional(), health: uri.optional() }).optional(),
    tasks: uri.optional(),
    telegrafs: uri.optional(),
    users: uri.optional(),
    write: uri.optional(),
  })
  .openapi("Routes");

const ROUTES: z.infer<typeof RoutesSchema> = {
  authorizations: "/api/v2/authorizations",
  buckets: "/api/v2/buckets",
  dashboards: "/api/v2/dashboards",
  external: { statusFeed: "https://www.influxdata.com/feed/json" },
  variables: "/api/v2/variables",
  me: "/api/v2/me",
  flags: "/api/v2/flags",
  orgs: "/api/v2/orgs",
  query: {
    self: "/api/v2/query",
    ast: "/api/v2/query/ast",
    analyze: "/api/v2/query/analyze",
    suggestions: "/api/v2/query/suggestions",
  },
  setup: "/api/v2/setup",
  signin: "/api/v2/signin",
  signout: "/api/v2/signout",
  sources: "/api/v2/sources",
  system: { metrics: "/metrics", debug: "/debug/pprof", health: "/health" },
  tasks: "/api/v2/tasks",
  telegrafs: "/api/v2/telegrafs",
  users: "/api/v2/users",
  write: "/api/v2/write",
};

const getRoutes = createRoute({
  method: "get",
  path: "/api/v2",
  operationId: "GetRoutes",
  tags: ["Routes"],
  summary: "List all top level routes",
  security: NO_AUTH,
  request: { headers: TraceSpanHeaders },
  responses: {
    200: {
      description: "Key-value pairs with the resource name and top-level route.",
      content: { "application/json": { schema: RoutesSchema } },
    },
  },
});

export function apiRootRoutes() {
  return newRouter().openapi(getRoutes, (c) => c.json(ROUTES, 200));
}
