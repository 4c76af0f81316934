/**
 * What route modules depend on, in one object: each route module is a function of the context
 * (`fooRoutes(ctx)`), so a new dependency (the storage engine, say) is one field here and one line
 * where the server assembles it.
 */
import type { MetaStore } from "../storage/meta/meta-store.ts";
import type { Engine } from "../storage/tsdb/engine.ts";
import type { Authenticator } from "./auth/authenticator.ts";
import type { BucketResolver } from "./buckets/bucket-resolver.ts";
import type { Principal } from "./auth/permissions.ts";
import type { Config } from "./config/config.ts";
import type { Logger } from "./logger.ts";
import type { Metrics } from "./metrics.ts";

export interface AppContext {
  config: Config;
  meta: MetaStore;
  engine: Engine;
  auth: Authenticator;
  buckets: BucketResolver;
  logger: Logger;
  metrics: Metrics;
  /** What bootstrap ensured exists: the default org and bucket. */
  defaults: { orgId: string; bucketId: string };
  /** Who a request acts as under STRATA_WITHOUT_AUTH. */
  operator: Principal;
  startedAt: Date;
}

/** Hono's per-request variables. `principal` is set by requireAuth, so only on authenticated routes. */
export interface AppEnv {
  Variables: {
    principal: Principal;
  };
}
