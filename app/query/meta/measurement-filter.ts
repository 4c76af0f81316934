/**
 * SHOW MEASUREMENTS' WHERE, as InfluxDB 1.x's index decides it per measurement
 * (`IndexSet.measurementNamesByExpr`) — not per series: `host = 'a'` keeps a measurement having
 * that value, `host != 'a'` one that has the key `host` but never the value `a`; AND and OR
 * intersect and unite the measurement sets.
 */
import { formatExpr, type Expr } from "../../influxql/parser.ts";
import { goRegExp } from "../regex.ts";
import { StatementError } from "../statement-error.ts";
import { sortBytes } from "../byte-order.ts";
import { isSystemName, nameCondition } from "./condition-rewrite.ts";
import type { DatabaseIndex } from "./index-view.ts";

export interface MeasurementTags {
  name: string;
  /** Tag key → the values its live series have. */
  tags: ReadonlyMap<string, ReadonlySet<string>>;
}

export function measurementsMatching(e: Expr, all: readonly MeasurementTags[]): Set<string> {
  if (e.kind === "paren") return measurementsMatching(e.expr, all);
  if (e.kind !== "binary") throw new StatementError(`invalid tag expression: ${formatExpr(e)}`);
  if (e.op === "AND" || e.op === "OR") {
    const lhs = measurementsMatching(e.lhs, all);
    const rhs = measurementsMatching(e.rhs, all);
    if (e.op === "OR") return new Set([...lhs, ...rhs]);
    return new Set([...lhs].filter((name) => rhs.has(name)));
  }
  if (e.op !== "=" && e.op !== "!=" && e.op !== "=~" && e.op !== "!~") throw new StatementError("invalid tag comparison operator");
  if (e.lhs.kind !== "varref") throw new StatementError(`left side of '${e.op}' must be a tag key`);
  const regex = e.op === "=~" || e.op === "!~";
  if (regex && e.rhs.kind !== "regex") throw new StatementError(`right side of '${e.op}' must be a regular expression`);
  if (!regex && e.rhs.kind !== "string") throw new StatementError(`right side of '${e.op}' must be a tag value string`);
  const matches = e.rhs.kind === "regex" ? goRegExp(e.rhs.pattern) : null;
  const wanted = e.rhs.kind === "string" ? e.rhs.value : "";
  const test = (v: string) => (matches !== null ? matches.test(v) : v === wanted);
  const positive = e.op === "=" || e.op === "=~";
  const key = e.lhs.name;
  const out = new Set<string>();
  if (key === "_name") {
    for (const m of all) if (test(m.name) === positive) out.add(m.name);
    return out;
  }
  if (isSystemName(key)) return out;
  for (const m of all) {
    const values = m.tags.get(key);
    if (values === undefined) continue;
    let hit = false;
    for (const v of values) if ((hit = test(v))) break;
    if (hit === positive) out.add(m.name);
  }
  return out;
}

/** The measurements the `_name` part of a condition selects (all without one), in byte order. */
export function measurementNames(index: DatabaseIndex, cond: Expr | null): string[] {
  const byName = nameCondition(cond);
  if (byName === null) return index.measurements();
  return sortBytes(measurementsMatching(byName, index.measurementTags()));
}
