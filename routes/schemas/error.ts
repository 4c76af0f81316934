/** The spec's error schemas (`Error`, `ErrorCode`, `LineProtocolError`, `LineProtocolLengthError`). */
import { z } from "@hono/zod-openapi";
import { ERROR_CODES } from "../../app/errors.ts";

export const ErrorCodeSchema = z.enum(ERROR_CODES).openapi("ErrorCode", {
  description: "code is the machine-readable error code.",
});

export const ErrorSchema = z
  .object({
    code: ErrorCodeSchema,
    message: z.string().openapi({ description: "Human-readable message." }),
    op: z.string().optional().openapi({ description: "Describes the logical code operation when the error occurred." }),
    err: z.string().optional().openapi({ description: "Stack of errors that occurred during processing of the request." }),
  })
  .openapi("Error");

export const LineProtocolErrorSchema = z
  .object({
    code: z.enum(["internal error", "not found", "conflict", "invalid", "empty value", "unavailable"]),
    message: z.string(),
    op: z.string(),
    err: z.string(),
    line: z.number().int().optional().openapi({ description: "First line in the request body that contains malformed data." }),
  })
  .openapi("LineProtocolError");

export const LineProtocolLengthErrorSchema = z
  .object({
    code: z.enum(["invalid"]),
    message: z.string(),
    maxLength: z.number().int().openapi({ description: "Max length in bytes for a body of line-protocol." }),
  })
  .openapi("LineProtocolLengthError");
