/** Terse builders for expected syntax trees, and a single-statement parse. */
import { expect } from "bun:test";
import type {
  BinaryOp,
  DataType,
  Expr,
  Measurement,
  SelectStatement,
  Statement,
} from "../../../app/influxql/parser.ts";
import { parseQuery } from "../../../app/influxql/parser.ts";

export function one(q: string): Statement {
  const statements = parseQuery(q);
  expect(statements).toHaveLength(1);
  return statements[0];
}

export function select(q: string): SelectStatement {
  const s = one(q);
  if (s.kind !== "select") throw new Error(`not a SELECT: ${q}`);
  return s;
}

export const v = (name: string, dataType: DataType | null = null): Expr => ({ kind: "varref", name, dataType });
export const int = (value: bigint | number): Expr => ({ kind: "integer", value: BigInt(value) });
export const num = (value: number): Expr => ({ kind: "number", value });
export const str = (value: string): Expr => ({ kind: "string", value });
export const bool = (value: boolean): Expr => ({ kind: "boolean", value });
export const re = (pattern: string) => ({ kind: "regex", pattern }) as const;
export const call = (name: string, ...args: Expr[]): Expr => ({ kind: "call", name, args });
export const paren = (expr: Expr): Expr => ({ kind: "paren", expr });
export const bin = (op: BinaryOp, lhs: Expr, rhs: Expr): Expr => ({ kind: "binary", op, lhs, rhs });
export const star: Expr = { kind: "wildcard", dataType: null };

const NS_PER = { ns: 1n, u: 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };
export const dur = (n: number, unit: keyof typeof NS_PER): Expr => ({
  kind: "duration",
  value: BigInt(n) * NS_PER[unit],
});

export function m(name: string, parts: Partial<Omit<Measurement, "kind" | "name">> = {}): Measurement {
  return { kind: "measurement", database: "", retentionPolicy: "", name, regex: null, ...parts };
}

/** A SELECT with every clause at its default, overridden by `parts`. */
export function selectOf(parts: Partial<SelectStatement>): SelectStatement {
  return {
    kind: "select",
    fields: [],
    target: null,
    sources: [],
    condition: null,
    dimensions: [],
    fill: "null",
    fillValue: null,
    sortFields: [],
    limit: 0,
    offset: 0,
    slimit: 0,
    soffset: 0,
    timeZone: null,
    isRawQuery: true,
    ...parts,
  };
}
