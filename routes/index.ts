/** Every route module, mounted in one place. A new API tag is one line here. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppContext, AppEnv } from "../app/context.ts";
import { apiRootRoutes } from "./api-root.ts";
import { bucketLabelRoutes } from "./buckets-labels.ts";
import { bucketMemberRoutes } from "./buckets-members.ts";
import { bucketSchemaRoutes } from "./bucket-schemas.ts";
import { bucketRoutes } from "./buckets.ts";
import { deleteRoutes } from "./delete.ts";
import { labelRoutes } from "./labels.ts";
import { limitRoutes } from "./limits.ts";
import { orgMemberRoutes } from "./orgs-members.ts";
import { orgRoutes } from "./orgs.ts";
import { secretRoutes } from "./secrets.ts";
import { usageRoutes } from "./usage.ts";
import { authorizationRoutes } from "./authorizations.ts";
import { dbrpRoutes } from "./dbrps.ts";
import { fluxQueryRoutes } from "./flux-query.ts";
import { legacyAuthorizationRoutes } from "./legacy-authorizations.ts";
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
  app.route("/", authorizationRoutes(ctx));
  app.route("/", legacyAuthorizationRoutes(ctx));
  app.route("/", dbrpRoutes(ctx));
  app.route("/", fluxQueryRoutes(ctx));
  app.route("/", orgRoutes(ctx));
  app.route("/", orgMemberRoutes(ctx));
  app.route("/", secretRoutes(ctx));
  app.route("/", limitRoutes(ctx));
  app.route("/", usageRoutes(ctx));
  app.route("/", bucketRoutes(ctx));
  app.route("/", bucketLabelRoutes(ctx));
  app.route("/", bucketMemberRoutes(ctx));
  app.route("/", bucketSchemaRoutes(ctx));
  app.route("/", labelRoutes(ctx));
  app.route("/", deleteRoutes(ctx));
}
