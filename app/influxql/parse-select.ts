/** SELECT statements (also the body of subqueries, EXPLAIN and continuous queries). */
import type { BinaryOp, Expr, Field, Measurement, SelectStatement } from "./ast.ts";
import { parseAlias, parseCondition, parseDimensions, parseFill, parseOrderBy, parseTimeZone } from "./parse-clauses.ts";
import { plainError, unexpected } from "./parse-error.ts";
import { parseExpr, parseRegex } from "./parse-expr.ts";
import { parseOptionalTokenAndInt, parseSegmentedIdents, parseTokens } from "./parse-primitives.ts";
import { parseSources } from "./parse-sources.ts";
import type { TokenStream } from "./token-stream.ts";

/** Whether INTO must appear (continuous queries) or may (plain and sub- SELECTs). */
export type TargetRequirement = "required" | "optional" | "subquery";

const COLON = 58;

/** Parses what follows the SELECT keyword. */
export function parseSelectStatement(ts: TokenStream, target: TargetRequirement): SelectStatement {
  const fields = parseFields(ts);
  const into = parseTarget(ts, target);
  const from = ts.scanIgnoreWhitespace();
  if (from.tok !== "FROM") throw unexpected(from, ["FROM"]);
  const sources = parseSources(ts, true);
  const condition = parseCondition(ts);
  const dimensions = parseDimensions(ts);
  const { fill, fillValue } = parseFill(ts);
  const sortFields = parseOrderBy(ts);
  const limit = parseOptionalTokenAndInt(ts, "LIMIT");
  const offset = parseOptionalTokenAndInt(ts, "OFFSET");
  const slimit = parseOptionalTokenAndInt(ts, "SLIMIT");
  const soffset = parseOptionalTokenAndInt(ts, "SOFFSET");
  const timeZone = parseTimeZone(ts);
  return {
    kind: "select",
    fields,
    target: into,
    sources,
    condition,
    dimensions,
    fill,
    fillValue,
    sortFields,
    limit,
    offset,
    slimit,
    soffset,
    timeZone,
    isRawQuery: !fields.some((f) => containsCall(f.expr)),
  };
}

function containsCall(e: Expr): boolean {
  switch (e.kind) {
    case "call":
      return true;
    case "binary":
      return containsCall(e.lhs) || containsCall(e.rhs);
    case "paren":
      return containsCall(e.expr);
    default:
      return false;
  }
}

function parseFields(ts: TokenStream): Field[] {
  const fields: Field[] = [];
  for (;;) {
    fields.push(parseField(ts));
    if (ts.scan().tok !== "COMMA") {
      ts.unscan();
      return fields;
    }
  }
}

const CONDITION_OPS = new Set<BinaryOp>(["=", "!=", "=~", "!~", "<", "<=", ">", ">=", "AND", "OR"]);

/**
 * The last comparison or logical operator in the expression, in Go's walk order (a match's own
 * operands are not searched) — the one InfluxDB names in its error.
 */
function lastConditionOp(e: Expr): BinaryOp | null {
  switch (e.kind) {
    case "binary":
      if (CONDITION_OPS.has(e.op)) return e.op;
      return lastConditionOp(e.rhs) ?? lastConditionOp(e.lhs);
    case "paren":
      return lastConditionOp(e.expr);
    case "call":
      for (let i = e.args.length - 1; i >= 0; i--) {
        const op = lastConditionOp(e.args[i]);
        if (op !== null) return op;
      }
      return null;
    default:
      return null;
  }
}

function parseField(ts: TokenStream): Field {
  let expr: Expr | null = parseRegex(ts);
  if (expr === null) {
    const start = ts.scanIgnoreWhitespace();
    ts.unscan();
    expr = parseExpr(ts);
    const op = lastConditionOp(expr);
    if (op !== null) {
      throw plainError(
        `invalid operator ${op} in SELECT clause at line ${start.pos.line + 1}, char ${start.pos.char + 1}; ` +
          "operator is intended for WHERE clause",
      );
    }
  }
  const alias = parseAlias(ts);
  ts.consumeWhitespace();
  return { expr, alias };
}

/** `INTO m`, `INTO rp.m`, `INTO db.rp.m`, `INTO db..:MEASUREMENT`. */
function parseTarget(ts: TokenStream, requirement: TargetRequirement): Measurement | null {
  const t = ts.scanIgnoreWhitespace();
  if (t.tok !== "INTO") {
    if (requirement === "required") throw unexpected(t, ["INTO"]);
    ts.unscan();
    return null;
  }
  const idents = parseSegmentedIdents(ts);
  if (idents.length < 3 && ts.peekRune() === COLON) {
    parseTokens(ts, ["COLON", "MEASUREMENT"]);
    idents.push("");
  }
  const m: Measurement = { kind: "measurement", database: "", retentionPolicy: "", name: "", regex: null };
  if (idents.length === 1) return { ...m, name: idents[0] };
  if (idents.length === 2) return { ...m, retentionPolicy: idents[0], name: idents[1] };
  return { ...m, database: idents[0], retentionPolicy: idents[1], name: idents[2] };
}
