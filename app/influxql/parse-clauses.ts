/**
 * Optional clauses shared by SELECT and the SHOW statements: WHERE, GROUP BY, fill(), ORDER BY,
 * tz(), AS aliases and `WITH KEY` tag-key filters. Each returns its "absent" value when the
 * clause's first token is not there, leaving that token unread.
 */
import type { Expr, FillOption, SortField, TagKeyFilter } from "./ast.ts";
import { plainError, unexpected } from "./parse-error.ts";
import { parseExpr, parseRegex } from "./parse-expr.ts";
import { parseIdent, parseIdentList, parseTokens } from "./parse-primitives.ts";
import { resolveTimeZone } from "./time-zone.ts";
import type { TokenStream } from "./token-stream.ts";

export function parseCondition(ts: TokenStream): Expr | null {
  if (ts.scanIgnoreWhitespace().tok !== "WHERE") {
    ts.unscan();
    return null;
  }
  return parseExpr(ts);
}

export function parseDimensions(ts: TokenStream): Expr[] {
  if (ts.scanIgnoreWhitespace().tok !== "GROUP") {
    ts.unscan();
    return [];
  }
  const by = ts.scanIgnoreWhitespace();
  if (by.tok !== "BY") throw unexpected(by, ["BY"]);
  const dimensions: Expr[] = [];
  for (;;) {
    const re = parseRegex(ts);
    if (re !== null) {
      dimensions.push(re);
    } else {
      dimensions.push(parseExpr(ts));
      ts.consumeWhitespace();
    }
    if (ts.scan().tok !== "COMMA") {
      ts.unscan();
      return dimensions;
    }
  }
}

const FILL_KEYWORDS = new Set(["null", "none", "previous", "linear"]);

/** `fill(null|none|previous|linear|<number>)`; the default is fill(null). */
export function parseFill(ts: TokenStream): { fill: FillOption; fillValue: bigint | number | null } {
  const t = ts.scanIgnoreWhitespace();
  ts.unscan();
  if (t.tok !== "IDENT" || t.lit.toLowerCase() !== "fill") return { fill: "null", fillValue: null };
  const expr = parseExpr(ts);
  if (expr.kind !== "call") throw plainError("fill must be a function call");
  if (expr.args.length !== 1) throw plainError("fill requires an argument, e.g.: 0, null, none, previous, linear");
  const arg = expr.args[0];
  // Go compares the argument's printed form, so only a bare, uncast name matches a keyword.
  if (arg.kind === "varref" && arg.dataType === null && FILL_KEYWORDS.has(arg.name)) {
    return { fill: arg.name as FillOption, fillValue: null };
  }
  if (arg.kind === "integer" || arg.kind === "number") return { fill: "number", fillValue: arg.value };
  throw plainError("expected number argument in fill()");
}

/** `tz('Region/City')`: the zone name, or null when there is no tz clause. */
export function parseTimeZone(ts: TokenStream): string | null {
  const t = ts.scanIgnoreWhitespace();
  ts.unscan();
  if (t.tok !== "IDENT" || t.lit.toLowerCase() !== "tz") return null;
  const expr = parseExpr(ts);
  if (expr.kind !== "call") throw plainError("tz must be a function call");
  if (expr.args.length !== 1) throw plainError("tz requires exactly one argument");
  const arg = expr.args[0];
  if (arg.kind !== "string") throw plainError("expected string argument in tz()");
  const zone = resolveTimeZone(arg.value);
  if (zone === null) throw plainError(`unable to find time zone ${arg.value}`);
  return zone;
}

const ONLY_TIME = "only ORDER BY time supported at this time";

export function parseOrderBy(ts: TokenStream): SortField[] {
  if (ts.scanIgnoreWhitespace().tok !== "ORDER") {
    ts.unscan();
    return [];
  }
  const by = ts.scanIgnoreWhitespace();
  if (by.tok !== "BY") throw unexpected(by, ["BY"]);

  const fields: SortField[] = [];
  const t = ts.scanIgnoreWhitespace();
  if (t.tok === "ASC" || t.tok === "DESC") {
    fields.push({ name: "", ascending: t.tok === "ASC" });
  } else if (t.tok === "IDENT") {
    ts.unscan();
    const field = parseSortField(ts);
    if (t.lit !== "time") throw plainError(ONLY_TIME);
    fields.push(field);
  } else {
    throw unexpected(t, ["identifier", "ASC", "DESC"]);
  }
  for (;;) {
    if (ts.scanIgnoreWhitespace().tok !== "COMMA") {
      ts.unscan();
      break;
    }
    fields.push(parseSortField(ts));
  }
  if (fields.length > 1) throw plainError(ONLY_TIME);
  return fields;
}

function parseSortField(ts: TokenStream): SortField {
  const name = parseIdent(ts);
  const t = ts.scanIgnoreWhitespace();
  if (t.tok !== "ASC" && t.tok !== "DESC") ts.unscan();
  return { name, ascending: t.tok !== "DESC" };
}

/** `AS name`, or "" when no AS follows. */
export function parseAlias(ts: TokenStream): string {
  if (ts.scanIgnoreWhitespace().tok !== "AS") {
    ts.unscan();
    return "";
  }
  return parseIdent(ts);
}

/** `WITH KEY = k | != k | =~ /re/ | !~ /re/ | IN (k1, k2)`. */
export function parseTagKeyFilter(ts: TokenStream): TagKeyFilter {
  parseTokens(ts, ["WITH", "KEY"]);
  const t = ts.scanIgnoreWhitespace();
  switch (t.tok) {
    case "IN": {
      const open = ts.scanIgnoreWhitespace();
      if (open.tok !== "LPAREN") throw unexpected(open, ["("]);
      const keys = parseIdentList(ts);
      const close = ts.scanIgnoreWhitespace();
      if (close.tok !== "RPAREN") throw unexpected(close, [")"]);
      return { op: "IN", keys };
    }
    case "EQ":
    case "NEQ":
      return { op: t.tok === "EQ" ? "=" : "!=", key: parseIdent(ts) };
    case "EQREGEX":
    case "NEQREGEX": {
      const regex = parseRegex(ts);
      if (regex === null) throw unexpected(ts.scanIgnoreWhitespace(), ["regex"]);
      return { op: t.tok === "EQREGEX" ? "=~" : "!~", regex };
    }
    default:
      throw unexpected(t, ["IN", "=", "=~"]);
  }
}
