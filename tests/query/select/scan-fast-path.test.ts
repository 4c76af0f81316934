/**
 * The query-side shortcut in `BucketStore.scanColumn` (segment blocks turned into chunks without
 * intermediate pieces, ranges cutting a block served as views) must give exactly the chunks of
 * the general path, `chunksOf(pieces(...))`: same times, values, bounds and block statistics,
 * whatever the segments, overlaps, buffers, deletes and ranges.
 */
import { afterAll, expect, test } from "bun:test";
import fc from "fast-check";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TimeRange } from "../../../storage/tsdb/bucket-store.ts";
import type { ColumnData } from "../../../storage/tsdb/column-data.ts";
import { Engine } from "../../../storage/tsdb/engine.ts";
import { chunksOf, type ColumnChunk } from "../../../storage/tsdb/scan.ts";
import { offsetInWindow, windowIndexOf } from "../../../storage/tsdb/window.ts";
import { buildBatch, type TestPoint } from "../../storage/tsdb/batch-builder.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const T0 = 1_767_225_600_000_000_000n;
const B = "0000000000000001";
const HOUR = 3_600_000_000_000n;

function values(d: ColumnData): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < d.n; i++) out.push([d.times[i], d.words[2 * i], d.words[2 * i + 1], d.strings?.[i]]);
  return out;
}

function describeChunks(chunks: ColumnChunk[]): unknown[] {
  return chunks.map((c) => ({ baseMs: c.baseMs, count: c.count, minTime: c.minTime, maxTime: c.maxTime, stats: c.stats, values: values(c.read()) }));
}

const write = fc.record({
  /** Hours after T0 (three days: several storage windows), so that range ends meet points. */
  times: fc.array(fc.integer({ min: 0, max: 72 }), { minLength: 1, maxLength: 30 }),
  host: fc.constantFrom("a", "b"),
  flush: fc.boolean(),
});

/** Start (hours after T0), span (hours), and whether the end falls exactly on the hour, as points do. */
const range = fc.tuple(fc.integer({ min: -1, max: 73 }), fc.integer({ min: 0, max: 48 }), fc.boolean());

test("scanColumn's shortcut gives the general path's chunks", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.array(range, { minLength: 1, maxLength: 5 }), async (writes, withDelete, ranges) => {
      const dir = mkdtempSync(join(tmpdir(), "strata-scan-fast-"));
      dirs.push(dir);
      const e = await Engine.open({ dataDir: dir, blockPoints: 4, windowMs: 86_400_000 });
      try {
        for (const w of writes) {
          const points: TestPoint[] = w.times.map((s) => ({ measurement: "m", tags: { host: w.host }, time: T0 + BigInt(s) * HOUR, fields: { f: s / 7, s: `v${s}` } }));
          await e.write(B, buildBatch(points));
          if (w.flush) await e.flush();
        }
        if (withDelete) {
          const startMs = Number(T0 / 1_000_000n) + 10 * 3_600_000;
          await e.delete(B, { measurement: "m", tagEquals: ["host", "a"], startMs, startNs: 0, endMs: startMs + 5 * 3_600_000, endNs: 0 });
        }
        const store = e.bucketStore(B)!;
        for (const sid of store.index.seriesOf("m")) {
          for (const field of ["f", "s"]) {
            for (const [from, span, exactEnd] of ranges) {
              const startMs = Number(T0 / 1_000_000n) + from * 3_600_000;
              const r: TimeRange = { startMs, startNs: 0, endMs: startMs + span * 3_600_000, endNs: exactEnd ? 0 : 999_999 };
              const general: ColumnChunk[] = [];
              for (const w of store.windows()) {
                if (w < windowIndexOf(r.startMs, store.windowMs) * store.windowMs || w > windowIndexOf(r.endMs, store.windowMs) * store.windowMs) continue;
                const lo = Math.max(0, offsetInWindow(r.startMs, r.startNs, w));
                const hi = Math.min(store.windowMs * 1e6 - 1, offsetInWindow(r.endMs, r.endNs, w));
                general.push(...chunksOf(w, store.pieces(w, sid, field), { lo, hi }));
              }
              expect(describeChunks(store.scanColumn(sid, field, r))).toEqual(describeChunks(general));
            }
          }
        }
      } finally {
        await e.close();
      }
    }),
    { numRuns: 100 },
  );
}, 120_000);
