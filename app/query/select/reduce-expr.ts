/**
 * Go's `influxql.Reduce`: folds literal sub-expressions (`2 + 3`, `now() - 1h`,
 * `'2026-01-01T00:00:00Z' + 2h`, `sqrt(4)`) the way InfluxDB does before planning, with the same
 * int64 wrap-around, divide-by-zero results and time-literal conversions.
 */
import type { BinaryOp } from "../../influxql/ast.ts";
import { isLiteral, type LiteralQ, type QExpr } from "./expr.ts";
import { mathCall } from "./math-functions.ts";
import { isTimeString, parseTimeString } from "./time-literal.ts";
import type { Value } from "./value.ts";

export interface ReduceValuer {
  /** now() as ns since the epoch; undefined leaves now() in place. */
  now?: bigint;
  /** Evaluate math functions with literal arguments. */
  math?: boolean;
  /** tz() of the statement, for time strings without an offset. */
  tz?: string | null;
}

const i64 = (v: bigint) => BigInt.asIntN(64, v);
const u64 = (v: bigint) => BigInt.asUintN(64, v);
const bool = (value: boolean): LiteralQ => ({ kind: "boolean", value });
const num = (value: number): LiteralQ => ({ kind: "number", value });
const int = (value: bigint): LiteralQ => ({ kind: "integer", value: i64(value) });
const time = (value: bigint): LiteralQ => ({ kind: "time", value });
const dur = (value: bigint): LiteralQ => ({ kind: "duration", value: i64(value) });

/** The six comparisons, shared by every literal kind that orders (numbers, integers, durations, times). */
function compare<T extends number | bigint>(op: BinaryOp, l: T, r: T): LiteralQ | undefined {
  switch (op) {
    case "=":
      return bool(l === r);
    case "!=":
      return bool(l !== r);
    case ">":
      return bool(l > r);
    case ">=":
      return bool(l >= r);
    case "<":
      return bool(l < r);
    case "<=":
      return bool(l <= r);
  }
  return undefined;
}

export function reduce(e: QExpr, v: ReduceValuer | null): QExpr {
  const out = reduceNode(e, v);
  return out.kind === "paren" ? out.expr : out;
}

function reduceNode(e: QExpr, v: ReduceValuer | null): QExpr {
  switch (e.kind) {
    case "binary":
      return reduceBinary(e.op, reduceNode(e.lhs, v), reduceNode(e.rhs, v), v);
    case "call":
      return reduceCall(e.name, e.args.map((a) => reduceNode(a, v)), v);
    case "paren": {
      const sub = reduceNode(e.expr, v);
      return sub.kind === "binary" ? { kind: "paren", expr: sub } : sub;
    }
    default:
      return { ...e };
  }
}

function reduceCall(name: string, args: QExpr[], v: ReduceValuer | null): QExpr {
  if (v !== null && args.every(isLiteral)) {
    if (name === "now" && args.length === 0 && v.now !== undefined) return time(v.now);
    if (v.math) {
      const r = mathCall(name, args.map(literalValue));
      if (r.ok) return asLiteral(r.value);
    }
  }
  return { kind: "call", name, args };
}

/** Go's `Eval` of a literal with no variables. */
function literalValue(e: QExpr): Value {
  switch (e.kind) {
    case "boolean":
    case "number":
    case "integer":
    case "unsigned":
    case "string":
      return e.value;
    default:
      return null;
  }
}

function asLiteral(v: Value): LiteralQ {
  switch (typeof v) {
    case "boolean":
      return bool(v);
    case "number":
      return num(v);
    case "bigint":
      return int(v);
    case "string":
      return { kind: "string", value: v };
    default:
      return { kind: "nil" };
  }
}

const isTrue = (e: QExpr) => e.kind === "boolean" && e.value;
const isFalse = (e: QExpr) => e.kind === "boolean" && !e.value;

function reduceBinary(op: BinaryOp, lhs: QExpr, rhs: QExpr, v: ReduceValuer | null): QExpr {
  if (op === "AND") {
    if (isFalse(lhs) || isFalse(rhs)) return bool(false);
    if (isTrue(lhs)) return rhs;
    if (isTrue(rhs)) return lhs;
  } else if (op === "OR") {
    if (isTrue(lhs) || isTrue(rhs)) return bool(true);
    if (isFalse(lhs)) return rhs;
    if (isFalse(rhs)) return lhs;
  }
  const tz = v?.tz ?? null;
  let r: QExpr | undefined;
  switch (lhs.kind) {
    case "boolean":
      r = booleanLhs(op, lhs.value, rhs);
      break;
    case "duration":
      r = durationLhs(op, lhs.value, rhs, tz);
      break;
    case "integer":
      r = integerLhs(op, lhs.value, rhs, tz);
      break;
    case "unsigned":
      r = unsignedLhs(op, lhs.value, rhs);
      break;
    case "nil":
      r = op === "=" || op === "!=" ? bool(false) : undefined;
      break;
    case "number":
      r = numberLhs(op, lhs.value, rhs);
      break;
    case "string":
      r = stringLhs(op, lhs.value, rhs, tz);
      break;
    case "time":
      r = timeLhs(op, lhs.value, rhs, tz);
      break;
  }
  return r ?? { kind: "binary", op, lhs, rhs };
}

function toTime(s: string, tz: string | null): bigint | undefined {
  if (!isTimeString(s)) return undefined;
  try {
    return parseTimeString(s, tz);
  } catch {
    return undefined;
  }
}

function booleanLhs(op: BinaryOp, l: boolean, rhs: QExpr): QExpr | undefined {
  if (rhs.kind === "boolean") {
    const r = rhs.value;
    switch (op) {
      case "=":
        return bool(l === r);
      case "!=":
      case "^":
        return bool(l !== r);
      case "AND":
      case "&":
        return bool(l && r);
      case "OR":
      case "|":
        return bool(l || r);
    }
  } else if (rhs.kind === "nil") return bool(false);
  return undefined;
}

function durationLhs(op: BinaryOp, l: bigint, rhs: QExpr, tz: string | null): QExpr | undefined {
  switch (rhs.kind) {
    case "duration": {
      const r = rhs.value;
      switch (op) {
        case "+":
          return dur(l + r);
        case "-":
          return dur(l - r);
        default:
          return compare(op, l, r);
      }
      return undefined;
    }
    case "number":
    case "integer": {
      const r = rhs.kind === "number" ? BigInt(Math.trunc(rhs.value)) : rhs.value;
      if (op === "*") return dur(l * r);
      if (op === "/") return r === 0n ? dur(0n) : dur(l / r);
      return undefined;
    }
    case "time":
      return op === "+" ? time(rhs.value + l) : undefined;
    case "string":
      return withTimeString(durationLhs, op, l, rhs.value, tz);
    case "nil":
      return bool(false);
  }
  return undefined;
}

function integerLhs(op: BinaryOp, l: bigint, rhs: QExpr, tz: string | null): QExpr | undefined {
  switch (rhs.kind) {
    case "number":
      return numberLhs(op, Number(l), rhs);
    case "integer": {
      const r = rhs.value;
      switch (op) {
        case "+":
          return int(l + r);
        case "-":
          return int(l - r);
        case "*":
          return int(l * r);
        case "/":
          return r === 0n ? num(0) : num(Number(l) / Number(r));
        case "%":
          return r === 0n ? int(0n) : int(l % r);
        case "&":
          return int(l & r);
        case "|":
          return int(l | r);
        case "^":
          return int(l ^ r);
        default:
          return compare(op, l, r);
      }
      return undefined;
    }
    case "unsigned":
      if (l < 0n) {
        if (op === "<" || op === "<=") return bool(true);
        if (op === ">" || op === ">=") return bool(false);
      }
      return unsignedLhs(op, u64(l), rhs);
    case "duration":
      if (op === "+") return time(l + rhs.value);
      if (op === "-") return time(l - rhs.value);
      return undefined;
    case "time":
      return literalOnly(durationLhs(op, l, rhs, tz));
    case "string":
      return withTimeString(durationLhs, op, l, rhs.value, tz);
    case "nil":
      return bool(false);
  }
  return undefined;
}

function unsignedLhs(op: BinaryOp, l: bigint, rhs: QExpr): QExpr | undefined {
  switch (rhs.kind) {
    case "number":
      return numberLhs(op, Number(l), rhs);
    case "integer":
      if (rhs.value < 0n) {
        if (op === "<" || op === "<=") return bool(false);
        if (op === ">" || op === ">=") return bool(true);
      }
      return unsignedLhs(op, l, { kind: "unsigned", value: u64(rhs.value) });
    case "unsigned": {
      const r = rhs.value;
      const un = (value: bigint): LiteralQ => ({ kind: "unsigned", value: u64(value) });
      switch (op) {
        case "+":
          return un(l + r);
        case "-":
          return un(l - r);
        case "*":
          return un(l * r);
        case "/":
          return un(r === 0n ? 0n : l / r);
        case "%":
          return un(r === 0n ? 0n : l % r);
        default:
          return compare(op, l, r);
      }
    }
  }
  return undefined;
}

function numberLhs(op: BinaryOp, l: number, rhs: QExpr): QExpr | undefined {
  let r: number;
  switch (rhs.kind) {
    case "number":
      r = rhs.value;
      break;
    case "integer":
    case "unsigned":
      r = Number(rhs.value);
      break;
    case "nil":
      return bool(false);
    default:
      return undefined;
  }
  switch (op) {
    case "+":
      return num(l + r);
    case "-":
      return num(l - r);
    case "*":
      return num(l * r);
    case "/":
      return num(r === 0 ? 0 : l / r);
    case "%":
      return num(l % r);
    default:
      return compare(op, l, r);
  }
  return undefined;
}

function stringLhs(op: BinaryOp, l: string, rhs: QExpr, tz: string | null): QExpr | undefined {
  switch (rhs.kind) {
    case "string": {
      if (op === "=" || op === "!=") {
        let out: QExpr = bool(op === "=" ? l === rhs.value : l !== rhs.value);
        if (isTimeString(l) && isTimeString(rhs.value)) {
          const a = toTime(l, tz);
          const b = toTime(rhs.value, tz);
          if (a !== undefined && b !== undefined) out = bool(op === "=" ? a === b : a !== b);
        }
        return out;
      }
      if (op === "+") return { kind: "string", value: l + rhs.value };
      return timeFromString(op, l, rhs, tz);
    }
    case "duration":
    case "time":
    case "integer":
      return timeFromString(op, l, rhs, tz);
    case "nil":
      return op === "=" || op === "!=" ? bool(false) : undefined;
  }
  return undefined;
}

function timeFromString(op: BinaryOp, l: string, rhs: QExpr, tz: string | null): QExpr | undefined {
  const t = toTime(l, tz);
  if (t === undefined) return undefined;
  return literalOnly(timeLhs(op, t, rhs, tz));
}

/** A reduction that only counts when it gave a literal (a binary result means Go left the expression as it was). */
function literalOnly(r: QExpr | undefined): QExpr | undefined {
  return r !== undefined && r.kind !== "binary" ? r : undefined;
}

/** `l op 'text'` where the text stands for a time, by the reduction of `l op time`. */
function withTimeString(
  reduce: (op: BinaryOp, l: bigint, rhs: QExpr, tz: string | null) => QExpr | undefined,
  op: BinaryOp,
  l: bigint,
  text: string,
  tz: string | null,
): QExpr | undefined {
  const t = toTime(text, tz);
  return t === undefined ? undefined : literalOnly(reduce(op, l, time(t), tz));
}

function timeLhs(op: BinaryOp, l: bigint, rhs: QExpr, tz: string | null): QExpr | undefined {
  switch (rhs.kind) {
    case "duration":
      if (op === "+") return time(l + rhs.value);
      if (op === "-") return time(l - rhs.value);
      return undefined;
    case "integer":
      return timeLhs(op, l, dur(rhs.value), tz);
    case "time": {
      const r = rhs.value;
      switch (op) {
        case "-":
          return dur(l - r);
        default:
          return compare(op, l, r);
      }
      return undefined;
    }
    case "string":
      return withTimeString(timeLhs, op, l, rhs.value, tz);
    case "nil":
      return bool(false);
  }
  return undefined;
}
