/**
 * InfluxQL meta statements (what Grafana's query editor and template variables send) timed over
 * HTTP against servers that already hold the TSBS data (`bench:query` leaves none behind: load one
 * with `shared/bench/load.mjs`, or point at a running server). One kept-alive client, the same for
 * every server; each statement is sent --warmup times untimed, then --runs times.
 *
 *   bun run bench:meta -- --url http://127.0.0.1:8086 [--db default] [--runs 200] [--warmup 30]
 *                         [--compare http://127.0.0.1:18087 --compare-db benchmark]
 */
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    db: { type: "string", default: "default" },
    runs: { type: "string", default: "200" },
    warmup: { type: "string", default: "30" },
    compare: { type: "string" },
    "compare-db": { type: "string", default: "benchmark" },
  },
});
if (args.url === undefined) throw new Error("--url is required");

const statements = (db: string) => [
  "SHOW DATABASES",
  `SHOW RETENTION POLICIES ON "${db}"`,
  "SHOW MEASUREMENTS",
  "SHOW TAG KEYS FROM cpu",
  'SHOW TAG VALUES FROM cpu WITH KEY = "region"',
  "SHOW FIELD KEYS FROM cpu",
  `SHOW TAG VALUES FROM cpu WITH KEY = "hostname" WHERE region = 'us-west-1'`,
  "SHOW SERIES CARDINALITY",
  'SHOW TAG VALUES CARDINALITY FROM cpu WITH KEY = "hostname"',
];

async function medians(url: string, db: string): Promise<number[]> {
  const out: number[] = [];
  for (const q of statements(db)) {
    const u = `${url}/query?db=${encodeURIComponent(db)}&q=${encodeURIComponent(q)}`;
    const once = async () => {
      const t0 = performance.now();
      const res = await fetch(u);
      const body = (await res.json()) as { results: { error?: string }[] };
      if (!res.ok || body.results[0].error) throw new Error(`${q} on ${url}: ${res.status} ${JSON.stringify(body)}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < Number(args.warmup); i++) await once();
    const times: number[] = [];
    for (let i = 0; i < Number(args.runs); i++) times.push(await once());
    times.sort((a, b) => a - b);
    out.push(times[times.length >> 1]);
  }
  return out;
}

const mine = await medians(args.url, args.db!);
const theirs = args.compare ? await medians(args.compare, args["compare-db"]!) : undefined;
console.log(theirs ? "| statement | median ms | compare median ms | compare / this |" : "| statement | median ms |");
console.log(theirs ? "|---|---|---|---|" : "|---|---|");
statements("db").forEach((q, i) => {
  const cells = [q.replace("\"db\"", "<db>"), mine[i].toFixed(2)];
  if (theirs) cells.push(theirs[i].toFixed(2), `${(theirs[i] / mine[i]).toFixed(2)}x`);
  console.log(`| ${cells.join(" | ")} |`);
});
