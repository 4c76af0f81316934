/**
 * Serves the OpenAPI document generated from the routes (`/openapi.json`, OpenAPI 3.0 like the
 * spec) and an interactive reference of it (`/docs`).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import type { AppEnv } from "../context.ts";
import { VERSION } from "../version.ts";

export function serveOpenApiDoc(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "TokenAuthentication", {
    type: "apiKey",
    in: "header",
    name: "Authorization",
    description: "`Authorization: Token <API token>` (or `Bearer <API token>`).",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "BasicAuthentication", {
    type: "http",
    scheme: "basic",
    description: "`user:password`, where the password is an API token or a v1 (legacy authorization) password.",
  });

  app.doc("/openapi.json", {
    openapi: "3.0.3",
    info: {
      title: "strata",
      version: VERSION,
      description:
        "InfluxDB-compatible time-series database: the InfluxDB v1 API (/write, /query) and the " +
        "InfluxDB 3 Cloud Serverless v2 API (/api/v2).",
    },
    security: [{ TokenAuthentication: [] }],
  });
  app.get("/docs", Scalar({ url: "/openapi.json", pageTitle: "strata API" }));
}
