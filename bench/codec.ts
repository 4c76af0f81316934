/**
 * Column codec benchmark on TSBS cpu-only data (see /work/shared/bench/gen.mjs).
 *
 *   bun run bench/codec.ts [--hosts 100] [--hours 24] [--seed 1] [--blocks 256,1024,2048]
 *
 * Generates the data set once per argument set into the temp directory (float and --int
 * variants), parses it crudely (not the real line-protocol parser: it relies on gen.mjs's exact
 * layout and whole-second timestamps), cuts each (host, field) column into blocks, and reports
 * bytes per value, the encodings chosen, and encode/decode throughput. Every block is checked to
 * round-trip bit for bit before it is timed.
 */
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  decodeBooleans,
  decodeFloats,
  decodeIntegers,
  decodeStrings,
  decodeTimestamps,
  encodeBooleans,
  encodeFloats,
  encodeIntegers,
  encodeStrings,
  encodeTimestamps,
} from "../storage/tsdb/codec/column.ts";
import { StringFlag, Tag } from "../storage/tsdb/codec/tags.ts";

const GEN = "/work/shared/bench/gen.mjs";
const FIELDS = 10;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const hosts = Number(arg("hosts", "100"));
const hours = Number(arg("hours", "24"));
const seed = Number(arg("seed", "1"));
const blockSizes = arg("blocks", "256,1024,2048").split(",").map(Number);

interface Series {
  /** Milliseconds since the epoch. */
  timeMs: number[];
  /** One array per field, in gen.mjs field order. */
  fields: number[][];
}

function generate(int: boolean): string {
  const file = join(tmpdir(), `strata-codec-${hosts}h-${hours}h-s${seed}${int ? "-int" : ""}.lp`);
  if (existsSync(file)) return file;
  const args = [resolve(GEN), "--hosts", `${hosts}`, "--hours", `${hours}`, "--seed", `${seed}`, "--out", file];
  if (int) args.push("--int");
  const r = Bun.spawnSync(["node", ...args], { stderr: "inherit" });
  if (r.exitCode !== 0) throw new Error(`gen.mjs failed with ${r.exitCode}`);
  return file;
}

/** Crude parse of gen.mjs output: host from the hostname tag, values by position. */
function load(file: string): Series[] {
  const text = readFileSync(file, "latin1");
  const byHost = new Map<string, Series>();
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    const h0 = text.indexOf("hostname=", at) + 9;
    const host = text.slice(h0, text.indexOf(",", h0));
    const fieldsAt = text.indexOf(" ", at) + 1;
    const timeAt = text.lastIndexOf(" ", end) + 1;
    let s = byHost.get(host);
    if (!s) {
      s = { timeMs: [], fields: Array.from({ length: FIELDS }, () => []) };
      byHost.set(host, s);
    }
    // Whole seconds followed by nine zeros: drop six digits for exact milliseconds.
    s.timeMs.push(Number(text.slice(timeAt, end - 6)));
    let p = fieldsAt;
    for (let f = 0; f < FIELDS; f++) {
      const eq = text.indexOf("=", p) + 1;
      const stop = f === FIELDS - 1 ? timeAt - 1 : text.indexOf(",", eq);
      s.fields[f].push(Number.parseFloat(text.slice(eq, stop)));
      p = stop + 1;
    }
    at = end + 1;
  }
  return [...byHost.values()];
}

interface Block<T> {
  values: T;
  n: number;
  buf: Uint8Array;
}

const TAG_NAMES = new Map<number, string>(Object.entries(Tag).map(([k, v]) => [v, k]));

function stringName(tag: number): string {
  const flags = Object.entries(StringFlag)
    .filter(([, bit]) => tag & bit)
    .map(([name]) => name);
  return ["Strings", ...flags].join("+");
}

function tagCounts(blocks: Block<unknown>[]): string {
  const counts = new Map<string, number>();
  for (const b of blocks) {
    const t = b.buf[0];
    let name = TAG_NAMES.get(t) ?? ((t & 0xf8) === Tag.Strings ? stringName(t) : `0x${t.toString(16)}`);
    // Delta-pack's mode byte follows the tag (and the decimal exponent byte).
    const mode = t === Tag.FloatsDecimal ? b.buf[2] : t === Tag.TimestampsPacked || t === Tag.IntegersPacked ? b.buf[1] : undefined;
    if (mode !== undefined) name += `(${["values", "delta", "delta-of-delta"][mode & 3]}${mode & 4 ? " constant" : ""})`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([k, v]) => `${k} ${((100 * v) / blocks.length).toFixed(1)}%`).join(", ");
}

/** Best-of-five wall time of `fn`, in seconds, each run repeated to at least 200 ms. */
function time(fn: () => void): number {
  let best = Infinity;
  for (let trial = 0; trial < 5; trial++) {
    let reps = 0;
    const t0 = performance.now();
    let t1 = t0;
    do {
      fn();
      reps++;
      t1 = performance.now();
    } while (t1 - t0 < 200);
    best = Math.min(best, (t1 - t0) / 1000 / reps);
  }
  return best;
}

function bytesOf(blocks: Block<unknown>[]): number {
  let total = 0;
  for (const b of blocks) total += b.buf.length;
  return total;
}

function mps(values: number, seconds: number): string {
  return `${(values / seconds / 1e6).toFixed(1)}M/s`;
}

function sameBits(a: Float64Array, b: Float64Array, n: number): boolean {
  const x = new Int32Array(a.buffer, a.byteOffset, 2 * n);
  const y = new Int32Array(b.buffer, b.byteOffset, 2 * n);
  for (let i = 0; i < 2 * n; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Splits each series into blocks of `size` points. */
function cut<T>(series: Series[], size: number, make: (s: Series, start: number, n: number) => T): Block<T>[] {
  const blocks: Block<T>[] = [];
  for (const s of series) {
    for (let start = 0; start < s.timeMs.length; start += size) {
      const n = Math.min(size, s.timeMs.length - start);
      blocks.push({ values: make(s, start, n), n, buf: new Uint8Array(0) });
    }
  }
  return blocks;
}

function floatBench(series: Series[], size: number): void {
  const ts = cut(series, size, (s, start, n) => {
    const offsets = new Float64Array(n);
    const base = s.timeMs[start];
    for (let i = 0; i < n; i++) offsets[i] = (s.timeMs[start + i] - base) * 1e6;
    return offsets;
  });
  const floats: Block<Float64Array>[] = [];
  for (let f = 0; f < FIELDS; f++) {
    floats.push(...cut(series, size, (s, start, n) => Float64Array.from(s.fields[f].slice(start, start + n))));
  }
  const values = floats.reduce((a, b) => a + b.n, 0);
  const points = ts.reduce((a, b) => a + b.n, 0);

  const encF = time(() => {
    for (const b of floats) b.buf = encodeFloats(b.values, b.n);
  });
  const encT = time(() => {
    for (const b of ts) b.buf = encodeTimestamps(b.values, b.n);
  });
  const out = new Float64Array(size);
  for (const b of [...floats, ...ts]) {
    out.fill(0);
    (b.buf[0] < Tag.FloatsRaw ? decodeTimestamps : decodeFloats)(b.buf, b.n, out);
    if (!sameBits(out, b.values, b.n)) throw new Error(`round trip failed, tag ${b.buf[0]}`);
  }
  const decF = time(() => {
    for (const b of floats) decodeFloats(b.buf, b.n, out);
  });
  const decT = time(() => {
    for (const b of ts) decodeTimestamps(b.buf, b.n, out);
  });
  const fb = bytesOf(floats);
  const tb = bytesOf(ts);
  console.log(
    `  block ${size}: floats ${(fb / values).toFixed(3)} B/value, timestamps ${(tb / points).toFixed(4)} B/point, ` +
      `floats+timestamps ${((fb + tb) / values).toFixed(3)} B/field value`,
  );
  console.log(`    floats chosen: ${tagCounts(floats)}; timestamps chosen: ${tagCounts(ts)}`);
  console.log(
    `    floats encode ${mps(values, encF)}, decode ${mps(values, decF)}; timestamps encode ${mps(points, encT)}, ` +
      `decode ${mps(points, decT)}; per field value with shared timestamps: decode ${mps(values, decF + decT)}`,
  );
}

function gorillaOnly(series: Series[], size: number): void {
  // Full-precision values have no short decimal form, so this measures the Gorilla path.
  const floats: Block<Float64Array>[] = cut(series, size, (s, start, n) => {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = s.fields[0][start + i] * Math.PI;
    return v;
  });
  const values = floats.reduce((a, b) => a + b.n, 0);
  const enc = time(() => {
    for (const b of floats) b.buf = encodeFloats(b.values, b.n);
  });
  const out = new Float64Array(size);
  const dec = time(() => {
    for (const b of floats) decodeFloats(b.buf, b.n, out);
  });
  console.log(
    `  block ${size}, usage_user * pi (full precision): ${(bytesOf(floats) / values).toFixed(3)} B/value, ` +
      `${tagCounts(floats)}, encode ${mps(values, enc)}, decode ${mps(values, dec)}`,
  );
}

function intBench(series: Series[], size: number): void {
  const ints: Block<Int32Array>[] = [];
  for (let f = 0; f < FIELDS; f++) {
    ints.push(
      ...cut(series, size, (s, start, n) => {
        const w = new Int32Array(2 * n);
        for (let i = 0; i < n; i++) w[2 * i] = s.fields[f][start + i];
        return w;
      }),
    );
  }
  const values = ints.reduce((a, b) => a + b.n, 0);
  const enc = time(() => {
    for (const b of ints) b.buf = encodeIntegers(b.values, b.n);
  });
  const out = new Int32Array(2 * size);
  for (const b of ints) {
    decodeIntegers(b.buf, b.n, out);
    for (let i = 0; i < 2 * b.n; i++) if (out[i] !== b.values[i]) throw new Error("integer round trip failed");
  }
  const dec = time(() => {
    for (const b of ints) decodeIntegers(b.buf, b.n, out);
  });
  console.log(
    `  block ${size}: ${(bytesOf(ints) / values).toFixed(3)} B/value, ${tagCounts(ints)}, ` +
      `encode ${mps(values, enc)}, decode ${mps(values, dec)}`,
  );
}

function boolStringBench(series: Series[], size: number): void {
  const bools = cut(series, size, (s, start, n) => {
    const v = new Uint8Array(n);
    for (let i = 0; i < n; i++) v[i] = s.fields[0][start + i] > 50 ? 1 : 0;
    return v;
  });
  const values = bools.reduce((a, b) => a + b.n, 0);
  const encB = time(() => {
    for (const b of bools) b.buf = encodeBooleans(b.values, b.n);
  });
  const outB = new Uint8Array(size);
  const decB = time(() => {
    for (const b of bools) decodeBooleans(b.buf, b.n, outB);
  });
  console.log(
    `  booleans (usage_user > 50), block ${size}: ${(bytesOf(bools) / values).toFixed(3)} B/value, ` +
      `${tagCounts(bools)}, encode ${mps(values, encB)}, decode ${mps(values, decB)}`,
  );
  const levels = ["idle", "low", "moderate", "busy", "saturated"];
  const kinds: [string, (x: number) => string][] = [
    ["levels (5 distinct)", (x) => levels[Math.min(4, Math.floor(x / 20))]],
    ["free text", (x) => `usage ${x.toFixed(2)}% on cpu`],
  ];
  for (const [label, fmt] of kinds) {
    const strs = cut(series, size, (s, start, n) => s.fields[0].slice(start, start + n).map(fmt));
    const enc = time(() => {
      for (const b of strs) b.buf = encodeStrings(b.values, b.n);
    });
    for (const b of strs) {
      const got = decodeStrings(b.buf, b.n);
      if (got.some((x, i) => x !== b.values[i])) throw new Error("string round trip failed");
    }
    const dec = time(() => {
      for (const b of strs) decodeStrings(b.buf, b.n);
    });
    const rawBytes = strs.reduce((a, b) => a + b.values.reduce((x, y) => x + y.length, 0), 0);
    console.log(
      `  strings ${label}, block ${size}: ${(bytesOf(strs) / values).toFixed(3)} B/value ` +
        `(text ${(rawBytes / values).toFixed(1)} B/value), ${tagCounts(strs)}, encode ${mps(values, enc)}, decode ${mps(values, dec)}`,
    );
  }
}

const floatSeries = load(generate(false));
const points = floatSeries.reduce((a, s) => a + s.timeMs.length, 0);
console.log(`TSBS cpu-only, ${hosts} hosts, ${hours} h, seed ${seed}: ${points} points, ${points * FIELDS} float values`);
for (const size of blockSizes) floatBench(floatSeries, size);
console.log("Gorilla path:");
for (const size of blockSizes) gorillaOnly(floatSeries, size);
console.log("Booleans and strings (derived from usage_user):");
boolStringBench(floatSeries, 1024);
console.log("Integers (gen.mjs --int):");
const intSeries = load(generate(true));
for (const size of blockSizes) intBench(intSeries, size);
