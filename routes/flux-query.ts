/**
 * The Flux endpoints of the v2 API (PostQuery, PostQueryAnalyze, PostQueryAst, GetQuerySuggestions,
 * GetQuerySuggestionsName). strata speaks InfluxQL, so each answers 501 with an error naming
 * `/query` as the supported language (DECISIONS.md #15), after the usual token check. They are
 * declared with the spec's parameters and responses so clients and the coverage check see them.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../app/auth/require-auth.ts";
import type { AppContext } from "../app/context.ts";
import { notImplemented } from "../app/errors.ts";
import { newRouter } from "../app/http/router.ts";
import { TOKEN_AUTH, TraceSpanHeaders } from "./schemas/common.ts";
import { errorResponses } from "./schemas/responses.ts";

const TAGS = ["Query"];

export const FLUX_NOT_SUPPORTED =
  "Flux is not supported: strata speaks InfluxQL. Send InfluxQL to /query (the v1 API: GET or POST with `q` and `db`)";

/** Plain OpenAPI objects, not zod: the body is documented but never parsed, so any request gets the 501. */
const QuerySchema = {
  type: "object" as const,
  description: "A Flux query (not supported here).",
  properties: { query: { type: "string" as const }, type: { type: "string" as const, enum: ["flux"] } },
};
const LanguageRequestSchema = { type: "object" as const, properties: { query: { type: "string" as const } } };

/** Any value passes: a mismatched header must not turn the 501 into a 400. */
const JsonHeaders = TraceSpanHeaders.extend({ "content-type": z.string().optional().openapi({ description: "`application/json`." }) });

const notSupported = {
  description: "Never sent: Flux is not supported; use InfluxQL at `/query`.",
  content: { "application/json": { schema: { type: "object" as const } } },
};

const postQuery = createRoute({
  method: "post",
  path: "/api/v2/query",
  operationId: "PostQuery",
  tags: TAGS,
  summary: "Query data with Flux (not supported: use /query with InfluxQL)",
  security: TOKEN_AUTH,
  request: {
    headers: TraceSpanHeaders.extend({
      "accept-encoding": z.string().optional().openapi({ description: "`gzip` or `identity`: the content coding the client can understand." }),
      "content-type": z.string().optional().openapi({ description: "`application/json` or `application/vnd.flux`." }),
    }),
    query: z.object({
      org: z.string().optional().openapi({ description: "An organization name or ID (unused)." }),
      orgID: z.string().optional().openapi({ description: "An organization ID (unused)." }),
    }),
    body: {
      description: "Flux query or specification to execute",
      content: { "application/json": { schema: QuerySchema }, "application/vnd.flux": { schema: { type: "string" as const } } },
    },
  },
  responses: {
    200: { description: "Never sent: Flux is not supported.", content: { "application/csv": { schema: { type: "string" as const } } } },
    ...errorResponses(400, 401, 404, 429, 500, 501, "default"),
  },
});

const postQueryAnalyze = createRoute({
  method: "post",
  path: "/api/v2/query/analyze",
  operationId: "PostQueryAnalyze",
  tags: TAGS,
  summary: "Analyze a Flux query (not supported)",
  security: TOKEN_AUTH,
  request: {
    headers: JsonHeaders,
    body: { content: { "application/json": { schema: QuerySchema } } },
  },
  responses: { 200: notSupported, ...errorResponses(400, 501, "default") },
});

const postQueryAst = createRoute({
  method: "post",
  path: "/api/v2/query/ast",
  operationId: "PostQueryAst",
  tags: TAGS,
  summary: "Generate a Flux query Abstract Syntax Tree (not supported)",
  security: TOKEN_AUTH,
  request: {
    headers: JsonHeaders,
    body: { content: { "application/json": { schema: LanguageRequestSchema } } },
  },
  responses: { 200: notSupported, ...errorResponses(400, 501, "default") },
});

const getQuerySuggestions = createRoute({
  method: "get",
  path: "/api/v2/query/suggestions",
  operationId: "GetQuerySuggestions",
  tags: TAGS,
  summary: "List Flux query suggestions (not supported)",
  security: TOKEN_AUTH,
  request: { headers: TraceSpanHeaders },
  responses: { 200: notSupported, 301: { description: "Never sent." }, ...errorResponses(501, "default") },
});

const getQuerySuggestion = createRoute({
  method: "get",
  path: "/api/v2/query/suggestions/{name}",
  operationId: "GetQuerySuggestionsName",
  tags: TAGS,
  summary: "Retrieve a Flux query suggestion (not supported)",
  security: TOKEN_AUTH,
  request: {
    headers: TraceSpanHeaders,
    params: z.object({ name: z.string().openapi({ param: { name: "name", in: "path" }, description: "A Flux function name." }) }),
  },
  responses: { 200: notSupported, ...errorResponses(500, 501) },
});

export function fluxQueryRoutes(ctx: AppContext) {
  const auth = requireAuth(ctx);
  const refuse = () => {
    throw notImplemented(FLUX_NOT_SUPPORTED);
  };
  return newRouter()
    .openapi({ ...postQuery, middleware: [auth] }, refuse)
    .openapi({ ...postQueryAnalyze, middleware: [auth] }, refuse)
    .openapi({ ...postQueryAst, middleware: [auth] }, refuse)
    .openapi({ ...getQuerySuggestions, middleware: [auth] }, refuse)
    .openapi({ ...getQuerySuggestion, middleware: [auth] }, refuse);
}
