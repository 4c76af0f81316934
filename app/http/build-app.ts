/** The HTTP application: middleware, every route module, the OpenAPI document, error handling. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { mountRoutes } from "../../routes/index.ts";
import type { AppContext, AppEnv } from "../context.ts";
import { allowedMethods } from "./allowed-methods.ts";
import { errorHandler, unmatchedHandler } from "./error-handler.ts";
import { limitBody } from "./limit-body.ts";
import { observeRequests } from "./observe-requests.ts";
import { serveOpenApiDoc } from "./openapi-doc.ts";
import { newRouter } from "./router.ts";

export function buildApp(ctx: AppContext): OpenAPIHono<AppEnv> {
  const app = newRouter();
  app.use("*", observeRequests(ctx.logger, ctx.metrics));
  app.use("*", limitBody(ctx.config.maxBodyBytes));
  mountRoutes(app, ctx);
  serveOpenApiDoc(app);
  app.notFound(unmatchedHandler(allowedMethods(app.routes)));
  app.onError(errorHandler(ctx.logger));
  return app;
}
