/**
 * Records `tests/influxql/fixtures/goldens-ties.json` from a real InfluxDB 1.6.7: the answers that
 * depend on how 1.6.7 merges many series of one tag set — rows of equal time from different
 * series come out in the order of Go's heap (not series order), float aggregates over them add up
 * in that order, first()/last() without GROUP BY time choose between the first two points of
 * that merge, and a non-chunked series of more than 10,000 values carries `"partial": true`.
 * The main goldens' data set has no equal times across series; this one is all equal times.
 *
 *   INFLUX_URL=http://127.0.0.1:18087 bun tests/influxql/record/record-ties.ts
 *
 * The data (`tiesDataset`) is generated, not stored: the test writes the same lines to strata.
 */
import { type GeneratedStatement, recordGenerated } from "./record-generated.ts";

export const TIES_DB = "ties";
/** 2026-01-01T00:00:00Z in seconds. */
const T0 = 1767225600;
/** One more than the emitter's chunk of 10,000 values. */
const WIDE_POINTS = 10_001;

/** 13 series of `ties` (3 regions) sharing 12 timestamps 10 s apart; one `wide` series of 10,001 points. */
export function tiesDataset(): string[] {
  const lines: string[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  for (let k = 0; k < 12; k++) {
    for (let h = 0; h < 13; h++) {
      const v = ((next() % 10_000) / 100).toFixed(2);
      const s = `s${next() % 4}`;
      lines.push(`ties,host=h${String(h).padStart(2, "0")},region=r${h % 3} v=${v},n=${next() % 50}i,s="${s}" ${(T0 + 10 * k) * 1e9}`);
    }
  }
  for (let i = 0; i < WIDE_POINTS; i++) lines.push(`wide,host=w v=${i % 7}i ${(T0 + i) * 1e9}`);
  return lines;
}

const T = "time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T00:02:00Z'";

export const TIES_STATEMENTS: GeneratedStatement[] = [
  { q: `SELECT v FROM ties WHERE ${T}`, note: "equal times across 13 series: Go heap order" },
  { q: `SELECT v FROM ties WHERE ${T} ORDER BY time DESC`, note: "descending" },
  { q: `SELECT s, v FROM ties WHERE ${T}`, note: "a string first among the auxiliary values orders equal times" },
  { q: `SELECT host, v FROM ties WHERE ${T}`, note: "a tag as auxiliary string" },
  { q: `SELECT * FROM ties WHERE ${T}`, note: "all fields and tags" },
  { q: `SELECT v, n FROM ties WHERE ${T} GROUP BY region`, note: "per tag set" },
  { q: `SELECT v FROM ties WHERE ${T} LIMIT 20 OFFSET 5`, note: "limit and offset over the merge" },
  { q: `SELECT stddev(v), sum(v), mean(v) FROM ties WHERE ${T} GROUP BY time(30s)`, note: "float aggregates in merge order" },
  { q: `SELECT median(v), spread(v), percentile(v, 90), mode(n) FROM ties WHERE ${T} GROUP BY time(1m)`, note: "functions over every point" },
  { q: `SELECT stddev(v) FROM ties WHERE ${T} GROUP BY time(1m), region`, note: "stddev per tag set" },
  { q: `SELECT difference(v) FROM ties WHERE ${T}`, note: "a transformation over the merged rows" },
  { q: `SELECT cumulative_sum(v) FROM ties WHERE ${T} GROUP BY region`, note: "cumulative sum in merge order" },
  { q: `SELECT top(v, 3), host FROM ties WHERE ${T} GROUP BY time(1m)`, note: "top with its tag" },
  { q: "SELECT first(v) FROM ties", note: "first() without GROUP BY time: two points per tag set, the larger value" },
  { q: "SELECT last(v) FROM ties", note: "last() without GROUP BY time" },
  { q: "SELECT last(n) FROM ties", note: "last() of an integer field" },
  { q: "SELECT first(n), host FROM ties", note: "a string auxiliary value orders the merge first" },
  { q: "SELECT last(v), host, s FROM ties GROUP BY region ORDER BY time DESC", note: "last() per tag set, descending" },
  { q: "SELECT first(v) FROM ties GROUP BY region", note: "first() per tag set" },
  { q: "SELECT first(*) FROM ties", note: "first() of every field" },
  { q: `SELECT last(v) FROM ties WHERE ${T} GROUP BY time(30s)`, note: "with GROUP BY time: the larger value among all series" },
  { q: "SELECT v FROM wide", params: { epoch: "s" }, note: "10,001 values: partial without chunking" },
  { q: "SELECT v FROM wide LIMIT 10000", params: { epoch: "s" }, note: "exactly 10,000: not partial" },
];

if (import.meta.main) await recordGenerated({ db: TIES_DB, lines: tiesDataset(), statements: TIES_STATEMENTS, category: "ties", file: "goldens-ties.json" });
