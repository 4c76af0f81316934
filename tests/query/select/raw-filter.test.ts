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
import { COMPARISONS, type Cond, conditions, holds, querySeries, text } from "./filter-conditions.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startGoldenServer();
});
afterAll(() => t.stop());

const series = (q: string) => querySeries(t, "telemetry", q);

const MEASUREMENTS: Record<string, { numeric: string[]; other: Record<string, (string | boolean)[]> }> = {
  cpu: { numeric: ["usage_user", "usage_system", "procs"], other: {} },
  events: { numeric: ["code", "duration"], other: { message: ["backup completed", "disk almost full"], acked: [true, false] } },
};

function condition(m: string): fc.Arbitrary<Cond> {
  const { numeric, other } = MEASUREMENTS[m];
  return conditions(
    fc.oneof(
      fc.record({ field: fc.constantFrom(...numeric), cmp: fc.constantFrom(...COMPARISONS), value: fc.constantFrom(0, 10, 30.3, 50, 90, 300, 301, 2.434) }),
      ...Object.entries(other).map(([field, values]) => fc.record({ field: fc.constant(field), cmp: fc.constantFrom("=", "!="), value: fc.constantFrom(...values) })),
    ),
  );
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
