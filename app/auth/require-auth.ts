import { createMiddleware } from "hono/factory";
import type { AppContext, AppEnv } from "../context.ts";
import { readCredentials } from "./credentials.ts";

/**
 * Authenticates the request and sets `c.get("principal")`, or answers 401. `queryParams` also
 * accepts the v1 `u`/`p` parameters (only the v1 /write and /query take them).
 */
export function requireAuth(ctx: AppContext, options: { queryParams?: boolean } = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = ctx.config.withoutAuth
      ? ctx.operator
      : await ctx.auth.authenticate(readCredentials(c.req.raw, options.queryParams ?? false));
    c.set("principal", principal);
    await next();
  });
}
