/**
 * Types of fields and expressions: Go's `influxql.EvalType` / `TypeValuerEval` over the
 * statement's sources (measurements in a bucket, or subqueries), with InfluxDB's function result
 * types and its "incompatible types" errors for binary expressions.
 */
import { TECHNICAL_ANALYSIS_FUNCTIONS } from "./technical-analysis.ts";
import { StatementError } from "../statement-error.ts";
import { DT, lessThan, typeName } from "./data-type.ts";
import type { DataSource } from "./data-source.ts";
import { evalBinary } from "./eval.ts";
import { exprString, isLiteral, type QExpr, type VarRefQ } from "./expr.ts";
import { fieldName, type SelectQ } from "./select-statement.ts";
import type { EvalValue } from "./value.ts";

/** A FROM source bound to its data: measurements (names matched in the bucket) or a subquery. */
export type BoundSource =
  | { kind: "measurement"; ds: DataSource | null; names: string[]; regex: boolean }
  | { kind: "subquery"; stmt: SelectQ; sources: BoundSource[]; now: bigint };

/** Type of `field` in one measurement: its field type, Tag for a tag key, else Unknown. */
export function mapType(ds: DataSource | null, names: readonly string[], field: string): DT {
  let typ: DT = DT.Unknown;
  if (ds === null) return typ;
  for (const name of names) {
    let t: DT = ds.fieldTypes(name).get(field) ?? DT.Unknown;
    if (t === DT.Unknown && ds.tagKeys(name).has(field)) t = DT.Tag;
    if (lessThan(typ, t)) typ = t;
  }
  return typ;
}

/** Field types and tag keys of every source (Go's `influxql.FieldDimensions`). */
export function fieldDimensions(sources: BoundSource[]): { fields: Map<string, DT>; dimensions: Set<string> } {
  const fields = new Map<string, DT>();
  const dimensions = new Set<string>();
  const add = (k: string, typ: DT) => {
    if (lessThan(fields.get(k) ?? DT.Unknown, typ)) fields.set(k, typ);
  };
  for (const src of sources) {
    if (src.kind === "measurement") {
      if (src.ds === null) continue;
      for (const name of src.names) {
        for (const [k, typ] of src.ds.fieldTypes(name)) add(k, typ);
        for (const k of src.ds.tagKeys(name)) dimensions.add(k);
      }
    } else {
      for (const f of src.stmt.fields) add(fieldName(f), evalType(f.expr, src.sources));
      for (const d of src.stmt.dimensions) if (d.kind === "varref") dimensions.add(d.name);
    }
  }
  return { fields, dimensions };
}

/** Go's `FieldExprByName`: the field named `name`, or the variable inside top()/bottom() naming it. */
export function fieldExprByName(stmt: SelectQ, name: string): QExpr | undefined {
  for (const f of stmt.fields) {
    if (fieldName(f) === name) return f.expr;
    if (f.expr.kind === "call" && (f.expr.name === "top" || f.expr.name === "bottom") && f.expr.args.length > 2) {
      for (const arg of f.expr.args.slice(1, -1)) if (arg.kind === "varref" && arg.name === name) return arg;
    }
  }
  return undefined;
}

function varRefType(ref: VarRefQ, sources: BoundSource[] | null): DT {
  if (ref.type !== DT.Unknown && ref.type !== DT.AnyField) return ref.type;
  let typ: DT = DT.Unknown;
  for (const src of sources ?? []) {
    if (src.kind === "measurement") {
      const t = mapType(src.ds, src.names, ref.name);
      if (lessThan(typ, t)) typ = t;
    } else {
      const e = fieldExprByName(src.stmt, ref.name);
      if (e !== undefined) {
        const t = evalTypeChecked(e, src.sources);
        if (lessThan(typ, t)) typ = t;
      }
      if (typ === DT.Unknown) {
        for (const d of src.stmt.dimensions) if (d.kind === "varref" && d.name === ref.name) typ = DT.Tag;
      }
    }
  }
  return typ;
}

/** Result type of a function given its argument types (query.FunctionTypeMapper). */
export function callType(name: string, args: DT[]): DT {
  if (TECHNICAL_ANALYSIS_FUNCTIONS.has(name)) return DT.Float;
  switch (name) {
    case "mean":
      return DT.Float;
    case "count":
      return DT.Integer;
    case "median":
    case "integral":
    case "stddev":
    case "derivative":
    case "non_negative_derivative":
    case "moving_average":
    case "holt_winters":
    case "holt_winters_with_fit":
      return DT.Float;
    case "elapsed":
      return DT.Integer;
    default:
      return args[0] ?? DT.Unknown;
  }
}

function zero(t: DT): EvalValue {
  switch (t) {
    case DT.Float:
      return 0;
    case DT.Integer:
    case DT.Unsigned:
      return 0n;
    case DT.String:
    case DT.Tag:
      return "";
    case DT.Boolean:
      return false;
    default:
      // Times and durations compare with nothing in the evaluator, as in Go.
      return undefined as unknown as EvalValue;
  }
}

function inspect(v: EvalValue): DT {
  switch (typeof v) {
    case "number":
      return DT.Float;
    case "bigint":
      return DT.Integer;
    case "string":
      return DT.String;
    case "boolean":
      return DT.Boolean;
    default:
      return DT.Unknown;
  }
}

/** Go's `TypeValuerEval.EvalType`; throws a StatementError for incompatible operand types. */
export function evalTypeChecked(e: QExpr, sources: BoundSource[] | null): DT {
  switch (e.kind) {
    case "varref":
      return varRefType(e, sources);
    case "call":
      return callType(
        e.name,
        e.args.map((a) => evalTypeChecked(a, sources)),
      );
    case "binary": {
      const lhs = evalTypeChecked(e.lhs, sources);
      const rhs = evalTypeChecked(e.rhs, sources);
      const typeError = (message: string): never => {
        throw new StatementError(`type error: ${exprString(e)}: ${message}`);
      };
      if (lhs === DT.Unsigned && rhs === DT.Integer) {
        if (isLiteral(e.lhs)) typeError(`cannot use ${e.op} with an integer and unsigned literal`);
        else if (!isLiteral(e.rhs)) typeError(`cannot use ${e.op} between an integer and unsigned, an explicit cast is required`);
      } else if (lhs === DT.Integer && rhs === DT.Unsigned) {
        if (isLiteral(e.rhs)) typeError(`cannot use ${e.op} with an integer and unsigned literal`);
        else if (!isLiteral(e.lhs)) typeError(`cannot use ${e.op} between an integer and unsigned, an explicit cast is required`);
      }
      if (lhs === DT.Unknown) return rhs;
      if (rhs === DT.Unknown) return lhs;
      const typ = inspect(evalBinary(e.op, zero(lhs), zero(rhs), false));
      if (typ === DT.Unknown) typeError(`incompatible types: ${typeName(lhs)} and ${typeName(rhs)}`);
      return typ;
    }
    case "paren":
      return evalTypeChecked(e.expr, sources);
    case "number":
      return DT.Float;
    case "integer":
      return DT.Integer;
    case "unsigned":
      return DT.Unsigned;
    case "string":
      return DT.String;
    case "boolean":
      return DT.Boolean;
    default:
      return DT.Unknown;
  }
}

/** Go's `influxql.EvalType`: like evalTypeChecked, but an error gives Unknown. */
export function evalType(e: QExpr, sources: BoundSource[] | null): DT {
  try {
    return evalTypeChecked(e, sources);
  } catch (err) {
    if (err instanceof StatementError) return DT.Unknown;
    throw err;
  }
}
