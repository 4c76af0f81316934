import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context.ts";
import { zodToApiError } from "./zod-error.ts";

/**
 * A router for one route module. Request validation failures become the spec's 400 `invalid`
 * error instead of zod's own response.
 */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw zodToApiError(result.error, result.target);
    },
  });
}
