/**
 * Expression evaluation with Go's `influxql.ValuerEval` semantics: int64 arithmetic wraps, a
 * float and an integer compare as floats, `x / 0` is 0, mismatched types compare false and
 * compute null, a null beside a boolean counts as false. Expressions are compiled once into
 * closures over whatever context the caller evaluates them in (a row, a point).
 */
import type { BinaryOp } from "../../influxql/ast.ts";
import type { QExpr, VarRefQ } from "./expr.ts";
import { mathCall } from "./math-functions.ts";
import type { EvalValue, Value } from "./value.ts";

export type Evaluator<C> = (ctx: C) => EvalValue;

export interface EvalOptions {
  /** `int / int` gives a float (row expressions) rather than a truncated int64 (conditions). */
  integerFloatDivision: boolean;
  /** Whether math functions can be called (not in the conditions of subquery filters). */
  math: boolean;
}

const i64 = (v: bigint) => BigInt.asIntN(64, v);

export function compileExpr<C>(e: QExpr, resolve: (ref: VarRefQ) => Evaluator<C>, opt: EvalOptions): Evaluator<C> {
  switch (e.kind) {
    case "varref":
      return resolve(e);
    case "binary": {
      const l = compileExpr(e.lhs, resolve, opt);
      const r = compileExpr(e.rhs, resolve, opt);
      const op = e.op;
      const div = opt.integerFloatDivision;
      return (c) => evalBinary(op, l(c), r(c), div);
    }
    case "paren":
      return compileExpr(e.expr, resolve, opt);
    case "call": {
      if (!opt.math) return () => null;
      const args = e.args.map((a) => compileExpr(a, resolve, opt));
      const name = e.name;
      return (c) => {
        const r = mathCall(
          name,
          args.map((a) => {
            const v = a(c);
            return v instanceof RegExp ? null : v;
          }),
        );
        return r.ok ? r.value : null;
      };
    }
    case "regex": {
      const re = e.re;
      return () => re;
    }
    case "boolean":
    case "number":
    case "integer":
    case "unsigned":
    case "string": {
      const v = e.value;
      return () => v;
    }
    default:
      return () => null;
  }
}

/** True only for a boolean true result, as Go's `EvalBool`. */
export function truthy(v: EvalValue): boolean {
  return v === true;
}

export function evalBinary(op: BinaryOp, lhs: EvalValue, rhs: EvalValue, integerFloatDivision: boolean): EvalValue {
  if (lhs === null && typeof rhs === "boolean") lhs = false;
  else if (rhs === null && typeof lhs === "boolean") rhs = false;

  switch (typeof lhs) {
    case "boolean": {
      const ok = typeof rhs === "boolean";
      const r = rhs as boolean;
      switch (op) {
        case "AND":
        case "&":
          return ok && lhs && r;
        case "OR":
        case "|":
          return ok && (lhs || r);
        case "^":
        case "!=":
          return ok && lhs !== r;
        case "=":
          return ok && lhs === r;
      }
      break;
    }
    case "number": {
      const ok = typeof rhs === "number" || typeof rhs === "bigint";
      const r = ok ? Number(rhs) : 0;
      switch (op) {
        case "=":
          return ok && lhs === r;
        case "!=":
          return ok && lhs !== r;
        case "<":
          return ok && lhs < r;
        case "<=":
          return ok && lhs <= r;
        case ">":
          return ok && lhs > r;
        case ">=":
          return ok && lhs >= r;
        case "+":
          return ok ? lhs + r : null;
        case "-":
          return ok ? lhs - r : null;
        case "*":
          return ok ? lhs * r : null;
        case "/":
          return ok ? (r === 0 ? 0 : lhs / r) : null;
        case "%":
          return ok ? lhs % r : null;
      }
      break;
    }
    case "bigint": {
      if (typeof rhs === "number") {
        const l = Number(lhs);
        switch (op) {
          case "=":
            return l === rhs;
          case "!=":
            return l !== rhs;
          case "<":
            return l < rhs;
          case "<=":
            return l <= rhs;
          case ">":
            return l > rhs;
          case ">=":
            return l >= rhs;
          case "+":
            return l + rhs;
          case "-":
            return l - rhs;
          case "*":
            return l * rhs;
          case "/":
            return rhs === 0 ? 0 : l / rhs;
          case "%":
            return l % rhs;
        }
      } else if (typeof rhs === "bigint") {
        switch (op) {
          case "=":
            return lhs === rhs;
          case "!=":
            return lhs !== rhs;
          case "<":
            return lhs < rhs;
          case "<=":
            return lhs <= rhs;
          case ">":
            return lhs > rhs;
          case ">=":
            return lhs >= rhs;
          case "+":
            return i64(lhs + rhs);
          case "-":
            return i64(lhs - rhs);
          case "*":
            return i64(lhs * rhs);
          case "/":
            if (integerFloatDivision) return rhs === 0n ? 0 : Number(lhs) / Number(rhs);
            return rhs === 0n ? 0n : i64(lhs / rhs);
          case "%":
            return rhs === 0n ? 0n : lhs % rhs;
          case "&":
            return lhs & rhs;
          case "|":
            return lhs | rhs;
          case "^":
            return lhs ^ rhs;
        }
      }
      break;
    }
    case "string":
      switch (op) {
        case "=":
          return typeof rhs === "string" && lhs === rhs;
        case "!=":
          return typeof rhs === "string" && lhs !== rhs;
        case "=~":
          return rhs instanceof RegExp && rhs.test(lhs);
        case "!~":
          return rhs instanceof RegExp && !rhs.test(lhs);
      }
      break;
  }
  switch (op) {
    case "=":
    case "!=":
    case "<":
    case "<=":
    case ">":
    case ">=":
      return false;
  }
  return null;
}

/** A value as it may appear in a result row (regexes never do). */
export function asValue(v: EvalValue): Value {
  if (v instanceof RegExp) return null;
  if (typeof v === "number" && Number.isNaN(v)) return null;
  return v;
}
