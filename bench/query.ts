/**
 * Query benchmark: the TSBS InfluxQL query set (`shared/bench/queries.mjs`: cpu-max-all-1,
 * single-groupby-1-1-1, single-groupby-5-1-12, double-groupby-1, high-cpu-1, lastpoint,
 * lastpoint-last, groupby-orderby-limit) against the compiled binary (dist/strata, rebuilt when
 * older than the sources) holding the TSBS cpu-only data set. The data is loaded with the shared
 * loader, then the server is restarted so that everything is in segment files, as InfluxDB's
 * data is in TSM files when its anchor queries run. Each server then gets the same untimed pass
 * over every query type (--warm-runs each, at most --warm-seconds per type, other hosts and
 * windows than the timed runs): a long-running server is warm — strata's JIT, InfluxDB's caches.
 * Prints median and p90 per query type; with --compare URL the same queries run against another
 * server (InfluxDB 1.6.7) holding the same data in database --compare-db (loaded first with
 * --compare-load), and the ratios are printed. Each type is timed on every server in turn, one
 * right after the other, so that a shared machine's changing load falls alike on both.
 * `--client lean` times both servers through a lighter HTTP client than the harness's Node `fetch`
 * (bench/lean-fetch.mjs), for queries whose server time is smaller than that client's own cost.
 * Two figures read beside the latencies: each server's CPU per query (all its threads, from
 * /proc schedstat, over each type's warm-ups and timed runs: strata's process, and with
 * --compare-pid the compared server's), which no client overhead enters; and the client's floor,
 * single-groupby-1-1-1 timed against a server that does no work (bench/floor-server.ts), right
 * after the two servers' runs of that type.
 *
 *   bun run bench:query [--hosts 1000] [--hours 24] [--runs 20] [--warmup 20] [--warm-runs 5] [--warm-seconds 60] [--types a,b]
 *                       [--client fetch|lean] [--compare http://127.0.0.1:8086 [--compare-db benchmark] [--compare-load] [--compare-pid PID]]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { freePort, onCpuMs, peakRssMiB, serveBinary, waitForPing } from "./server-process.ts";
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
    "warm-seconds": { type: "string", default: "60" },
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

/** A server the query types are timed against. */
interface Target {
  url: string;
  db: string;
  /** For its CPU per query; undefined when not known. */
  pid?: number;
}

/** One query type against `target`, with the server's CPU per query when its pid is known. */
function timeType(target: Target, type: string): QueryResult {
  const before = target.pid === undefined ? undefined : onCpuMs(target.pid);
  const [result] = runQueries(target, { runs: args.runs!, warmup: args.warmup!, seed: 1, types: [type] });
  const after = target.pid === undefined ? undefined : onCpuMs(target.pid);
  if (before !== undefined && after !== undefined) result.cpu_ms = (after - before) / (result.runs + Number(args.warmup));
  return result;
}

/**
 * The shared harness in its own client process (for every server alike, so that with the
 * server's pid its CPU can be told apart); `seed` other than 1 draws other hosts and windows than
 * the timed runs.
 */
function runQueries(target: Target, run: { runs: string; warmup: string; seed: number; types: string[]; maxSeconds?: string }): QueryResult[] {
  const out = join(tmpdir(), `strata-queries-${process.pid}.json`);
  const cmd = ["node", ...CLIENT_ARGS, join(SHARED_BENCH, "queries.mjs"), target.url, target.db, "--hosts", args.hosts!, "--hours", args.hours!, "--runs", run.runs, "--warmup", run.warmup, "--seed", String(run.seed), "--json-out", out, "--types", run.types.join(",")];
  if (run.maxSeconds !== undefined) cmd.push("--max-seconds", run.maxSeconds);
  const r = Bun.spawnSync(cmd, { stdout: "inherit", stderr: "inherit" });
  if (!existsSync(out)) throw new Error(`queries.mjs failed (exit ${r.exitCode})`);
  const results = (JSON.parse(readFileSync(out, "utf8")) as { results: QueryResult[] }).results;
  rmSync(out);
  return results;
}

/** The untimed pass every server gets before it is timed, over other hosts and windows than the timed runs. */
function warm(target: Target): void {
  if (Number(args["warm-runs"]) === 0) return;
  console.error(`untimed warm-up pass on ${target.url}`);
  runQueries(target, { runs: args["warm-runs"]!, warmup: "0", seed: 2, types: TYPES, maxSeconds: args["warm-seconds"] });
}

/** A server that does no work (bench/floor-server.ts), for the client's floor. */
async function startFloorServer(): Promise<{ target: Target; stop: () => Promise<void> }> {
  const port = freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = Bun.spawn([process.execPath, "run", join(import.meta.dir, "floor-server.ts"), String(port)], { stdout: "ignore", stderr: "inherit" });
  await waitForPing(url);
  return {
    target: { url, db: "default" },
    stop: async () => {
      proc.kill("SIGTERM");
      await proc.exited;
    },
  };
}

/** strata on a fresh data directory holding `file`, restarted so that the data is in segments. */
async function startStrata(file: string): Promise<{ target: Target; rss: () => number | undefined; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "strata-bench-query-"));
  const port = freePort();
  const url = `http://127.0.0.1:${port}`;
  let proc = serveBinary(BINARY, dataDir, port);
  const stop = async () => {
    proc.kill("SIGTERM");
    await proc.exited;
  };
  try {
    await waitForPing(url);
    const t0 = performance.now();
    load(`${url}/api/v2/write?bucket=default&precision=ns`, file);
    console.error(`loaded strata in ${((performance.now() - t0) / 1000).toFixed(1)} s; restarting so the data is in segments`);
    await stop();
    proc = serveBinary(BINARY, dataDir, port);
    await waitForPing(url, 600_000);
  } catch (e) {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    target: { url, db: "default", pid: proc.pid },
    rss: () => peakRssMiB(proc.pid),
    stop: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

ensureBinary();
const file = tsbsFile(Number(args.hosts), Number(args.hours));
let compareTarget: Target | undefined;
if (args.compare) {
  const db = args["compare-db"]!;
  if (args["compare-load"]) {
    await fetch(`${args.compare}/query`, { method: "POST", body: new URLSearchParams({ q: `DROP DATABASE ${db}` }) });
    await fetch(`${args.compare}/query`, { method: "POST", body: new URLSearchParams({ q: `CREATE DATABASE ${db}` }) });
    load(`${args.compare}/write?db=${db}&precision=ns`, file);
  }
  compareTarget = { url: args.compare, db, pid: args["compare-pid"] === undefined ? undefined : Number(args["compare-pid"]) };
}
const strata = await startStrata(file);
const floorServer = TYPES.includes(SMALL_TYPE) ? await startFloorServer() : undefined;
const strataResults: QueryResult[] = [];
const compareResults: QueryResult[] = [];
let floor: QueryResult | undefined;
let strataRss: number | undefined;
try {
  warm(strata.target);
  if (compareTarget) warm(compareTarget);
  for (const type of TYPES) {
    strataResults.push(timeType(strata.target, type));
    if (compareTarget) compareResults.push(timeType(compareTarget, type));
    if (type === SMALL_TYPE && floorServer) floor = timeType(floorServer.target, type);
  }
  strataRss = strata.rss();
} finally {
  await floorServer?.stop();
  await strata.stop();
}
const compare = compareTarget ? compareResults : undefined;

// Two decimals below 10 ms, where a tenth of a millisecond is a large part of a small query.
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: n < 10 ? 2 : 1 });
const cpu = (r: QueryResult | undefined) => (r?.cpu_ms === undefined ? "" : r.cpu_ms.toFixed(2));
console.log(`\ndata: ${file} (TSBS cpu-only, ${args.hosts} hosts x ${args.hours} h), client ${args.client}, ${args.runs} timed runs per type after ${args.warmup} warm-ups (each server after an untimed pass of ${args["warm-runs"]} runs per type, at most ${args["warm-seconds"]} s each, on other hosts and windows; each type timed on the servers one after the other); strata peak RSS ${fmt(strataRss ?? 0)} MiB`);
if (floor) console.log(`client floor: ${SMALL_TYPE} against a server that does no work (bench/floor-server.ts): median ${fmt(floor.median_ms)} ms, p90 ${fmt(floor.p90_ms)} ms`);
console.log(compare ? "| query | strata median ms | p90 ms | rows | compare median ms | p90 ms | rows | compare / strata | strata CPU ms/query | compare CPU ms/query |" : "| query | median ms | p90 ms | rows (first, min-max) | CPU ms/query |");
console.log(compare ? "|---|---|---|---|---|---|---|---|---|---|" : "|---|---|---|---|---|");
for (const r of strataResults) {
  const rows = `${r.rows_first} (${r.rows_min}-${r.rows_max})`;
  const c = compare?.find((x) => x.type === r.type);
  if (c) console.log(`| ${r.type} | ${fmt(r.median_ms)} | ${fmt(r.p90_ms)} | ${rows} | ${fmt(c.median_ms)} | ${fmt(c.p90_ms)} | ${c.rows_first} (${c.rows_min}-${c.rows_max}) | ${(c.median_ms / r.median_ms).toFixed(2)}x | ${cpu(r)} | ${cpu(c)} |`);
  else console.log(`| ${r.type} | ${fmt(r.median_ms)} | ${fmt(r.p90_ms)} | ${rows} | ${cpu(r)} |`);
  if (r.errors.length) console.log(`  strata errors: ${r.errors.join(" / ")}`);
}
