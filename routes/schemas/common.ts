/** Parameters and security requirements most operations of the spec share. */
import { z } from "@hono/zod-openapi";

/**
 * `Zap-Trace-Span` (the spec's `TraceSpan` parameter). Keyed in lower case because Hono hands the
 * validator lower-cased header names; header names are case-insensitive in OpenAPI too.
 */
export const TraceSpanHeaders = z.object({
  "zap-trace-span": z
    .string()
    .optional()
    .openapi({
      description: "OpenTracing span context",
      example: '{"trace_id":"1","span_id":"1","baggage":{"key":"value"}}',
    }),
});

/** Security requirements: `Authorization: Token ...` (the spec's global one), or none. */
export const TOKEN_AUTH = [{ TokenAuthentication: [] }];
export const NO_AUTH = [];
