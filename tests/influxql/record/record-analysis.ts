/**
 * Records `tests/influxql/fixtures/goldens-analysis.json` from a real InfluxDB 1.6.7: the
 * analysis functions over hourly series with a six-hour season, a trend and noise (one of them
 * with missing hours): the predictive holt_winters() and holt_winters_with_fit(), the technical
 * analysis functions (moving averages, TRIX, RSI, Kaufman's, Chande's) with their hold periods
 * and warm-up types, and their argument errors.
 *
 *   INFLUX_URL=http://127.0.0.1:18087 bun tests/influxql/record/record-analysis.ts
 *
 * The data (`analysisDataset`) is generated, not stored: the test writes the same lines to strata.
 */
import { type GeneratedStatement, recordGenerated } from "./record-generated.ts";

export const ANALYSIS_DB = "analysis";
/** 2026-01-01T00:00:00Z in seconds. */
const T0 = 1767225600;
const HOURS = 72;
/** Hours the `gappy` host did not report. */
const MISSING = new Set([5, 6, 17, 30, 31, 32, 50]);

/** `load` of hosts a, b and gappy: hourly values with a trend, a six-hour season and noise. */
export function analysisDataset(): string[] {
  const lines: string[] = [];
  let seed = 11;
  const noise = () => ((seed = (seed * 48271) % 2147483647) % 400) / 100 - 2;
  for (const [host, base] of [["a", 50], ["b", 20], ["gappy", 80]] as const) {
    for (let k = 0; k < HOURS; k++) {
      if (host === "gappy" && MISSING.has(k)) continue;
      const v = base + 0.2 * k + 10 * Math.sin((2 * Math.PI * k) / 6) + noise();
      // A few seconds past the hour, as real reports are.
      lines.push(`load,host=${host} v=${v.toFixed(2)},n=${Math.round(v)}i ${(T0 + 3600 * k + (k % 7)) * 1e9}`);
    }
  }
  return lines;
}

const ALL = "time >= '2026-01-01T00:00:00Z' AND time < '2026-01-04T00:00:00Z'";
const A = `host = 'a' AND ${ALL}`;

export const ANALYSIS_STATEMENTS: GeneratedStatement[] = [
  { q: `SELECT holt_winters(mean(v), 6, 6) FROM load WHERE ${A} GROUP BY time(1h)`, note: "six forecasts, season of six" },
  { q: `SELECT holt_winters_with_fit(mean(v), 3, 6) FROM load WHERE ${A} GROUP BY time(1h)`, note: "the fitted series and three forecasts" },
  { q: `SELECT holt_winters(mean(v), 4, 0) FROM load WHERE ${A} GROUP BY time(1h)`, note: "no season" },
  { q: `SELECT holt_winters(max(n), 3, 1) FROM load WHERE ${A} GROUP BY time(1h)`, note: "an integer field; a season of one is none" },
  { q: `SELECT holt_winters(mean(v), 2, 6) FROM load WHERE ${ALL} GROUP BY time(1h), host`, note: "per host; gappy misses hours" },
  { q: `SELECT holt_winters_with_fit(mean(v), 2, 4) FROM load WHERE host = 'gappy' AND ${ALL} GROUP BY time(1h)`, note: "fit over missing hours" },
  { q: `SELECT holt_winters(first(v), 5, 4) FROM load WHERE ${A} GROUP BY time(2h)`, note: "two-hour windows" },
  { q: `SELECT holt_winters(mean(v), 3, 6) FROM load WHERE host = 'a' AND time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T04:00:00Z' GROUP BY time(1h)`, note: "fewer points than a season: nothing" },
  { q: `SELECT holt_winters(mean(v), 2, 0) AS forecast FROM load WHERE ${A} GROUP BY time(1h)`, params: { epoch: "s" }, note: "an alias, epoch seconds" },
  { q: `SELECT holt_winters(mean(v), 2, 6) FROM load WHERE ${A} GROUP BY time(1h) ORDER BY time DESC`, note: "descending order" },
  { q: `SELECT holt_winters(v, 2, 6) FROM load WHERE ${A} GROUP BY time(1h)`, note: "error: not an aggregate" },
  { q: `SELECT holt_winters(mean(v), 2, 6) FROM load WHERE ${A}`, note: "error: no GROUP BY interval" },
  { q: `SELECT holt_winters(mean(v), 0, 6) FROM load WHERE ${A} GROUP BY time(1h)`, note: "error: no forecasts asked" },
  { q: `SELECT holt_winters(mean(v), 2, -1) FROM load WHERE ${A} GROUP BY time(1h)`, note: "error: negative season" },
  { q: `SELECT holt_winters(mean(v), 2.5, 6) FROM load WHERE ${A} GROUP BY time(1h)`, note: "error: count not an integer" },
  { q: `SELECT holt_winters(mean(v), 2, 's') FROM load WHERE ${A} GROUP BY time(1h)`, note: "error: season not an integer" },
  { q: `SELECT holt_winters_with_fit(mean(v), 2) FROM load WHERE ${A} GROUP BY time(1h)`, note: "error: two arguments" },
  { q: `SELECT exponential_moving_average(v, 5) FROM load WHERE ${A}`, note: "EMA of raw values" },
  { q: `SELECT exponential_moving_average(mean(v), 4) FROM load WHERE ${A} GROUP BY time(2h)`, note: "EMA of an aggregate" },
  { q: `SELECT exponential_moving_average(v, 5, 0) FROM load WHERE ${A}`, note: "EMA, no hold period" },
  { q: `SELECT exponential_moving_average(v, 5, -1, 'simple') FROM load WHERE ${A}`, note: "EMA, simple warm-up" },
  { q: `SELECT double_exponential_moving_average(v, 4) FROM load WHERE ${A}`, note: "DEMA" },
  { q: `SELECT double_exponential_moving_average(v, 4, -1, 'simple') FROM load WHERE ${A}`, note: "DEMA, simple warm-up" },
  { q: `SELECT triple_exponential_moving_average(v, 3) FROM load WHERE ${A}`, note: "TEMA" },
  { q: `SELECT triple_exponential_moving_average(n, 3, 2, 'simple') FROM load WHERE ${A}`, note: "TEMA of an integer field, hold 2, simple" },
  { q: `SELECT relative_strength_index(v, 6) FROM load WHERE ${A}`, note: "RSI" },
  { q: `SELECT relative_strength_index(mean(v), 5, 0, 'simple') FROM load WHERE ${ALL} GROUP BY time(1h), host`, note: "RSI per host, gappy misses hours" },
  { q: `SELECT triple_exponential_derivative(v, 3) FROM load WHERE ${A}`, note: "TRIX" },
  { q: `SELECT triple_exponential_derivative(v, 3, 1, 'simple') FROM load WHERE ${A}`, note: "TRIX, hold 1: the first rate divides by zero" },
  { q: `SELECT kaufmans_efficiency_ratio(v, 5) FROM load WHERE ${A}`, note: "KER" },
  { q: `SELECT kaufmans_efficiency_ratio(v, 5, 0) FROM load WHERE ${A}`, note: "KER, no hold period" },
  { q: `SELECT kaufmans_adaptive_moving_average(v, 5) FROM load WHERE ${A}`, note: "KAMA" },
  { q: `SELECT kaufmans_adaptive_moving_average(max(n), 4) FROM load WHERE ${A} GROUP BY time(3h)`, note: "KAMA of an integer aggregate" },
  { q: `SELECT chande_momentum_oscillator(v, 6) FROM load WHERE ${A}`, note: "CMO" },
  { q: `SELECT chande_momentum_oscillator(v, 6, 0, 'none') FROM load WHERE ${A}`, note: "CMO, no hold period" },
  { q: `SELECT chande_momentum_oscillator(v, 6, -1, 'exponential') FROM load WHERE ${A}`, note: "CMO, exponential warm-up" },
  { q: `SELECT chande_momentum_oscillator(v, 4, 2, 'simple') FROM load WHERE ${ALL} GROUP BY host`, note: "CMO per host, simple warm-up" },
  { q: `SELECT exponential_moving_average(v, 3) FROM load WHERE ${A} LIMIT 5`, note: "EMA with LIMIT" },
  { q: `SELECT exponential_moving_average(v, 3) FROM load WHERE ${A} ORDER BY time DESC LIMIT 5`, note: "EMA, descending" },
  { q: `SELECT exponential_moving_average(v) FROM load WHERE ${A}`, note: "error: one argument" },
  { q: `SELECT exponential_moving_average(v, 0) FROM load WHERE ${A}`, note: "error: period below 1" },
  { q: `SELECT exponential_moving_average(v, 1.5) FROM load WHERE ${A}`, note: "error: period not an integer" },
  { q: `SELECT exponential_moving_average(v, 3, -2) FROM load WHERE ${A}`, note: "error: negative hold period" },
  { q: `SELECT exponential_moving_average(v, 3, 'x') FROM load WHERE ${A}`, note: "error: hold period not an integer" },
  { q: `SELECT exponential_moving_average(v, 3, 1, 'fast') FROM load WHERE ${A}`, note: "error: unknown warm-up type" },
  { q: `SELECT exponential_moving_average(v, 3, 1, 2) FROM load WHERE ${A}`, note: "error: warm-up type not a string" },
  { q: `SELECT triple_exponential_derivative(v, 3, 0) FROM load WHERE ${A}`, note: "error: TRIX hold period of 0" },
  { q: `SELECT kaufmans_efficiency_ratio(v, 3, 1, 'simple') FROM load WHERE ${A}`, note: "error: KER takes no warm-up type" },
  { q: `SELECT chande_momentum_oscillator(v, 3, 1, 'bad') FROM load WHERE ${A}`, note: "error: CMO warm-up type" },
  { q: `SELECT exponential_moving_average(mean(v), 3) FROM load WHERE ${A}`, note: "error: an aggregate without GROUP BY time" },
  { q: `SELECT exponential_moving_average(v, 3) FROM load WHERE ${A} GROUP BY time(1h)`, note: "error: a field with GROUP BY time" },
];

if (import.meta.main) {
  await recordGenerated({ db: ANALYSIS_DB, lines: analysisDataset(), statements: ANALYSIS_STATEMENTS, category: "analysis", file: "goldens-analysis.json" });
}
