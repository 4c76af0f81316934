/**
 * Filtered raw reads over stored blocks: a block whose statistics rule the filter out is walked
 * past undecoded. The rows must still be exactly the unfiltered rows that pass the filter, for
 * comparisons that exclude some blocks, all of them or none, with AND and OR, both time orders.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import fc from "fast-check";
import { startTestServer, type TestServer } from "../../routes/test-server.ts";
import { COMPARISONS, conditions, holds, querySeries, type Series, text } from "./filter-conditions.ts";

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

const series = (q: string) => querySeries(t, "default", q);

const condition = conditions(
  fc.record({
    field: fc.constantFrom("load", "procs", "idle"),
    cmp: fc.constantFrom(...COMPARISONS),
    value: fc.constantFrom(-1, 0, 5, 12, 25.5, 50, 72.13, 90, 94.99, 95, 120),
  }),
);

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
