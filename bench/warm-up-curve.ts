/**
 * How a freshly started server's cost per query changes as it serves more of them: the compiled
 * binary is started on a data directory that holds the TSBS set (load one with
 * `shared/bench/load.mjs`), then single-groupby-1-1-1 queries (one host, one hour, max per minute;
 * other hosts and windows each time) go to it in blocks, one at a time over one kept-alive
 * connection. Each block prints the server's CPU per query (all threads, schedstat) and the median
 * latency. strata's code is compiled by JavaScriptCore's JIT in tiers as it runs, so its early
 * blocks cost more than later ones; with --compare the same blocks go to another server (InfluxDB
 * 1.6.7, compiled ahead of time) for the same figures.
 *
 *   bun run bench:warm-up-curve -- --data-dir DIR [--binary dist/strata] [--blocks 16] [--block 1000]
 *                                  [--db default] [--compare URL [--compare-db benchmark] [--compare-pid PID]]
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { freePort, onCpuMs, serveBinary, waitForPing } from "./server-process.ts";

const { values: args } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    binary: { type: "string", default: "dist/strata" },
    blocks: { type: "string", default: "16" },
    block: { type: "string", default: "1000" },
    db: { type: "string", default: "default" },
    hosts: { type: "string", default: "1000" },
    hours: { type: "string", default: "24" },
    start: { type: "string", default: "2026-01-01T00:00:00Z" },
    compare: { type: "string" },
    "compare-db": { type: "string", default: "benchmark" },
    "compare-pid": { type: "string" },
  },
});
if (args["data-dir"] === undefined) throw new Error("--data-dir is required");

const START_MS = Date.parse(args.start!);
const BLOCKS = Number(args.blocks);
const BLOCK = Number(args.block);

/** A deterministic stream of single-groupby-1-1-1 statements (Park–Miller, as tsbs-answer.mjs). */
function statements(): () => string {
  let seed = 99;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
  return () => {
    const from = START_MS + Math.floor(next() * (Number(args.hours) - 1) * 60) * 60_000;
    const host = Math.floor(next() * Number(args.hosts));
    return `SELECT max(usage_user) FROM cpu WHERE (hostname = 'host_${host}') AND time >= '${iso(from)}' AND time < '${iso(from + 3_600_000)}' GROUP BY time(1m)`;
  };
}

async function query(url: string, db: string, statement: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${url}/query?db=${encodeURIComponent(db)}&epoch=ns&q=${encodeURIComponent(statement)}`, { headers: { "accept-encoding": "gzip" } });
  const body = await res.text();
  if (res.status !== 200 || !body.includes('"values"')) throw new Error(`query failed (HTTP ${res.status}): ${body.slice(0, 200)}`);
  return performance.now() - t0;
}

async function curve(name: string, url: string, db: string, pid: number | undefined): Promise<void> {
  console.log(`\n${name}`);
  console.log("| served | server CPU µs/query | median ms | p90 ms |");
  console.log("|---|---|---|---|");
  const next = statements();
  for (let b = 1; b <= BLOCKS; b++) {
    const before = pid === undefined ? undefined : onCpuMs(pid);
    const latencies: number[] = [];
    for (let i = 0; i < BLOCK; i++) latencies.push(await query(url, db, next()));
    const after = pid === undefined ? undefined : onCpuMs(pid);
    latencies.sort((x, y) => x - y);
    const cpu = before === undefined || after === undefined ? "" : (((after - before) / BLOCK) * 1000).toFixed(0);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(3);
    console.log(`| ${b * BLOCK} | ${cpu} | ${at(0.5)} | ${at(0.9)} |`);
  }
}

const port = freePort();
const url = `http://127.0.0.1:${port}`;
const proc = serveBinary(resolve(args.binary!), args["data-dir"]!, port);
try {
  await waitForPing(url, 120_000);
  await curve(`strata (${args.binary}, started fresh)`, url, args.db!, proc.pid);
} finally {
  proc.kill("SIGTERM");
  await proc.exited;
}
if (args.compare) await curve(`compare: ${args.compare}`, args.compare, args["compare-db"]!, args["compare-pid"] === undefined ? undefined : Number(args["compare-pid"]));
