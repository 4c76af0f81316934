/**
 * Logs and counts every request. Metrics are labelled by route pattern (`/api/v2/buckets/:id`),
 * never the raw path, to keep label cardinality bounded; logs never include the query string,
 * which can hold a v1 password (`p=`).
 */
import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "../context.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";

export function observeRequests(logger: Logger, metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const seconds = (performance.now() - start) / 1000;
    const labels = { method: c.req.method, route: routeOf(c), status: String(c.res.status) };
    metrics.httpRequests.inc(labels);
    metrics.httpRequestDuration.observe(labels, seconds);
    // Built only when it is logged: most servers run at warn, and this runs for every request.
    if (logger.isLevelEnabled("info")) logger.info({ ...labels, path: c.req.path, ms: Math.round(seconds * 1e4) / 10 }, "request");
  };
}

/** The pattern of the handler that answered; middleware patterns (`*`) mean no route matched. */
function routeOf(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  const handler = matchedRoutes(c).findLast((r) => r.method !== "ALL");
  return handler?.path ?? "unmatched";
}
