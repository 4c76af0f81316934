import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";
import { tooLarge } from "../errors.ts";

/**
 * Refuses bodies over STRATA_MAX_BODY_BYTES with the spec's JSON 413, for every route: at once
 * from Content-Length, or while a chunked body is read (the reader fails with the ApiError).
 * Unlike hono's bodyLimit it never buffers, so the write route can still stream. Bun's own limit
 * is set higher, so clients see this answer rather than Bun's plain-text one.
 */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (body === null) return next();

    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      if (Number(length) > maxBytes) throw tooLarge(maxBytes);
      return next();
    }

    let seen = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > maxBytes) controller.error(tooLarge(maxBytes));
          else controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: counted });
    return next();
  };
}
