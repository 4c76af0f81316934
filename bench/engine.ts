/**
 * Storage-engine benchmark on the TSBS cpu-only data set: ingest into the engine (parsing timed
 * separately), on-disk bytes per field value after flush and compaction, and scan (decode) speed.
 *
 *   bun run bench:engine [--hosts 1000] [--hours 6] [--batch 5000] [--block 1024]
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseLineProtocol } from "../app/lineprotocol/parse.ts";
import { emptyColumnData } from "../storage/tsdb/column-data.ts";
import { Engine } from "../storage/tsdb/engine.ts";
import { FieldType } from "../storage/tsdb/point-batch.ts";
import { lineBatches, tsbsFile } from "./tsbs-data.ts";

const { values: args } = parseArgs({
  options: {
    hosts: { type: "string", default: "1000" },
    hours: { type: "string", default: "6" },
    batch: { type: "string", default: "5000" },
    block: { type: "string", default: "1024" },
  },
});
const hosts = Number(args.hosts);
const hours = Number(args.hours);
const file = tsbsFile(hosts, hours);
const dir = mkdtempSync(join(tmpdir(), "strata-bench-engine-"));
const engine = await Engine.open({ dataDir: dir, blockPoints: Number(args.block) });
const bucket = "00000000000000be";

let parseMs = 0;
let writeMs = 0;
let lines = 0;
let fieldValues = 0;
let bytesIn = 0;
for await (const body of lineBatches(file, Number(args.batch))) {
  const t0 = performance.now();
  const batch = parseLineProtocol(body, { precision: "ns", nowMs: Date.now(), nowNs: 0 });
  const t1 = performance.now();
  await engine.write(bucket, batch);
  writeMs += performance.now() - t1;
  parseMs += t1 - t0;
  lines += batch.pointCount;
  fieldValues += batch.fieldCount;
  bytesIn += body.length;
}
const tf = performance.now();
await engine.flush();
const flushMs = performance.now() - tf;
const tc = performance.now();
await engine.compact(true);
const compactMs = performance.now() - tc;

const bucketDir = join(dir, "buckets", bucket);
const segmentBytes = readdirSync(bucketDir)
  .filter((n) => n.endsWith(".seg"))
  .reduce((n, f) => n + statSync(join(bucketDir, f)).size, 0);

const store = engine.bucketStore(bucket)!;
const all = { startMs: -9e15, startNs: 0, endMs: 9e15, endNs: 0 };
const fields = [...store.registry.fieldsOf("cpu").keys()];
// Best of three passes over every column, decoding each block into one reused buffer, as a query would.
const scratch = emptyColumnData(FieldType.Float, 0, Number(args.block), false);
let decoded = 0;
let scanMs = Infinity;
// Process CPU time of the fastest pass: on a shared machine, wall time also counts waiting for a core.
let scanCpuMs = 0;
for (let pass = 0; pass < 3; pass++) {
  decoded = 0;
  const ts = performance.now();
  const cpu0 = process.cpuUsage();
  for (const sid of store.index.seriesOf("cpu")) {
    for (const f of fields) for (const chunk of engine.scanColumn(bucket, sid, f, all)) decoded += chunk.read(scratch).n;
  }
  const ms = performance.now() - ts;
  if (ms < scanMs) {
    const cpu = process.cpuUsage(cpu0);
    scanCpuMs = (cpu.user + cpu.system) / 1000;
    scanMs = ms;
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
console.log(`data: TSBS cpu-only, ${hosts} hosts x ${hours} h, ${fmt(lines)} lines, ${fmt(fieldValues)} field values, ${fmt(bytesIn)} bytes (${file})`);
console.log(`parse:   ${fmt((fieldValues / parseMs) * 1000)} field values/s (${(parseMs / 1000).toFixed(2)} s)`);
console.log(`ingest:  ${fmt((fieldValues / writeMs) * 1000)} field values/s into the engine, WAL fsync per batch (${(writeMs / 1000).toFixed(2)} s)`);
console.log(`flush:   ${(flushMs / 1000).toFixed(2)} s; compaction ${(compactMs / 1000).toFixed(2)} s; ${engine.metrics().segments} segment(s)`);
console.log(`on disk: ${fmt(segmentBytes)} bytes = ${(segmentBytes / fieldValues).toFixed(3)} bytes per field value (block ${args.block})`);
console.log(`scan:    ${fmt((decoded / scanMs) * 1000)} values/s decoded (${fmt(decoded)} values, best of 3: ${(scanMs / 1000).toFixed(2)} s; process CPU in that pass ${(scanCpuMs / 1000).toFixed(2)} s)`);
if (decoded !== fieldValues) console.log(`WARNING: decoded ${decoded} values, wrote ${fieldValues}`);
await engine.close();
rmSync(dir, { recursive: true, force: true });
