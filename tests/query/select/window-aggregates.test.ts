/**
 * GROUP BY time() aggregates answered without per-point objects must be exactly what the general
 * cursor answers: random statements of that shape (count, sum, mean, min, max, first, last over a
 * float and an integer field, several calls, aliases, time ranges cutting stored blocks and the
 * write buffer, tag conditions and tag grouping, every fill but linear) run both ways.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import fc from "fast-check";
import { parseQuery, type SelectStatement } from "../../../app/influxql/parser.ts";
import type { QueryContext } from "../../../app/query/query-context.ts";
import { cursorSeries, prepareSelect } from "../../../app/query/select/execute-select.ts";
import { windowAggregates } from "../../../app/query/select/window-aggregates.ts";
import { startTestServer, type TestServer } from "../../routes/test-server.ts";

let t: TestServer;
const START = 1_767_225_600; // 2026-01-01T00:00:00Z
const HOURS = 6;

/**
 * Hosts a and b every 10 s (a with full-precision floats, whose means round differently at each
 * re-weighing; b with gaps and repeated values for ties), c sparse and without the integer field.
 */
function lines(fromS: number, toS: number): string[] {
  const out: string[] = [];
  for (let s = fromS; s < toS; s += 10) {
    const k = (s - START) / 10;
    out.push(`m,host=a f=${Math.sin(k * 0.37) * 100 + k / 7},i=${(k * 31) % 97}i ${s}`);
    if (k % 7 !== 3 && Math.floor(k / 200) % 3 !== 1) out.push(`m,host=b f=${(k % 5) * 1.5},i=${-(k % 4)}i ${s}`);
    if (k % 23 === 0) out.push(`m,host=c f=${Math.sin(k) * 1e3} ${s + 3}`);
  }
  return out;
}

async function write(body: string[]): Promise<void> {
  const res = await t.request("/api/v2/write?bucket=default&precision=s", { method: "POST", body: body.join("\n") });
  expect(res.status).toBe(204);
}

beforeAll(async () => {
  t = await startTestServer();
  // Most of the data in stored segments, the last hour still in the write buffer.
  await write(lines(START, START + (HOURS - 1) * 3600));
  await t.server.ctx.engine.flush();
  await write(lines(START + (HOURS - 1) * 3600, START + HOURS * 3600));
});
afterAll(() => t.stop());

function context(): QueryContext {
  const ctx = t.server.ctx;
  return { meta: ctx.meta, buckets: ctx.buckets, engine: ctx.engine, logger: ctx.logger, principal: ctx.operator, orgId: ctx.defaults.orgId, db: "default", rp: "", nowNs: BigInt(Date.now()) * 1_000_000n, viaGet: true };
}

const iso = (s: number) => new Date(s * 1000).toISOString();

const call = fc.record({ fn: fc.constantFrom("count", "sum", "mean", "min", "max", "first", "last"), field: fc.constantFrom("f", "i"), alias: fc.boolean() });

const statement = fc
  .record({
    calls: fc.array(call, { minLength: 1, maxLength: 4 }),
    interval: fc.constantFrom("10s", "1m", "7m", "1h", "90m"),
    from: fc.integer({ min: -600, max: HOURS * 3600 }),
    span: fc.integer({ min: 1, max: 3 * 3600 }),
    where: fc.constantFrom("", " AND host = 'a'", " AND host = 'c'", " AND host =~ /a|b/", " AND host != 'b'"),
    groupByHost: fc.boolean(),
    fill: fc.constantFrom("", " fill(null)", " fill(none)", " fill(0)", " fill(-2.5)", " fill(7)", " fill(previous)"),
  })
  .map((s) => {
    const fields = s.calls.map((c, i) => `${c.fn}(${c.field})${c.alias ? ` AS c${i}` : ""}`).join(", ");
    const range = `time >= '${iso(START + s.from)}' AND time < '${iso(START + s.from + s.span)}'`;
    return `SELECT ${fields} FROM m WHERE ${range}${s.where} GROUP BY time(${s.interval})${s.groupByHost ? ", host" : ""}${s.fill}`;
  });

test("the window-aggregate path answers what the general cursor answers", async () => {
  let taken = 0;
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(statement, async (q) => {
      runs++;
      const [parsed] = parseQuery(q) as [SelectStatement];
      const { stmt, sources, opt } = await prepareSelect(parsed, context());
      const fast = windowAggregates(stmt, sources, opt);
      if (fast === undefined) return;
      taken++;
      expect(fast).toEqual(cursorSeries(stmt, sources, opt));
    }),
    { numRuns: 400 },
  );
  // Grouping all hosts into one tag set takes the general path; most statements here do not.
  expect(taken).toBeGreaterThan(runs / 3);
}, 120_000);
