/**
 * LIMIT over GROUP BY time() windows reads only the windows it needs from each series (see
 * `windowBudget`); that must not change any answer: a limited statement returns what the same
 * statement without LIMIT/OFFSET returns, cut to the limit per series.
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
  tags?: Record<string, string>;
  values: unknown[][];
}

async function series(q: string): Promise<Series[] | string> {
  const res = await t.request(`/query?db=telemetry&${new URLSearchParams({ q })}`);
  const body = (await res.json()) as { results: { series?: Series[]; error?: string }[] };
  const r = body.results[0];
  return r.error ?? r.series ?? [];
}

const statement = fc.record({
  fn: fc.constantFrom("count", "sum", "mean", "min", "max", "first", "last"),
  source: fc.constantFrom("cpu usage_user", "cpu procs", "mem used_percent", "counters requests", "/^c/ usage_user"),
  interval: fc.constantFrom("time(1h)", "time(30m)", "time(6h, 15m)", "time(1d)", "time(10m)"),
  tags: fc.constantFrom("", ", host", ", *"),
  // Always an upper bound: without one, windows run up to now() and every answer gets huge.
  where: fc.constantFrom(
    "WHERE time < '2026-01-04T00:00:00Z'",
    "WHERE time >= '2026-01-01T05:00:00Z' AND time < '2026-01-03T12:00:00Z'",
    "WHERE time < '2026-01-02T07:30:00Z'",
    "WHERE time >= '2026-01-01T03:00:00Z' AND time < '2026-01-02T00:00:00Z'",
    "WHERE host = 'server02' AND time < '2026-01-04T00:00:00Z'",
  ),
  fill: fc.constantFrom("", "fill(none)", "fill(null)", "fill(previous)", "fill(linear)", "fill(-1)"),
  desc: fc.boolean(),
  limit: fc.integer({ min: 1, max: 6 }),
  offset: fc.integer({ min: 0, max: 4 }),
});

test("a LIMIT over windows answers as the cut full answer", async () => {
  await fc.assert(
    fc.asyncProperty(statement, async (s) => {
      const [from, field] = s.source.split(" ");
      const base = `SELECT ${s.fn}(${field}) FROM ${from} ${s.where} GROUP BY ${s.interval}${s.tags} ${s.fill}${s.desc ? " ORDER BY time DESC" : ""}`;
      const full = await series(base);
      const limited = await series(`${base} LIMIT ${s.limit} OFFSET ${s.offset}`);
      if (typeof full === "string") {
        expect(limited).toBe(full);
        return;
      }
      const cut = full.map((x) => ({ ...x, values: x.values.slice(s.offset, s.offset + s.limit) })).filter((x) => x.values.length > 0);
      expect(limited).toEqual(cut);
    }),
    { numRuns: 250 },
  );
}, 120_000);
