/**
 * What a filter says about a whole stored block of one field: from the block's minimum and maximum
 * alone, whether no point of it can pass (`usage_user > 90` and a block whose maximum is 42). A
 * filtered raw read then walks past the block without decoding it.
 */
import type { QExpr, VarRefQ } from "./expr.ts";

/** True when no value within [min, max] can make the filter true. */
export type BlockExclusion = (min: number, max: number) => boolean;

type Comparison = "=" | "!=" | "<" | "<=" | ">" | ">=";

const MIRRORED: Record<Comparison, Comparison> = { "=": "=", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<=" };

/** A literal as the exact double the comparison uses, or undefined when it is not a number or not exact. */
function exactNumber(e: QExpr): number | undefined {
  if (e.kind === "number") return e.value;
  if (e.kind === "integer") {
    const v = Number(e.value);
    return Number.isSafeInteger(v) ? v : undefined;
  }
  return undefined;
}

function isComparison(op: string): op is Comparison {
  return op in MIRRORED;
}

function excludes(op: Comparison, literal: number): BlockExclusion {
  switch (op) {
    case ">":
      return (_min, max) => max <= literal;
    case ">=":
      return (_min, max) => max < literal;
    case "<":
      return (min) => min >= literal;
    case "<=":
      return (min) => min > literal;
    case "=":
      return (min, max) => literal < min || literal > max;
    case "!=":
      return (min, max) => min === literal && max === literal;
  }
}

/**
 * The exclusion test `filter` gives for blocks of `field` (a numeric field read without a cast),
 * or null when the filter says nothing certain about it: comparisons of the field with a numeric
 * literal, under AND (either side excludes) and OR (both sides must).
 */
export function blockExclusion(filter: QExpr, field: VarRefQ): BlockExclusion | null {
  switch (filter.kind) {
    case "paren":
      return blockExclusion(filter.expr, field);
    case "binary": {
      if (filter.op === "AND" || filter.op === "OR") {
        const l = blockExclusion(filter.lhs, field);
        const r = blockExclusion(filter.rhs, field);
        if (filter.op === "AND") return l && r ? (min, max) => l(min, max) || r(min, max) : (l ?? r);
        return l && r ? (min, max) => l(min, max) && r(min, max) : null;
      }
      if (!isComparison(filter.op)) return null;
      const isField = (e: QExpr) => e.kind === "varref" && e.name === field.name && e.type === field.type;
      if (isField(filter.lhs)) {
        const literal = exactNumber(filter.rhs);
        return literal === undefined ? null : excludes(filter.op, literal);
      }
      if (isField(filter.rhs)) {
        const literal = exactNumber(filter.lhs);
        return literal === undefined ? null : excludes(MIRRORED[filter.op], literal);
      }
      return null;
    }
    default:
      return null;
  }
}
