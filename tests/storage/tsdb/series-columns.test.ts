import { expect, test } from "bun:test";
import { SeriesColumns } from "../../../storage/tsdb/buffer/series-columns.ts";
import { FieldType } from "../../../storage/tsdb/point-batch.ts";
import { releaseMemory } from "../../../storage/tsdb/release-memory.ts";

function filled(): SeriesColumns {
  const sc = new SeriesColumns(0, 0, { bytes: 0 });
  for (const t of [30, 10, 20, 10]) sc.setValue(0, FieldType.Float, sc.addPoint(t), t, 0, undefined);
  return sc;
}

test("an uncached read is a fresh copy its caller may free; the cached column stays readable", () => {
  const sc = filled();
  const cached = sc.read(0)!;
  const owned = sc.read(0, false)!;
  expect(owned).not.toBe(cached);
  expect([...owned.times.subarray(0, owned.n)]).toEqual([10, 20, 30]);
  releaseMemory(owned.times, owned.values);
  expect(sc.read(0)).toBe(cached);
  expect([...cached.times.subarray(0, cached.n)]).toEqual([10, 20, 30]);
});

test("reads sort out-of-order rows and keep the later of equal timestamps, also as the buffer grows", () => {
  const sc = new SeriesColumns(0, 0, { bytes: 0 });
  for (let i = 0; i < 100; i++) sc.setValue(0, FieldType.Integer, sc.addPoint(99 - (i % 50)), i, 0, undefined);
  const col = sc.read(0, false)!;
  expect(col.n).toBe(50);
  for (let j = 0; j < 50; j++) {
    expect(col.times[j]).toBe(50 + j);
    expect(col.words[2 * j]).toBe(99 - j);
  }
});
