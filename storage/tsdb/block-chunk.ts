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
