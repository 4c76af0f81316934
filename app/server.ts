/**
 * Assembly: from a validated config to a running server. createServer opens what the routes need
 * (metadata store with migrations and bootstrap, authenticator, logger, metrics) into one
 * AppContext and builds the app; startServer also listens and shuts down cleanly on SIGINT/SIGTERM.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { join } from "node:path";
import { openMetaStore } from "../storage/meta/meta-store.ts";
import { Engine } from "../storage/tsdb/engine.ts";
import { Authenticator } from "./auth/authenticator.ts";
import { BucketResolver } from "./buckets/bucket-resolver.ts";
import { operatorPermissions } from "./auth/permissions.ts";
import { bootstrap } from "./bootstrap.ts";
import type { Config } from "./config/config.ts";
import type { AppContext, AppEnv } from "./context.ts";
import { buildApp } from "./http/build-app.ts";
import { createLogger } from "./logger.ts";
import { createMetrics, registerEngineMetrics } from "./metrics.ts";
import { startRetentionEnforcer } from "./retention.ts";
import { VERSION } from "./version.ts";

export interface ServerOptions {
  /** Where the generated operator token is shown (default: stdout). */
  print?: (line: string) => void;
}

export interface Server {
  app: OpenAPIHono<AppEnv>;
  ctx: AppContext;
  fetch: (request: Request) => Response | Promise<Response>;
  close(): Promise<void>;
}

export interface RunningServer extends Server {
  url: URL;
  port: number;
}

/** How often expired windows are dropped; read-time filtering covers the time between checks. */
const RETENTION_CHECK_MS = 60_000;

/** Bun's own body limit only backs ours up (see http/limit-body.ts), so it sits well above it. */
const BUN_BODY_LIMIT_FACTOR = 4;

export async function createServer(config: Config, options: ServerOptions = {}): Promise<Server> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const logger = createLogger(config.logLevel);
  const meta = await openMetaStore(config.meta);
  let engine: Engine | undefined;
  try {
    engine = await Engine.open({ dataDir: join(config.dataDir, "tsdb"), logger, flushBytes: config.flushBytes, maxBufferBytes: config.maxBufferBytes, maxWriteWaitMs: config.maxWriteWaitMs });
    if (meta.migrationsApplied.length > 0) logger.info({ migrations: meta.migrationsApplied }, "metadata migrated");
    const boot = await bootstrap(meta, config);
    if (boot.generatedToken !== undefined) {
      print(`strata: operator token (shown only this once, store it now): ${boot.generatedToken}`);
    }
    if (boot.operatorAuthorization === undefined) {
      logger.warn("the operator token was deleted; set STRATA_OPERATOR_TOKEN to create a new one");
    }

    const metrics = createMetrics();
    registerEngineMetrics(metrics, engine);
    const ctx: AppContext = {
      config,
      meta,
      engine,
      auth: new Authenticator(meta),
      buckets: new BucketResolver(meta),
      logger,
      metrics,
      defaults: { orgId: boot.org.id, bucketId: boot.bucket.id },
      operator: {
        authorizationId: boot.operatorAuthorization?.id ?? "",
        orgId: boot.org.id,
        userId: boot.user.id,
        permissions: operatorPermissions(),
      },
      startedAt: new Date(),
    };
    const app = buildApp(ctx);
    const stopRetention = startRetentionEnforcer(meta, engine, logger, RETENTION_CHECK_MS);
    const openEngine = engine;
    return {
      app,
      ctx,
      fetch: (request) => app.fetch(request),
      close: async () => {
        stopRetention();
        // The engine first: a clean close flushes its buffer, so the next start replays nothing.
        await openEngine.close();
        ctx.auth.close();
        ctx.buckets.close();
        meta.close();
      },
    };
  } catch (err) {
    await engine?.close();
    meta.close();
    throw err;
  }
}

export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const server = await createServer(config, options);
  const { logger } = server.ctx;

  let bun: ReturnType<typeof Bun.serve>;
  try {
    bun = Bun.serve({
      hostname: config.http.hostname,
      port: config.http.port,
      fetch: server.fetch,
      maxRequestBodySize: Math.max(config.maxBodyBytes, config.maxDecompressedBytes) * BUN_BODY_LIMIT_FACTOR,
    });
  } catch (err) {
    await server.close();
    throw err;
  }

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      // Finish the requests in flight (a write is acknowledged only once durable), then close.
      await bun.stop();
      await server.close();
      logger.info("stopped");
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down");
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const url = new URL(bun.url.href);
  logger.info(
    { url: url.href, version: VERSION, dataDir: config.dataDir, meta: server.ctx.meta.mode, withoutAuth: config.withoutAuth },
    "listening",
  );
  return { ...server, url, port: bun.port!, close };
}
