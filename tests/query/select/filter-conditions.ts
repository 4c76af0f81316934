/**
 * Random WHERE conditions for the filtered-read property tests: the InfluxQL text of a condition
 * and what it says about one row of an unfiltered answer (a missing value fails any comparison).
 */
import fc from "fast-check";
import type { TestServer } from "../../routes/test-server.ts";

export type Leaf = { field: string; cmp: string; value: number | string | boolean };
export type Cond = { op: "AND" | "OR"; l: Cond; r: Cond } | Leaf;

export const COMPARISONS = ["=", "!=", "<", "<=", ">", ">="];

/** Conditions over `leaf`, nested with AND and OR. */
export function conditions(leaf: fc.Arbitrary<Leaf>): fc.Arbitrary<Cond> {
  return fc.letrec<{ c: Cond }>((tie) => ({
    c: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.record({ op: fc.constantFrom("AND" as const, "OR" as const), l: tie("c"), r: tie("c") })),
  })).c;
}

export function text(c: Cond): string {
  if ("op" in c) return `(${text(c.l)} ${c.op} ${text(c.r)})`;
  const v = typeof c.value === "string" ? `'${c.value}'` : String(c.value);
  return `"${c.field}" ${c.cmp} ${v}`;
}

export function holds(c: Cond, row: Record<string, unknown>): boolean {
  if ("op" in c) return c.op === "AND" ? holds(c.l, row) && holds(c.r, row) : holds(c.l, row) || holds(c.r, row);
  const v = row[c.field];
  if (v === null || v === undefined) return false;
  switch (c.cmp) {
    case "=":
      return v === c.value;
    case "!=":
      return v !== c.value;
    case "<":
      return (v as number) < (c.value as number);
    case "<=":
      return (v as number) <= (c.value as number);
    case ">":
      return (v as number) > (c.value as number);
    default:
      return (v as number) >= (c.value as number);
  }
}

export interface Series {
  name?: string;
  tags?: Record<string, string>;
  columns: string[];
  values: unknown[][];
}

/** The series of a one-statement query against database `db`; a statement error fails the test. */
export async function querySeries(t: TestServer, db: string, q: string): Promise<Series[]> {
  const res = await t.request(`/query?db=${db}&${new URLSearchParams({ q })}`);
  const body = (await res.json()) as { results: { series?: Series[]; error?: string }[] };
  if (body.results[0].error) throw new Error(`${q}: ${body.results[0].error}`);
  return body.results[0].series ?? [];
}
