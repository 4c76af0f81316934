/**
 * Ingest benchmark: starts the compiled binary (dist/strata, built if missing) on a fresh data
 * directory and loads the TSBS cpu-only data set with the shared loader (`load.mjs`: batches of
 * 5000 lines, 2 and 8 workers), printing lines/s, field values/s, batch p50/p99 and the server's
 * peak RSS and CPU. With --compare URL the same load runs against another server (e.g. InfluxDB
 * 1.6.7 started with the shared `anchors.sh start influx`) in the same run, and the ratio is
 * printed; --compare-pid PID adds that server's peak RSS and CPU.
 *
 *   bun run bench:ingest [--hosts 1000] [--hours 6] [--workers 2,8] [--compare http://127.0.0.1:8086 --compare-pid PID]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { cpuSeconds, freePort, peakRssMiB, waitForPing } from "./server-process.ts";
import { SHARED_BENCH, tsbsFile } from "./tsbs-data.ts";

const { values: args } = parseArgs({
  options: {
    hosts: { type: "string", default: "1000" },
    hours: { type: "string", default: "6" },
    workers: { type: "string", default: "2,8" },
    batch: { type: "string", default: "5000" },
    compare: { type: "string" },
    "compare-pid": { type: "string" },
    gzip: { type: "boolean", default: false },
  },
});

const ROOT = resolve(import.meta.dir, "..");
const BINARY = join(ROOT, "dist/strata");
const TOKEN = "bench-token";

interface LoadResult {
  lines_ok: number;
  lines_failed: number;
  field_values_per_s: number;
  lines_per_s: number;
  wall_s: number;
  batch_latency_ms: { p50: number; p99: number };
  errors: string[];
}

interface Row {
  server: string;
  workers: number;
  load: LoadResult;
  peakRss?: number;
  cpu?: number;
}

function load(url: string, file: string, workers: number, headers: string[]): LoadResult {
  const out = join(tmpdir(), `strata-load-${process.pid}.json`);
  const cmd = ["node", join(SHARED_BENCH, "load.mjs"), url, file, "--batch", args.batch!, "--workers", String(workers), "--json-out", out, "--quiet"];
  for (const h of headers) cmd.push("--header", h);
  if (args.gzip) cmd.push("--gzip");
  const r = Bun.spawnSync(cmd, { stdout: "inherit", stderr: "inherit" });
  if (!existsSync(out)) throw new Error(`load.mjs failed (exit ${r.exitCode})`);
  const res = JSON.parse(readFileSync(out, "utf8")) as LoadResult;
  rmSync(out);
  return res;
}

async function runStrata(file: string, workers: number): Promise<Row> {
  const dataDir = mkdtempSync(join(tmpdir(), "strata-bench-ingest-"));
  const port = freePort();
  const proc = Bun.spawn([BINARY, "serve", "--data-dir", dataDir, "--http-bind", `127.0.0.1:${port}`, "--operator-token", TOKEN, "--log-level", "warn"], { stdout: "ignore", stderr: "inherit" });
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForPing(url);
    const cpu0 = cpuSeconds(proc.pid) ?? 0;
    const res = load(`${url}/api/v2/write?bucket=default&precision=ns`, file, workers, [`Authorization: Token ${TOKEN}`]);
    return { server: "strata", workers, load: res, peakRss: peakRssMiB(proc.pid), cpu: (cpuSeconds(proc.pid) ?? 0) - cpu0 };
  } finally {
    proc.kill("SIGTERM");
    await proc.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** InfluxQL against the compared server; throws unless it answers without an error. */
async function influxql(url: string, q: string): Promise<void> {
  const res = await fetch(`${url}/query`, { method: "POST", body: new URLSearchParams({ q }) });
  const text = await res.text();
  if (!res.ok || text.includes('"error"')) throw new Error(`${q}: HTTP ${res.status} ${text}`);
}

/** The compared server's database of the previous run, dropped so it does not weigh on the next. */
let previousDb: string | undefined;

async function runCompare(url: string, file: string, workers: number): Promise<Row> {
  // A database of its own per run: writes right after DROP + CREATE of the same name were refused
  // with "database not found" by InfluxDB 1.6.7 after a 24 h load.
  const db = `benchmark_w${workers}`;
  if (previousDb !== undefined) await influxql(url, `DROP DATABASE ${previousDb}`);
  await influxql(url, `DROP DATABASE ${db}`);
  await influxql(url, `CREATE DATABASE ${db}`);
  previousDb = db;
  const pid = args["compare-pid"] ? Number(args["compare-pid"]) : undefined;
  const cpu0 = pid ? (cpuSeconds(pid) ?? 0) : 0;
  const res = load(`${url}/write?db=${db}&precision=ns`, file, workers, []);
  return { server: `compare (${url})`, workers, load: res, peakRss: pid ? peakRssMiB(pid) : undefined, cpu: pid ? (cpuSeconds(pid) ?? 0) - cpu0 : undefined };
}

if (!existsSync(BINARY)) {
  const r = Bun.spawnSync([process.execPath, "run", join(ROOT, "build.ts")], { stdout: "inherit", stderr: "inherit", cwd: ROOT });
  if (r.exitCode !== 0) throw new Error("build failed");
}
const file = tsbsFile(Number(args.hosts), Number(args.hours));
const rows: Row[] = [];
for (const w of args.workers!.split(",").map(Number)) {
  rows.push(await runStrata(file, w));
  if (args.compare) rows.push(await runCompare(args.compare, file, w));
}

const fmt = (n: number | undefined, digits = 0) => (n === undefined ? "-" : n.toLocaleString("en-US", { maximumFractionDigits: digits }));
console.log(`\ndata: ${file} (TSBS cpu-only, ${args.hosts} hosts x ${args.hours} h), batch ${args.batch}${args.gzip ? ", gzip" : ""}`);
console.log("| server | workers | lines/s | field values/s | wall s | batch p50 ms | batch p99 ms | failed lines | server CPU s | peak RSS MiB |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  const l = r.load;
  console.log(`| ${r.server} | ${r.workers} | ${fmt(l.lines_per_s)} | ${fmt(l.field_values_per_s)} | ${fmt(l.wall_s, 1)} | ${fmt(l.batch_latency_ms.p50, 1)} | ${fmt(l.batch_latency_ms.p99, 1)} | ${fmt(l.lines_failed)} | ${fmt(r.cpu, 1)} | ${fmt(r.peakRss)} |`);
  if (l.errors.length) console.log(`  errors: ${l.errors.join(" / ")}`);
}
if (args.compare) {
  for (const w of new Set(rows.map((r) => r.workers))) {
    const [a, b] = rows.filter((r) => r.workers === w);
    console.log(`ratio strata / compare at ${w} workers: ${(a.load.field_values_per_s / b.load.field_values_per_s).toFixed(2)}x field values/s`);
  }
}
