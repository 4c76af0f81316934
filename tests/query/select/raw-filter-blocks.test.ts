/**
 * Filtered raw reads over stored blocks: a block whose statistics rule the filter out is walked
 * past undecoded. The rows must still be exactly the unfiltered rows that pass the filter, for
 * comparisons that exclude some blocks, all of them or none, with AND and OR, both time orders.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import fc from "fast-check";
import { startTestServer, type TestServer } from "../../routes/test-server.ts";

let t: TestServer;
const POINTS = 3000;

beforeAll(async () => {
  t = await startTestServer();
  const lines: string[] = [];
  for (let i = 0; i < POINTS; i++) {
    const time = 1_767_225_600 + i * 10;
    // Slow waves: each stored block (1024 points) covers its own range of values.
    const load = Math.round((50 + 45 * Math.sin(i / 700)) * 100) / 100;
    lines.push(`cpu,host=a load=${load},procs=${Math.floor(i / 100)}i,idle=${(100 - load).toFixed(2)} ${time}`);
    if (i % 3 === 0) lines.push(`cpu,host=b load=${(load / 2).toFixed(1)},procs=${i % 50}i ${time}`);
  }
  const res = await t.request("/api/v2/write?org=default&bucket=default&precision=s", { method: "POST", body: lines.join("\n") });
  expect(res.status).toBe(204);
  await t.server.ctx.engine.flush();
});
afterAll(() => t.stop());

interface Series {
  tags?: Record<string, string>;
  columns: string[];
  values: unknown[][];
}

async function series(q: string): Promise<Series[]> {
  const res = await t.request(`/query?db=default&${new URLSearchParams({ q })}`);
  const body = (await res.json()) as { results: { series?: Series[]; error?: string }[] };
  if (body.results[0].error) throw new Error(`${q}: ${body.results[0].error}`);
  return body.results[0].series ?? [];
}

type Cond = { op: "AND" | "OR"; l: Cond; r: Cond } | { field: string; cmp: string; value: number };

const leaf: fc.Arbitrary<Cond> = fc.record({
  field: fc.constantFrom("load", "procs", "idle"),
  cmp: fc.constantFrom("=", "!=", "<", "<=", ">", ">="),
  value: fc.constantFrom(-1, 0, 5, 12, 25.5, 50, 72.13, 90, 94.99, 95, 120),
});
const condition: fc.Arbitrary<Cond> = fc.letrec<{ c: Cond }>((tie) => ({
  c: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.record({ op: fc.constantFrom("AND" as const, "OR" as const), l: tie("c"), r: tie("c") })),
})).c;

function text(c: Cond): string {
  return "op" in c ? `(${text(c.l)} ${c.op} ${text(c.r)})` : `"${c.field}" ${c.cmp} ${c.value}`;
}

function holds(c: Cond, row: Record<string, unknown>): boolean {
  if ("op" in c) return c.op === "AND" ? holds(c.l, row) && holds(c.r, row) : holds(c.l, row) || holds(c.r, row);
  const v = row[c.field] as number | null;
  if (v === null || v === undefined) return false;
  switch (c.cmp) {
    case "=":
      return v === c.value;
    case "!=":
      return v !== c.value;
    case "<":
      return v < c.value;
    case "<=":
      return v <= c.value;
    case ">":
      return v > c.value;
    default:
      return v >= c.value;
  }
}

test("a filtered raw read over stored blocks gives the unfiltered rows that pass the filter", async () => {
  const order = (desc: boolean) => (desc ? " ORDER BY time DESC" : "");
  const unfiltered = new Map<boolean, Series[]>();
  for (const desc of [false, true]) unfiltered.set(desc, await series(`SELECT * FROM cpu GROUP BY host${order(desc)}`));
  await fc.assert(
    fc.asyncProperty(condition, fc.boolean(), fc.constantFrom("", " AND time >= '2026-01-01T02:00:00Z' AND time < '2026-01-01T07:00:05Z'"), async (cond, desc, range) => {
      const lo = range === "" ? -Infinity : Date.parse("2026-01-01T02:00:00Z");
      const hi = range === "" ? Infinity : Date.parse("2026-01-01T07:00:05Z");
      const expected = unfiltered.get(desc)!.flatMap((s) => {
        const values = s.values.filter((v) => {
          const time = Date.parse(v[0] as string);
          return time >= lo && time < hi && holds(cond, Object.fromEntries(s.columns.map((c, i) => [c, v[i]])));
        });
        return values.length === 0 ? [] : [{ ...s, values }];
      });
      const got = await series(`SELECT * FROM cpu WHERE ${text(cond)}${range} GROUP BY host${order(desc)}`);
      expect(got).toEqual(expected);
    }),
    { numRuns: 150 },
  );
}, 120_000);
