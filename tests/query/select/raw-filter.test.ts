/**
 * Raw reads with a field filter: a filter that needs a field's value (a comparison with a literal)
 * walks that field's points instead of every selected field's (SeriesIterator's driver). The rows
 * must be those of the unfiltered read (times where a selected field has a value) whose values
 * pass the filter, where a missing value fails any comparison.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import fc from "fast-check";
import { startGoldenServer } from "../../influxql/golden-harness.ts";
import type { TestServer } from "../../routes/test-server.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startGoldenServer();
});
afterAll(() => t.stop());

interface Series {
  name: string;
  columns: string[];
  values: unknown[][];
}

async function series(q: string): Promise<Series[]> {
  const res = await t.request(`/query?db=telemetry&${new URLSearchParams({ q })}`);
  const body = (await res.json()) as { results: { series?: Series[]; error?: string }[] };
  if (body.results[0].error) throw new Error(`${q}: ${body.results[0].error}`);
  return body.results[0].series ?? [];
}

type Cond = { op: "AND" | "OR"; l: Cond; r: Cond } | { field: string; cmp: string; value: number | string | boolean };

const MEASUREMENTS: Record<string, { numeric: string[]; other: Record<string, (string | boolean)[]> }> = {
  cpu: { numeric: ["usage_user", "usage_system", "procs"], other: {} },
  events: { numeric: ["code", "duration"], other: { message: ["backup completed", "disk almost full"], acked: [true, false] } },
};

function condition(m: string): fc.Arbitrary<Cond> {
  const { numeric, other } = MEASUREMENTS[m];
  const leaf: fc.Arbitrary<Cond> = fc.oneof(
    fc.record({ field: fc.constantFrom(...numeric), cmp: fc.constantFrom("=", "!=", "<", "<=", ">", ">="), value: fc.constantFrom(0, 10, 30.3, 50, 90, 300, 301, 2.434) }),
    ...Object.entries(other).map(([field, values]) => fc.record({ field: fc.constant(field), cmp: fc.constantFrom("=", "!="), value: fc.constantFrom(...values) })),
  );
  return fc.letrec<{ c: Cond }>((tie) => ({
    c: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.record({ op: fc.constantFrom("AND" as const, "OR" as const), l: tie("c"), r: tie("c") })),
  })).c;
}

function text(c: Cond): string {
  if ("op" in c) return `(${text(c.l)} ${c.op} ${text(c.r)})`;
  const v = typeof c.value === "string" ? `'${c.value}'` : String(c.value);
  return `"${c.field}" ${c.cmp} ${v}`;
}

function holds(c: Cond, row: Record<string, unknown>): boolean {
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

const statement = fc.constantFrom("cpu", "events").chain((m) =>
  fc.record({
    m: fc.constant(m),
    cond: condition(m),
    /** Selected fields (empty: all); the filter's fields need not be among them. */
    fields: fc.subarray([...MEASUREMENTS[m].numeric, ...Object.keys(MEASUREMENTS[m].other)]),
    desc: fc.boolean(),
  }),
);

test("a filtered raw read gives the unfiltered rows that pass the filter", async () => {
  await fc.assert(
    fc.asyncProperty(statement, async (s) => {
      const order = s.desc ? " ORDER BY time DESC" : "";
      const [all] = await series(`SELECT * FROM ${s.m}${order}`);
      const expected: unknown[][] = [];
      for (const values of all.values) {
        const row = Object.fromEntries(all.columns.map((c, i) => [c, values[i]]));
        if (!holds(s.cond, row)) continue;
        if (s.fields.length === 0) expected.push(values);
        else if (s.fields.some((f) => row[f] !== null)) expected.push(["time", ...s.fields].map((f) => row[f]));
      }
      const select = s.fields.length === 0 ? "*" : s.fields.map((f) => `"${f}"`).join(", ");
      const got = await series(`SELECT ${select} FROM ${s.m} WHERE ${text(s.cond)}${order}`);
      expect(got.length === 0 ? [] : got[0].values).toEqual(expected);
    }),
    { numRuns: 200 },
  );
}, 120_000);
