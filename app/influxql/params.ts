/**
 * Bound parameters (`$name`), InfluxDB 1.x style: the `params` form value is JSON, and each value
 * replaces the `$name` token while the query is scanned — a string becomes a string literal, a
 * number an integer or float literal, `{"identifier": "cpu"}` an identifier, `{"regex": "^a"}` a
 * regex, `{"duration": "10s"}` a duration. Values that cannot be bound are kept as errors that
 * surface only if the query uses them, as in InfluxDB.
 */
import { goJsonSyntaxError } from "./go-json-syntax.ts";
import { formatDuration } from "./duration.ts";
import { formatFloatF } from "./go-float.ts";
import type { Token } from "./tokens.ts";

/** The token a parameter stands for (a BOUNDPARAM token carries a binding error's message). */
export interface BoundValue {
  tok: Token;
  lit: string;
}
export type BoundParams = ReadonlyMap<string, BoundValue>;

/** A rejected `params` value; the message is InfluxDB's whole error text. */
export class QueryParamsError extends Error {
  override readonly name = "QueryParamsError";
}

/** A JSON number kept as written, since InfluxDB types it by the presence of a `.`. */
class JsonNumber {
  constructor(readonly text: string) {}
}

type Json = null | boolean | string | JsonNumber | Json[] | { [key: string]: Json };

const INT64_MIN = -9223372036854775808n;
const INT64_MAX = 9223372036854775807n;

/** Go's `strconv.ParseInt(s, 10, 64)`; throws its error text. */
function parseInt64(s: string): bigint {
  if (!/^[+-]?\d+$/.test(s)) throw new Error(`strconv.ParseInt: parsing "${s}": invalid syntax`);
  const v = BigInt(s);
  if (v < INT64_MIN || v > INT64_MAX) throw new Error(`strconv.ParseInt: parsing "${s}": value out of range`);
  return v;
}

/** Go's `strconv.ParseFloat(s, 64)` for JSON number text (always well-formed). */
function parseFloat64(s: string): number {
  const v = Number(s);
  if (!Number.isFinite(v)) throw new Error(`strconv.ParseFloat: parsing "${s}": value out of range`);
  return v;
}

/** InfluxDB reads a JSON number as a float when it contains a `.`, else as an int64. */
function numberValue(n: JsonNumber): number | bigint {
  return n.text.includes(".") ? parseFloat64(n.text) : parseInt64(n.text);
}

function decodeJson(raw: string): Json {
  return JSON.parse(raw, function (this: unknown, _key: string, value: unknown, context?: { source?: string }) {
    return typeof value === "number" ? new JsonNumber(context?.source ?? String(value)) : value;
  } as (key: string, value: unknown) => unknown) as Json;
}

const errorValue = (message: string): BoundValue => ({ tok: "BOUNDPARAM", lit: message });
const integerValue = (v: bigint): BoundValue => ({ tok: "INTEGER", lit: v.toString() });
const numberLiteral = (v: number): BoundValue => ({ tok: "NUMBER", lit: formatFloatF(v) });

/** A top-level value, its JSON numbers already read as float or int64. */
function bindValue(v: Json | number | bigint): BoundValue {
  if (typeof v === "number") return numberLiteral(v);
  if (typeof v === "bigint") return integerValue(v);
  if (typeof v === "string") return { tok: "STRING", lit: v };
  if (typeof v === "boolean") return { tok: v ? "TRUE" : "FALSE", lit: "" };
  if (v === null) return errorValue("unable to bind parameter with type <nil>");
  if (Array.isArray(v)) return errorValue("unable to bind parameter with type []interface {}");
  return bindObject(v as { [key: string]: Json });
}

/** `{"<kind>": value}`: a value with an explicit literal kind. */
function bindObject(m: { [key: string]: Json }): BoundValue {
  const keys = Object.keys(m);
  if (keys.length !== 1) return errorValue("bound object parameter value must have exactly one entry");
  const kind = keys[0];
  let v: Json | number | bigint = m[kind];
  if (v instanceof JsonNumber) {
    try {
      v = numberValue(v);
    } catch (e) {
      return errorValue((e as Error).message);
    }
  }
  switch (kind) {
    case "ident":
    case "identifier":
      return typeof v === "string" ? { tok: "IDENT", lit: v } : errorValue("identifier must be a string value");
    case "regex":
      return typeof v === "string" ? { tok: "REGEX", lit: v } : errorValue("regex literal must be a string value");
    case "string":
      return typeof v === "string" ? { tok: "STRING", lit: v } : errorValue("string literal must be a string value");
    case "float":
    case "number":
      if (typeof v === "number") return numberLiteral(v);
      if (typeof v === "bigint") return numberLiteral(Number(v));
      return errorValue("number literal must be a float value");
    case "int":
    case "integer":
      return typeof v === "bigint" ? integerValue(v) : errorValue("integer literal must be an integer value");
    case "duration":
      if (typeof v === "string") return { tok: "DURATIONVAL", lit: v };
      if (typeof v === "bigint") return { tok: "DURATIONVAL", lit: formatDuration(v) };
      return errorValue("duration literal must be a string or integer value");
    default:
      return errorValue(`unknown bind object type: ${kind}`);
  }
}

/**
 * Decodes the `params` form value into bound parameters for `parseQuery`. Throws
 * QueryParamsError with the message InfluxDB answers (HTTP 400) when the JSON itself is unusable.
 */
export function decodeParams(raw: string): BoundParams {
  const syntax = goJsonSyntaxError(raw);
  if (syntax !== undefined) throw new QueryParamsError(`error parsing query parameters: ${syntax}`);
  const doc = decodeJson(raw);
  const params = new Map<string, BoundValue>();
  if (doc === null) return params;
  if (typeof doc !== "object" || Array.isArray(doc) || doc instanceof JsonNumber) {
    const kind = Array.isArray(doc) ? "array" : doc instanceof JsonNumber ? "number" : typeof doc === "string" ? "string" : "bool";
    throw new QueryParamsError(
      `error parsing query parameters: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`,
    );
  }
  for (const [name, value] of Object.entries(doc)) {
    let v: Json | number | bigint = value;
    if (v instanceof JsonNumber) {
      try {
        v = numberValue(v);
      } catch (e) {
        throw new QueryParamsError(`error parsing json value: ${(e as Error).message}`);
      }
    }
    params.set(name, bindValue(v));
  }
  return params;
}
