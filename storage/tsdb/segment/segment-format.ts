/**
 * Segment file layout (all little-endian):
 *
 *   "STRSEG01"                         magic
 *   blocks                             per block: encoded times, then encoded values
 *   footer                             u32 version, f64 window start ms, f64 flush seq,
 *                                      string JSON {series, fields, supersedes},
 *                                      u32 block count, u32 index length, block index
 *   u32 footer length, u32 footer crc32, "STRSEG01"
 *
 * The block index (block-index.ts) holds per block: series and field (indexes into the footer's
 * lists), type, flags, count, crc32 of the block's bytes, min and max time (window offsets, ns),
 * file offset, times and values lengths, and min, max, sum, first, last.
 * A file is self-describing (series keys and field names inside), so it can be shipped and read
 * alone; it is never modified after its rename into place.
 */
export const SEGMENT_MAGIC = new TextEncoder().encode("STRSEG01");
export const SEGMENT_VERSION = 2;
export const SEGMENT_TAIL_BYTES = 16;

/** The block's statistics are exact and describe every value in it (numeric types only). */
export const BLOCK_FLAG_STATS = 1;

/** Most values in a block unless the engine is told otherwise; scan buffers are sized to hold one. */
export const DEFAULT_BLOCK_POINTS = 1024;

export interface SegmentMeta {
  series: string[][];
  fields: string[];
  /** Names of the segment files this one replaces (compaction output); they are deleted at open if still present. */
  supersedes: string[];
}

export function segmentFileName(windowStartMs: number, seq: number): string {
  return `${windowStartMs}-${String(seq).padStart(16, "0")}.seg`;
}

export const SEGMENT_NAME_PATTERN = /^(-?\d+)-(\d{16})\.seg$/;
