/**
 * Query benchmark: the TSBS InfluxQL query set (`shared/bench/queries.mjs`: cpu-max-all-1,
 * single-groupby-1-1-1, single-groupby-5-1-12, double-groupby-1, high-cpu-1, lastpoint,
 * lastpoint-last, groupby-orderby-limit) against the compiled binary (dist/strata, rebuilt when
 * older than the sources) holding the TSBS cpu-only data set. The data is loaded with the shared
 * loader, then the server is restarted so that everything is in segment files, as InfluxDB's
 * data is in TSM files when its anchor queries run. Each server then gets the same untimed pass
 * over every query type (--warm-runs each, other hosts and windows than the timed runs): a
 * long-running server is warm — strata's JIT, InfluxDB's caches.
 * Prints median and p90 per query type; with --compare URL the same queries run against another
 * server (InfluxDB 1.6.7) holding the same data in database --compare-db (loaded first with
 * --compare-load), and the ratios are printed. `--client lean` times both servers through a lighter
 * HTTP client than the harness's Node `fetch` (bench/lean-fetch.mjs), for queries whose server time
 * is smaller than that client's own cost.
 * Two figures read beside the latencies: each server's CPU per query (all its threads, from
 * /proc schedstat, over each type's warm-ups and timed runs: strata's process, and with
 * --compare-pid the compared server's), which no client overhead enters; and the client's floor,
 * single-groupby-1-1-1 timed against a server that does no work (bench/floor-server.ts).
 *
 *   bun run bench:query [--hosts 1000] [--hours 24] [--runs 20] [--warmup 20] [--warm-runs 5] [--types a,b]
 *                       [--client fetch|lean] [--compare http://127.0.0.1:8086 [--compare-db benchmark] [--compare-load] [--compare-pid PID]]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { freePort, onCpuMs, peakRssMiB, waitForPing } from "./server-process.ts";
import { SHARED_BENCH, tsbsFile } from "./tsbs-data.ts";

const { values: args } = parseArgs({
  options: {
    hosts: { type: "string", default: "1000" },
    hours: { type: "string", default: "24" },
    runs: { type: "string", default: "20" },
    // Each type runs in a fresh client process: after 2 warm-ups Node's fetch still runs in its
    // interpreter (floor 2.9-7.6 ms against a no-work server), after 20 it is at 1.6-2.1 ms.
    warmup: { type: "string", default: "20" },
    "warm-runs": { type: "string", default: "5" },
    types: { type: "string" },
    client: { type: "string", default: "fetch" },
    compare: { type: "string" },
    "compare-db": { type: "string", default: "benchmark" },
    "compare-load": { type: "boolean", default: false },
    "compare-pid": { type: "string" },
  },
});

const ROOT = resolve(import.meta.dir, "..");
if (args.client !== "fetch" && args.client !== "lean") throw new Error(`--client is fetch or lean, not ${args.client}`);
const CLIENT_ARGS = args.client === "lean" ? ["--import", join(import.meta.dir, "lean-fetch.mjs")] : [];
const BINARY = join(ROOT, "dist/strata");

interface QueryResult {
  type: string;
  runs: number;
  median_ms: number;
  p90_ms: number;
  rows_first: number;
  rows_min: number;
  rows_max: number;
  errors: string[];
  /** Server CPU (all threads) per query of this type, warm-ups included; when the server's pid is known. */
  cpu_ms?: number;
}

/** shared/bench/queries.mjs's query types, in its order. */
const ALL_TYPES = ["cpu-max-all-1", "single-groupby-1-1-1", "single-groupby-5-1-12", "double-groupby-1", "high-cpu-1", "lastpoint", "lastpoint-last", "groupby-orderby-limit"];
const TYPES = args.types ? args.types.split(",") : ALL_TYPES;
const SMALL_TYPE = "single-groupby-1-1-1";

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function ensureBinary(): void {
  const sources = Math.max(...["app", "routes", "storage"].map((d) => newestSource(join(ROOT, d))));
  if (existsSync(BINARY) && statSync(BINARY).mtimeMs >= sources) return;
  const r = Bun.spawnSync([process.execPath, "run", join(ROOT, "build.ts")], { stdout: "inherit", stderr: "inherit", cwd: ROOT });
  if (r.exitCode !== 0) throw new Error("build failed");
}

function load(url: string, file: string): void {
  const r = Bun.spawnSync(["node", join(SHARED_BENCH, "load.mjs"), url, file, "--batch", "5000", "--workers", "2", "--quiet"], { stdout: "inherit", stderr: "inherit" });
  if (r.exitCode !== 0) throw new Error(`load.mjs failed (exit ${r.exitCode})`);
}

/**
 * The TSBS query set against `url`; `seed` other than 1 draws other hosts and windows than the
 * timed runs. Each type runs in its own client process (for every server alike), so that with the
 * server's `pid` its CPU can be told apart.
 */
function queries(url: string, db: string, runs = args.runs!, seed = 1, pid?: number, types = TYPES): QueryResult[] {
  return types.flatMap((type) => {
    const before = pid === undefined ? undefined : onCpuMs(pid);
    const results = runQueries(url, db, runs, seed, [type]);
    const after = pid === undefined ? undefined : onCpuMs(pid);
    if (before !== undefined && after !== undefined) for (const r of results) r.cpu_ms = (after - before) / (r.runs + Number(args.warmup));
    return results;
  });
}

function runQueries(url: string, db: string, runs: string, seed: number, types: string[]): QueryResult[] {
  const out = join(tmpdir(), `strata-queries-${process.pid}.json`);
  const cmd = ["node", ...CLIENT_ARGS, join(SHARED_BENCH, "queries.mjs"), url, db, "--hosts", args.hosts!, "--hours", args.hours!, "--runs", runs, "--warmup", args.warmup!, "--seed", String(seed), "--json-out", out, "--types", types.join(",")];
  const r = Bun.spawnSync(cmd, { stdout: "inherit", stderr: "inherit" });
  if (!existsSync(out)) throw new Error(`queries.mjs failed (exit ${r.exitCode})`);
  const results = (JSON.parse(readFileSync(out, "utf8")) as { results: QueryResult[] }).results;
  rmSync(out);
  return results;
}

/** single-groupby-1-1-1 through the same client against a server that does no work. */
async function clientFloor(): Promise<QueryResult | undefined> {
  if (!TYPES.includes(SMALL_TYPE)) return undefined;
  const port = freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = Bun.spawn([process.execPath, "run", join(import.meta.dir, "floor-server.ts"), String(port)], { stdout: "ignore", stderr: "inherit" });
  try {
    await waitForPing(url);
    return queries(url, "default", args.runs!, 1, undefined, [SMALL_TYPE])[0];
  } finally {
    proc.kill("SIGTERM");
    await proc.exited;
  }
}

function serve(dataDir: string, port: number) {
  return Bun.spawn([BINARY, "serve", "--data-dir", dataDir, "--http-bind", `127.0.0.1:${port}`, "--without-auth", "--log-level", "warn"], { stdout: "ignore", stderr: "inherit" });
}

async function runStrata(file: string): Promise<{ results: QueryResult[]; rss: number | undefined }> {
  const dataDir = mkdtempSync(join(tmpdir(), "strata-bench-query-"));
  const port = freePort();
  const url = `http://127.0.0.1:${port}`;
  try {
    let proc = serve(dataDir, port);
    await waitForPing(url);
    const t0 = performance.now();
    load(`${url}/api/v2/write?bucket=default&precision=ns`, file);
    console.error(`loaded strata in ${((performance.now() - t0) / 1000).toFixed(1)} s; restarting so the data is in segments`);
    proc.kill("SIGTERM");
    await proc.exited;
    proc = serve(dataDir, port);
    await waitForPing(url, 600_000);
    try {
      warm(url, "default");
      const results = queries(url, "default", args.runs!, 1, proc.pid);
      return { results, rss: peakRssMiB(proc.pid) };
    } finally {
      proc.kill("SIGTERM");
      await proc.exited;
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

ensureBinary();
/** The untimed pass every server gets before it is timed, over other hosts and windows than the timed runs. */
function warm(url: string, db: string): void {
  if (Number(args["warm-runs"]) === 0) return;
  console.error(`untimed warm-up pass on ${url}`);
  queries(url, db, args["warm-runs"]!, 2);
}

const file = tsbsFile(Number(args.hosts), Number(args.hours));
const strata = await runStrata(file);
const floor = await clientFloor();
let compare: QueryResult[] | undefined;
if (args.compare) {
  const db = args["compare-db"]!;
  if (args["compare-load"]) {
    await fetch(`${args.compare}/query`, { method: "POST", body: new URLSearchParams({ q: `DROP DATABASE ${db}` }) });
    await fetch(`${args.compare}/query`, { method: "POST", body: new URLSearchParams({ q: `CREATE DATABASE ${db}` }) });
    load(`${args.compare}/write?db=${db}&precision=ns`, file);
  }
  warm(args.compare, db);
  compare = queries(args.compare, db, args.runs!, 1, args["compare-pid"] === undefined ? undefined : Number(args["compare-pid"]));
}

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
const cpu = (r: QueryResult | undefined) => (r?.cpu_ms === undefined ? "" : r.cpu_ms.toFixed(2));
console.log(`\ndata: ${file} (TSBS cpu-only, ${args.hosts} hosts x ${args.hours} h), client ${args.client}, ${args.runs} timed runs per type after ${args.warmup} warm-ups (each server after an untimed pass of ${args["warm-runs"]} runs per type on other hosts and windows); strata peak RSS ${fmt(strata.rss ?? 0)} MiB`);
if (floor) console.log(`client floor: ${SMALL_TYPE} against a server that does no work (bench/floor-server.ts): median ${fmt(floor.median_ms)} ms, p90 ${fmt(floor.p90_ms)} ms`);
console.log(compare ? "| query | strata median ms | p90 ms | rows | compare median ms | p90 ms | rows | compare / strata | strata CPU ms/query | compare CPU ms/query |" : "| query | median ms | p90 ms | rows (first, min-max) | CPU ms/query |");
console.log(compare ? "|---|---|---|---|---|---|---|---|---|---|" : "|---|---|---|---|---|");
for (const r of strata.results) {
  const rows = `${r.rows_first} (${r.rows_min}-${r.rows_max})`;
  const c = compare?.find((x) => x.type === r.type);
  if (c) console.log(`| ${r.type} | ${fmt(r.median_ms)} | ${fmt(r.p90_ms)} | ${rows} | ${fmt(c.median_ms)} | ${fmt(c.p90_ms)} | ${c.rows_first} (${c.rows_min}-${c.rows_max}) | ${(c.median_ms / r.median_ms).toFixed(2)}x | ${cpu(r)} | ${cpu(c)} |`);
  else console.log(`| ${r.type} | ${fmt(r.median_ms)} | ${fmt(r.p90_ms)} | ${rows} | ${cpu(r)} |`);
  if (r.errors.length) console.log(`  strata errors: ${r.errors.join(" / ")}`);
}
