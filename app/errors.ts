/**
 * API errors as typed values. Every error response strata sends is an ApiError rendered as the
 * spec's `{"code","message"}` body (plus `line`/`op`/`err`/`maxLength` where they apply) with the
 * same code in the `X-Platform-Error-Code` header.
 */

/** The spec's `ErrorCode` enum. */
export const ERROR_CODES = [
  "internal error",
  "not implemented",
  "not found",
  "conflict",
  "invalid",
  "unprocessable entity",
  "empty value",
  "unavailable",
  "forbidden",
  "too many requests",
  "unauthorized",
  "method not allowed",
  "request too large",
  "unsupported media type",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** InfluxDB's mapping of error codes to statuses (a conflict is 422 there, not 409). */
const STATUS_BY_CODE: Record<ErrorCode, number> = {
  "internal error": 500,
  "not implemented": 501,
  "not found": 404,
  conflict: 422,
  invalid: 400,
  "unprocessable entity": 422,
  "empty value": 400,
  unavailable: 503,
  forbidden: 403,
  "too many requests": 429,
  unauthorized: 401,
  "method not allowed": 405,
  "request too large": 413,
  "unsupported media type": 415,
};

/** Fields some error bodies carry besides code and message. */
export interface ErrorDetails {
  /** First rejected line of a write (1-based). */
  line?: number;
  op?: string;
  err?: string;
  /** Body size limit, for 413. */
  maxLength?: number;
}

export interface ErrorBody extends ErrorDetails {
  code: ErrorCode;
  message: string;
}

export interface ApiErrorOptions {
  /** Overrides the status the code implies (e.g. 413 with code `invalid`). */
  status?: number;
  details?: ErrorDetails;
  headers?: Record<string, string>;
  cause?: unknown;
}

export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;
  readonly details: ErrorDetails;
  readonly headers: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.status = options.status ?? STATUS_BY_CODE[code];
    this.details = options.details ?? {};
    this.headers = options.headers ?? {};
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, ...this.details };
  }
}

const CODE_BY_STATUS = new Map<number, ErrorCode>(
  (Object.entries(STATUS_BY_CODE) as [ErrorCode, number][])
    // Statuses shared by two codes: a bare 400 is `invalid`, a bare 422 `unprocessable entity`.
    .filter(([code]) => code !== "conflict" && code !== "empty value")
    .map(([code, status]) => [status, code]),
);

/** The code for an error that arrives as a bare status (framework errors such as malformed JSON). */
export function codeForStatus(status: number): ErrorCode {
  return CODE_BY_STATUS.get(status) ?? (status >= 500 ? "internal error" : "invalid");
}

export const invalid = (message: string, details?: ErrorDetails) => new ApiError("invalid", message, { details });
export const notFound = (message = "not found") => new ApiError("not found", message);
export const unauthorized = (message = "unauthorized access") => new ApiError("unauthorized", message);
export const forbidden = (message: string) => new ApiError("forbidden", message);
export const conflict = (message: string) => new ApiError("conflict", message);
export const unprocessable = (message: string) => new ApiError("unprocessable entity", message);
export const methodNotAllowed = (message = "method not allowed") => new ApiError("method not allowed", message);
export const unsupportedMediaType = (message: string) => new ApiError("unsupported media type", message);
export const notImplemented = (message: string) => new ApiError("not implemented", message);
export const internal = (message = "internal error", cause?: unknown) => new ApiError("internal error", message, { cause });

/** DECISIONS.md #4: a body over the limit is 413 with code `invalid` and the limit in `maxLength`. */
export const tooLarge = (maxLength: number, message = `request body is larger than the limit of ${maxLength} bytes`) =>
  new ApiError("invalid", message, { status: 413, details: { maxLength } });

export const tooManyRequests = (message: string, retryAfterSeconds?: number) =>
  new ApiError("too many requests", message, { headers: retryAfter(retryAfterSeconds) });

export const unavailable = (message: string, retryAfterSeconds?: number) =>
  new ApiError("unavailable", message, { headers: retryAfter(retryAfterSeconds) });

function retryAfter(seconds: number | undefined): Record<string, string> {
  return seconds === undefined ? {} : { "Retry-After": String(Math.max(0, Math.ceil(seconds))) };
}
