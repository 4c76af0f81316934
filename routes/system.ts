/**
 * The endpoints clients and orchestrators probe (DECISIONS.md #13): /ping, /health, /ready and
 * /metrics. Like InfluxDB, none of them needs a token.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { AppContext } from "../app/context.ts";
import { newRouter } from "../app/http/router.ts";
import { COMMIT, VERSION } from "../app/version.ts";
import { NO_AUTH } from "./schemas/common.ts";

/**
 * The version /ping reports. Tools that read it (Chronograf, Grafana's auto-detection, client
 * libraries' version()) pick the InfluxQL/v1 dialect for 1.x, and InfluxQL is what strata speaks;
 * 2.x would make them try Flux.
 */
export const PING_VERSION = "1.8.10";

const ping = createRoute({
  method: "get",
  path: "/ping",
  operationId: "GetPing",
  tags: ["Ping"],
  summary: "Check that the server is up (also answers HEAD)",
  security: NO_AUTH,
  responses: {
    204: {
      description: "The server is up.",
      headers: z.object({
        "X-Influxdb-Version": z.string().openapi({ example: PING_VERSION }),
        "X-Influxdb-Build": z.string().openapi({ example: "OSS" }),
      }),
    },
  },
});

const HealthSchema = z
  .object({
    name: z.string(),
    message: z.string().optional(),
    checks: z.array(z.object({ name: z.string(), status: z.enum(["pass", "fail"]), message: z.string().optional() })),
    status: z.enum(["pass", "fail"]),
    version: z.string(),
    commit: z.string(),
  })
  .openapi("HealthCheck");

const health = createRoute({
  method: "get",
  path: "/health",
  operationId: "GetHealth",
  tags: ["Health"],
  summary: "Health of the instance",
  security: NO_AUTH,
  responses: {
    200: { description: "The instance is healthy.", content: { "application/json": { schema: HealthSchema } } },
    503: { description: "The instance is unhealthy.", content: { "application/json": { schema: HealthSchema } } },
  },
});

const ReadySchema = z
  .object({
    status: z.literal("ready"),
    started: z.string().openapi({ format: "date-time" }),
    up: z.string().openapi({ description: "Uptime as a Go duration, e.g. 1h2m3.5s" }),
  })
  .openapi("Ready");

const ready = createRoute({
  method: "get",
  path: "/ready",
  operationId: "GetReady",
  tags: ["Ready"],
  summary: "Readiness of the instance",
  security: NO_AUTH,
  responses: {
    200: { description: "The instance is ready.", content: { "application/json": { schema: ReadySchema } } },
  },
});

const metrics = createRoute({
  method: "get",
  path: "/metrics",
  operationId: "GetMetrics",
  tags: ["Metrics"],
  summary: "Prometheus metrics",
  security: NO_AUTH,
  responses: {
    200: {
      description: "Metrics in the Prometheus text exposition format.",
      content: { "text/plain": { schema: z.string() } },
    },
  },
});

export function systemRoutes(ctx: AppContext) {
  return newRouter()
    .openapi(ping, (c) => {
      c.header("X-Influxdb-Version", PING_VERSION);
      c.header("X-Influxdb-Build", "OSS");
      return c.body(null, 204);
    })
    .openapi(health, async (c) => {
      const body = { name: "strata", version: VERSION, commit: COMMIT };
      try {
        await ctx.meta.client.execute("SELECT 1");
        return c.json({ ...body, message: "ready for queries and writes", status: "pass" as const, checks: [] }, 200);
      } catch (err) {
        ctx.logger.warn({ err }, "health check: metadata database unreachable");
        const check = { name: "metadata", status: "fail" as const, message: "metadata database unreachable" };
        return c.json({ ...body, message: check.message, status: "fail" as const, checks: [check] }, 503);
      }
    })
    .openapi(ready, (c) =>
      c.json(
        {
          status: "ready" as const,
          started: ctx.startedAt.toISOString(),
          up: goDuration(Date.now() - ctx.startedAt.getTime()),
        },
        200,
      ),
    )
    .openapi(metrics, async (c) => {
      const text = await ctx.metrics.registry.metrics();
      return c.text(text, 200, { "Content-Type": ctx.metrics.registry.contentType });
    });
}

/** Uptime the way InfluxDB's /ready prints it (Go's time.Duration), e.g. `1h2m3.5s`. */
function goDuration(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  return `${hours > 0 ? `${hours}h` : ""}${hours > 0 || minutes > 0 ? `${minutes}m` : ""}${seconds}s`;
}
