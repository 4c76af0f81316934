import type { z } from "@hono/zod-openapi";
import { invalid, type ApiError } from "../errors.ts";

/** A failed validation as the spec's 400 `invalid`, naming the first bad field. */
export function zodToApiError(error: z.ZodError, target = "request"): ApiError {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return invalid(`invalid ${target}: ${where}${issue?.message ?? "validation failed"}`);
}
