/**
 * Which series a WHERE condition (time already removed) selects, the way InfluxDB 1.x's series
 * index answers it (`IndexSet.seriesByExprIterator`): tag comparisons are decided per series, a
 * missing tag comparing as ""; `_name` is the measurement. What the index cannot decide — a field
 * comparison, arithmetic, a non-string literal — stays a *residual* for the query engine: a series
 * that reaches one is kept, and a delete refuses it.
 */
import type { Expr } from "../../influxql/parser.ts";
import { goRegExp } from "../regex.ts";

export type Match = boolean | "residual";

export interface SeriesFacts {
  measurement: string;
  /** [k0, v0, k1, v1, ...] */
  tags: readonly string[];
  /** Whether a name is a field of the series' measurement. */
  isField(name: string): boolean;
}

export function tagValue(tags: readonly string[], key: string): string {
  for (let i = 0; i < tags.length; i += 2) if (tags[i] === key) return tags[i + 1];
  return "";
}

function hasTag(tags: readonly string[], key: string): boolean {
  for (let i = 0; i < tags.length; i += 2) if (tags[i] === key) return true;
  return false;
}

export function matchSeries(e: Expr | null, s: SeriesFacts): Match {
  if (e === null) return true;
  switch (e.kind) {
    case "paren":
      return matchSeries(e.expr, s);
    case "boolean":
      return e.value;
    case "binary":
      break;
    default:
      return false;
  }
  if (e.op === "AND") {
    const l = matchSeries(e.lhs, s);
    if (l === false) return false;
    const r = matchSeries(e.rhs, s);
    if (r === false) return false;
    return l === "residual" || r === "residual" ? "residual" : true;
  }
  if (e.op === "OR") {
    const l = matchSeries(e.lhs, s);
    if (l === true) return true;
    const r = matchSeries(e.rhs, s);
    if (r === true) return true;
    return l === "residual" || r === "residual" ? "residual" : false;
  }
  if (e.lhs.kind === "binary" || e.rhs.kind === "binary") return "residual";
  const [key, value] = e.lhs.kind === "varref" ? [e.lhs, e.rhs] : e.rhs.kind === "varref" ? [e.rhs, e.lhs] : [null, null];
  if (key === null || key.kind !== "varref") return "residual";
  const isField = (ref: Expr) =>
    ref.kind === "varref" && ref.name !== "_name" && (ref.dataType === null ? s.isField(ref.name) : ref.dataType !== "tag");
  if (isField(key) || (value.kind === "varref" && isField(value))) return "residual";
  const actual = key.name === "_name" ? s.measurement : tagValue(s.tags, key.name);
  switch (value.kind) {
    case "string":
      if (key.name === "_name") return (e.op === "=" && actual === value.value) || (e.op === "!=" && actual !== value.value);
      return e.op === "=" ? actual === value.value : actual !== value.value;
    case "regex": {
      const matched = goRegExp(value.pattern).test(actual);
      if (key.name === "_name") return (e.op === "=~" && matched) || (e.op === "!~" && !matched);
      return e.op === "=~" ? matched : !matched;
    }
    case "varref": {
      // InfluxDB compares two tag keys by presence, not by value.
      const both = hasTag(s.tags, key.name) && hasTag(s.tags, value.name);
      return e.op === "=" ? both : hasTag(s.tags, key.name) && !hasTag(s.tags, value.name);
    }
    default:
      return "residual";
  }
}
