/**
 * InfluxQL's data types with the numbering of Go's `influxql.DataType`: the numbers matter,
 * because `lessThan` (type precedence when two sources disagree) is defined on them.
 */
import type { DataType as AstDataType } from "../../influxql/ast.ts";
import { FieldType } from "../../../storage/tsdb/point-batch.ts";

export const DT = {
  Unknown: 0,
  Float: 1,
  Integer: 2,
  String: 3,
  Boolean: 4,
  Time: 5,
  Duration: 6,
  Tag: 7,
  AnyField: 8,
  Unsigned: 9,
} as const;
export type DT = (typeof DT)[keyof typeof DT];

const NAMES: Record<DT, string> = {
  0: "unknown",
  1: "float",
  2: "integer",
  3: "string",
  4: "boolean",
  5: "time",
  6: "duration",
  7: "tag",
  8: "field",
  9: "unsigned",
};

export function typeName(t: DT): string {
  return NAMES[t];
}

/** Go's `DataType.LessThan`: whether `other` takes precedence over `d` (Unknown never does). */
export function lessThan(d: DT, other: DT): boolean {
  if (d === DT.Unknown) return true;
  if (d === DT.Unsigned) return other !== DT.Unknown && other <= DT.Integer;
  if (other === DT.Unsigned) return d >= DT.String;
  return other !== DT.Unknown && other < d;
}

/** The type a `::cast` names (null: no cast). */
export function fromAst(t: AstDataType | null): DT {
  switch (t) {
    case "float":
      return DT.Float;
    case "integer":
      return DT.Integer;
    case "unsigned":
      return DT.Unsigned;
    case "string":
      return DT.String;
    case "boolean":
      return DT.Boolean;
    case "tag":
      return DT.Tag;
    case "field":
      return DT.AnyField;
    default:
      return DT.Unknown;
  }
}

/** The AST spelling of a resolved type, kept on the VarRef so that printing shows `::type` as Go does. */
export function toAst(t: DT): AstDataType | null {
  switch (t) {
    case DT.Float:
      return "float";
    case DT.Integer:
      return "integer";
    case DT.Unsigned:
      return "unsigned";
    case DT.String:
      return "string";
    case DT.Boolean:
      return "boolean";
    case DT.Tag:
      return "tag";
    case DT.AnyField:
      return "field";
    default:
      return null;
  }
}

export function fromFieldType(t: FieldType): DT {
  switch (t) {
    case FieldType.Float:
      return DT.Float;
    case FieldType.Integer:
      return DT.Integer;
    case FieldType.Unsigned:
      return DT.Unsigned;
    case FieldType.String:
      return DT.String;
    case FieldType.Boolean:
      return DT.Boolean;
  }
}

/** The storage type a field of this query type is read as (floats for anything else). */
export function storageFieldType(t: DT): FieldType {
  switch (t) {
    case DT.Integer:
      return FieldType.Integer;
    case DT.Unsigned:
      return FieldType.Unsigned;
    case DT.String:
      return FieldType.String;
    case DT.Boolean:
      return FieldType.Boolean;
    default:
      return FieldType.Float;
  }
}
