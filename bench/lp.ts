/**
 * Line-protocol parser throughput on the TSBS cpu-only data set, one core.
 *
 *   bun run bench:lp [--hosts 1000] [--hours 1] [--batch 5000] [--runs 5] [--file PATH] [--shuffle]
 *
 * Generates the data with /work/shared/bench/gen.mjs (seed 1, 2-decimal floats) into the temp
 * directory unless it is already there, reads it into memory, cuts it into request-sized slices
 * of --batch lines (as HTTP writes arrive), then parses every slice --runs times and reports the
 * best and median run. --shuffle permutes the lines of each slice (seeded), so series arrive in
 * no particular order, as from many independent writers. Profile with: bun --cpu-prof bench/lp.ts
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseLineProtocol } from "../app/lineprotocol/parse.ts";

const GEN = "/work/shared/bench/gen.mjs";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const hosts = Number(arg("hosts", "1000"));
const hours = Number(arg("hours", "1"));
const batchLines = Number(arg("batch", "5000"));
const runs = Number(arg("runs", "5"));
const file = arg("file", join(tmpdir(), `lp-bench-h${hosts}-${hours}h-s1.lp`));
const shuffle = process.argv.includes("--shuffle");

if (!existsSync(file)) {
  console.log(`generating ${file}`);
  execFileSync("node", [GEN, "--hosts", String(hosts), "--hours", String(hours), "--seed", "1", "--out", file], {
    stdio: "inherit",
  });
}
const data = new Uint8Array(readFileSync(file));

// Request-sized slices, each ending after a newline.
const slices: Uint8Array[] = [];
for (let start = 0; start < data.length; ) {
  let end = start;
  for (let n = 0; n < batchLines && end < data.length; n++) {
    const nl = data.indexOf(10, end);
    end = nl < 0 ? data.length : nl + 1;
  }
  slices.push(shuffle ? shuffled(data.subarray(start, end), slices.length + 1) : data.subarray(start, end));
  start = end;
}

/** The slice's lines in a seeded random order (the slice ends with a newline). */
function shuffled(slice: Uint8Array, seed: number): Uint8Array {
  const lines: Uint8Array[] = [];
  for (let s = 0; s < slice.length; ) {
    const e = slice.indexOf(10, s) + 1;
    lines.push(slice.subarray(s, e));
    s = e;
  }
  let x = seed;
  for (let i = lines.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  return new Uint8Array(Buffer.concat(lines));
}

const now = Date.now();
let lines = 0;
let fields = 0;
const seconds: number[] = [];
const cpuSeconds: number[] = [];
let firstPass = 0;
for (let r = 0; r < runs + 1; r++) {
  lines = 0;
  fields = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const slice of slices) {
    const batch = parseLineProtocol(slice, { precision: "ns", nowMs: now, nowNs: 0 });
    if (batch.rejected.length > 0) throw new Error(`rejected: ${batch.rejected[0].message}`);
    lines += batch.pointCount;
    fields += batch.fieldCount;
  }
  // The first pass warms the JIT and the key caches (a long-running server has both).
  if (r === 0) firstPass = (performance.now() - t0) / 1000;
  if (r > 0) {
    seconds.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpuSeconds.push((c.user + c.system) / 1e6);
  }
}
seconds.sort((a, b) => a - b);
cpuSeconds.sort((a, b) => a - b);

function report(label: string, s: number): void {
  const mb = data.length / 1e6 / s;
  console.log(
    `${label}: ${s.toFixed(3)} s  ${mb.toFixed(1)} MB/s  ${(lines / s / 1e6).toFixed(3)} M lines/s  ` +
      `${(fields / s / 1e6).toFixed(2)} M field values/s`,
  );
}
console.log(
  `TSBS cpu-only: ${hosts} hosts, ${hours} h, ${lines} lines, ${fields} field values, ` +
    `${(data.length / 1e6).toFixed(1)} MB, ${slices.length} slices of ${batchLines} lines` +
    `${shuffle ? " (shuffled)" : ""}, ${runs} runs, ` +
    `Bun ${Bun.version}`,
);
// Wall time is what a writer sees; CPU time (all threads, so GC included) is steadier when
// other processes share the machine.
report("first pass    ", firstPass);
report("wall, best    ", seconds[0]);
report("wall, median  ", seconds[Math.floor(seconds.length / 2)]);
report("CPU, best     ", cpuSeconds[0]);
report("CPU, median   ", cpuSeconds[Math.floor(cpuSeconds.length / 2)]);
