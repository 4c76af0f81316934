import { afterEach, describe, expect, test } from "bun:test";
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Engine } from "../../../storage/tsdb/engine.ts";
import { SegmentCorruptError } from "../../../storage/tsdb/segment/segment-reader.ts";
import { buildBatch, type TestPoint } from "./batch-builder.ts";
import { type ReadValue, readColumn } from "./read-back.ts";

const dirs: string[] = [];
const engines: Engine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close().catch(() => {});
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "strata-engine-"));
  dirs.push(d);
  return d;
}

async function openEngine(dataDir: string, extra: Partial<Parameters<typeof Engine.open>[0]> = {}): Promise<Engine> {
  const e = await Engine.open({ dataDir, blockPoints: 4, ...extra });
  engines.push(e);
  return e;
}

const T0 = 1_767_225_600_000_000_000n; // 2026-01-01T00:00:00Z
const B = "0000000000000001";

const extremes: TestPoint[] = [
  { measurement: "m", tags: { host: "a" }, time: T0, fields: { f: 1.5, i: 9223372036854775807n, u: { u: 18446744073709551615n }, b: true, s: "héllo, \"wörld\"" } },
  { measurement: "m", tags: { host: "a" }, time: T0 + 1n, fields: { f: -0, i: -9223372036854775808n, u: { u: 0n }, b: false, s: "" } },
  { measurement: "m", tags: { host: "a" }, time: T0 + 10_000_000_123n, fields: { f: 5e-324, i: -1n, u: { u: 9007199254740993n }, b: true, s: "🦀" } },
  { measurement: "m", tags: { host: "a" }, time: -1_000_000_001n, fields: { f: 1.7976931348623157e308, i: 0n, u: { u: 1n }, b: false, s: "neg epoch" } },
];

function expectExtremes(engine: Engine): void {
  const key = "m,host=a";
  const byTime = [...extremes].sort((a, b) => (a.time < b.time ? -1 : 1));
  expect(readColumn(engine, B, key, "f").map(([t, v]) => [t, Object.is(v, -0) ? "-0" : v])).toEqual(byTime.map((p) => [p.time, Object.is(p.fields.f, -0) ? "-0" : (p.fields.f as number)]));
  expect(readColumn(engine, B, key, "i")).toEqual(byTime.map((p) => [p.time, p.fields.i as bigint]));
  expect(readColumn(engine, B, key, "u")).toEqual(byTime.map((p) => [p.time, (p.fields.u as { u: bigint }).u]));
  expect(readColumn(engine, B, key, "b")).toEqual(byTime.map((p) => [p.time, p.fields.b as boolean]));
  expect(readColumn(engine, B, key, "s")).toEqual(byTime.map((p) => [p.time, p.fields.s as string]));
}

describe("engine", () => {
  test("values of every type read back exactly from the buffer, from segments, and after a restart", async () => {
    const dir = tempDir();
    const e = await openEngine(dir);
    const out = await e.write(B, buildBatch(extremes));
    expect(out).toEqual({ written: 4, rejected: [] });
    expectExtremes(e);
    await e.flush();
    expect(e.metrics().segments).toBeGreaterThan(0);
    expectExtremes(e);
    await e.close();
    engines.length = 0;
    expectExtremes(await openEngine(dir));
  });

  test("unflushed writes survive through WAL replay", async () => {
    const dir = tempDir();
    const e = await openEngine(dir);
    await e.write(B, buildBatch(extremes));
    // No close: a second engine on the same directory sees only what is on disk.
    expectExtremes(await openEngine(dir));
  });

  test("same series and time: fields merge and the later write wins per field", async () => {
    const e = await openEngine(tempDir());
    await e.write(B, buildBatch([{ measurement: "cpu", time: T0, fields: { a: 1, b: 2 } }]));
    await e.flush();
    await e.write(B, buildBatch([{ measurement: "cpu", time: T0, fields: { b: 3, c: 4 } }]));
    expect(readColumn(e, B, "cpu", "a")).toEqual([[T0, 1]]);
    expect(readColumn(e, B, "cpu", "b")).toEqual([[T0, 3]]);
    expect(readColumn(e, B, "cpu", "c")).toEqual([[T0, 4]]);
    await e.write(B, buildBatch([{ measurement: "cpu", time: T0, fields: { a: 9 } }, { measurement: "cpu", time: T0, fields: { a: 10 } }]));
    expect(readColumn(e, B, "cpu", "a")).toEqual([[T0, 10]]);
  });

  test("a field type conflict rejects that line only, with InfluxDB's message", async () => {
    const e = await openEngine(tempDir());
    await e.write(B, buildBatch([{ measurement: "cpu", time: T0, fields: { v: 1 } }]));
    const out = await e.write(
      B,
      buildBatch([
        { measurement: "cpu", time: T0 + 1n, fields: { v: 2 } },
        { measurement: "cpu", time: T0 + 2n, fields: { w: 1n, v: "x" } },
        { measurement: "cpu", time: T0 + 3n, fields: { w: true } },
        { measurement: "cpu", time: T0 + 4n, fields: { w: "first type wins" } },
      ]),
    );
    expect(out.written).toBe(2);
    expect(out.rejected).toEqual([
      { line: 2, message: 'field type conflict: input field "v" on measurement "cpu" is type string, already exists as type float' },
      { line: 4, message: 'field type conflict: input field "w" on measurement "cpu" is type string, already exists as type boolean' },
    ]);
    expect(readColumn(e, B, "cpu", "w")).toEqual([[T0 + 3n, true]]);
  });

  test("points older than the retention cutoff are rejected", async () => {
    const e = await openEngine(tempDir());
    const cutoffMs = Number(T0 / 1_000_000n);
    const out = await e.write(B, buildBatch([{ measurement: "m", time: T0 - 1_000_000n, fields: { v: 1 } }, { measurement: "m", time: T0, fields: { v: 2 } }]), { minTimeMs: cutoffMs });
    expect(out.written).toBe(1);
    expect(out.rejected[0].line).toBe(1);
  });

  test("deletes remove matching points in buffer and segments, survive restart and spare later writes", async () => {
    const dir = tempDir();
    const e = await openEngine(dir);
    const pts = (host: string, from: number, n: number, v: number): TestPoint[] =>
      Array.from({ length: n }, (_, i) => ({ measurement: "cpu", tags: { host }, time: T0 + BigInt(from + i) * 1_000_000_000n, fields: { v: v + i } }));
    await e.write(B, buildBatch([...pts("a", 0, 10, 0), ...pts("b", 0, 10, 100)]));
    await e.flush();
    await e.write(B, buildBatch(pts("a", 10, 5, 10)));
    const startMs = Number(T0 / 1_000_000n) + 5_000;
    await e.delete(B, { measurement: "cpu", tagEquals: ["host", "a"], startMs, startNs: 0, endMs: startMs + 7_000, endNs: 0 });
    await e.write(B, buildBatch(pts("a", 6, 1, 1000)));
    const expected = [0, 1, 2, 3, 4, 6, 13, 14].map((s): [bigint, ReadValue] => [T0 + BigInt(s) * 1_000_000_000n, s === 6 ? 1000 : s]);
    expect(readColumn(e, B, "cpu,host=a", "v")).toEqual(expected);
    expect(readColumn(e, B, "cpu,host=b", "v")).toHaveLength(10);
    await e.close();
    engines.length = 0;
    const e2 = await openEngine(dir);
    expect(readColumn(e2, B, "cpu,host=a", "v")).toEqual(expected);
    await e2.compact(true);
    expect(e2.metrics().segments).toBe(1);
    expect(readColumn(e2, B, "cpu,host=a", "v")).toEqual(expected);
    expect(e2.bucketStore(B)!.tombstones.list).toEqual([]);
  });

  test("compaction merges a window's segments into one and keeps every value", async () => {
    const e = await openEngine(tempDir(), { compactSegments: 100 });
    const all: [bigint, number][] = [];
    for (let round = 0; round < 5; round++) {
      const pts: TestPoint[] = [];
      for (let i = 0; i < 7; i++) {
        const t = T0 + BigInt(round * 7 + i) * 10_000_000_000n;
        pts.push({ measurement: "cpu", tags: { host: "h" }, time: t, fields: { usage: round + i / 100 } });
        all.push([t, round + i / 100]);
      }
      await e.write(B, buildBatch(pts));
      await e.flush();
    }
    expect(e.metrics().segments).toBe(5);
    await e.compact(true);
    expect(e.metrics().segments).toBe(1);
    expect(readColumn(e, B, "cpu,host=h", "usage")).toEqual(all);
  });

  test("a window still being written has its flushed segments merged in runs, and later writes keep winning", async () => {
    const dir = tempDir();
    const loader = await openEngine(dir, { compactSegments: 100 });
    const expected = new Map<bigint, number>();
    for (let round = 0; round < 6; round++) {
      // Every round overwrites T0, so which segment wins on equal timestamps shows in the result.
      const times = [T0, T0 + BigInt(round + 1) * 10_000_000_000n];
      await loader.write(B, buildBatch(times.map((time) => ({ measurement: "cpu", tags: { host: "a" }, time, fields: { v: round } }))));
      for (const t of times) expected.set(t, round);
      await loader.flush();
    }
    await loader.close();
    const e = await openEngine(dir, { compactSegments: 2 });
    expect(e.metrics().segments).toBe(6);
    const later = T0 + 100_000_000_000n;
    await e.write(B, buildBatch([{ measurement: "cpu", tags: { host: "a" }, time: later, fields: { v: 99 } }]));
    expected.set(later, 99);
    const counts: number[] = [];
    for (let i = 0; i < 4; i++) {
      await e.compact();
      counts.push(e.metrics().segments);
    }
    expect(counts).toEqual([5, 4, 3, 3]);
    const sorted = [...expected].sort((x, y) => (x[0] < y[0] ? -1 : 1));
    expect(readColumn(e, B, "cpu,host=a", "v")).toEqual(sorted);
    await e.close();
    expect(readColumn(await openEngine(dir, { compactSegments: 2 }), B, "cpu,host=a", "v")).toEqual(sorted);
  });

  test("a torn WAL tail is truncated on open, not fatal", async () => {
    const dir = tempDir();
    const e = await openEngine(dir);
    await e.write(B, buildBatch(extremes));
    const walDir = join(dir, "wal");
    const last = readdirSync(walDir).sort().at(-1)!;
    appendFileSync(join(walDir, last), new Uint8Array([200, 1, 0, 0, 9, 9, 9]));
    const e2 = await openEngine(dir);
    expectExtremes(e2);
    await e2.write(B, buildBatch([{ measurement: "m", tags: { host: "a" }, time: T0 + 99n, fields: { f: 2 } }]));
    expect(readColumn(await openEngine(dir), B, "m,host=a", "f")).toHaveLength(5);
  });

  test("a flipped byte in a segment is detected by checksum; the other segments keep serving", async () => {
    const dir = tempDir();
    const e = await openEngine(dir);
    await e.write(B, buildBatch([{ measurement: "cpu", tags: { host: "a" }, time: T0, fields: { v: 1.25 } }]));
    await e.flush();
    await e.write(B, buildBatch([{ measurement: "cpu", tags: { host: "a" }, time: T0 + 86_400_000_000_000n, fields: { v: 2.5 } }]));
    await e.close();
    engines.length = 0;
    const bucketDir = join(dir, "buckets", B);
    const first = readdirSync(bucketDir).filter((n) => n.endsWith(".seg")).sort()[0];
    const bytes = readFileSync(join(bucketDir, first));
    bytes[10] ^= 0xff;
    writeFileSync(join(bucketDir, first), bytes);
    const e2 = await openEngine(dir);
    expect(() => readColumn(e2, B, "cpu,host=a", "v")).toThrow(SegmentCorruptError);
    expect(readColumn(e2, B, "cpu,host=a", "v")).toEqual([[T0 + 86_400_000_000_000n, 2.5]]);
    expect(readdirSync(bucketDir).some((n) => n.endsWith(".corrupt"))).toBe(true);
  });

  test("retention drops whole windows past the cutoff and hides expired points of the straddling window", async () => {
    const e = await openEngine(tempDir());
    const dayMs = 86_400_000;
    const nowMs = Date.now();
    const todayStart = Math.floor(nowMs / dayMs) * dayMs;
    const at = (ms: number) => BigInt(ms) * 1_000_000n;
    // Two days ago, and early today and now; keep one hour.
    const times = [todayStart - 2 * dayMs, todayStart, nowMs - 1000];
    await e.write(B, buildBatch(times.map((ms, i) => ({ measurement: "m", time: at(ms), fields: { v: i } }))));
    await e.flush();
    e.enforceRetention(new Map([[B, 3_600_000]]), nowMs);
    expect(e.metrics().segments).toBe(1);
    const expected = nowMs - 3_600_000 > todayStart ? [[at(nowMs - 1000), 2]] : [[at(todayStart), 1], [at(nowMs - 1000), 2]];
    expect(readColumn(e, B, "m", "v")).toEqual(expected as [bigint, number][]);
  });

  test("a dropped measurement forgets its field types, also across a restart", async () => {
    const dir = tempDir();
    const e = await openEngine(dir);
    await e.write(B, buildBatch([{ measurement: "dm", time: T0, fields: { f: 1.5 } }]));
    await e.flush();
    await e.delete(B, { measurement: "dm", tagEquals: [], startMs: -9.223372036854776e15, startNs: 0, endMs: 9.223372036854776e15, endNs: 0 });
    expect(await e.write(B, buildBatch([{ measurement: "dm", time: T0 + 1n, fields: { f: "now a string" } }]))).toEqual({ written: 1, rejected: [] });
    await e.close();
    engines.length = 0;
    const e2 = await openEngine(dir);
    expect(readColumn(e2, B, "dm", "f")).toEqual([[T0 + 1n, "now a string"]]);
    expect((await e2.write(B, buildBatch([{ measurement: "dm", time: T0 + 2n, fields: { f: 2.5 } }]))).rejected).toHaveLength(1);
  });

  test("a quiet buffer is flushed to a segment without reaching the size trigger", async () => {
    const e = await openEngine(tempDir(), { idleFlushMs: 50 });
    await e.write(B, buildBatch([{ measurement: "idle", time: T0, fields: { v: 1 } }]));
    const deadline = Date.now() + 5_000;
    while (e.metrics().segments === 0 && Date.now() < deadline) await Bun.sleep(20);
    expect(e.metrics().segments).toBe(1);
    expect(e.metrics().bufferBytes).toBe(0);
    expect(readColumn(e, B, "idle", "v")).toEqual([[T0, 1]]);
  });

  test("dropping a bucket removes its data for good", async () => {
    const dir = tempDir();
    const e = await openEngine(dir);
    await e.write(B, buildBatch(extremes));
    await e.dropBucket(B);
    expect(readColumn(e, B, "m,host=a", "f")).toEqual([]);
    expect(readColumn(await openEngine(dir), B, "m,host=a", "f")).toEqual([]);
  });
});

describe("liveness: what lets meta statements keep the live series between statements", () => {
  const point = (host: string, t: bigint): TestPoint => ({ measurement: "cpu", tags: { host }, time: t, fields: { v: 1 } });

  test("moves when a write adds a series, not when it adds points to known ones", async () => {
    const e = await openEngine(tempDir());
    await e.write(B, buildBatch([point("a", T0)]));
    const store = e.bucketStore(B)!;
    const before = store.liveness;
    await e.write(B, buildBatch([point("a", T0 + 1n)]));
    expect(store.liveness).toBe(before);
    await e.write(B, buildBatch([point("b", T0)]));
    expect(store.liveness).not.toBe(before);
  });

  test("after a delete, a write moves it unless every series it writes was recorded live since", async () => {
    const e = await openEngine(tempDir());
    await e.write(B, buildBatch([point("a", T0), point("b", T0)]));
    const store = e.bucketStore(B)!;
    const beforeDelete = store.liveness;
    await e.delete(B, { measurement: "cpu", tagEquals: ["host", "a"], startMs: -9.2e15, startNs: 0, endMs: 9.2e15, endNs: 0 });
    expect(store.liveness).not.toBe(beforeDelete);
    let now = store.liveness;
    await e.write(B, buildBatch([point("b", T0 + 1n)]));
    expect(store.liveness).not.toBe(now);
    now = store.liveness;
    store.recordLive([store.index.lookup("cpu,host=b")!], now);
    await e.write(B, buildBatch([point("b", T0 + 2n)]));
    expect(store.liveness).toBe(now);
    await e.write(B, buildBatch([point("a", T0 + 3n)]));
    expect(store.liveness).not.toBe(now);
  });
});
