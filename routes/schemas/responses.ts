/**
 * Response declarations for createRoute. Every route lists the error statuses the spec lists for
 * its operation, so the OpenAPI document matches the spec's (check-openapi.mjs counts them).
 */
import { ErrorSchema } from "./error.ts";

const ERROR_DESCRIPTIONS = {
  400: "Bad request. The response body contains detail about the error.",
  401: "Unauthorized. The `Authorization` header is missing or malformed, or the token lacks the permission.",
  403: "Forbidden.",
  404: "Not found. The `message` in the response body names the missing resource.",
  405: "Method not allowed.",
  413: "Request payload exceeds the size limit.",
  422: "Unprocessable entity. The request data is invalid.",
  429: "Too many requests. The `Retry-After` header says when to try again.",
  500: "Internal server error.",
  501: "Not implemented.",
  503: "Service unavailable. The `Retry-After` header says when to try again.",
  default: "Non 2XX error response from server.",
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

export function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: ErrorSchema } } };
}

/** `...errorResponses(400, 401, 404, 500)` in a route's `responses`. */
export function errorResponses<const S extends readonly ErrorStatus[]>(...statuses: S) {
  return Object.fromEntries(statuses.map((s) => [s, errorResponse(ERROR_DESCRIPTIONS[s])])) as Record<
    S[number],
    ReturnType<typeof errorResponse>
  >;
}
