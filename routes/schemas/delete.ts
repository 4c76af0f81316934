/** The spec's `DeletePredicateRequest`. */
import { z } from "@hono/zod-openapi";

export const DeletePredicateRequestSchema = z
  .object({
    start: z.string().openapi({ format: "date-time", description: "RFC3339Nano; the earliest time to delete from (inclusive)." }),
    stop: z.string().openapi({ format: "date-time", description: "RFC3339Nano; the latest time to delete to (inclusive)." }),
    predicate: z.string().optional().openapi({
      description: "Delete predicate: `key=\"value\"` comparisons (`=`, `!=`) joined by AND/OR, with parentheses; `_measurement` names the measurement. Absent: everything in the range.",
      example: '_measurement="cpu" AND host="a"',
    }),
  })
  .openapi("DeletePredicateRequest");
