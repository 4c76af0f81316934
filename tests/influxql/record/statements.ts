/**
 * The InfluxQL statements recorded against InfluxDB 1.6.7. This file is the source; running it
 * writes `tests/influxql/fixtures/statements.json`, which `record-goldens.ts` reads:
 *
 *   bun tests/influxql/record/statements.ts
 *
 * Ids are `<category>-<nnn>`, numbered in order within each category. Every statement that could
 * depend on the clock is bounded so it does not: data lives in 2026-01-01..2026-01-03, GROUP BY
 * time() always has an explicit upper time bound (1.x otherwise fills windows up to now()) unless
 * fill(none) drops the empty windows, and `now()` only appears as `now() - 10000d` (covers all data)
 * or `now() - 1h` (covers none, since the recording date is after the data).
 * `sample()` picks at random, so it is only asked for at least as many points as there are.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Method, StatementCase, StatementsFile } from "./record-goldens.ts";

interface Opts {
  db?: string | null;
  params?: Record<string, string>;
  method?: Method;
  note?: string;
}

const counters = new Map<string, number>();

function make(category: string, q: string, o: Opts = {}): StatementCase {
  const n = (counters.get(category) ?? 0) + 1;
  counters.set(category, n);
  const c: StatementCase = { id: `${category}-${String(n).padStart(3, "0")}`, category, q };
  const db = o.db === undefined ? "telemetry" : o.db;
  if (db !== null) c.db = db;
  if (o.params) c.params = o.params;
  if (o.method) c.method = o.method;
  if (o.note) c.note = o.note;
  return c;
}

// time ranges
const H6 = "time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T06:00:00Z'";
const H3 = "time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T03:00:00Z'";
const D1 = "time >= '2026-01-01T00:00:00Z' AND time < '2026-01-02T00:00:00Z'";
const ALL = "time >= '2026-01-01T00:00:00Z' AND time < '2026-01-04T00:00:00Z'";
const CT = "time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T05:00:00Z'";

const read: StatementCase[] = [];
const csv: StatementCase[] = [];
const msgpack: StatementCase[] = [];
const mutating: StatementCase[] = [];

function r(category: string, q: string, o: Opts = {}): void {
  read.push(make(category, q, o));
}

// ------------------------------------------------------------------------------------------------
// select-basic: fields, tags, *, ::field / ::tag, aliases, quoting
r("select-basic", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H6}`);
r("select-basic", `SELECT * FROM cpu WHERE ${H6}`);
r("select-basic", `SELECT usage_user, usage_system FROM cpu WHERE host = 'server02' LIMIT 5`, {
  note: "usage_system is sparse: nulls where the point has no such field",
});
r("select-basic", `SELECT * FROM events LIMIT 5`, { note: "string, boolean, integer, sparse float" });
r("select-basic", `SELECT message, acked FROM events WHERE level = 'error'`);
r("select-basic", `SELECT host, usage_user FROM cpu WHERE ${H3}`, { note: "a tag in the select list" });
r("select-basic", `SELECT usage_user AS u, host AS h, procs AS "the procs" FROM cpu WHERE ${H3}`);
r("select-basic", `SELECT *::field FROM cpu LIMIT 3`);
r("select-basic", `SELECT *::tag, usage_user FROM cpu LIMIT 3`);
r("select-basic", `SELECT usage_user::float, procs::integer FROM cpu LIMIT 3`);
r("select-basic", `SELECT usage_user::integer FROM cpu LIMIT 3`, { note: "cast to the wrong type" });
r("select-basic", `SELECT host::tag, usage_user::field, region::field FROM cpu LIMIT 3`);
r("select-basic", `SELECT "usage_user" FROM "cpu" WHERE "host" = 'server03' LIMIT 2`);
r("select-basic", `SELECT * FROM "net stats,ü"`, { note: "escaped names, unicode, strings with quotes" });
r("select-basic", `SELECT "\\"quoted\\"", "rx bytes", "tx=bytes" FROM "net stats,ü" LIMIT 3`);
r("select-basic", `SELECT * FROM "net stats,ü" WHERE "iface name" = 'eth,0'`);
r("select-basic", `SELECT * FROM edge`, { note: "number formatting: 1e+21, -0, int64 extremes" });
r("select-basic", `SELECT f FROM edge`);
r("select-basic", `SELECT i FROM edge`);
r("select-basic", `SELECT s FROM edge`);
r("select-basic", `SELECT * FROM weather WHERE location = 'oslo' AND temp_c < 0 LIMIT 5`);
r("select-basic", `SELECT nonexistent FROM cpu`, { note: "unknown field: result without series" });
r("select-basic", `SELECT * FROM nonexistent`, { note: "unknown measurement" });
r("select-basic", `SELECT usage_user, nonexistent FROM cpu LIMIT 2`);
r("select-basic", `SELECT * FROM cpu, mem WHERE time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T01:00:00Z'`, {
  note: "several measurements: one series each",
});
r("select-basic", `SELECT usage_user, used FROM cpu, mem WHERE time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T01:00:00Z'`);
r("select-basic", `SELECT * FROM /^c/ WHERE time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T00:30:00Z'`, {
  note: "regex measurement",
});
r("select-basic", `SELECT * FROM /stats/`);
r("select-basic", `SELECT usage_user FROM /^(cpu|weather)$/ LIMIT 2`);
r("select-basic", `SELECT * FROM telemetry.autogen.cpu LIMIT 2`, { db: "fleet", note: "db.rp.measurement" });
r("select-basic", `SELECT * FROM telemetry..cpu LIMIT 2`, { db: null, note: "db..measurement, no db parameter" });
r("select-basic", `SELECT * FROM fleet.forever.cpu`, { db: null });
r("select-basic", `SELECT * FROM fleet."forever".cpu LIMIT 2`);
r("select-basic", `SELECT * FROM cpu LIMIT 3`, { db: "fleet", params: { rp: "forever" }, note: "rp parameter" });
r("select-basic", `SELECT * FROM autogen.cpu LIMIT 3`, { db: "fleet", note: "rp.measurement" });
r("select-basic", `SELECT * FROM cpu`, { db: "fleet" });
r("select-basic", `SELECT usage_user FROM cpu WHERE host = 'server05'`);
r("select-basic", `SELECT region, usage_user FROM cpu WHERE host = 'server05' LIMIT 2`, { note: "missing tag is null" });
r("select-basic", `SELECT * FROM mem WHERE host = 'server01' LIMIT 3`);
r("select-basic", `SELECT time, usage_user FROM cpu LIMIT 2`);
r("select-basic", `SELECT usage_user FROM cpu WHERE time = '2026-01-01T00:04:55Z'`);
r("select-basic", `SELECT * FROM counters GROUP BY host LIMIT 2`, { note: "raw select grouped by tag" });
r("select-basic", `SELECT usage_user FROM cpu GROUP BY * LIMIT 1`);
r("select-basic", `SELECT * FROM cpu WHERE ${H3} GROUP BY region`);
r("select-basic", `SELECT * FROM weather WHERE ${H6} GROUP BY location, nonexistent`);
r("select-basic", `SELECT usage_user FROM cpu WHERE time >= '2026-01-01T05:00:00Z' AND time < '2026-01-01T06:00:00Z'`, {
  note: "fractional seconds in RFC3339 output",
});
r("select-basic", `select Usage_User from CPU limit 1`, { note: "keywords are case-insensitive, identifiers are not" });
r("select-basic", `select usage_user from cpu limit 1`);
r("select-basic", `SELECT usage_user, usage_user FROM cpu LIMIT 2`, { note: "duplicate column names" });
r("select-basic", `SELECT usage_user, usage_user AS usage_user_1, usage_user FROM cpu LIMIT 2`);
r("select-basic", `SELECT 1 FROM cpu LIMIT 2`, { note: "literal only" });
r("select-basic", `SELECT usage_user, 'text', 2 FROM cpu LIMIT 2`);
r("select-basic", `SELECT * FROM "empty".autogen.cpu`, { db: null });
r("select-basic", `SELECT * FROM cpu`, { db: "empty" });
r("select-basic", `SELECT count(usage_user) FROM telemetry.autogen./^cp/`, { db: "fleet", note: "regex with db.rp" });
// whole measurements: every stored point, as a check of ingestion and of raw ordering
r("select-basic", `SELECT * FROM cpu`, { note: "full dump" });
r("select-basic", `SELECT * FROM mem`, { note: "full dump" });
r("select-basic", `SELECT * FROM events`, { note: "full dump" });
r("select-basic", `SELECT * FROM weather`, { note: "full dump" });
r("select-basic", `SELECT * FROM counters GROUP BY *`, { note: "full dump" });

// ------------------------------------------------------------------------------------------------
// where: time bounds, tag and field conditions
r("where", `SELECT usage_user FROM cpu WHERE host = 'server01' AND time >= 1767225600000000000 AND time < 1767236400000000000`, {
  note: "epoch ns integers",
});
r("where", `SELECT usage_user FROM cpu WHERE host = 'server01' AND time >= 1767225600s AND time < 1767236400s`, {
  note: "integers with a duration unit",
});
r("where", `SELECT usage_user FROM cpu WHERE host = 'server01' AND time >= 1767225600000ms AND time <= 1767232800000ms`);
r("where", `SELECT usage_user FROM cpu WHERE host = 'server01' AND time > now() - 10000d LIMIT 3`);
r("where", `SELECT usage_user FROM cpu WHERE time > now() - 1h`, { note: "no data in the last hour" });
r("where", `SELECT count(usage_user) FROM cpu WHERE time < now()`);
r("where", `SELECT usage_user FROM cpu WHERE host = 'server01' AND time >= '2026-01-02' AND time < '2026-01-02 03:00:00'`, {
  note: "date-only and space-separated time strings",
});
r("where", `SELECT usage_user FROM cpu WHERE host = 'server02' AND time > '2026-01-01T00:00:00Z' + 2h AND time < '2026-01-01T06:00:00Z' - 30m`);
r("where", `SELECT usage_user FROM cpu WHERE host = 'server01' AND time >= '2026-01-01T05:00:00.5Z' AND time < '2026-01-01T06:00:00Z'`);
r("where", `SELECT usage_user FROM cpu WHERE host = 'server01' AND time >= '2026-01-01T05:00:00+01:00' AND time < '2026-01-01T06:00:00+01:00'`, {
  note: "RFC3339 with a zone offset",
});
r("where", `SELECT usage_user FROM cpu WHERE '2026-01-01T03:00:00Z' > time AND host = 'server03'`, { note: "time on the right" });
r("where", `SELECT usage_user FROM cpu WHERE time = '2026-01-01T00:04:55Z' OR time = '2026-01-01T00:07:50Z'`, {
  note: "OR of time equalities",
});
r("where", `SELECT usage_user FROM cpu WHERE host != 'server01' AND ${H3}`);
r("where", `SELECT usage_user FROM cpu WHERE host <> 'server01' AND ${H3}`);
r("where", `SELECT usage_user FROM cpu WHERE host =~ /^server0[13]$/ AND ${H3}`);
r("where", `SELECT usage_user FROM cpu WHERE host !~ /0[12]$/ AND ${H3}`);
r("where", `SELECT usage_user FROM cpu WHERE (host = 'server01' OR host = 'server03') AND usage_user > 80`);
r("where", `SELECT usage_user FROM cpu WHERE host = 'server01' OR usage_user > 94`, { note: "tag OR field" });
r("where", `SELECT usage_user, host FROM cpu WHERE region = ''`, { note: "empty tag value matches series without the tag" });
r("where", `SELECT usage_user FROM cpu WHERE region != '' AND ${H3}`);
r("where", `SELECT usage_user FROM cpu WHERE nonexistent = 'x'`);
r("where", `SELECT usage_user FROM cpu WHERE nonexistent = '' AND ${H3}`);
r("where", `SELECT usage_user, host FROM cpu WHERE usage_user > 94`);
r("where", `SELECT usage_user, host FROM cpu WHERE usage_user >= 94.2 AND usage_user <= 94.6`);
r("where", `SELECT procs, host FROM cpu WHERE procs = 398`);
r("where", `SELECT procs FROM cpu WHERE procs > 395.5`, { note: "integer field vs float literal" });
r("where", `SELECT usage_user FROM cpu WHERE usage_user < 6`);
r("where", `SELECT usage_user, usage_system FROM cpu WHERE usage_user + usage_system > 110`);
r("where", `SELECT usage_user FROM cpu WHERE usage_user * 2 < 12`);
r("where", `SELECT message FROM events WHERE message = 'backup completed'`);
r("where", `SELECT message FROM events WHERE message =~ /latency|reset/`);
r("where", `SELECT message FROM events WHERE message !~ /e/`);
r("where", `SELECT message, acked FROM events WHERE acked = false`);
r("where", `SELECT message, acked FROM events WHERE acked = true AND level = 'error'`);
r("where", `SELECT message FROM events WHERE message <> 'backup completed' AND host = 'server01'`);
r("where", `SELECT usage_user FROM cpu WHERE usage_user = 'x'`, { note: "float field vs string literal" });
r("where", `SELECT temp_c FROM weather WHERE location =~ /^(oslo|quito)$/ AND temp_c < -5`);
r("where", `SELECT * FROM "net stats,ü" WHERE "iface name" =~ /eth/ AND "rx bytes" > 1500`);
r("where", `SELECT "duration" FROM events WHERE "duration" > 0`, { note: "duration is a keyword: quoted" });
r("where", `SELECT usage_user FROM cpu WHERE ((host = 'server01' AND usage_user > 90) OR (host = 'server02' AND usage_user < 6))`);
r("where", `SELECT temp_c FROM weather WHERE location = 'oslo' AND temp_c > -3 AND temp_c < 3`);
r("where", `SELECT usage_user FROM cpu WHERE host = "server01" LIMIT 2`, { note: "double quotes make an identifier, not a string" });
r("where", `SELECT usage_user FROM cpu WHERE host = 'server01' AND time > '2026-01-05T00:00:00Z'`);
r("where", `SELECT usage_user FROM cpu WHERE time > '2026-01-01T00:00:00Z' AND time < '2026-01-01T00:00:00Z'`);
r("where", `SELECT i FROM edge WHERE i > 9007199254740992`, { note: "int64 literal beyond 2^53" });
r("where", `SELECT f FROM edge WHERE f < 0`);
r("where", `SELECT s FROM edge WHERE s = ''`);
r("where", `SELECT usage_user FROM cpu WHERE host = 'server01' AND time >= '2026-01-01T00:00:00Z' AND time <= '2026-01-01T02:01:48Z'`, {
  note: "inclusive upper bound",
});

// ------------------------------------------------------------------------------------------------
// aggregate
r("aggregate", `SELECT count(usage_user) FROM cpu`);
r("aggregate", `SELECT count(usage_system) FROM cpu WHERE ${ALL}`);
r("aggregate", `SELECT count(*) FROM cpu`);
r("aggregate", `SELECT count(message), count(acked), count("duration") FROM events`);
r("aggregate", `SELECT count(usage_user) FROM cpu GROUP BY host`);
r("aggregate", `SELECT count(usage_user) FROM cpu GROUP BY region`);
r("aggregate", `SELECT distinct(host) FROM cpu`, { note: "distinct on a tag" });
r("aggregate", `SELECT distinct(level) FROM events`);
r("aggregate", `SELECT distinct(message) FROM events`);
r("aggregate", `SELECT distinct(acked) FROM events`);
r("aggregate", `SELECT distinct(humidity) FROM weather WHERE location = 'oslo' AND ${D1}`);
r("aggregate", `SELECT distinct(usage_user) FROM cpu WHERE ${H3} GROUP BY host`);
r("aggregate", `SELECT count(distinct(message)) FROM events`);
r("aggregate", `SELECT count(distinct(procs)) FROM cpu GROUP BY host`);
r("aggregate", `SELECT count(distinct(acked)) FROM events GROUP BY level`);
r("aggregate", `SELECT integral(bytes_total) FROM counters`);
r("aggregate", `SELECT integral(bytes_total, 1m) FROM counters WHERE host = 'server02'`);
r("aggregate", `SELECT integral(requests, 1h) FROM counters WHERE host = 'server01' AND ${CT} GROUP BY time(1h)`, {
  note: "one series: with several, 1.6.7 splits and reorders integral() series between runs",
});
r("aggregate", `SELECT integral(temp_c, 1d) FROM weather WHERE location = 'oslo' AND ${ALL}`, {
  note: "1.6.7 emits integral() series in random order when grouped by tag without GROUP BY time(), so only one series here",
});
r("aggregate", `SELECT mean(usage_user) FROM cpu`);
r("aggregate", `SELECT mean(procs) FROM cpu`, { note: "mean of integers is a float" });
r("aggregate", `SELECT mean(usage_user), mean(usage_system) FROM cpu GROUP BY host`);
r("aggregate", `SELECT mean(usage_user) FROM cpu WHERE host = 'server01' AND ${D1}`);
r("aggregate", `SELECT mean(temp_c) FROM weather GROUP BY location`);
r("aggregate", `SELECT mean(*) FROM cpu`);
r("aggregate", `SELECT mean(/usage/) FROM cpu`);
r("aggregate", `SELECT mean(used), mean(used_percent) FROM mem GROUP BY host`);
r("aggregate", `SELECT median(usage_user) FROM cpu`);
r("aggregate", `SELECT median(procs) FROM cpu GROUP BY host`, { note: "median of integers" });
r("aggregate", `SELECT median(humidity) FROM weather WHERE location = 'cairo' AND ${H6}`);
r("aggregate", `SELECT mode(procs) FROM cpu`);
r("aggregate", `SELECT mode(level) FROM events`);
r("aggregate", `SELECT mode(message) FROM events GROUP BY host`);
r("aggregate", `SELECT mode(acked) FROM events`);
r("aggregate", `SELECT mode(usage_user) FROM cpu WHERE host = 'server01' AND ${H6}`, { note: "all distinct: tie-break" });
r("aggregate", `SELECT spread(usage_user) FROM cpu`);
r("aggregate", `SELECT spread(procs) FROM cpu GROUP BY host`, { note: "spread of integers is an integer" });
r("aggregate", `SELECT spread(temp_c) FROM weather GROUP BY location`);
r("aggregate", `SELECT stddev(usage_user) FROM cpu`);
r("aggregate", `SELECT stddev(procs) FROM cpu GROUP BY host`);
r("aggregate", `SELECT stddev(usage_user) FROM cpu WHERE time = '2026-01-01T00:04:55Z'`, { note: "a single point" });
r("aggregate", `SELECT sum(usage_user) FROM cpu`);
r("aggregate", `SELECT sum(procs) FROM cpu GROUP BY host`);
r("aggregate", `SELECT sum(used) FROM mem`);
r("aggregate", `SELECT sum(i) FROM edge`, { note: "int64 overflow wraps" });
r("aggregate", `SELECT sum(f), mean(f), count(f) FROM edge`);
r("aggregate", `SELECT sum(*) FROM counters`);
r("aggregate", `SELECT count(usage_user), mean(usage_user), median(usage_user), spread(usage_user), stddev(usage_user), sum(usage_user) FROM cpu GROUP BY host`);
r("aggregate", `SELECT mean(usage_user), mean(usage_user) FROM cpu`, { note: "duplicate aggregate: mean, mean_1" });
r("aggregate", `SELECT mean(usage_user) AS avg, sum(usage_user) AS total FROM cpu`);
r("aggregate", `SELECT count(usage_user), host FROM cpu GROUP BY region`, { note: "a tag beside an aggregate" });
r("aggregate", `SELECT mean(usage_user) FROM cpu WHERE host = 'nope'`);
r("aggregate", `SELECT count(usage_user) FROM cpu WHERE time > now() - 1h`, { note: "count over no points" });
r("aggregate", `SELECT count(usage_user) FROM cpu GROUP BY *`);
r("aggregate", `SELECT mean(usage_user) FROM /^(cpu|weather)$/`);
r("aggregate", `SELECT mean(temp_c) FROM weather WHERE temp_c < 0`);
r("aggregate", `SELECT count(usage_user) FROM cpu WHERE usage_user > 50 GROUP BY host`);
r("aggregate", `SELECT sum(usage_user) FROM cpu, mem`);

// ------------------------------------------------------------------------------------------------
// selector
r("selector", `SELECT first(usage_user) FROM cpu`, { note: "selectors keep the point's time" });
r("selector", `SELECT last(usage_user) FROM cpu`);
r("selector", `SELECT first(usage_user), host FROM cpu`);
r("selector", `SELECT max(usage_user) FROM cpu`);
r("selector", `SELECT max(usage_user), host, usage_system, procs FROM cpu`, { note: "selector with the point's other values" });
r("selector", `SELECT min(usage_user) FROM cpu GROUP BY host`);
r("selector", `SELECT min(procs), max(procs) FROM cpu`, { note: "two selectors: time is 0" });
r("selector", `SELECT max(temp_c) FROM weather GROUP BY location`);
r("selector", `SELECT min(temp_c) FROM weather WHERE location = 'oslo'`);
r("selector", `SELECT first(message), last(message) FROM events`);
r("selector", `SELECT first(acked) FROM events GROUP BY level`);
r("selector", `SELECT last(*) FROM events`);
r("selector", `SELECT first(*) FROM cpu GROUP BY host`);
r("selector", `SELECT max(*) FROM mem`);
r("selector", `SELECT last(usage_system) FROM cpu GROUP BY host`, { note: "sparse field: last non-null" });
r("selector", `SELECT top(usage_user, 3) FROM cpu`);
r("selector", `SELECT top(usage_user, host, 2) FROM cpu`, { note: "top per tag value" });
r("selector", `SELECT top(usage_user, 2), host FROM cpu`);
r("selector", `SELECT top(usage_user, 2) FROM cpu GROUP BY host`);
r("selector", `SELECT top(procs, 4) FROM cpu WHERE ${H6}`, { note: "integers, ties" });
r("selector", `SELECT top(usage_user, 100) FROM cpu WHERE ${H3}`, { note: "N larger than the points" });
r("selector", `SELECT top(temp_c, location, 3) FROM weather`);
r("selector", `SELECT bottom(usage_user, 3) FROM cpu`);
r("selector", `SELECT bottom(usage_user, host, 2) FROM cpu`);
r("selector", `SELECT bottom(temp_c, 2) FROM weather GROUP BY location`);
r("selector", `SELECT bottom(procs, 3), usage_user FROM cpu WHERE host = 'server02'`);
r("selector", `SELECT percentile(usage_user, 50) FROM cpu`);
r("selector", `SELECT percentile(usage_user, 95) FROM cpu GROUP BY host`);
r("selector", `SELECT percentile(usage_user, 0), percentile(usage_user, 100) FROM cpu WHERE host = 'server01'`);
r("selector", `SELECT percentile(procs, 33.3) FROM cpu`);
r("selector", `SELECT percentile(temp_c, 10) FROM weather GROUP BY location`);
r("selector", `SELECT sample(usage_user, 100) FROM cpu WHERE ${H3}`, { note: "sample of all points: deterministic" });
r("selector", `SELECT sample(usage_user, 1) FROM cpu WHERE time = '2026-01-01T00:04:55Z'`);
r("selector", `SELECT max(usage_user) FROM cpu WHERE ${D1} GROUP BY time(6h)`, { note: "with GROUP BY time the window start is the time" });
r("selector", `SELECT first(usage_user), last(usage_user) FROM cpu WHERE ${D1} GROUP BY time(12h)`);
r("selector", `SELECT top(usage_user, 2) FROM cpu WHERE ${D1} GROUP BY time(12h)`, { note: "top keeps point times" });
r("selector", `SELECT max(f), min(f) FROM edge`);
r("selector", `SELECT max(i), min(i), first(s), last(s) FROM edge`);
r("selector", `SELECT last(usage_user) FROM cpu, weather`);
r("selector", `SELECT max(usage_user) FROM cpu WHERE ${D1} GROUP BY time(6h), host`);

// ------------------------------------------------------------------------------------------------
// transform
r("transform", `SELECT abs(temp_c) FROM weather WHERE location = 'oslo' AND ${D1}`);
r("transform", `SELECT acos(temp_c / 20), asin(temp_c / 20), atan(temp_c) FROM weather WHERE location = 'oslo' AND ${D1}`);
r("transform", `SELECT atan2(temp_c, humidity) FROM weather WHERE location = 'cairo' AND ${D1}`);
r("transform", `SELECT ceil(temp_c), floor(temp_c), round(temp_c) FROM weather WHERE location = 'oslo' AND ${D1}`);
r("transform", `SELECT round(pressure), ceil(humidity) FROM weather WHERE location = 'quito' AND ${H6}`);
r("transform", `SELECT cos(temp_c), sin(temp_c), tan(temp_c) FROM weather WHERE location = 'quito' AND ${H6}`);
r("transform", `SELECT exp(temp_c / 10) FROM weather WHERE location = 'oslo' AND ${H6}`);
r("transform", `SELECT ln(humidity), log2(humidity), log10(humidity), log(humidity, 3) FROM weather WHERE location = 'cairo' AND ${H6}`);
r("transform", `SELECT sqrt(temp_c), ln(temp_c) FROM weather WHERE location = 'oslo' AND ${H6}`, { note: "NaN prints as null" });
r("transform", `SELECT pow(temp_c, 2), pow(humidity, 0.5) FROM weather WHERE location = 'oslo' AND ${H6}`);
r("transform", `SELECT abs(i) FROM edge`);
r("transform", `SELECT abs(mean(temp_c)) FROM weather WHERE location = 'oslo' AND ${D1} GROUP BY time(6h)`);
r("transform", `SELECT round(mean(usage_user)) FROM cpu WHERE ${D1} GROUP BY time(6h), host`);
r("transform", `SELECT cumulative_sum(requests) FROM counters WHERE host = 'server02'`);
r("transform", `SELECT cumulative_sum(bytes_total) FROM counters WHERE ${CT} GROUP BY host LIMIT 5`);
r("transform", `SELECT cumulative_sum(mean(usage_user)) FROM cpu WHERE ${D1} GROUP BY time(4h)`);
r("transform", `SELECT derivative(requests) FROM counters WHERE host = 'server01'`, { note: "per second" });
r("transform", `SELECT derivative(requests, 1m) FROM counters WHERE host = 'server01'`);
r("transform", `SELECT derivative(bytes_total, 10m) FROM counters GROUP BY host`);
r("transform", `SELECT derivative(mean(requests), 30m) FROM counters WHERE ${CT} GROUP BY time(30m), host`);
r("transform", `SELECT derivative(mean(usage_user)) FROM cpu WHERE host = 'server04' AND ${D1} GROUP BY time(1h)`, {
  note: "gaps: null windows are skipped",
});
r("transform", `SELECT non_negative_derivative(requests) FROM counters WHERE host = 'server01'`, { note: "drops the reset" });
r("transform", `SELECT non_negative_derivative(requests, 1m) FROM counters GROUP BY host`);
r("transform", `SELECT non_negative_derivative(max(requests), 1h) FROM counters WHERE ${CT} GROUP BY time(1h), host`);
r("transform", `SELECT difference(requests) FROM counters WHERE host = 'server01'`);
r("transform", `SELECT difference(usage_user) FROM cpu WHERE host = 'server03' AND ${H6}`);
r("transform", `SELECT difference(max(temp_c)) FROM weather WHERE ${D1} GROUP BY time(6h), location`);
r("transform", `SELECT non_negative_difference(requests) FROM counters WHERE host = 'server01'`);
r("transform", `SELECT non_negative_difference(temp_c) FROM weather WHERE location = 'oslo' AND ${D1}`);
r("transform", `SELECT elapsed(requests) FROM counters WHERE host = 'server01' LIMIT 12`, { note: "default unit 1ns" });
r("transform", `SELECT elapsed(requests, 1s) FROM counters WHERE host = 'server02' LIMIT 12`);
r("transform", `SELECT elapsed(usage_user, 1m) FROM cpu WHERE host = 'server04' AND ${D1}`);
r("transform", `SELECT elapsed(message, 1h) FROM events LIMIT 5`, { note: "elapsed works on strings" });
r("transform", `SELECT moving_average(usage_user, 3) FROM cpu WHERE host = 'server01' AND ${D1}`);
r("transform", `SELECT moving_average(requests, 5) FROM counters GROUP BY host LIMIT 4`);
r("transform", `SELECT moving_average(mean(temp_c), 2) FROM weather WHERE ${D1} GROUP BY time(6h), location`);
r("transform", `SELECT moving_average(usage_user, 100) FROM cpu WHERE host = 'server01' AND ${H6}`, { note: "window larger than the data" });
r("transform", `SELECT difference(requests), derivative(requests, 1m) FROM counters WHERE host = 'server01' LIMIT 5`);
r("transform", `SELECT sqrt(abs(temp_c)) FROM weather WHERE location = 'oslo' AND ${H6}`, { note: "nested math" });
r("transform", `SELECT floor(usage_user) AS fl, host FROM cpu WHERE ${H3}`);
r("transform", `SELECT derivative(requests, 1m) FROM counters WHERE host = 'server01' ORDER BY time DESC LIMIT 4`);
r("transform", `SELECT cumulative_sum(procs) FROM cpu WHERE host = 'server01' AND ${H6}`, { note: "integer cumulative sum" });
r("transform", `SELECT difference(procs) FROM cpu WHERE host = 'server01' AND ${H6}`, { note: "integer difference" });
r("transform", `SELECT moving_average(procs, 2) FROM cpu WHERE host = 'server01' AND ${H6}`, { note: "integer moving average" });

// ------------------------------------------------------------------------------------------------
// arithmetic
r("arithmetic", `SELECT usage_user + usage_system FROM cpu WHERE host = 'server01' AND ${H6}`, { note: "null where an operand is missing" });
r("arithmetic", `SELECT usage_user * 2, usage_user / 4, usage_user - 100 FROM cpu WHERE host = 'server01' AND ${H3}`);
r("arithmetic", `SELECT procs / 3, procs * 2, procs % 7, procs - 1000 FROM cpu WHERE host = 'server01' AND ${H3}`, {
  note: "integer arithmetic: division gives a float",
});
r("arithmetic", `SELECT (usage_user + usage_system) / 2 AS avg FROM cpu WHERE host = 'server02' AND ${H6}`);
r("arithmetic", `SELECT -usage_user FROM cpu WHERE host = 'server01' AND ${H3}`);
r("arithmetic", `SELECT temp_c * -1 FROM weather WHERE location = 'oslo' AND ${H6}`);
r("arithmetic", `SELECT used / total * 100 FROM mem WHERE host = 'server01' AND ${H6}`);
r("arithmetic", `SELECT procs & 255, procs | 1, procs ^ 3 FROM cpu WHERE host = 'server01' AND ${H3}`, { note: "bitwise" });
r("arithmetic", `SELECT procs / 0, usage_user / 0 FROM cpu WHERE host = 'server01' AND ${H3}`, { note: "division by zero" });
r("arithmetic", `SELECT mean(usage_user) * 2 FROM cpu`);
r("arithmetic", `SELECT mean(usage_user) - mean(usage_system) FROM cpu GROUP BY host`);
r("arithmetic", `SELECT max(usage_user) - min(usage_user) AS range FROM cpu WHERE ${D1} GROUP BY time(12h)`);
r("arithmetic", `SELECT sum(procs) / count(procs) FROM cpu GROUP BY host`);
r("arithmetic", `SELECT usage_user + procs FROM cpu WHERE host = 'server03' AND ${H3}`, { note: "float + integer" });
r("arithmetic", `SELECT message + 'x' FROM events LIMIT 2`, { note: "string arithmetic" });
r("arithmetic", `SELECT 2 + 3 * usage_user FROM cpu WHERE host = 'server01' AND ${H3}`, { note: "precedence" });
r("arithmetic", `SELECT (2 + 3) * usage_user FROM cpu WHERE host = 'server01' AND ${H3}`);
r("arithmetic", `SELECT i + 1 FROM edge`, { note: "int64 overflow" });
r("arithmetic", `SELECT "rx bytes" - "tx=bytes" FROM "net stats,ü"`);

// ------------------------------------------------------------------------------------------------
// groupby-time
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(1h)`);
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${H6} GROUP BY time(30m)`);
r("groupby-time", `SELECT count(usage_user) FROM cpu WHERE ${ALL} GROUP BY time(1d)`);
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(1h, 15m)`, { note: "offset" });
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${ALL} GROUP BY time(1d, -2h)`, { note: "negative offset" });
r("groupby-time", `SELECT count(usage_user) FROM cpu WHERE ${ALL} GROUP BY time(7d)`, { note: "epoch-aligned week (Thursday)" });
r("groupby-time", `SELECT count(usage_user) FROM cpu WHERE ${ALL} GROUP BY time(1w)`);
r("groupby-time", `SELECT count(usage_user) FROM cpu WHERE ${ALL} GROUP BY time(1w, 4d)`);
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(90m)`);
r("groupby-time", `SELECT count(usage_user) FROM cpu WHERE ${ALL} GROUP BY time(7h)`, { note: "7h windows do not divide a day" });
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(6h), host`);
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY host, time(6h)`);
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(12h), *`);
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(12h), /reg/`, { note: "regex tag keys" });
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(12h), /.*/`);
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE time >= '2026-01-01T00:20:00Z' AND time < '2026-01-01T03:00:00Z' GROUP BY time(1h)`, {
  note: "lower bound inside a window",
});
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE time >= '2026-01-01T00:20:00Z' AND time <= '2026-01-01T03:00:00Z' GROUP BY time(1h)`);
r("groupby-time", `SELECT count(usage_user) FROM cpu WHERE time >= '2026-01-01T00:00:00Z' GROUP BY time(1d) fill(none)`, {
  note: "no upper bound: deterministic only with fill(none)",
});
r("groupby-time", `SELECT count(usage_user) FROM cpu GROUP BY time(1d) fill(none)`, { note: "no time condition" });
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(6h) ORDER BY time DESC`);
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(1h) LIMIT 3`);
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(1h) LIMIT 3 OFFSET 2`);
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(6h), host SLIMIT 2`);
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(6h), host SLIMIT 2 SOFFSET 1`);
r("groupby-time", `SELECT count(message) FROM events WHERE ${ALL} GROUP BY time(12h), level`);
r("groupby-time", `SELECT sum(requests), max(bytes_total) FROM counters WHERE ${CT} GROUP BY time(1h)`);
r("groupby-time", `SELECT mean(used_percent) FROM mem WHERE ${ALL} GROUP BY time(1d), host`);
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(1h, 30m), region`);
r("groupby-time", `SELECT median(temp_c), spread(temp_c) FROM weather WHERE ${ALL} GROUP BY time(1d), location`);
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T00:05:00Z' GROUP BY time(1m)`);
r("groupby-time", `SELECT count(usage_user) FROM cpu WHERE time >= 1767225600000000000 AND time < 1767484800000000000 GROUP BY time(1d)`);
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE host = 'server04' AND ${D1} GROUP BY time(1h)`, { note: "gaps are null" });
r("groupby-time", `SELECT mean(usage_user) FROM cpu WHERE time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T02:00:00Z' GROUP BY time(1h), nonexistent`);
r("groupby-time", `SELECT count(usage_user) FROM cpu WHERE time > now() - 10000d AND time < '2026-01-04T00:00:00Z' GROUP BY time(1d) fill(none)`, {
  note: "fill(none): otherwise windows from now() - 10000d would be listed",
});
r("groupby-time", `SELECT count(usage_user) FROM cpu WHERE time >= '2026-01-02T00:00:00Z' AND time < '2026-01-04T00:00:00Z' GROUP BY time(7d)`, {
  note: "the window starts before the lower bound (epoch-aligned)",
});
r("groupby-time", `SELECT count(usage_user) FROM cpu WHERE time >= '2026-01-02T00:00:00Z' AND time < '2026-01-04T00:00:00Z' GROUP BY time(5d)`);

// ------------------------------------------------------------------------------------------------
// fill
const FW = `host = 'server04' AND time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T12:00:00Z'`;
r("fill", `SELECT mean(usage_user) FROM cpu WHERE ${FW} GROUP BY time(1h) fill(null)`);
r("fill", `SELECT mean(usage_user) FROM cpu WHERE ${FW} GROUP BY time(1h) fill(none)`);
r("fill", `SELECT mean(usage_user) FROM cpu WHERE ${FW} GROUP BY time(1h) fill(previous)`);
r("fill", `SELECT mean(usage_user) FROM cpu WHERE ${FW} GROUP BY time(1h) fill(linear)`);
r("fill", `SELECT mean(usage_user) FROM cpu WHERE ${FW} GROUP BY time(1h) fill(0)`);
r("fill", `SELECT mean(usage_user) FROM cpu WHERE ${FW} GROUP BY time(1h) fill(-1.5)`);
r("fill", `SELECT max(procs) FROM cpu WHERE ${FW} GROUP BY time(1h) fill(100)`, { note: "integer field" });
r("fill", `SELECT max(procs) FROM cpu WHERE ${FW} GROUP BY time(1h) fill(linear)`, { note: "integer linear fill" });
r("fill", `SELECT max(procs) FROM cpu WHERE ${FW} GROUP BY time(1h) fill(2.5)`, { note: "float fill on integer field" });
r("fill", `SELECT count(usage_user) FROM cpu WHERE ${FW} GROUP BY time(1h)`, { note: "count's empty windows" });
r("fill", `SELECT count(usage_user) FROM cpu WHERE ${FW} GROUP BY time(1h) fill(none)`);
r("fill", `SELECT mean(usage_user), max(usage_system) FROM cpu WHERE ${FW} GROUP BY time(1h) fill(previous)`);
r("fill", `SELECT mean(usage_user) FROM cpu WHERE host = 'server04' AND time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T06:00:00Z' GROUP BY time(30m) fill(linear)`);
r("fill", `SELECT mean(usage_user) FROM cpu WHERE time >= '2025-12-31T22:00:00Z' AND time < '2026-01-01T03:00:00Z' GROUP BY time(1h) fill(previous)`, {
  note: "leading empty windows stay null with previous",
});
r("fill", `SELECT mean(usage_user) FROM cpu WHERE time >= '2025-12-31T22:00:00Z' AND time < '2026-01-01T03:00:00Z' GROUP BY time(1h) fill(linear)`);
r("fill", `SELECT mean(usage_user) FROM cpu WHERE time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T04:00:00Z' GROUP BY time(1h), host fill(0)`);
r("fill", `SELECT first(message) FROM events WHERE ${D1} GROUP BY time(2h) fill(previous)`, { note: "strings" });
r("fill", `SELECT mean(temp_c) FROM weather WHERE location = 'oslo' AND ${H6} GROUP BY time(1h) fill(linear)`);
r("fill", `SELECT mean(usage_user) FROM cpu WHERE ${FW} GROUP BY time(1h) fill(previous) ORDER BY time DESC`);

// ------------------------------------------------------------------------------------------------
// order-limit
r("order-limit", `SELECT usage_user FROM cpu WHERE host = 'server01' ORDER BY time DESC LIMIT 3`);
r("order-limit", `SELECT * FROM cpu WHERE ${H3} ORDER BY time DESC`);
r("order-limit", `SELECT usage_user FROM cpu WHERE host = 'server01' ORDER BY time ASC LIMIT 3`);
r("order-limit", `SELECT usage_user FROM cpu WHERE host = 'server01' LIMIT 3 OFFSET 5`);
r("order-limit", `SELECT usage_user FROM cpu WHERE host = 'server01' ORDER BY time DESC LIMIT 2 OFFSET 1`);
r("order-limit", `SELECT usage_user FROM cpu GROUP BY host LIMIT 2`);
r("order-limit", `SELECT usage_user FROM cpu GROUP BY host LIMIT 1 OFFSET 70`);
r("order-limit", `SELECT usage_user FROM cpu GROUP BY host LIMIT 1 SLIMIT 2`);
r("order-limit", `SELECT usage_user FROM cpu GROUP BY host LIMIT 1 SLIMIT 2 SOFFSET 3`);
r("order-limit", `SELECT usage_user FROM cpu GROUP BY * SLIMIT 1 SOFFSET 4`);
r("order-limit", `SELECT count(usage_user) FROM cpu GROUP BY host SLIMIT 3`);
r("order-limit", `SELECT count(usage_user) FROM cpu GROUP BY host SOFFSET 10`, { note: "SOFFSET past the series" });
r("order-limit", `SELECT usage_user FROM cpu LIMIT 0`);
r("order-limit", `SELECT usage_user FROM cpu WHERE host = 'server01' LIMIT 2 OFFSET 1000`);
r("order-limit", `SELECT * FROM cpu, mem ORDER BY time DESC LIMIT 2`);
r("order-limit", `SELECT usage_user FROM cpu GROUP BY host ORDER BY time DESC LIMIT 1`);
r("order-limit", `SELECT temp_c FROM weather GROUP BY location ORDER BY time DESC LIMIT 2 OFFSET 1 SLIMIT 2 SOFFSET 1`);

// ------------------------------------------------------------------------------------------------
// subquery
r("subquery", `SELECT * FROM (SELECT usage_user FROM cpu WHERE host = 'server01') LIMIT 3`);
r("subquery", `SELECT mean(m) FROM (SELECT max(usage_user) AS m FROM cpu WHERE ${D1} GROUP BY time(1h), host)`);
r("subquery", `SELECT mean(m) FROM (SELECT max(usage_user) AS m FROM cpu WHERE ${D1} GROUP BY time(1h), host) GROUP BY host`);
r("subquery", `SELECT max(m) FROM (SELECT mean(usage_user) AS m FROM cpu WHERE ${D1} GROUP BY time(6h), host) WHERE ${D1} GROUP BY time(12h)`);
r("subquery", `SELECT sum(d) FROM (SELECT non_negative_difference(requests) AS d FROM counters GROUP BY host)`);
r("subquery", `SELECT u FROM (SELECT usage_user AS u, host FROM cpu WHERE ${H3}) WHERE host = 'server02'`);
r("subquery", `SELECT top(m, 2) FROM (SELECT mean(usage_user) AS m FROM cpu GROUP BY host)`);
r("subquery", `SELECT max(m), host FROM (SELECT mean(usage_user) AS m FROM cpu GROUP BY host)`);
r("subquery", `SELECT mean(total) FROM (SELECT sum(usage_user) AS total FROM (SELECT usage_user FROM cpu WHERE ${D1}) GROUP BY time(6h)) WHERE ${D1}`, {
  note: "two levels",
});
r("subquery", `SELECT * FROM (SELECT usage_user + usage_system AS busy FROM cpu WHERE ${H3}) WHERE busy > 60`);
r("subquery", `SELECT count(*) FROM (SELECT * FROM events WHERE level = 'warn')`);
r("subquery", `SELECT * FROM (SELECT mean(temp_c) FROM weather GROUP BY location)`);
r("subquery", `SELECT mean(usage_user) FROM (SELECT usage_user FROM cpu WHERE ${D1}), (SELECT usage_user FROM cpu WHERE host = 'server01' AND ${D1})`, {
  note: "two subqueries in FROM",
});

// ------------------------------------------------------------------------------------------------
// tz
r("tz", `SELECT count(usage_user) FROM cpu WHERE ${ALL} GROUP BY time(1d) tz('Europe/Oslo')`);
r("tz", `SELECT count(usage_user) FROM cpu WHERE ${ALL} GROUP BY time(1d) tz('America/New_York')`);
r("tz", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H3} tz('Asia/Kolkata')`, { note: "raw times with an offset" });
r("tz", `SELECT mean(temp_c) FROM weather WHERE ${D1} GROUP BY time(6h) tz('Asia/Kolkata')`);
r("tz", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H3} tz('UTC')`);
r("tz", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H3} tz('Europe/Oslo')`, { params: { epoch: "s" } });
r("tz", `SELECT first(usage_user) FROM cpu WHERE host = 'server01' AND ${D1} tz('Europe/Oslo')`);
r("tz", `SELECT usage_user FROM cpu LIMIT 1 tz('Mars/Olympus')`, { note: "unknown zone" });

// ------------------------------------------------------------------------------------------------
// format: epoch, pretty, chunked, POST, bound parameters
r("format", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H6}`, { params: { epoch: "ns" } });
r("format", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H6}`, { params: { epoch: "u" } });
r("format", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H6}`, { params: { epoch: "ms" } });
r("format", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H6}`, { params: { epoch: "s" } });
r("format", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H6}`, { params: { epoch: "m" } });
r("format", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H6}`, { params: { epoch: "h" } });
r("format", `SELECT mean(usage_user) FROM cpu WHERE ${H6} GROUP BY time(2h)`, { params: { epoch: "ms" } });
r("format", `SELECT min(procs), max(procs) FROM cpu`, { params: { epoch: "s" } });
r("format", `SHOW DATABASES`, { db: null, params: { epoch: "ms" } });
r("format", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H3}`, { params: { epoch: "xyz" } });
r("format", `SELECT usage_user, host FROM cpu WHERE ${H3}`, { params: { pretty: "true" } });
r("format", `SELECT mean(usage_user) FROM cpu GROUP BY host`, { params: { pretty: "true" } });
r("format", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H6}`, { params: { chunked: "true" } });
r("format", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H6}`, { params: { chunked: "true", chunk_size: "2" } });
r("format", `SELECT usage_user FROM cpu WHERE ${H3} GROUP BY host`, { params: { chunked: "true", chunk_size: "2" } });
r("format", `SELECT usage_user FROM cpu WHERE ${H3} GROUP BY host`, { params: { chunked: "true", chunk_size: "3" } });
r("format", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(2h)`, { params: { chunked: "true", chunk_size: "5" } });
r("format", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H3}; SELECT temp_c FROM weather WHERE location = 'oslo' AND ${H6}`, {
  params: { chunked: "true", chunk_size: "2" },
});
r("format", `SELECT * FROM nonexistent`, { params: { chunked: "true" } });
r("format", `SHOW TAG VALUES WITH KEY = host`, { params: { chunked: "true", chunk_size: "2" } });
r("format", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H3}`, { params: { chunked: "true", chunk_size: "2", epoch: "s" } });
r("format", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H3}`, { params: { chunked: "true", chunk_size: "2", pretty: "true" } });
r("format", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H3}`, { params: { chunked: "true", chunk_size: "0" } });
r("format", `SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H3}`, { method: "POST" });
r("format", `SELECT usage_user FROM cpu WHERE host = $host AND ${H3}`, {
  method: "POST",
  params: { params: JSON.stringify({ host: "server03" }) },
  note: "bound parameters",
});
r("format", `SELECT usage_user FROM cpu WHERE host = $host AND usage_user > $min`, {
  method: "POST",
  params: { params: JSON.stringify({ host: "server01", min: 90 }) },
});
r("format", `SELECT usage_user FROM cpu WHERE host = $host AND time >= $start AND time < $end`, {
  params: { params: JSON.stringify({ host: "server02", start: "2026-01-01T00:00:00Z", end: "2026-01-01T03:00:00Z" }) },
});
r("format", `SELECT mean($f) FROM cpu`, { method: "POST", params: { params: JSON.stringify({ f: "usage_user" }) }, note: "a parameter as a field name" });
r("format", `SELECT usage_user FROM cpu WHERE host = $host LIMIT 1`, { note: "unbound parameter" });
r("format", `SELECT usage_user FROM cpu WHERE host = $host LIMIT 1`, { params: { params: "{not json" } });
r("format", `SELECT count(usage_user) FROM cpu WHERE time >= '2026-01-01T00:00:00Z'`, { params: { epoch: "ns", pretty: "true" } });

// ------------------------------------------------------------------------------------------------
// multi: several statements in one request
r("multi", `SELECT count(usage_user) FROM cpu; SELECT count(temp_c) FROM weather`);
r("multi", `SELECT count(usage_user) FROM cpu; SELECT * FROM nonexistent; SHOW MEASUREMENTS LIMIT 2`);
r("multi", `SELECT count(usage_user) FROM cpu; SELECT mean(message) FROM events; SELECT count(temp_c) FROM weather`, {
  note: "an error in the middle does not stop the others",
});
r("multi", `SHOW DATABASES; SHOW RETENTION POLICIES`);
r("multi", `SELECT count(usage_user) FROM cpu;`, { note: "trailing semicolon" });
r("multi", `SELECT count(usage_user) FROM cpu; SELEC 1`, { note: "a parse error fails the whole request" });
r("multi", `SELECT count(usage_user) FROM cpu; SELECT count(usage_user) FROM cpu WHERE host = 'server01'`, { params: { epoch: "s" } });
r("multi", `SELECT mean(message) FROM events; SELECT count(temp_c) FROM weather`, { note: "a failing first statement" });
r("multi", `SELECT count(temp_c) FROM weather; SELECT mean(message) FROM events`, { note: "a failing last statement keeps its error" });
r("multi", `SELECT count(temp_c) FROM weather; SELECT foo(usage_user) FROM cpu; SELECT count(temp_c) FROM weather`);
r("multi", `SELECT * FROM cpu LIMIT 1; SHOW DATABASES`, { db: "nope" });
r("multi", `SELECT count(usage_user) FROM cpu; SELECT mean(message) FROM events; SELECT count(temp_c) FROM weather`, {
  params: { chunked: "true" },
});
r("multi", `SELECT count(temp_c) FROM weather; SELECT mean(message) FROM events`, { params: { chunked: "true" } });
r("multi", `SHOW MEASUREMENTS; SHOW MEASUREMENTS ON fleet; SHOW SERIES CARDINALITY`);

// ------------------------------------------------------------------------------------------------
// meta
r("meta", `SHOW DATABASES`, { db: null });
r("meta", `SHOW RETENTION POLICIES`);
r("meta", `SHOW RETENTION POLICIES ON fleet`, { db: null });
r("meta", `SHOW RETENTION POLICIES ON "empty"`, { db: null });
r("meta", `SHOW RETENTION POLICIES ON nope`, { db: null });
r("meta", `SHOW RETENTION POLICIES`, { db: null });
r("meta", `SHOW MEASUREMENTS`);
r("meta", `SHOW MEASUREMENTS ON fleet`, { db: null });
r("meta", `SHOW MEASUREMENTS`, { db: "empty" });
r("meta", `SHOW MEASUREMENTS WITH MEASUREMENT = cpu`);
r("meta", `SHOW MEASUREMENTS WITH MEASUREMENT =~ /^c/`);
r("meta", `SHOW MEASUREMENTS WITH MEASUREMENT =~ /stats/`);
r("meta", `SHOW MEASUREMENTS WHERE host = 'server01'`);
r("meta", `SHOW MEASUREMENTS WHERE location =~ /o/`);
r("meta", `SHOW MEASUREMENTS WHERE host =~ /server0[12]/ AND level = 'error'`);
r("meta", `SHOW MEASUREMENTS WITH MEASUREMENT =~ /e/ WHERE host = 'server03'`);
r("meta", `SHOW MEASUREMENTS LIMIT 2 OFFSET 1`);
r("meta", `SHOW MEASUREMENTS WHERE nope = 'x'`);
r("meta", `SHOW MEASUREMENTS ON nope`, { db: null });
r("meta", `SHOW TAG KEYS`);
r("meta", `SHOW TAG KEYS FROM cpu`);
r("meta", `SHOW TAG KEYS ON fleet`, { db: null });
r("meta", `SHOW TAG KEYS FROM /^c/`);
r("meta", `SHOW TAG KEYS FROM "net stats,ü"`);
r("meta", `SHOW TAG KEYS FROM cpu WHERE host = 'server05'`);
r("meta", `SHOW TAG KEYS LIMIT 1 OFFSET 1`);
r("meta", `SHOW TAG KEYS FROM nonexistent`);
r("meta", `SHOW TAG VALUES WITH KEY = host`);
r("meta", `SHOW TAG VALUES FROM cpu WITH KEY = region`);
r("meta", `SHOW TAG VALUES FROM cpu WITH KEY IN ("host", "region")`);
r("meta", `SHOW TAG VALUES WITH KEY =~ /^(host|location)$/`);
r("meta", `SHOW TAG VALUES FROM cpu WITH KEY = host WHERE region = 'us-east'`);
r("meta", `SHOW TAG VALUES FROM cpu WITH KEY != host`);
r("meta", `SHOW TAG VALUES FROM cpu WITH KEY !~ /host/`);
r("meta", `SHOW TAG VALUES FROM "net stats,ü" WITH KEY = "iface name"`);
r("meta", `SHOW TAG VALUES WITH KEY = nothing`);
r("meta", `SHOW TAG VALUES FROM cpu WITH KEY = host LIMIT 2 OFFSET 1`);
r("meta", `SHOW TAG VALUES ON fleet WITH KEY = host`, { db: null });
r("meta", `SHOW TAG VALUES FROM /^(cpu|mem)$/ WITH KEY = host WHERE host =~ /0[23]/`);
r("meta", `SHOW FIELD KEYS`);
r("meta", `SHOW FIELD KEYS FROM cpu`);
r("meta", `SHOW FIELD KEYS FROM edge`);
r("meta", `SHOW FIELD KEYS FROM "net stats,ü"`);
r("meta", `SHOW FIELD KEYS ON fleet`, { db: null });
r("meta", `SHOW FIELD KEYS FROM /^(events|mem)$/`);
r("meta", `SHOW FIELD KEYS FROM nonexistent`);
r("meta", `SHOW SERIES`);
r("meta", `SHOW SERIES FROM cpu`);
r("meta", `SHOW SERIES FROM cpu WHERE host = 'server01'`);
r("meta", `SHOW SERIES WHERE region =~ /us/`);
r("meta", `SHOW SERIES FROM weather LIMIT 2 OFFSET 1`);
r("meta", `SHOW SERIES ON fleet`, { db: null });
r("meta", `SHOW SERIES FROM "net stats,ü"`);
r("meta", `SHOW SERIES FROM nonexistent`);
r("meta", `SHOW SERIES CARDINALITY`);
r("meta", `SHOW SERIES CARDINALITY ON fleet`, { db: null });
r("meta", `SHOW SERIES CARDINALITY FROM cpu`);
r("meta", `SHOW SERIES EXACT CARDINALITY`);
r("meta", `SHOW SERIES EXACT CARDINALITY FROM cpu WHERE region = 'us-east'`);
r("meta", `SHOW SERIES EXACT CARDINALITY ON fleet`, { db: null });
r("meta", `SHOW MEASUREMENT CARDINALITY`);
r("meta", `SHOW MEASUREMENT CARDINALITY ON fleet`, { db: null });
r("meta", `SHOW MEASUREMENT EXACT CARDINALITY`);
r("meta", `SHOW MEASUREMENT EXACT CARDINALITY WHERE host = 'server01'`);
r("meta", `SHOW TAG KEY CARDINALITY`);
r("meta", `SHOW TAG KEY EXACT CARDINALITY`);
r("meta", `SHOW TAG KEY EXACT CARDINALITY FROM cpu`);
r("meta", `SHOW TAG VALUES CARDINALITY WITH KEY = host`);
r("meta", `SHOW TAG VALUES EXACT CARDINALITY WITH KEY = host`);
r("meta", `SHOW TAG VALUES EXACT CARDINALITY FROM cpu WITH KEY = region`);
r("meta", `SHOW FIELD KEY CARDINALITY`);
r("meta", `SHOW FIELD KEY EXACT CARDINALITY`);
r("meta", `SHOW FIELD KEY EXACT CARDINALITY FROM edge`);
r("meta", `SHOW CONTINUOUS QUERIES`, { db: null });
r("meta", `SHOW USERS`, { db: null });
r("meta", `SHOW MEASUREMENTS`, { db: "fleet", params: { epoch: "s" } });
r("meta", `SHOW MEASUREMENTS WITH MEASUREMENT = "net stats,ü"`);
r("meta", `SHOW MEASUREMENTS WITH MEASUREMENT =~ /^c/ LIMIT 1`);
r("meta", `SHOW TAG VALUES WITH KEY = host WHERE time > now() - 1h`, { note: "time condition in a meta query" });
r("meta", `SHOW SERIES WHERE time < '2026-01-02T00:00:00Z'`);
r("meta", `SHOW TAG KEYS FROM cpu, weather`);
r("meta", `SHOW FIELD KEYS ON fleet FROM disk`, { db: null });
r("meta", `SHOW TAG VALUES ON fleet FROM cpu WITH KEY = region`, { db: null });

// ------------------------------------------------------------------------------------------------
// error: parse errors (400) and statements that fail (200 with "error")
r("error", `SELEC * FROM cpu`);
r("error", `SELECT`);
r("error", `SELECT * FROM`);
r("error", `SELECT * FROM cpu WHERE`);
r("error", `SELECT * FROM cpu WHERE host = 'server01`, { note: "unterminated string" });
r("error", `SELECT * FROM cpu WHERE host =~ /(/`, { note: "invalid regex" });
r("error", `SELECT * FROM /[/`);
r("error", `SELECT foo(usage_user) FROM cpu`, { note: "unknown function" });
r("error", `SELECT mean() FROM cpu`);
r("error", `SELECT mean(usage_user, 2) FROM cpu`);
r("error", `SELECT top(usage_user) FROM cpu`);
r("error", `SELECT top(usage_user, 0) FROM cpu`);
r("error", `SELECT percentile(usage_user) FROM cpu`);
r("error", `SELECT percentile(usage_user, 101) FROM cpu`);
r("error", `SELECT moving_average(usage_user, 0) FROM cpu`);
r("error", `SELECT moving_average(usage_user) FROM cpu`);
r("error", `SELECT derivative(usage_user) FROM cpu WHERE ${D1} GROUP BY time(1h)`, { note: "derivative needs an aggregate with GROUP BY time" });
r("error", `SELECT usage_user FROM cpu WHERE ${D1} GROUP BY time(1h)`);
r("error", `SELECT mean(usage_user), usage_system FROM cpu`, { note: "mixing aggregate and raw" });
r("error", `SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(0s)`);
r("error", `SELECT mean(usage_user) FROM cpu GROUP BY time(1x)`);
r("error", `SELECT mean(message) FROM events`, { note: "mean of a string field" });
r("error", `SELECT sum(acked) FROM events`);
r("error", `SELECT median(message) FROM events`);
r("error", `SELECT stddev(acked) FROM events`);
r("error", `SELECT max(message) FROM events`);
r("error", `SELECT derivative(message) FROM events`);
r("error", `SELECT abs(message) FROM events`);
r("error", `SELECT * FROM cpu`, { db: null, note: "no database" });
r("error", `SELECT * FROM cpu`, { db: "nope", note: "unknown database" });
r("error", `SELECT * FROM telemetry.nope.cpu`, { db: null, note: "unknown retention policy" });
r("error", ``, { note: "empty q" });
r("error", `SELECT * FROM cpu ORDER BY usage_user`);
r("error", `SELECT * FROM cpu ORDER BY host DESC`);
r("error", `SELECT *::tag FROM cpu`, { note: "no field in the select list" });
r("error", `SELECT host FROM cpu`);
r("error", `SELECT * FROM cpu WHERE time > 'garbage'`);
r("error", `SELECT * FROM cpu WHERE time > now() - 1h OR host = 'server01'`, { note: "time in an OR" });
r("error", `SELECT count(distinct(host)) FROM cpu`);
r("error", `SELECT distinct(usage_user), host FROM cpu`);
r("error", `SELECT top(usage_user, 2), bottom(usage_user, 2) FROM cpu`);
r("error", `SELECT count(usage_user) FROM cpu GROUP BY time(1h) fill(bogus)`);
r("error", `SELECT mean(usage_user) FROM cpu WHERE ${H6} GROUP BY time(1h, 2h)`, { note: "offset larger than interval" });
r("error", `SELECT elapsed(usage_user, 0s) FROM cpu`);
r("error", `SELECT integral(usage_user, 0s) FROM cpu`);
r("error", `SELECT log(usage_user) FROM cpu`);
r("error", `SELECT pow(usage_user) FROM cpu`);
r("error", `SELECT atan2(usage_user) FROM cpu`);
r("error", `SHOW TAG VALUES`);
r("error", `SHOW TAG VALUES FROM cpu WITH KEY`);
r("error", `SHOW FIELDS`);
r("error", `SHOW MEASUREMENTS`, { db: null });
r("error", `SHOW MEASUREMENTS`, { db: "nope" });
r("error", `SHOW TAG KEYS`, { db: "nope" });
r("error", `SHOW SERIES CARDINALITY`, { db: null });
r("error", `DROP DATABASE`);
r("error", `SELECT usage_user FROM cpu LIMIT -1`);
r("error", `SELECT usage_user FROM cpu LIMIT 1 SLIMIT x`);
r("error", `SELECT * FROM cpu WHERE host = 'server01' AND time >= '2026-01-02T00:00:00Z' AND time < '2026-01-01T00:00:00Z' GROUP BY time(1h)`, {
  note: "raw GROUP BY time and an empty range",
});
r("error", `SELECT mean(usage_user) FROM cpu WHERE time >= '2026-01-02T00:00:00Z' AND time < '2026-01-01T00:00:00Z' GROUP BY time(1h)`, {
  note: "empty time range with GROUP BY time",
});
r("error", `SELECT sample(usage_user, 0) FROM cpu`);
r("error", `SELECT mean(usage_user) FROM cpu GROUP BY time(1h) tz('Europe/Oslo') LIMIT`);
r("error", `SELECT "usage_user FROM cpu`, { note: "unterminated identifier" });
r("error", `SELECT usage_user FROM cpu WHERE host = 'a' AND`, { method: "POST" });
r("error", `KILL QUERY 999999`, { db: null, note: "unknown query id" });
r("error", `SELECT duration FROM events`, { note: "duration is a keyword" });
r("error", `SELECT usage_user FROM cpu GROUP BY host SLIMIT 2 LIMIT 1`, { note: "LIMIT must come before SLIMIT" });
r("error", `SHOW MEASUREMENT EXACT CARDINALITY WITH MEASUREMENT =~ /^c/`);
r("error", `SELECT count(usage_user) FROM cpu WHERE time > now() - 1h GROUP BY time(1h) fill(none) ORDER BY time DESC LIMIT`);
r("error", `SELECT usage_user FROM cpu WHERE host = 'server01' AND`, { method: "POST", params: { chunked: "true" } });

// ------------------------------------------------------------------------------------------------
// CSV goldens (Accept: application/csv)
function c(q: string, o: Opts = {}): void {
  csv.push(make("csv", q, o));
}
c(`SELECT usage_user, usage_system FROM cpu WHERE host = 'server01' AND ${H6}`);
c(`SELECT * FROM cpu WHERE ${H3}`);
c(`SELECT mean(usage_user) FROM cpu GROUP BY host`, { note: "tags column" });
c(`SELECT mean(usage_user) FROM cpu WHERE ${D1} GROUP BY time(6h), region`);
c(`SELECT * FROM events LIMIT 6`, { note: "strings with commas and quotes, booleans" });
c(`SELECT * FROM "net stats,ü"`);
c(`SELECT * FROM edge`);
c(`SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H3}`, { params: { epoch: "s" } });
c(`SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H3}`, { params: { epoch: "ns" } });
c(`SHOW DATABASES`, { db: null });
c(`SHOW RETENTION POLICIES`);
c(`SHOW MEASUREMENTS`);
c(`SHOW TAG KEYS`);
c(`SHOW TAG VALUES WITH KEY = host`);
c(`SHOW FIELD KEYS FROM cpu`);
c(`SHOW SERIES FROM weather`);
c(`SELECT count(usage_user) FROM cpu; SELECT count(temp_c) FROM weather GROUP BY location`);
c(`SELECT * FROM nonexistent`);
c(`SELECT * FROM cpu`, { db: "nope" });
c(`SELEC 1`);
c(`SELECT mean(message) FROM events`);
c(`SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H6}`, { params: { chunked: "true", chunk_size: "2" } });
c(`SELECT * FROM cpu, mem WHERE time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T01:00:00Z'`);
c(`SELECT usage_user FROM cpu WHERE ${H3} GROUP BY host, region`);

// ------------------------------------------------------------------------------------------------
// msgpack goldens (Accept: application/x-msgpack)
function m(q: string, o: Opts = {}): void {
  msgpack.push(make("msgpack", q, o));
}
m(`SELECT usage_user, usage_system FROM cpu WHERE host = 'server01' AND ${H6}`);
m(`SELECT * FROM events LIMIT 4`);
m(`SELECT * FROM edge`);
m(`SELECT mean(usage_user) FROM cpu GROUP BY host`);
m(`SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H3}`, { params: { epoch: "ns" } });
m(`SHOW DATABASES`, { db: null });
m(`SHOW TAG VALUES WITH KEY = host`);
m(`SELECT * FROM nonexistent`);
m(`SELECT * FROM cpu`, { db: "nope" });
m(`SELEC 1`);
m(`SELECT count(usage_user) FROM cpu; SELECT count(temp_c) FROM weather`);
m(`SELECT usage_user FROM cpu WHERE host = 'server01' AND ${H6}`, { params: { chunked: "true", chunk_size: "2" } });

// ------------------------------------------------------------------------------------------------
// mutating (run last, in this order; each change followed by reads showing its effect)
function w(q: string, o: Opts = {}): void {
  mutating.push(make("write-meta", q, { method: "POST", ...o }));
}
w(`CREATE DATABASE scratch`, { db: null });
w(`SHOW DATABASES`, { db: null });
w(`CREATE DATABASE scratch`, { db: null, note: "creating an existing database is not an error" });
w(`CREATE DATABASE scratch2`, { db: null, method: "GET", note: "GET works for writes, with a deprecation message" });
w(`CREATE DATABASE "Scratch Ünï"`, { db: null });
w(`SHOW DATABASES`, { db: null });
w(`DROP DATABASE "Scratch Ünï"`, { db: null });
w(`DROP DATABASE scratch2`, { db: null });
w(`SHOW RETENTION POLICIES ON scratch`, { db: null });
w(`CREATE RETENTION POLICY rp1 ON scratch DURATION 2d REPLICATION 1`, { db: null });
w(`SHOW RETENTION POLICIES ON scratch`, { db: null });
w(`CREATE RETENTION POLICY rp2 ON scratch DURATION 52w REPLICATION 1 SHARD DURATION 1w DEFAULT`, { db: null });
w(`SHOW RETENTION POLICIES ON scratch`, { db: null });
w(`CREATE RETENTION POLICY rp1 ON scratch DURATION 2d REPLICATION 1`, { db: null, note: "same definition again" });
w(`CREATE RETENTION POLICY rp1 ON scratch DURATION 3d REPLICATION 1`, { db: null, note: "conflicting definition" });
w(`ALTER RETENTION POLICY rp1 ON scratch DURATION 3d SHARD DURATION 2h`, { db: null });
w(`SHOW RETENTION POLICIES ON scratch`, { db: null });
w(`ALTER RETENTION POLICY rp1 ON scratch DEFAULT`, { db: null });
w(`SHOW RETENTION POLICIES ON scratch`, { db: null });
w(`ALTER RETENTION POLICY "autogen" ON scratch DURATION 1h`, { db: null, note: "shard duration larger than the new duration" });
w(`DROP RETENTION POLICY rp2 ON scratch`, { db: null });
w(`SHOW RETENTION POLICIES ON scratch`, { db: null });
w(`DROP RETENTION POLICY nope ON scratch`, { db: null });
w(`CREATE RETENTION POLICY tiny ON scratch DURATION 30m REPLICATION 1`, { db: null, note: "below the 1h minimum" });
w(`CREATE RETENTION POLICY rp3 ON nope DURATION 1d REPLICATION 1`, { db: null });
w(`ALTER RETENTION POLICY nope ON scratch DURATION 1d`, { db: null });
w(`CREATE RETENTION POLICY "inf" ON scratch DURATION INF REPLICATION 1 SHARD DURATION 30m`, { db: null });
w(`SHOW RETENTION POLICIES ON scratch`, { db: null });
w(`CREATE DATABASE scratch WITH DURATION 3d REPLICATION 1 NAME rp1`, { db: null, note: "existing database with options" });
w(`CREATE DATABASE withrp WITH DURATION 3d REPLICATION 1 SHARD DURATION 1h NAME short`, { db: null });
w(`SHOW RETENTION POLICIES ON withrp`, { db: null });
w(`DROP DATABASE withrp; DROP DATABASE scratch`, { db: null });
w(`DROP DATABASE nope`, { db: null, note: "dropping a missing database is not an error" });
w(`SHOW DATABASES`, { db: null });
// data-changing statements on the full data set
w(`DROP MEASUREMENT "net stats,ü"`);
w(`SHOW MEASUREMENTS`);
w(`SELECT * FROM "net stats,ü"`);
w(`DROP MEASUREMENT nonexistent`);
w(`DROP SERIES FROM cpu WHERE host = 'server05'`);
w(`SHOW SERIES FROM cpu`);
w(`SELECT count(usage_user) FROM cpu GROUP BY host`);
w(`DROP SERIES WHERE location = 'quito'`);
w(`SHOW SERIES FROM weather`);
w(`SHOW TAG VALUES FROM weather WITH KEY = location`);
w(`DROP SERIES FROM nonexistent`);
w(`DROP SERIES FROM cpu WHERE usage_user > 50`, { note: "field condition; the 'shard N: ' prefix numbers a shard and varies between recordings" });
w(`DELETE FROM events WHERE time < '2026-01-02T00:00:00Z'`);
w(`SELECT count(*) FROM events`);
w(`SELECT first(message) FROM events`);
w(`DELETE FROM weather WHERE location = 'oslo' AND time >= '2026-01-02T00:00:00Z'`);
w(`SELECT count(temp_c), last(temp_c) FROM weather GROUP BY location`);
w(`DELETE FROM /^c/ WHERE time >= '2026-01-03T00:00:00Z'`, { note: "regex source" });
w(`SELECT count(usage_user) FROM cpu WHERE ${ALL} GROUP BY time(1d)`);
w(`SELECT count(requests) FROM counters`);
w(`DELETE FROM cpu WHERE usage_user > 50`, { note: "field condition; the 'shard N: ' prefix numbers a shard and varies between recordings" });
w(`DELETE FROM counters`);
w(`SHOW MEASUREMENTS`);
w(`SELECT * FROM counters`);
w(`DELETE WHERE time < '2026-01-01T06:00:00Z'`, { db: "fleet" });
w(`SELECT count(*) FROM cpu`, { db: "fleet" });
w(`SELECT count(*) FROM fleet.forever.cpu`, { db: null });
w(`SHOW SERIES`, { db: "fleet" });
w(`DELETE FROM cpu WHERE time < '2026-01-02T00:00:00Z'`, { db: "nope" });
w(`DROP SERIES FROM mem WHERE host = 'server01'; SHOW SERIES FROM mem; SELECT count(used) FROM mem GROUP BY host`, {
  note: "a change and reads in one request",
});
w(`SHOW SERIES CARDINALITY`);
w(`SHOW SERIES EXACT CARDINALITY`);
w(`SHOW MEASUREMENT EXACT CARDINALITY`);
w(`SHOW TAG VALUES EXACT CARDINALITY WITH KEY = host`);

const file: StatementsFile = { read, csv, msgpack, mutating };
const target = join(import.meta.dir, "..", "fixtures", "statements.json");
writeFileSync(target, JSON.stringify(file, null, 1) + "\n");
const byCategory = new Map<string, number>();
for (const s of [...read, ...csv, ...msgpack, ...mutating]) byCategory.set(s.category, (byCategory.get(s.category) ?? 0) + 1);
console.log(`wrote ${target}`);
console.log(`json: ${read.length + mutating.length} (read ${read.length}, mutating ${mutating.length}), csv: ${csv.length}, msgpack: ${msgpack.length}`);
for (const [k, v] of byCategory) console.log(`  ${k}: ${v}`);
