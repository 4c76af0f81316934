/**
 * The expression tree the SELECT planner works on: the parser's AST plus what InfluxDB's engine
 * adds while compiling (resolved VarRef types, time and nil literals, compiled regexes), and Go's
 * `String()` printing, which InfluxDB uses in messages and as the identity of repeated calls.
 */
import type { BinaryOp, Expr } from "../../influxql/ast.ts";
import { formatDuration } from "../../influxql/duration.ts";
import { quoteIdent, quoteString } from "../../influxql/quote.ts";
import { formatRfc3339Nano } from "../encode/rfc3339.ts";
import { compareBytes } from "../byte-order.ts";
import { DT, fromAst, typeName } from "./data-type.ts";
import { goRegExp } from "../regex.ts";

export interface VarRefQ {
  kind: "varref";
  name: string;
  type: DT;
}
export interface CallQ {
  kind: "call";
  name: string;
  args: QExpr[];
}
export interface DistinctQ {
  kind: "distinct";
  name: string;
}
export interface WildcardQ {
  kind: "wildcard";
  type: "field" | "tag" | null;
}
export interface BinaryQ {
  kind: "binary";
  op: BinaryOp;
  lhs: QExpr;
  rhs: QExpr;
}
export interface ParenQ {
  kind: "paren";
  expr: QExpr;
}
export interface RegexQ {
  kind: "regex";
  pattern: string;
  re: RegExp;
}
export interface StringQ {
  kind: "string";
  value: string;
}
export interface NumberQ {
  kind: "number";
  value: number;
}
export interface IntegerQ {
  kind: "integer";
  value: bigint;
}
export interface UnsignedQ {
  kind: "unsigned";
  value: bigint;
}
export interface BooleanQ {
  kind: "boolean";
  value: boolean;
}
export interface DurationQ {
  kind: "duration";
  value: bigint;
}
/** Nanoseconds since the epoch. */
export interface TimeQ {
  kind: "time";
  value: bigint;
}
export interface NilQ {
  kind: "nil";
}

export type LiteralQ = RegexQ | StringQ | NumberQ | IntegerQ | UnsignedQ | BooleanQ | DurationQ | TimeQ | NilQ;
export type QExpr = VarRefQ | CallQ | DistinctQ | WildcardQ | BinaryQ | ParenQ | LiteralQ;

export function isLiteral(e: QExpr): e is LiteralQ {
  switch (e.kind) {
    case "varref":
    case "call":
    case "distinct":
    case "wildcard":
    case "binary":
    case "paren":
      return false;
    default:
      return true;
  }
}

export function fromAstExpr(e: Expr): QExpr {
  switch (e.kind) {
    case "varref":
      return { kind: "varref", name: e.name, type: fromAst(e.dataType) };
    case "call":
      return { kind: "call", name: e.name, args: e.args.map(fromAstExpr) };
    case "binary":
      return { kind: "binary", op: e.op, lhs: fromAstExpr(e.lhs), rhs: fromAstExpr(e.rhs) };
    case "paren":
      return { kind: "paren", expr: fromAstExpr(e.expr) };
    case "regex":
      return { kind: "regex", pattern: e.pattern, re: goRegExp(e.pattern) };
    case "wildcard":
      return { kind: "wildcard", type: e.dataType };
    default:
      return { ...e };
  }
}

export function varRef(name: string, type: DT = DT.Unknown): VarRefQ {
  return { kind: "varref", name, type };
}

/** A deep copy (regexes are shared: they are immutable in use). */
export function cloneExpr<T extends QExpr>(e: T): T {
  switch (e.kind) {
    case "call":
      return { ...e, args: e.args.map(cloneExpr) };
    case "binary":
      return { ...e, lhs: cloneExpr(e.lhs), rhs: cloneExpr(e.rhs) };
    case "paren":
      return { ...e, expr: cloneExpr(e.expr) };
    default:
      return { ...e };
  }
}

/** Calls `fn` on every node, parents before children. */
export function walk(e: QExpr | null, fn: (n: QExpr) => void): void {
  if (e === null) return;
  fn(e);
  switch (e.kind) {
    case "call":
      for (const a of e.args) walk(a, fn);
      break;
    case "binary":
      walk(e.lhs, fn);
      walk(e.rhs, fn);
      break;
    case "paren":
      walk(e.expr, fn);
      break;
  }
}

/** Go's `influxql.RewriteExpr`: children first, then the node itself. */
export function rewrite(e: QExpr, fn: (n: QExpr) => QExpr): QExpr {
  switch (e.kind) {
    case "call":
      return fn({ ...e, args: e.args.map((a) => rewrite(a, fn)) });
    case "binary":
      return fn({ ...e, lhs: rewrite(e.lhs, fn), rhs: rewrite(e.rhs, fn) });
    case "paren":
      return fn({ ...e, expr: rewrite(e.expr, fn) });
    default:
      return fn(e);
  }
}

/** Go's `String()` of an expression. */
export function exprString(e: QExpr): string {
  switch (e.kind) {
    case "varref":
      return quoteIdent(e.name) + (e.type !== DT.Unknown ? "::" + typeName(e.type) : "");
    case "call":
      return `${e.name}(${e.args.map(exprString).join(", ")})`;
    case "distinct":
      return `DISTINCT ${e.name}`;
    case "wildcard":
      return e.type !== null ? `*::${e.type}` : "*";
    case "binary":
      return `${exprString(e.lhs)} ${e.op} ${exprString(e.rhs)}`;
    case "paren":
      return `(${exprString(e.expr)})`;
    case "regex":
      return `/${e.pattern.replaceAll("/", "\\/")}/`;
    case "string":
      return quoteString(e.value);
    case "number":
      return goFixed3(e.value);
    case "integer":
    case "unsigned":
      return e.value.toString();
    case "boolean":
      return e.value ? "true" : "false";
    case "duration":
      return formatDuration(e.value);
    case "time":
      return `'${formatRfc3339Nano(e.value)}'`;
    case "nil":
      return "nil";
  }
}

/** `strconv.FormatFloat(v, 'f', 3, 64)`. */
function goFixed3(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "+Inf" : "-Inf";
  if (Math.abs(v) < 1e21) return v.toFixed(3);
  return BigInt(Math.trunc(v)).toString() + ".000";
}

/** Go's `ExprNames`: the distinct variables an expression reads, except `time`, sorted by name then type. */
export function exprNames(e: QExpr | null): VarRefQ[] {
  const byKey = new Map<string, VarRefQ>();
  walk(e, (n) => {
    if (n.kind === "varref" && n.name !== "time") byKey.set(`${n.name}\u0000${n.type}`, n);
  });
  return [...byKey.values()].sort(compareVarRefs);
}

export function compareVarRefs(a: VarRefQ, b: VarRefQ): number {
  if (a.name !== b.name) return compareBytes(a.name, b.name);
  return a.type - b.type;
}
