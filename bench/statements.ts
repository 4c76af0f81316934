/**
 * InfluxQL statements timed over HTTP against servers that already hold the TSBS data
 * (`bench:query` leaves none behind: load one with `shared/bench/load.mjs`, or point at a running
 * server). One kept-alive client, the same for every server; each statement is sent --warmup
 * times untimed, then --runs times. With --compare, each answer is also checked to be the same
 * bytes from both servers.
 *
 * Two sets: `meta`, the meta statements Grafana's query editor and template variables send, and
 * `panels`, dashboard panels aggregating across all hosts (GROUP BY time over every series).
 *
 *   bun run bench:meta   -- --url http://127.0.0.1:8086 [--db default] [--runs 200] [--warmup 30] [--compare URL --compare-db benchmark]
 *   bun run bench:panels -- --url http://127.0.0.1:8086 [--db default] [--runs 5] [--warmup 2] [--compare URL --compare-db benchmark]
 */
import { parseArgs } from "node:util";

const SETS = {
  meta: {
    runs: 200,
    warmup: 30,
    statements: (db: string) => [
      "SHOW DATABASES",
      `SHOW RETENTION POLICIES ON "${db}"`,
      "SHOW MEASUREMENTS",
      "SHOW TAG KEYS FROM cpu",
      'SHOW TAG VALUES FROM cpu WITH KEY = "region"',
      "SHOW FIELD KEYS FROM cpu",
      `SHOW TAG VALUES FROM cpu WITH KEY = "hostname" WHERE region = 'us-west-1'`,
      "SHOW SERIES CARDINALITY",
      'SHOW TAG VALUES CARDINALITY FROM cpu WITH KEY = "hostname"',
    ],
  },
  panels: {
    runs: 5,
    warmup: 2,
    statements: () => [
      "SELECT mean(usage_user) FROM cpu WHERE time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T01:00:00Z' GROUP BY time(1m)",
      "SELECT mean(usage_user) FROM cpu WHERE time >= '2026-01-01T00:00:00Z' AND time < '2026-01-02T00:00:00Z' GROUP BY time(1m)",
      "SELECT max(usage_user), min(usage_idle) FROM cpu WHERE time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T06:00:00Z' GROUP BY time(1m), region",
      "SELECT sum(usage_system) FROM cpu WHERE region = 'us-west-1' AND time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T06:00:00Z' GROUP BY time(5m)",
      "SELECT count(usage_user) FROM cpu WHERE time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T12:00:00Z' GROUP BY time(10s)",
      "SELECT median(usage_user) FROM cpu WHERE time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T01:00:00Z' GROUP BY time(1m)",
      "SELECT stddev(usage_user) FROM cpu WHERE time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T01:00:00Z' GROUP BY time(1m)",
      "SELECT usage_user FROM cpu WHERE time >= '2026-01-01T00:00:00Z' AND time < '2026-01-01T00:10:00Z'",
    ],
  },
} as const;

const { values: args } = parseArgs({
  options: {
    set: { type: "string", default: "meta" },
    url: { type: "string" },
    db: { type: "string", default: "default" },
    runs: { type: "string" },
    warmup: { type: "string" },
    compare: { type: "string" },
    "compare-db": { type: "string", default: "benchmark" },
  },
});
if (args.url === undefined) throw new Error("--url is required");
if (args.set !== "meta" && args.set !== "panels") throw new Error(`--set is meta or panels, not ${args.set}`);
const set = SETS[args.set];
const runs = Number(args.runs ?? set.runs);
const warmup = Number(args.warmup ?? set.warmup);

interface Timed {
  median: number;
  answer: string;
}

async function medians(url: string, db: string): Promise<Timed[]> {
  const out: Timed[] = [];
  for (const q of set.statements(db)) {
    const u = `${url}/query?db=${encodeURIComponent(db)}&q=${encodeURIComponent(q)}`;
    let answer = "";
    const once = async () => {
      const t0 = performance.now();
      const res = await fetch(u);
      answer = await res.text();
      const ms = performance.now() - t0;
      const body = JSON.parse(answer) as { results: { error?: string }[] };
      if (!res.ok || body.results[0].error) throw new Error(`${q} on ${url}: ${res.status} ${answer.slice(0, 300)}`);
      return ms;
    };
    for (let i = 0; i < warmup; i++) await once();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await once());
    times.sort((a, b) => a - b);
    out.push({ median: times[times.length >> 1], answer });
  }
  return out;
}

const mine = await medians(args.url, args.db!);
const theirs = args.compare ? await medians(args.compare, args["compare-db"]!) : undefined;
console.log(theirs ? "| statement | median ms | compare median ms | compare / this | same answer |" : "| statement | median ms |");
console.log(theirs ? "|---|---|---|---|---|" : "|---|---|");
set.statements("db").forEach((q, i) => {
  const cells = [q.replace('"db"', "<db>"), mine[i].median.toFixed(2)];
  if (theirs) cells.push(theirs[i].median.toFixed(2), `${(theirs[i].median / mine[i].median).toFixed(2)}x`, mine[i].answer === theirs[i].answer ? "yes" : "no");
  console.log(`| ${cells.join(" | ")} |`);
});
