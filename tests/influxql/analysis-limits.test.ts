/**
 * Where InfluxDB 1.6.7 panics on an analysis function's argument (its answer is then a
 * `[panic:runtime error ...]` text): strata answers a statement error naming the limit, or, where
 * InfluxDB failed only to allocate a ring for the whole period, the answer from the points there are.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { startTestServer, type TestServer } from "../routes/test-server.ts";
import { ANALYSIS_DB, analysisDataset } from "./record/record-analysis.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ bucket: ANALYSIS_DB });
  const res = await t.request(`/write?db=${ANALYSIS_DB}&precision=ns`, { method: "POST", body: analysisDataset().join("\n") });
  expect(res.status).toBe(204);
});
afterAll(() => t.stop());

const ALL = "time >= '2026-01-01T00:00:00Z' AND time < '2026-01-04T00:00:00Z'";

async function statementError(q: string): Promise<string> {
  const res = await t.request(`/query?db=${ANALYSIS_DB}&q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { results: { error: string }[] };
  return body.results[0].error;
}

test("holt_winters asked for more forecasts than it can hold in memory", async () => {
  expect(await statementError(`SELECT holt_winters(mean(v), 9223372036854775807, 2) FROM load WHERE ${ALL} GROUP BY time(1h)`)).toBe(
    "holt_winters forecasts at most 1000000 points, not 9223372036854775807",
  );
});

test("chande_momentum_oscillator over a period of 1 without a warm-up type", async () => {
  expect(await statementError(`SELECT chande_momentum_oscillator(v, 1) FROM load WHERE ${ALL}`)).toBe(
    "chande_momentum_oscillator period must be greater than 1 without a warmup type",
  );
});

test("a period far beyond the points takes no memory up front", async () => {
  const res = await t.request(`/query?db=${ANALYSIS_DB}&q=${encodeURIComponent(`SELECT kaufmans_efficiency_ratio(v, 9223372036854775807, 0) FROM load WHERE host = 'a' AND ${ALL} LIMIT 2`)}`);
  const body = (await res.json()) as { results: { series: { values: unknown[][] }[] }[] };
  expect(body.results[0].series[0].values).toEqual([
    ["2026-01-01T00:00:00Z", 1],
    ["2026-01-01T01:00:01Z", 1],
  ]);
});
