/** Every route module, mounted in one place. A new API tag is one line here. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppContext, AppEnv } from "../app/context.ts";
import { apiRootRoutes } from "./api-root.ts";
import { resourceRoutes } from "./resources.ts";
import { systemRoutes } from "./system.ts";
import { queryRoutes } from "./query.ts";
import { writeRoutes } from "./write.ts";
import { writeV3Routes } from "./write-v3.ts";

export function mountRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.route("/", systemRoutes(ctx));
  app.route("/", apiRootRoutes());
  app.route("/", resourceRoutes(ctx));
  app.route("/", writeRoutes(ctx));
  app.route("/", writeV3Routes(ctx));
  app.route("/", queryRoutes(ctx));
}
