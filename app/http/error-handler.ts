/**
 * The one place errors become responses: ApiError as itself, storage conflicts as `conflict`,
 * zod failures as `invalid`, framework errors (malformed JSON, ...) by their status, anything else
 * as a logged 500 that reveals nothing.
 */
import { z } from "@hono/zod-openapi";
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { MetaConflictError } from "../../storage/meta/conflict-error.ts";
import type { AppEnv } from "../context.ts";
import { ApiError, codeForStatus, conflict, internal, methodNotAllowed, notFound } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { zodToApiError } from "./zod-error.ts";

export function errorResponse(error: ApiError): Response {
  return new Response(JSON.stringify(error.toBody()), {
    status: error.status,
    headers: {
      ...error.headers,
      "Content-Type": "application/json; charset=utf-8",
      "X-Platform-Error-Code": error.code,
    },
  });
}

export function toApiError(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (err instanceof MetaConflictError) return conflict(err.message);
  if (err instanceof z.ZodError) return zodToApiError(err);
  if (err instanceof HTTPException) return new ApiError(codeForStatus(err.status), err.message, { status: err.status });
  return undefined;
}

export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (err: Error, c: Context<AppEnv>) => {
    const known = toApiError(err);
    if (known !== undefined) return errorResponse(known);
    logger.error({ err, method: c.req.method, path: c.req.path }, "unhandled error");
    return errorResponse(internal());
  };
}

/** InfluxDB's answer for a path it doesn't serve. */
export const notFoundHandler: NotFoundHandler<AppEnv> = () => errorResponse(notFound("path not found"));

/** 405 with `Allow` when the path is served with other methods, else the 404 of `notFoundHandler`. */
export function unmatchedHandler(methodsFor: (path: string) => string[]): NotFoundHandler<AppEnv> {
  return (c) => {
    const allowed = methodsFor(c.req.path);
    if (allowed.length === 0) return errorResponse(notFound("path not found"));
    const response = errorResponse(methodNotAllowed(`method ${c.req.method} not allowed on ${c.req.path}`));
    response.headers.set("Allow", allowed.join(", "));
    return response;
  };
}
