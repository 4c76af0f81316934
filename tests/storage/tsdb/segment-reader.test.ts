import { afterEach, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ColumnData, emptyColumnData } from "../../../storage/tsdb/column-data.ts";
import { FieldType } from "../../../storage/tsdb/point-batch.ts";
import { SEGMENT_TAIL_BYTES, segmentFileName } from "../../../storage/tsdb/segment/segment-format.ts";
import { SegmentCorruptError, SegmentReader } from "../../../storage/tsdb/segment/segment-reader.ts";
import { writeSegment } from "../../../storage/tsdb/segment/segment-writer.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function floatColumn(n: number, at: (i: number) => number): ColumnData {
  const d = emptyColumnData(FieldType.Float, 0, n, false);
  for (let i = 0; i < n; i++) {
    d.times[i] = i * 10_000_000_000;
    d.values[i] = at(i);
  }
  d.n = n;
  return d;
}

/** A segment of two float columns, 10 values each, in blocks of 4: blocks 0-2 and 3-5. */
async function twoColumnSegment(): Promise<{ path: string; columns: ColumnData[] }> {
  const dir = mkdtempSync(join(tmpdir(), "strata-segment-"));
  dirs.push(dir);
  const columns = [floatColumn(10, (i) => i / 4), floatColumn(10, (i) => 100 - i * 1.5)];
  const meta = { series: [["cpu,host=a", "cpu", "host", "a"]], fields: ["a", "b"], supersedes: [] };
  const { path } = await writeSegment(dir, segmentFileName(0, 1), 0, 1, meta, columns.map((data, field) => ({ series: 0, field, data })), 4);
  return { path, columns };
}

function decodedValues(r: SegmentReader, blocks: number[], scratch?: ColumnData): number[] {
  return blocks.flatMap((b) => [...r.decode(b, scratch).values.subarray(0, r.blockCountOf[b])]);
}

describe("segment reader", () => {
  test("blocks decode to what was written, with and without a reused scratch buffer", async () => {
    const { path, columns } = await twoColumnSegment();
    const r = SegmentReader.open(path);
    expect(r.blockCount).toBe(6);
    const scratch = emptyColumnData(FieldType.Float, 0, 4, false);
    for (const [field, data] of columns.entries()) {
      const [first, end] = r.blocksOf(0, field)!;
      const blocks = Array.from({ length: end - first }, (_, i) => first + i);
      const want = [...data.values.subarray(0, data.n)];
      expect(decodedValues(r, blocks)).toEqual(want);
      // Second pass: checksums already verified, the decoded values must not change.
      expect(decodedValues(r, blocks, scratch)).toEqual(want);
    }
  });

  test("a damaged block is reported on every read; intact blocks keep decoding", async () => {
    const { path, columns } = await twoColumnSegment();
    const bytes = readFileSync(path);
    const footerLength = bytes.readUInt32LE(bytes.length - SEGMENT_TAIL_BYTES);
    // The last byte before the footer belongs to the last block.
    bytes[bytes.length - SEGMENT_TAIL_BYTES - footerLength - 1] ^= 0x55;
    writeFileSync(path, bytes);
    const r = SegmentReader.open(path);
    const last = r.blockCount - 1;
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(() => r.decode(last)).toThrow(SegmentCorruptError);
      expect(decodedValues(r, [0, 1])).toEqual([...columns[0].values.subarray(0, 8)]);
    }
  });
});
