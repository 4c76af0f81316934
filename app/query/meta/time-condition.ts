/**
 * The time part of a WHERE clause, as InfluxDB 1.x's `influxql.ConditionExpr` takes it apart:
 * every comparison with `time` narrows one range (intersected, even under OR), and the rest of the
 * condition comes back without them.
 */
import { formatExpr, type BinaryExpr, type Expr } from "../../influxql/parser.ts";
import { StatementError } from "../statement-error.ts";
import { isTimeString, parseTimeString } from "../select/time-literal.ts";

/** Inclusive nanosecond bounds; null = unbounded on that side. */
export interface TimeBounds {
  min: bigint | null;
  max: bigint | null;
}

export interface SplitCondition extends TimeBounds {
  condition: Expr | null;
}

/** InfluxDB's `influxql.MinTime` / `MaxTime`, the bounds of an unbounded range. */
export const MIN_TIME = -9223372036854775806n;
export const MAX_TIME = 9223372036854775806n;

const isTimeRef = (e: Expr) => e.kind === "varref" && e.name.toLowerCase() === "time";

/** `influxql.HasTimeExpr`: a comparison with `time` on its left, outside any function. */
export function hasTimeExpr(e: Expr | null): boolean {
  if (e === null) return false;
  if (e.kind === "paren") return hasTimeExpr(e.expr);
  if (e.kind !== "binary") return false;
  if (e.op === "AND" || e.op === "OR") return hasTimeExpr(e.lhs) || hasTimeExpr(e.rhs);
  return isTimeRef(e.lhs);
}

export function splitTimeCondition(cond: Expr | null, nowNs: bigint): SplitCondition {
  const bounds: TimeBounds = { min: null, max: null };
  let condition = split(cond, nowNs, bounds);
  if (condition?.kind === "paren") condition = condition.expr;
  if (condition?.kind === "boolean" && condition.value) condition = null;
  return { condition, ...bounds };
}

function split(e: Expr | null, nowNs: bigint, bounds: TimeBounds): Expr | null {
  if (e === null) return null;
  switch (e.kind) {
    case "binary": {
      if (e.op === "AND" || e.op === "OR") {
        const lhs = split(e.lhs, nowNs, bounds);
        const rhs = split(e.rhs, nowNs, bounds);
        if (rhs === null) return lhs;
        if (lhs === null) return rhs;
        return { ...e, lhs, rhs };
      }
      if (isTimeRef(e.lhs)) {
        narrow(bounds, e.op, e.rhs, nowNs);
        return null;
      }
      if (isTimeRef(e.rhs)) {
        narrow(bounds, MIRRORED[e.op] ?? e.op, e.lhs, nowNs);
        return null;
      }
      return e;
    }
    case "paren": {
      const inner = split(e.expr, nowNs, bounds);
      return inner === null ? null : { kind: "paren", expr: inner };
    }
    case "boolean":
      return e;
    default:
      throw new StatementError(`invalid condition expression: ${formatExpr(e)}`);
  }
}

const MIRRORED: Partial<Record<BinaryExpr["op"], BinaryExpr["op"]>> = { ">": "<", "<": ">", ">=": "<=", "<=": ">=" };

function narrow(bounds: TimeBounds, op: BinaryExpr["op"], rhs: Expr, nowNs: bigint): void {
  const value = timeValue(rhs, nowNs);
  let min: bigint | null = null;
  let max: bigint | null = null;
  switch (op) {
    case ">":
      min = value + 1n;
      break;
    case ">=":
      min = value;
      break;
    case "<":
      max = value - 1n;
      break;
    case "<=":
      max = value;
      break;
    case "=":
      min = max = value;
      break;
    default:
      throw new StatementError(`invalid time comparison operator: ${op}`);
  }
  if (min !== null && (bounds.min === null || min > bounds.min)) bounds.min = min;
  if (max !== null && (bounds.max === null || max < bounds.max)) bounds.max = max;
}

const GO_TYPES: Partial<Record<Expr["kind"], string>> = {
  string: "*influxql.StringLiteral",
  varref: "*influxql.VarRef",
  boolean: "*influxql.BooleanLiteral",
  regex: "*influxql.RegexLiteral",
  call: "*influxql.Call",
  binary: "*influxql.BinaryExpr",
  paren: "*influxql.ParenExpr",
  wildcard: "*influxql.Wildcard",
  distinct: "*influxql.Distinct",
  unsigned: "*influxql.UnsignedLiteral",
};

/** The instant a time comparison names, with `now()` and duration arithmetic folded in. */
function timeValue(e: Expr, nowNs: bigint): bigint {
  const folded = fold(e, nowNs);
  if (folded !== null) return folded;
  throw new StatementError(`invalid operation: time and ${GO_TYPES[e.kind] ?? e.kind} are not compatible`);
}

function fold(e: Expr, nowNs: bigint): bigint | null {
  switch (e.kind) {
    case "integer":
      return e.value;
    case "duration":
      return e.value;
    case "number":
      return BigInt(Math.trunc(e.value));
    case "string":
      // A meta statement has no tz(): UTC.
      return isTimeString(e.value) ? parseTimeString(e.value, null) : null;
    case "call":
      return e.name === "now" && e.args.length === 0 ? nowNs : null;
    case "paren":
      return fold(e.expr, nowNs);
    case "binary": {
      if (e.op !== "+" && e.op !== "-") return null;
      if (e.rhs.kind !== "duration" && e.rhs.kind !== "integer") return null;
      const lhs = fold(e.lhs, nowNs);
      if (lhs === null) return null;
      return e.op === "+" ? lhs + e.rhs.value : lhs - e.rhs.value;
    }
    default:
      return null;
  }
}
