/**
 * Cold start of the compiled binary: from spawn to the first answered /ping, and the first
 * queries after it (single-groupby-1-1-1's shape), on a data directory that already holds data
 * (load one with `shared/bench/load.mjs`). Wall time and the server's CPU (all threads, schedstat)
 * for each; several binaries are started in turn, run after run, so they share the machine's state.
 *
 *   bun run bench:cold-start -- --data-dir DIR [--binary dist/strata ...] [--runs 5] [--db default]
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { freePort, onCpuMs, serveBinary, waitForPing } from "./server-process.ts";

const { values: args } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    binary: { type: "string", multiple: true },
    runs: { type: "string", default: "5" },
    db: { type: "string", default: "default" },
  },
});
if (args["data-dir"] === undefined) throw new Error("--data-dir is required");
const binaries = (args.binary ?? ["dist/strata"]).map((b) => resolve(b));
const QUERY =
  "SELECT max(usage_user) FROM cpu WHERE (hostname = 'host_306') AND time >= '2026-01-01T05:22:00Z' AND time < '2026-01-01T06:22:00Z' GROUP BY time(1m)";
const LATER_QUERIES = 5;

interface Start {
  readyMs: number;
  readyCpuMs: number;
  firstQueryMs: number;
  firstQueryCpuMs: number;
  laterQueryCpuMs: number;
}

async function query(url: string): Promise<void> {
  const res = await fetch(`${url}/query?db=${encodeURIComponent(args.db!)}&q=${encodeURIComponent(QUERY)}`);
  const body = await res.text();
  if (res.status !== 200 || !body.includes('"values"')) throw new Error(`query failed (HTTP ${res.status}): ${body.slice(0, 200)}`);
}

async function coldStart(binary: string): Promise<Start> {
  const port = freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const proc = serveBinary(binary, args["data-dir"]!, port);
  try {
    await waitForPing(url, 120_000, 5);
    const readyMs = performance.now() - started;
    const readyCpuMs = onCpuMs(proc.pid)!;
    const t0 = performance.now();
    await query(url);
    const firstQueryMs = performance.now() - t0;
    const afterFirst = onCpuMs(proc.pid)!;
    for (let i = 0; i < LATER_QUERIES; i++) await query(url);
    const laterQueryCpuMs = (onCpuMs(proc.pid)! - afterFirst) / LATER_QUERIES;
    return { readyMs, readyCpuMs, firstQueryMs, firstQueryCpuMs: afterFirst - readyCpuMs, laterQueryCpuMs };
  } finally {
    proc.kill("SIGTERM");
    await proc.exited;
  }
}

const starts = new Map<string, Start[]>(binaries.map((b) => [b, []]));
for (let run = 0; run < Number(args.runs); run++) {
  for (const binary of binaries) starts.get(binary)!.push(await coldStart(binary));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const range = (xs: number[]) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`;
console.log(`\ndata dir ${args["data-dir"]}, ${args.runs} starts per binary, medians (min-max):`);
console.log("| binary | ready ms | CPU to ready ms | first query ms | its CPU ms | CPU ms per query, next 5 |");
console.log("|---|---|---|---|---|---|");
for (const [binary, s] of starts) {
  const col = (f: (x: Start) => number) => range(s.map(f));
  console.log(`| ${binary} | ${col((x) => x.readyMs)} | ${col((x) => x.readyCpuMs)} | ${col((x) => x.firstQueryMs)} | ${col((x) => x.firstQueryCpuMs)} | ${median(s.map((x) => x.laterQueryCpuMs)).toFixed(1)} |`);
}
