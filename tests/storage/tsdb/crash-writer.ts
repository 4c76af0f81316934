/**
 * Child process for the crash tests: writes batches to an engine in `dir` and prints `ack <k>` after
 * each batch is acknowledged, until it is killed. Batch k holds POINTS points, one per series
 * `host=h<i>`, at time T0 + k s, with value k + i / 100. Usage: bun crash-writer.ts <dir> <firstK> <mode>
 * where mode is `ingest` (continuous writes, frequent flushes and compactions) or `compact`
 * (writes many small segments, prints `compacting`, then compacts).
 */
import { Engine } from "../../../storage/tsdb/engine.ts";
import { buildBatch, type TestPoint } from "./batch-builder.ts";

export const CRASH_BUCKET = "00000000000000cc";
export const CRASH_T0 = 1_767_225_600_000_000_000n;
export const CRASH_POINTS = 8;

export function crashBatch(k: number): TestPoint[] {
  return Array.from({ length: CRASH_POINTS }, (_, i) => ({
    measurement: "crash",
    tags: { host: `h${i}` },
    time: CRASH_T0 + BigInt(k) * 1_000_000_000n,
    fields: { v: k + i / 100, n: BigInt(k) },
  }));
}

if (import.meta.main) {
  const [dir, first, mode] = process.argv.slice(2);
  const engine = await Engine.open({ dataDir: dir, blockPoints: 16, flushBytes: 16 * 1024, compactSegments: 3 });
  let k = Number(first);
  if (mode === "compact") {
    for (let end = k + 40; k < end; k++) {
      await engine.write(CRASH_BUCKET, buildBatch(crashBatch(k)));
      process.stdout.write(`ack ${k}\n`);
      if (k % 4 === 0) await engine.flush();
    }
    await engine.flush();
    process.stdout.write("compacting\n");
    await engine.compact(true);
    process.stdout.write("compacted\n");
  }
  for (;;) {
    await engine.write(CRASH_BUCKET, buildBatch(crashBatch(k)));
    process.stdout.write(`ack ${k}\n`);
    k++;
  }
}
