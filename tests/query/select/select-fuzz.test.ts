/**
 * Robustness of SELECT through /query: generated statements (over the golden data set's
 * measurements, fields and tags, with every function, cast, clause and odd literal) and mutated
 * golden queries are answered with 200 (maybe a statement error) or 400, never a 500.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import fc from "fast-check";
import { loadGoldens, startGoldenServer } from "../../influxql/golden-harness.ts";
import type { TestServer } from "../../routes/test-server.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startGoldenServer();
});
afterAll(() => t.stop());

async function answersCleanly(q: string): Promise<void> {
  const res = await t.request(`/query?db=telemetry&${new URLSearchParams({ q })}`);
  const body = await res.text();
  if (res.status !== 200 && res.status !== 400) throw new Error(`${res.status} for ${q}: ${body}`);
  JSON.parse(body);
}

const FIELDS = ["usage_user", "usage_system", "procs", "host", "region", "nonexistent", "message", "acked", "code", '"duration"', "temp_c", "humidity", "i", "f", "s", "requests", "bytes_total", "time"];
const CASTS = ["", "", "", "::float", "::integer", "::string", "::boolean", "::tag", "::field"];
const LITERALS = ["0", "1", "-1", "2.5", "-0.5", "9223372036854775807", "'x'", "''", "true", "1h", "0s", "now()"];
const FUNCTIONS = [
  "count", "distinct", "integral", "mean", "median", "mode", "spread", "stddev", "sum", "bottom", "first", "last", "max", "min",
  "percentile", "sample", "top", "abs", "acos", "asin", "atan", "atan2", "ceil", "cos", "cumulative_sum", "derivative",
  "difference", "elapsed", "exp", "floor", "ln", "log", "log2", "log10", "moving_average", "non_negative_derivative",
  "non_negative_difference", "pow", "round", "sin", "sqrt", "tan", "holt_winters", "holt_winters_with_fit", "exponential_moving_average",
  "double_exponential_moving_average", "triple_exponential_moving_average", "relative_strength_index", "triple_exponential_derivative",
  "kaufmans_efficiency_ratio", "kaufmans_adaptive_moving_average", "chande_momentum_oscillator", "foo",
];
const SOURCES = ["cpu", "mem", "events", "weather", "edge", "counters", '"net stats,ü"', "/^c/", "/.*/", "nonexistent", "cpu, mem", "telemetry..cpu", "fleet.forever.cpu"];
const CONDITIONS = [
  "host = 'server01'", "host != 'server02'", "region = ''", "host =~ /0[12]$/", "host !~ /x/", "usage_user > 50", "procs <= 200",
  "message = 'backup completed'", "acked = false", "time >= '2026-01-01T00:00:00Z'", "time < '2026-01-02T00:00:00Z'",
  "time > now() - 400d", "time = '2026-01-01T00:04:55Z'", "time > 'garbage'", "usage_user + usage_system > 100", "host = region",
  "time >= 1767225600000000000", "nonexistent = ''", "i > 9007199254740992",
];
const DIMENSIONS = ["time(1h)", "time(6h, 15m)", "time(1d, -2h)", "time(7h)", "time(0s)", "time(1h, '2026-01-01T00:30:00Z')", "time(1h, '2026-13-01T00:00:00Z')", "host", "region", "*", "/reg/", "nonexistent", "time(30m)"];
const TAILS = ["", "fill(none)", "fill(null)", "fill(previous)", "fill(linear)", "fill(0)", "fill(2.5)", "ORDER BY time DESC", "LIMIT 2", "LIMIT 1 OFFSET 3", "SLIMIT 1", "SOFFSET 1", "tz('Europe/Oslo')", "tz('America/New_York')"];

const ref = fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...CASTS)).map(([f, c]) => f + c);
const field = fc.oneof(ref, fc.constantFrom("*", "/usage/"));
const number = fc.constantFrom("0", "1", "2", "3", "50", "99.9", "101", "-1");
const duration = fc.constantFrom("1s", "1m", "10m", "1h", "0s");
const aggregate = fc
  .tuple(fc.constantFrom("count", "mean", "median", "mode", "spread", "stddev", "sum", "first", "last", "max", "min", "distinct", "integral"), field)
  .map(([f, a]) => `${f}(${a})`);
const selector = fc.oneof(
  fc.tuple(fc.constantFrom("percentile", "sample"), ref, number).map(([f, a, n]) => `${f}(${a}, ${n})`),
  fc.tuple(fc.constantFrom("top", "bottom"), ref, fc.constantFrom("", "host, ", "region, "), number).map(([f, a, t, n]) => `${f}(${a}, ${t}${n})`),
  fc.tuple(aggregate).map(([a]) => `count(distinct(${a.replace(/^\w+\(|\)$/g, "")}))`),
);
const transform = fc
  .tuple(fc.constantFrom("derivative", "non_negative_derivative", "difference", "non_negative_difference", "cumulative_sum", "elapsed", "moving_average"), fc.oneof(ref, aggregate), fc.constantFrom("", ", 1m", ", 2", ", 1h"))
  .map(([f, a, extra]) => `${f}(${a}${extra})`);
const analysis = fc.oneof(
  fc
    .tuple(fc.constantFrom("holt_winters", "holt_winters_with_fit"), fc.oneof(aggregate, ref), fc.constantFrom("0", "1", "3", "9223372036854775807"), fc.constantFrom("0", "1", "2", "6", "-1", "100000"))
    .map(([f, a, h, m]) => `${f}(${a}, ${h}, ${m})`),
  fc
    .tuple(
      fc.constantFrom("exponential_moving_average", "double_exponential_moving_average", "triple_exponential_moving_average", "relative_strength_index", "triple_exponential_derivative", "kaufmans_efficiency_ratio", "kaufmans_adaptive_moving_average", "chande_momentum_oscillator"),
      fc.oneof(ref, aggregate),
      fc.constantFrom("1", "2", "5", "9223372036854775807"),
      fc.constantFrom("", ", -1", ", 0", ", 3", ", 2, 'simple'", ", -1, 'exponential'", ", 0, 'none'"),
    )
    .map(([f, a, n, rest]) => `${f}(${a}, ${n}${rest})`),
);
const math = fc
  .tuple(fc.constantFrom(...FUNCTIONS.filter((f) => /^(abs|acos|asin|atan|atan2|ceil|cos|exp|floor|ln|log|log2|log10|pow|round|sin|sqrt|tan)$/.test(f))), fc.oneof(ref, aggregate), number)
  .map(([f, a, n]) => (/^(atan2|log|pow)$/.test(f) ? `${f}(${a}, ${n})` : `${f}(${a})`));
const anything: fc.Arbitrary<string> = fc.letrec((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    ref,
    fc.constantFrom(...LITERALS),
    duration,
    fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie("e"), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(", ")})`),
    fc.tuple(tie("e"), fc.constantFrom("+", "-", "*", "/", "%", "&", "|", "^"), tie("e")).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie("e").map((e) => `(${e})`),
  ),
})).e;
const expr = fc.oneof(field, aggregate, selector, transform, analysis, math, fc.tuple(aggregate, fc.constantFrom("+", "*", "/"), fc.oneof(aggregate, number)).map((p) => p.join(" ")), anything);

const statement = fc
  .record({
    fields: fc.array(fc.tuple(expr, fc.constantFrom("", " AS a", " AS usage_user")), { minLength: 1, maxLength: 3 }),
    from: fc.oneof(fc.constantFrom(...SOURCES), expr.map((e) => `(SELECT ${e} FROM cpu GROUP BY host)`)),
    where: fc.array(fc.constantFrom(...CONDITIONS), { maxLength: 3 }),
    or: fc.boolean(),
    groupBy: fc.array(fc.constantFrom(...DIMENSIONS), { maxLength: 2 }),
    tails: fc.array(fc.constantFrom(...TAILS), { maxLength: 3 }),
  })
  .map((r) => {
    let q = `SELECT ${r.fields.map(([e, a]) => e + a).join(", ")} FROM ${r.from}`;
    // An upper bound keeps GROUP BY time() from filling windows up to now().
    q += r.where.length > 0 ? ` WHERE (${r.where.join(r.or ? " OR " : " AND ")}) AND time < '2026-01-05T00:00:00Z'` : " WHERE time < '2026-01-05T00:00:00Z'";
    if (r.groupBy.length > 0) q += ` GROUP BY ${r.groupBy.join(", ")}`;
    return `${q} ${r.tails.join(" ")}`;
  });

// Sub-hour GROUP BY time() intervals are left out: a mutation that drops their upper bound fills
// minute windows up to now(), which is correct but slow.
const SELECTS = loadGoldens("goldens-json.json")
  .map((g) => g.q)
  .filter((q) => /^\s*select/i.test(q) && !/time\(\d+[mus]/.test(q));
const PIECES = ["(", ")", ",", "*", "mean(", "time(1h)", " GROUP BY ", " WHERE ", " AND ", " OR ", "'x'", "1", "::integer", "/re/", " fill(none)", " DESC"];

const mutated = fc.tuple(fc.constantFrom(...SELECTS), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...PIECES), fc.boolean()), { minLength: 1, maxLength: 3 })).map(([q, edits]) => {
  let s = q;
  for (const [at, piece, cut] of edits) {
    const i = at % (s.length + 1);
    s = cut ? s.slice(0, i) + s.slice(i + piece.length) : s.slice(0, i) + piece + s.slice(i);
  }
  return s;
});

describe("SELECT never answers 500", () => {
  test("generated statements", async () => {
    await fc.assert(fc.asyncProperty(statement, answersCleanly), { numRuns: 500 });
  }, 60_000);

  test("mutated golden queries", async () => {
    await fc.assert(fc.asyncProperty(mutated, answersCleanly), { numRuns: 400 });
  }, 60_000);

  test("every golden SELECT with each clause variant appended", async () => {
    for (const q of SELECTS.slice(0, 120)) {
      for (const tail of [" fill(previous)", " ORDER BY time DESC", " LIMIT 1", " tz('Asia/Kolkata')"]) await answersCleanly(q + tail);
    }
    expect(true).toBe(true);
  }, 60_000);
});
