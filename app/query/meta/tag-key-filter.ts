/**
 * Which tag keys of a measurement a condition's `_tagKey` comparisons select (InfluxDB 1.x's
 * `measurement.TagKeysByExpr`); other comparisons do not constrain keys. Null when nothing in the
 * condition is about `_tagKey`.
 */
import { formatExpr, type Expr } from "../../influxql/parser.ts";
import { goRegExp } from "../regex.ts";
import { StatementError } from "../statement-error.ts";

export function tagKeysSelected(e: Expr | null, keys: readonly string[]): Set<string> | null {
  if (e === null) return new Set(keys);
  if (e.kind === "paren") return tagKeysSelected(e.expr, keys);
  if (e.kind !== "binary") throw new StatementError(`invalid tag expression: ${formatExpr(e)}`);
  if (e.op === "AND" || e.op === "OR") {
    const lhs = tagKeysSelected(e.lhs, keys);
    const rhs = tagKeysSelected(e.rhs, keys);
    if (lhs === null) return rhs;
    if (rhs === null) return lhs;
    if (e.op === "OR") return new Set([...lhs, ...rhs]);
    return new Set([...lhs].filter((k) => rhs.has(k)));
  }
  if (e.op !== "=" && e.op !== "!=" && e.op !== "=~" && e.op !== "!~") throw new StatementError("invalid operator");
  if (e.lhs.kind !== "varref") throw new StatementError(`left side of '${e.op}' must be a tag key`);
  if (e.lhs.name !== "_tagKey") return null;
  const regex = e.op === "=~" || e.op === "!~";
  if (regex && e.rhs.kind !== "regex") throw new StatementError(`right side of '${e.op}' must be a regular expression`);
  if (!regex && e.rhs.kind !== "string") throw new StatementError(`right side of '${e.op}' must be a tag value string`);
  const re = e.rhs.kind === "regex" ? goRegExp(e.rhs.pattern) : null;
  const wanted = e.rhs.kind === "string" ? e.rhs.value : "";
  const positive = e.op === "=" || e.op === "=~";
  return new Set(keys.filter((k) => (re !== null ? re.test(k) : k === wanted) === positive));
}
