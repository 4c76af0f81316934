/**
 * Per-window partials from whole stored chunks (block statistics, ranges walked within decoded
 * blocks) must equal the partials built point by point: the same aggregate over a series with an
 * always-true field filter takes the point-by-point path. Windows with offsets and zones, both
 * time orders, ranges cutting blocks, segments and the write buffer.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import fc from "fast-check";
import { startTestServer, type TestServer } from "../../routes/test-server.ts";
import { querySeries } from "./filter-conditions.ts";

let t: TestServer;
const START = 1_767_225_600; // 2026-01-01T00:00:00Z
const HOURS = 8;

function lines(fromS: number, toS: number): string[] {
  const out: string[] = [];
  for (let k = Math.ceil((fromS - START) / 7); START + 7 * k < toS; k++) {
    const s = START + 7 * k;
    // Gaps of a few minutes now and then, repeated values for ties, full-precision floats.
    if (Math.floor(k / 40) % 9 === 4) continue;
    out.push(`m,host=a f=${k % 11 === 0 ? 5 : Math.sin(k * 0.13) * 50},i=${(k * 37) % 101}i ${s}`);
  }
  return out;
}

beforeAll(async () => {
  t = await startTestServer();
  const write = async (body: string[]) => {
    const res = await t.request("/api/v2/write?bucket=default&precision=s", { method: "POST", body: body.join("\n") });
    expect(res.status === 204 ? "" : await res.text()).toBe("");
  };
  await write(lines(START, START + (HOURS - 2) * 3600));
  await t.server.ctx.engine.flush();
  await write(lines(START + (HOURS - 2) * 3600, START + HOURS * 3600));
});
afterAll(() => t.stop());

const iso = (s: number) => new Date(s * 1000).toISOString();

test("partials from stored chunks equal partials point by point", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom("count", "sum", "mean", "min", "max", "first", "last"),
      fc.constantFrom("f", "i"),
      fc.constantFrom("10s", "1m", "7m", "1h", "5h", "30m, 13m", "1h, -20m"),
      fc.integer({ min: -3600, max: HOURS * 3600 }),
      fc.integer({ min: 1, max: 6 * 3600 }),
      fc.constantFrom("", " tz('America/New_York')", " tz('Asia/Kolkata')"),
      fc.boolean(),
      async (fn, field, interval, from, span, tz, desc) => {
        const range = `time >= '${iso(START + from)}' AND time < '${iso(START + from + span)}'`;
        const tail = ` GROUP BY time(${interval}) fill(none)${desc ? " ORDER BY time DESC" : ""}${tz}`;
        const chunked = await querySeries(t, "default", `SELECT ${fn}(${field}) FROM m WHERE ${range}${tail}`);
        const pointwise = await querySeries(t, "default", `SELECT ${fn}(${field}) FROM m WHERE ${range} AND ${field} > -1000000${tail}`);
        expect(chunked).toEqual(pointwise);
      },
    ),
    { numRuns: 250 },
  );
}, 120_000);
