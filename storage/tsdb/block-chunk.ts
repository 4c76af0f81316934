import type { ColumnData } from "./column-data.ts";
import type { ColumnChunk } from "./scan.ts";
import type { BlockStats } from "./segment/block-stats.ts";
import type { SegmentReader } from "./segment/segment-reader.ts";

/** Decodes block `b` of a segment, reporting corruption to whoever owns the segment. */
export type BlockDecoder = (reader: SegmentReader, b: number, scratch?: ColumnData) => ColumnData;

/**
 * One whole stored block as a chunk. A class rather than an object literal with a closure: a
 * full scan makes one per block, and its stats are only looked up if a query asks for them.
 */
export class BlockChunk implements ColumnChunk {
  constructor(
    readonly baseMs: number,
    readonly count: number,
    readonly minTime: number,
    readonly maxTime: number,
    private readonly reader: SegmentReader,
    private readonly block: number,
    private readonly decode: BlockDecoder,
  ) {}

  get stats(): BlockStats | undefined {
    return this.reader.stats(this.block);
  }

  read(scratch?: ColumnData): ColumnData {
    return this.decode(this.reader, this.block, scratch);
  }
}

/**
 * The points of a stored block within a range that cuts it: points `from` to `to` of the block.
 * Its times are read when the scan finds the cut; its values are decoded when it is read, into
 * the reader's scratch when given, and the chunk's data is a view of that decode (no copy).
 */
export class BlockPartChunk implements ColumnChunk {
  readonly stats = undefined;

  constructor(
    readonly baseMs: number,
    readonly minTime: number,
    readonly maxTime: number,
    private readonly reader: SegmentReader,
    private readonly block: number,
    private readonly from: number,
    private readonly to: number,
    private readonly decode: BlockDecoder,
  ) {}

  get count(): number {
    return this.to - this.from;
  }

  read(scratch?: ColumnData): ColumnData {
    const d = this.decode(this.reader, this.block, scratch);
    const { from, to } = this;
    return {
      type: d.type,
      baseMs: d.baseMs,
      n: to - from,
      times: d.times.subarray(from, to),
      values: d.values.subarray(from, to),
      words: d.words.subarray(2 * from, 2 * to),
      strings: d.strings?.slice(from, to),
    };
  }
}
