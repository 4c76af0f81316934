/**
 * Expressions: operands, function calls, casts, regexes and binary operators with InfluxQL's
 * precedence (OR < AND < comparisons < + - | ^ < * / % &), built the way Go's ParseExpr builds
 * them so that trees (and printed forms) match InfluxDB's.
 */
import type { BinaryExpr, BinaryOp, DataType, Expr, RegexLiteral } from "./ast.ts";
import { DurationError, parseDuration } from "./duration.ts";
import { errorAt, InfluxQLParseError, plainError, unexpected } from "./parse-error.ts";
import { parseSegmentedIdents } from "./parse-primitives.ts";
import { regexSyntaxError } from "./regex-syntax.ts";
import type { Tok } from "./scanner.ts";
import type { TokenStream } from "./token-stream.ts";
import { isOperator, operatorText } from "./tokens.ts";

const INT64_MIN = -9223372036854775808n;
const INT64_MAX = 9223372036854775807n;
const UINT64_MAX = 18446744073709551615n;
const DOLLAR = 36;
const SLASH = 47;

const PRECEDENCE: Record<BinaryOp, number> = {
  OR: 1,
  AND: 2,
  "=": 3, "!=": 3, "=~": 3, "!~": 3, "<": 3, "<=": 3, ">": 3, ">=": 3,
  "+": 4, "-": 4, "|": 4, "^": 4,
  "*": 5, "/": 5, "%": 5, "&": 5,
};

const CASTS = new Map<string, DataType>([
  ["float", "float"],
  ["integer", "integer"],
  ["unsigned", "unsigned"],
  ["string", "string"],
  ["boolean", "boolean"],
]);

export function parseExpr(ts: TokenStream): Expr {
  const root: { rhs: Expr } = { rhs: parseUnaryExpr(ts) };
  for (;;) {
    const opTok = ts.scanIgnoreWhitespace();
    if (!isOperator(opTok.tok)) {
      ts.unscan();
      return root.rhs;
    }
    const op = operatorText(opTok.tok);
    let rhs: Expr;
    if (opTok.tok === "EQREGEX" || opTok.tok === "NEQREGEX") {
      const re = parseRegex(ts);
      if (re === null) throw unexpected(ts.scanIgnoreWhitespace(), ["regex"]);
      rhs = re;
    } else {
      rhs = parseUnaryExpr(ts);
    }
    // Descend the right spine to the first node binding no tighter than `op`, and hang the new
    // operator there: left-associative, precedence-respecting, exactly Go's tree shape.
    let node: { rhs: Expr } = root;
    for (;;) {
      const r = node.rhs;
      if (r.kind !== "binary" || PRECEDENCE[r.op] >= PRECEDENCE[op]) {
        node.rhs = { kind: "binary", op, lhs: r, rhs };
        break;
      }
      node = r as BinaryExpr;
    }
  }
}

function parseUnaryExpr(ts: TokenStream): Expr {
  const t = ts.scanIgnoreWhitespace();
  switch (t.tok) {
    case "LPAREN": {
      ts.enter(t);
      const expr = parseExpr(ts);
      ts.leave();
      const close = ts.scanIgnoreWhitespace();
      if (close.tok !== "RPAREN") throw unexpected(close, [")"]);
      return { kind: "paren", expr };
    }
    case "IDENT": {
      // A call only when `(` follows immediately; `f (x)` is a name followed by a group.
      if (ts.scan().tok === "LPAREN") return parseCall(ts, t.lit, t);
      ts.unscan();
      ts.unscan();
      return parseVarRef(ts);
    }
    case "DISTINCT": {
      const next = ts.scan();
      if (next.tok === "LPAREN") return parseCall(ts, "distinct", t);
      if (next.tok === "WS") {
        const name = ts.scanIgnoreWhitespace();
        if (name.tok !== "IDENT") throw unexpected(name, ["identifier"]);
        return { kind: "distinct", name: name.lit };
      }
      throw unexpected(next, ["(", "identifier"]);
    }
    case "STRING":
      return { kind: "string", value: t.lit };
    case "NUMBER": {
      const value = Number(t.lit);
      if (!Number.isFinite(value)) throw errorAt("unable to parse number", t.pos);
      return { kind: "number", value };
    }
    case "INTEGER":
      return parseIntegerLiteral(t);
    case "TRUE":
    case "FALSE":
      return { kind: "boolean", value: t.tok === "TRUE" };
    case "DURATIONVAL":
      try {
        return { kind: "duration", value: parseDuration(t.lit) };
      } catch (e) {
        if (e instanceof DurationError) throw plainError(e.message);
        throw e;
      }
    case "MUL": {
      const next = ts.scan();
      if (next.tok !== "DOUBLECOLON") {
        ts.unscan();
        return { kind: "wildcard", dataType: null };
      }
      const type = ts.scan();
      if (type.tok === "FIELD") return { kind: "wildcard", dataType: "field" };
      if (type.tok === "TAG") return { kind: "wildcard", dataType: "tag" };
      throw unexpected(type, ["field", "tag"]);
    }
    case "REGEX":
      return checkedRegex(t);
    case "BOUNDPARAM": {
      // Still a parameter here means it was not bound, or bound to a value that failed.
      const name = t.lit.startsWith("$") ? t.lit.slice(1) : t.lit;
      if (name === "") throw plainError("empty bound parameter");
      const v = ts.params.get(name);
      if (v === undefined) throw plainError(`missing parameter: ${name}`);
      throw plainError(v.lit);
    }
    case "ADD":
    case "SUB":
      return parseSigned(ts, t.tok === "SUB");
    default:
      throw unexpected(t, ["identifier", "string", "number", "bool"]);
  }
}

function parseIntegerLiteral(t: Tok): Expr {
  const v = /^[+-]?\d+$/.test(t.lit) ? BigInt(t.lit) : null;
  if (v !== null && v >= INT64_MIN && v <= INT64_MAX) return { kind: "integer", value: v };
  // Too large for int64: Go retries as uint64 (only unsigned digits qualify).
  if (v !== null && /^\d+$/.test(t.lit) && v <= UINT64_MAX) return { kind: "unsigned", value: v };
  throw errorAt("unable to parse integer", t.pos);
}

/** `-x` / `+x`: folds into a literal, or becomes `-1 * x` for names, calls and groups. */
function parseSigned(ts: TokenStream, negative: boolean): Expr {
  const next = ts.scanIgnoreWhitespace();
  switch (next.tok) {
    case "NUMBER":
    case "INTEGER":
    case "DURATIONVAL":
    case "LPAREN":
    case "IDENT":
      break;
    default:
      throw unexpected(next, ["identifier", "number", "duration", "("]);
  }
  ts.unscan();
  const operand = parseUnaryExpr(ts);
  const sign = negative ? -1n : 1n;
  switch (operand.kind) {
    case "number":
      return { kind: "number", value: negative ? -operand.value : operand.value };
    case "integer":
      return { kind: "integer", value: BigInt.asIntN(64, operand.value * sign) };
    case "unsigned":
      if (!negative) return operand;
      // -9223372036854775808 scans as an unsigned literal but fits int64 once negated.
      if (operand.value === INT64_MAX + 1n) return { kind: "integer", value: INT64_MIN };
      throw plainError(`constant -${operand.value} underflows int64`);
    case "duration":
      return { kind: "duration", value: BigInt.asIntN(64, operand.value * sign) };
    case "varref":
    case "call":
    case "paren":
      return { kind: "binary", op: "*", lhs: { kind: "integer", value: sign }, rhs: operand };
    default:
      throw new InfluxQLParseError(`unexpected literal: ${operand.kind}`);
  }
}

/**
 * A `/regex/` operand if one comes next (after optional whitespace), else null. A `$param` bound
 * to a regex counts too.
 */
export function parseRegex(ts: TokenStream): RegexLiteral | null {
  if ([32, 9, 10].includes(ts.peekRune())) ts.consumeWhitespace();
  const next = ts.peekRune();
  if (next === DOLLAR) {
    const t = ts.scan();
    ts.unscan();
    if (t.tok !== "REGEX") return null;
  } else if (next !== SLASH) {
    return null;
  }
  const t = ts.scanRegex();
  if (t.tok === "BADESCAPE") throw errorAt(`bad escape: ${t.lit}`, t.pos);
  if (t.tok === "BADREGEX") throw errorAt(`bad regex: ${t.lit}`, t.pos);
  if (t.tok !== "REGEX") throw unexpected(t, ["regex"]);
  return checkedRegex(t);
}

function checkedRegex(t: Tok): RegexLiteral {
  const err = regexSyntaxError(t.lit);
  if (err !== null) throw errorAt(err, t.pos);
  return { kind: "regex", pattern: t.lit };
}

/** Arguments after `name(`; each may be a regex (`max(/usage/)`) or an expression. */
function parseCall(ts: TokenStream, name: string, at: Tok): Expr {
  ts.enter(at);
  const args: Expr[] = [];
  const first = parseRegex(ts);
  if (first !== null) {
    args.push(first);
  } else {
    if (ts.scan().tok === "RPAREN") {
      ts.leave();
      return { kind: "call", name: name.toLowerCase(), args };
    }
    ts.unscan();
    args.push(parseExpr(ts));
  }
  for (;;) {
    if (ts.scanIgnoreWhitespace().tok !== "COMMA") {
      ts.unscan();
      break;
    }
    args.push(parseRegex(ts) ?? parseExpr(ts));
  }
  const close = ts.scan();
  if (close.tok !== "RPAREN") throw unexpected(close, [")"]);
  ts.leave();
  return { kind: "call", name: name.toLowerCase(), args };
}

/** A (possibly dotted) name with an optional `::type` cast. */
function parseVarRef(ts: TokenStream): Expr {
  const segments = parseSegmentedIdents(ts);
  let dataType: DataType | null = null;
  if (ts.scan().tok === "DOUBLECOLON") {
    const t = ts.scan();
    if (t.tok === "IDENT") {
      const cast = CASTS.get(t.lit.toLowerCase());
      if (cast === undefined) {
        throw unexpected(t, ["float", "integer", "unsigned", "string", "boolean", "field", "tag"]);
      }
      dataType = cast;
    } else if (t.tok === "FIELD") {
      dataType = "field";
    } else if (t.tok === "TAG") {
      dataType = "tag";
    } else {
      throw unexpected(t, ["float", "integer", "string", "boolean", "field", "tag"]);
    }
  } else {
    ts.unscan();
  }
  return { kind: "varref", name: segments.join("."), dataType };
}
