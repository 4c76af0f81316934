/**
 * The SELECT statement as the planner rewrites it (Go mutates its `SelectStatement` while
 * compiling: reduced fields, typed variables, expanded wildcards, the time column removed). Built
 * from the parser's AST; nothing here is shared with it.
 */
import type { FillOption, SelectStatement, Source } from "../../influxql/ast.ts";
import { fromAstExpr, type QExpr, type RegexQ } from "./expr.ts";
import { goRegExp } from "../regex.ts";

export interface FieldQ {
  expr: QExpr;
  alias: string;
}

export interface MeasurementQ {
  kind: "measurement";
  database: string;
  retentionPolicy: string;
  name: string;
  regex: RegexQ | null;
}

export interface SubQueryQ {
  kind: "subquery";
  stmt: SelectQ;
}

export type SourceQ = MeasurementQ | SubQueryQ;

export interface SelectQ {
  fields: FieldQ[];
  sources: SourceQ[];
  condition: QExpr | null;
  dimensions: QExpr[];
  fill: FillOption;
  fillValue: bigint | number | null;
  /** ORDER BY time ASC (also when no ORDER BY is given). */
  ascending: boolean;
  /** Whether an ORDER BY was written (subqueries must then agree with their parent). */
  hasSortFields: boolean;
  limit: number;
  offset: number;
  slimit: number;
  soffset: number;
  /** tz() as a zone name; null for none or UTC. */
  timeZone: string | null;
  isRawQuery: boolean;
  /** Subqueries do not produce a time column of their own. */
  omitTime: boolean;
  /** The time column's name (`SELECT time AS t`). */
  timeAlias: string;
  hasTarget: boolean;
}

function fromAstSource(s: Source): SourceQ {
  if (s.kind === "subquery") return { kind: "subquery", stmt: fromAstSelect(s.statement) };
  return {
    kind: "measurement",
    database: s.database,
    retentionPolicy: s.retentionPolicy,
    name: s.name,
    regex: s.regex === null ? null : { kind: "regex", pattern: s.regex.pattern, re: goRegExp(s.regex.pattern) },
  };
}

export function fromAstSelect(s: SelectStatement): SelectQ {
  return {
    fields: s.fields.map((f) => ({ expr: fromAstExpr(f.expr), alias: f.alias })),
    sources: s.sources.map(fromAstSource),
    condition: s.condition === null ? null : fromAstExpr(s.condition),
    dimensions: s.dimensions.map(fromAstExpr),
    fill: s.fill,
    fillValue: s.fillValue,
    ascending: s.sortFields.length === 0 || s.sortFields[0].ascending,
    hasSortFields: s.sortFields.length > 0,
    limit: s.limit,
    offset: s.offset,
    slimit: s.slimit,
    soffset: s.soffset,
    timeZone: s.timeZone === null || s.timeZone === "" || s.timeZone === "UTC" ? null : s.timeZone,
    isRawQuery: s.isRawQuery,
    omitTime: false,
    timeAlias: "",
    hasTarget: s.target !== null,
  };
}

/** Name of field `f` in the result (Go's `Field.Name`): the alias, call name or joined variable names. */
export function fieldName(f: FieldQ): string {
  if (f.alias !== "") return f.alias;
  return exprName(f.expr);
}

function exprName(e: QExpr): string {
  switch (e.kind) {
    case "call":
      return e.name;
    case "binary":
      return binaryExprName(e);
    case "paren":
      return exprName(e.expr);
    case "varref":
      return e.name;
    default:
      return "";
  }
}

/** Variable and call names of a binary expression joined with `_` (calls are not descended into). */
function binaryExprName(e: QExpr): string {
  const names: string[] = [];
  const visit = (n: QExpr) => {
    switch (n.kind) {
      case "varref":
        names.push(n.name);
        break;
      case "call":
        names.push(n.name);
        break;
      case "binary":
        visit(n.lhs);
        visit(n.rhs);
        break;
      case "paren":
        visit(n.expr);
        break;
    }
  };
  visit(e);
  return names.join("_");
}

/** Go's `SelectStatement.ColumnNames`: the time column, then one per field (top/bottom tags too), de-duplicated with `_N`. */
export function columnNames(s: SelectQ): string[] {
  const columnFields: FieldQ[] = [];
  for (const f of s.fields) {
    columnFields.push(f);
    if (f.expr.kind === "call" && !s.hasTarget && (f.expr.name === "top" || f.expr.name === "bottom")) {
      for (const arg of f.expr.args.slice(1)) if (arg.kind === "varref") columnFields.push({ expr: arg, alias: "" });
    }
  }
  const offset = s.omitTime ? 0 : 1;
  const out: string[] = new Array(columnFields.length + offset).fill("");
  if (!s.omitTime) out[0] = s.timeAlias !== "" ? s.timeAlias : "time";
  const names = new Map<string, number>();
  columnFields.forEach((f, i) => {
    if (f.alias !== "") {
      out[i + offset] = f.alias;
      names.set(f.alias, 1);
    }
  });
  columnFields.forEach((f, i) => {
    if (out[i + offset] !== "") return;
    let name = fieldName(f);
    let count = names.get(name);
    if (count !== undefined) {
      for (;;) {
        const resolved = `${name}_${count}`;
        if (!names.has(resolved)) {
          names.set(name, count + 1);
          name = resolved;
          break;
        }
        count++;
      }
    }
    names.set(name, (names.get(name) ?? 0) + 1);
    out[i + offset] = name;
  });
  return out;
}
