/**
 * InfluxDB 1.x splits a meta statement's condition into the part about measurement names and the
 * part about tags by deleting the comparisons of the other kind (`influxql.RewriteExpr`): an AND
 * or OR that loses one side becomes its other side, so `_name = 'cpu' OR host = 'a'` yields
 * `_name = 'cpu'` and `host = 'a'` — an OR acts as an AND there.
 */
import type { Expr, Source, TagKeyFilter } from "../../influxql/parser.ts";

/** `influxql.IsSystemName` (v1.0.0, which 1.6.7 vendors). */
export function isSystemName(name: string): boolean {
  return ["_fieldKeys", "_measurements", "_name", "_series", "_tagKey", "_tagKeys", "_tags"].includes(name);
}

const TAG_OPS = new Set(["=", "!=", "=~", "!~"]);

/**
 * Keeps the tag-style comparisons (`=`, `!=`, `=~`, `!~`) whose left side is a name `keep`
 * accepts, drops the others, collapsing around what was dropped. Other comparisons stay.
 */
export function keepComparisons(e: Expr | null, keep: (name: string) => boolean): Expr | null {
  if (e === null) return null;
  switch (e.kind) {
    case "paren": {
      const inner = keepComparisons(e.expr, keep);
      return inner === null ? null : { kind: "paren", expr: inner };
    }
    case "binary": {
      if (e.op === "AND" || e.op === "OR") {
        const lhs = keepComparisons(e.lhs, keep);
        const rhs = keepComparisons(e.rhs, keep);
        if (lhs === null) return rhs;
        if (rhs === null) return lhs;
        return { ...e, lhs, rhs };
      }
      if (!TAG_OPS.has(e.op)) return e;
      return e.lhs.kind === "varref" && keep(e.lhs.name) ? e : null;
    }
    default:
      return e;
  }
}

/** The measurement-name part of a condition. */
export const nameCondition = (e: Expr | null) => keepComparisons(e, (name) => name === "_name");

/** The tag part of a condition. */
export const tagCondition = (e: Expr | null) => keepComparisons(e, (name) => !isSystemName(name));

/** `a AND b`, where either may be absent; InfluxDB parenthesises both sides. */
export function andConditions(a: Expr | null, b: Expr | null): Expr | null {
  if (a === null) return b;
  if (b === null) return a;
  return { kind: "binary", op: "AND", lhs: { kind: "paren", expr: a }, rhs: { kind: "paren", expr: b } };
}

/** `FROM a, /b/` as `_name = 'a' OR _name =~ /b/`, ANDed with the WHERE condition (`rewriteSourcesCondition`). */
export function sourcesCondition(sources: readonly Source[], cond: Expr | null): Expr | null {
  let names: Expr | null = null;
  for (const source of sources) {
    if (source.kind !== "measurement") continue;
    const lhs: Expr = { kind: "varref", name: "_name", dataType: null };
    const expr: Expr = source.regex !== null
      ? { kind: "binary", op: "=~", lhs, rhs: source.regex }
      : { kind: "binary", op: "=", lhs, rhs: { kind: "string", value: source.name } };
    names = names === null ? expr : { kind: "binary", op: "OR", lhs: names, rhs: expr };
  }
  return andConditions(names, cond);
}

/** `WITH KEY ...` as the `_tagKey` condition InfluxDB rewrites it into; `IN (a, b)` is `= a OR = b`. */
export function withKeyCondition(filter: TagKeyFilter): Expr {
  const lhs: Expr = { kind: "varref", name: "_tagKey", dataType: null };
  if ("regex" in filter) return { kind: "binary", op: filter.op, lhs, rhs: filter.regex };
  if ("key" in filter) return { kind: "binary", op: filter.op, lhs, rhs: { kind: "string", value: filter.key } };
  return filter.keys
    .map((key): Expr => ({ kind: "binary", op: "=", lhs, rhs: { kind: "string", value: key } }))
    .reduce((acc, e) => ({ kind: "binary", op: "OR", lhs: acc, rhs: e }));
}
