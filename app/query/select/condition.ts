/**
 * Go's `influxql.ConditionExpr`: splits a WHERE clause into its time range and the rest. Time
 * comparisons are intersected wherever they appear, even under OR (InfluxDB does not support
 * time in an OR, and answers as if it were an AND).
 */
import type { BinaryOp } from "../../influxql/ast.ts";
import { exprString, type QExpr } from "./expr.ts";
import { reduce, type ReduceValuer } from "./reduce-expr.ts";
import { StatementError } from "../statement-error.ts";
import { isTimeString, parseTimeString } from "./time-literal.ts";

/** The sentinel bounds of InfluxDB's time range (MinTime, MaxTime). */
export const MIN_TIME = -9223372036854775806n;
export const MAX_TIME = 9223372036854775806n;

/** Inclusive bounds; null where the statement gives none (Go's zero time). */
export interface TimeRange {
  min: bigint | null;
  max: bigint | null;
}

export function intersect(t: TimeRange, other: TimeRange): TimeRange {
  const out = { ...t };
  if (other.min !== null && (out.min === null || other.min > out.min)) out.min = other.min;
  if (other.max !== null && (out.max === null || other.max < out.max)) out.max = other.max;
  return out;
}

export function minTimeNano(t: TimeRange): bigint {
  return t.min ?? MIN_TIME;
}

export function maxTimeNano(t: TimeRange): bigint {
  return t.max ?? MAX_TIME;
}

export interface SplitCondition {
  condition: QExpr | null;
  range: TimeRange;
}

export function conditionExpr(cond: QExpr | null, valuer: ReduceValuer): SplitCondition {
  const { condition, range } = split(cond, valuer);
  let expr = condition;
  if (expr !== null && expr.kind === "paren") expr = expr.expr;
  if (expr !== null && expr.kind === "boolean" && expr.value) expr = null;
  return { condition: expr, range };
}

const NO_RANGE: TimeRange = { min: null, max: null };

function split(cond: QExpr | null, valuer: ReduceValuer): SplitCondition {
  if (cond === null) return { condition: null, range: NO_RANGE };
  switch (cond.kind) {
    case "binary": {
      if (cond.op === "AND" || cond.op === "OR") {
        const l = split(cond.lhs, valuer);
        const r = split(cond.rhs, valuer);
        const range = intersect(l.range, r.range);
        if (r.condition === null) return { condition: l.condition, range };
        if (l.condition === null) return { condition: r.condition, range };
        return { condition: reduce({ kind: "binary", op: cond.op, lhs: l.condition, rhs: r.condition }, null), range };
      }
      if (cond.lhs.kind === "varref" && cond.lhs.name.toLowerCase() === "time") {
        return { condition: null, range: timeRange(cond.op, cond.rhs, valuer) };
      }
      if (cond.rhs.kind === "varref" && cond.rhs.name.toLowerCase() === "time") {
        return { condition: null, range: timeRange(flip(cond.op), cond.lhs, valuer) };
      }
      return { condition: reduce(cond, valuer), range: NO_RANGE };
    }
    case "paren": {
      const inner = split(cond.expr, valuer);
      if (inner.condition === null) return { condition: null, range: inner.range };
      const r = reduce({ kind: "paren", expr: inner.condition }, null);
      return { condition: r.kind === "binary" ? { kind: "paren", expr: r } : r, range: inner.range };
    }
    case "boolean":
      return { condition: cond, range: NO_RANGE };
    default:
      throw new StatementError(`invalid condition expression: ${exprString(cond)}`);
  }
}

function flip(op: BinaryOp): BinaryOp {
  switch (op) {
    case ">":
      return "<";
    case "<":
      return ">";
    case ">=":
      return "<=";
    case "<=":
      return ">=";
    default:
      return op;
  }
}

/** Go's `%T` of an expression, as InfluxDB prints it in "not compatible" errors. */
export function goTypeName(e: QExpr): string {
  const names: Record<QExpr["kind"], string> = {
    varref: "VarRef",
    call: "Call",
    distinct: "Distinct",
    wildcard: "Wildcard",
    binary: "BinaryExpr",
    paren: "ParenExpr",
    regex: "RegexLiteral",
    string: "StringLiteral",
    number: "NumberLiteral",
    integer: "IntegerLiteral",
    unsigned: "UnsignedLiteral",
    boolean: "BooleanLiteral",
    duration: "DurationLiteral",
    time: "TimeLiteral",
    nil: "NilLiteral",
  };
  return `*influxql.${names[e.kind]}`;
}

function timeRange(op: BinaryOp, rhs: QExpr, valuer: ReduceValuer): TimeRange {
  if (rhs.kind === "string" && isTimeString(rhs.value)) rhs = { kind: "time", value: parseTimeString(rhs.value, valuer.tz ?? null) };
  rhs = reduce(rhs, valuer);
  let value: bigint;
  switch (rhs.kind) {
    case "time":
      if (rhs.value > MAX_TIME) throw new StatementError(`time ${rfc3339Seconds(rhs.value)} overflows time literal`);
      if (rhs.value < MIN_TIME + 1n) throw new StatementError(`time ${rfc3339Seconds(rhs.value)} underflows time literal`);
      value = rhs.value;
      break;
    case "duration":
    case "integer":
      value = rhs.value;
      break;
    case "number":
      value = BigInt.asIntN(64, BigInt(Math.trunc(rhs.value)));
      break;
    default:
      throw new StatementError(`invalid operation: time and ${goTypeName(rhs)} are not compatible`);
  }
  switch (op) {
    case ">":
      return { min: value + 1n, max: null };
    case ">=":
      return { min: value, max: null };
    case "<":
      return { min: null, max: value - 1n };
    case "<=":
      return { min: null, max: value };
    case "=":
      return { min: value, max: value };
    default:
      throw new StatementError(`invalid time comparison operator: ${op}`);
  }
}

function rfc3339Seconds(ns: bigint): string {
  const ms = Number(ns / 1_000_000n);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
